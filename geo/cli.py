"""The command line: ``python -m geo``. Only JSON goes to stdout; messages go to stderr.

Exit status: 0 success, 2 bad input (message names file, row and field), 1 anything else.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from typing import Any, Sequence

from geo.errors import InputError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep its message short
        raise InputError(f"{self.prog}: {message}")


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date YYYY-MM-DD") from None


def _progress_bar(label: str):
    """A stderr progress bar (tqdm) that appears only for work that has taken more than a
    second and is not yet at its last step, where it would only flash by (tqdm is loaded only
    then)."""
    started = time.monotonic()
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if done >= total - 1 or time.monotonic() - started < 1.0:
                return
            from tqdm import tqdm

            bar = tqdm(total=total, desc=label, unit="row", file=sys.stderr, disable=None)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


# ---------------------------------------------------------------- db
def cmd_db(args) -> int:
    from geo import db, localdb

    if args.action == "up":
        recovering = (args.analyze_after_recovery and not os.environ.get("DATABASE_URL")
                      and localdb.crashed(db.LOCAL_ROOT))
        url = db.database_url()
        conn = db.connect(url)
        applied = db.migrate(conn)
        if recovering:  # the planner's statistics before the app serves
            from geo.sql import operations

            conn.autocommit = True
            with conn.cursor() as cur:
                db.run(cur, operations.ANALYZE)
            _say("recovered from a crash: statistics rebuilt (ANALYZE)")
        conn.close()
        for name in applied:
            _say(f"applied migration {name}")
        _emit({"url": url, "applied": applied})
    elif args.action == "stop":
        stopped = localdb.stop_cluster(db.LOCAL_ROOT)
        _say("local database stopped" if stopped else "local database was not running")
    elif args.action == "backup":  # without FILE: a dated dump in the backup folder
        from geo import backup

        _emit({"backup": str(backup.backup(db.database_url(), args.file))})
    elif args.action == "maintain":
        _emit({"done": db.maintain(db.connect(db.database_url(start=False)))})
    elif args.action in ("restore", "verify-backup"):
        from geo import backup

        if args.action == "verify-backup" and not args.file:  # the newest nightly dump
            args.file = backup.newest()
        if not args.file:
            raise InputError(f"db {args.action}: give the backup FILE")
        if args.action == "restore":
            backup.restore(db.database_url(), args.file)
            _emit({"restore": str(args.file)})
        else:
            from geo import users

            result = backup.verify(db.database_url(), args.file)
            users.audit(db.connect(), None, "verify_backup", result)
            _emit(result)
            return 0 if result["equal"] else 1
    return 0


def cmd_service(args) -> int:
    from pathlib import Path

    from geo import service

    root = Path(args.root or "/")
    if args.root and not root.is_dir():
        raise InputError(f"--root: folder '{root}' does not exist")
    _emit(service.install(root) if args.action == "install" else service.uninstall(root))
    return 0


def cmd_health(args) -> int:
    from geo import health

    report = health.health()
    _emit(report)
    return 0 if report["healthy"] else 1


# ---------------------------------------------------------------- demo
def cmd_demo(args) -> int:
    from geo import db, demo

    conn = db.connect()
    db.migrate(conn)
    with conn.cursor() as cur:
        if args.if_empty and not demo.is_empty(cur):
            _say("database already holds a district: demo not rebuilt")
            return 0
        if demo.holds_user_data(cur) and not args.force:
            raise InputError("the database holds a district that is not the demo: "
                             "refusing to replace it (use --force to replace it anyway)")
    conn.commit()
    _say(f"building the demo district (seed {args.seed}, {args.sites} sites, "
         f"{args.cases} cases)...")
    summary = demo.build_demo(conn, seed=args.seed, n_cases=args.cases, n_sites=args.sites,
                              progress=_progress_bar("cases"))
    _emit(summary)
    return 0


# ---------------------------------------------------------------- import
def cmd_import(args) -> int:
    from geo.importing import run, templates

    if args.template:
        templates.write_template(args.kind, args.template, args.lang)
        _say(f"wrote the {args.kind} template to {args.template}")
        return 0
    if not args.path:
        raise InputError("import: give the PATH of the file to import (or --template FILE)")
    summary = run.import_file(
        args.kind, args.path, crs=args.crs, mapping=args.map, source=args.source,
        encoding=args.encoding, date_format=args.date_format,
        add_categories=args.add_categories, skip_invalid=args.skip_invalid,
        report=args.report, nearest_within=args.nearest_within, map_values=args.map_values,
        dry_run=args.dry_run, progress=_progress_bar(args.kind), say=_say)
    if args.dry_run:
        summary.pop("rejected_rows")
    _emit(summary)
    return 0


# ---------------------------------------------------------------- stats
def _connection(args):
    """The owner's connection, or with --as-user one limited to that user's scope by the
    database's row-level security; reading from ATLAS_READ_URL's replica when set."""
    from geo import db, users

    if not getattr(args, "as_user", None):
        return db.connect_reading(), None
    conn = db.connect()
    user = users.get(conn, args.as_user)
    conn.close()
    return db.connect_reading(user), user


def cmd_stats(args) -> int:
    from geo import stats

    conn, _ = _connection(args)
    scope = stats.Scope(street=args.street, community=args.community)
    if args.what == "coverage":
        rows = stats.coverage(conn, scope, kinds=args.kind, by=args.by, as_of=args.as_of)
    else:
        filters = stats.CaseFilters(date_from=args.date_from, date_to=args.date_to,
                                    categories=args.category, sources=args.source,
                                    status=args.status, escalation=args.escalation)
        rows = stats.cases(conn, scope, filters, by=args.by)
    _emit(rows)
    return 0


# ---------------------------------------------------------------- export
def export_state(args, today: dt.date):
    """The view to export: an app link's state (``--link``), then the options on top
    (``today``: the district's)."""
    from urllib.parse import parse_qsl, urlparse

    from geo import viewstate
    from layers.basemap import BASEMAPS

    query = dict(parse_qsl(urlparse(args.link).query)) if args.link else {}
    s = viewstate.from_query(query, BASEMAPS, today)
    page = s.page if args.view is None else "cases" if args.view == "cases" else "coverage"
    changes = {"page": page, "lang": args.lang or s.lang}
    if args.street or args.community:
        changes.update(street=args.street, community=args.community, center=None, zoom=None)
    if args.as_of:
        changes["as_of"] = args.as_of
    if args.date_from or args.date_to:
        changes.update(period="custom", date_from=args.date_from or dt.date(2000, 1, 1),
                       date_to=args.date_to or today)
    for key, value in (("categories", args.category), ("sources", args.source)):
        if value:
            changes[key] = tuple(value)
    for key in ("status", "escalation"):
        if getattr(args, key):
            changes[key] = getattr(args, key)
    from dataclasses import replace

    return replace(s, **changes)


def cmd_export(args) -> int:
    from pathlib import Path

    from geo import stats, users
    from geo.export import atlas, snapshot, tables

    conn, user = _connection(args)
    if args.what == "briefing":
        return _export_briefing(conn, user, args)
    if args.person:
        raise InputError("--person: only a briefing is made for a person")
    with conn.cursor() as cur:  # unknown codes are the user's mistake, named before any work
        today = stats.district_today(cur)
        s = export_state(args, today)
        stats.case_params(cur, s.scope, s.case_filters(today))
    conn.rollback()
    out = Path(args.out)
    # reporters' data only for a user allowed it (the owner's command line masks it too)
    personal = bool(user and user.sees_personal_data and not args.public)
    users.audit(conn, user.name if user else None, "export",
                {"what": args.what, "view": args.view, "out": out.name, "personal_data": personal})
    if args.what == "table":
        rows = tables.export_table(conn, s, args.view or "coverage", out, public=args.public,
                                   personal=personal)
        _emit({"out": str(out), "rows": rows})
        return 0
    if args.what == "atlas":
        bar = _progress_bar("atlas")
        atlas.export_atlas(conn, s, out, paper=args.paper, orientation=args.orientation,
                            progress=lambda f: bar(round(f * 100), 100))
    else:
        snapshot.export_map(conn, s, out, paper=args.paper, orientation=args.orientation,
                          dpi=snapshot.DPIS[args.dpi])
    _emit({"out": str(out), "bytes": out.stat().st_size})
    return 0


def _export_briefing(conn, user, args) -> int:
    from pathlib import Path

    from geo import myplaces, stats, users
    from geo.export import briefing

    if bool(args.person) == bool(user):
        raise InputError("export briefing: give --person ID or --as-user NAME (one of them)")
    person = args.person or user.person
    if person is None:
        raise InputError(f"--as-user: account '{user.name}' is not linked to a person "
                         f"(users link NAME --person ID)")
    myplaces.person(conn, person)  # an unknown person is the user's mistake, named first
    with conn.cursor() as cur:
        s = export_state(args, stats.district_today(cur))  # language and basemap
    conn.rollback()
    out = Path(args.out)
    users.audit(conn, user.name if user else None, "export",
                {"what": "briefing", "person": person, "out": out.name})
    briefing.export_briefing(conn, person, out, lang=s.lang, basemap=s.basemap, tiles=s.tiles)
    _emit({"out": str(out), "bytes": out.stat().st_size})
    return 0


# ---------------------------------------------------------------- users
def _password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise InputError("password: the two entries differ")
    return first


def cmd_users(args) -> int:
    from geo import db, users

    conn = db.connect()
    if args.action == "list":
        _emit(users.listing(conn))
        return 0
    if not args.name:
        raise InputError(f"users {args.action}: NAME is missing")
    if args.action == "add":
        if not args.role:
            raise InputError("users add: --role is missing")
        user = users.add(conn, args.name, args.role, _password(args), scope=args.scope,
                         personal_data=args.personal_data, person=args.person)
        _emit({"name": user.name, "role": user.role, "scope": user.scope_code,
               "person": args.person})
    elif args.action == "link":  # without --person: unlinked
        user = users.link_person(conn, args.name, args.person)
        _emit({"name": user.name, "person": user.person})
    elif args.action == "remove":
        users.remove(conn, args.name)
        _emit({"removed": args.name})
    else:
        users.passwd(conn, args.name, _password(args))
        _emit({"changed": args.name})
    return 0


def cmd_privacy(args) -> int:
    from geo import db, users

    _emit(users.purge(db.connect(), older_than_days=args.older_than_days))
    return 0


def _scope_and_filters(p: argparse.ArgumentParser) -> None:
    """DESIGN.md's SCOPE and FILTERS, the date and --as-user: shared by stats and export."""
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--street", metavar="CODE")
    scope.add_argument("--community", metavar="CODE")
    p.add_argument("--as-of", type=_date)
    p.add_argument("--from", dest="date_from", type=_date)
    p.add_argument("--to", dest="date_to", type=_date)
    p.add_argument("--category", action="append")
    p.add_argument("--source", action="append")
    p.add_argument("--status", choices=["open", "closed"])
    p.add_argument("--escalation", choices=["community", "street", "district"])
    p.add_argument("--as-user", metavar="NAME", help="run in that user's scope (row-level security)")


def build_parser() -> argparse.ArgumentParser:
    from geo.importing.fields import KINDS, SITE_KINDS

    p = _Parser(prog="python -m geo", description="Grassroots Atlas command line")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    d = sub.add_parser("db", help="local PostGIS, migrations, backup and restore")
    d.add_argument("action", choices=["up", "stop", "backup", "restore", "verify-backup",
                                      "maintain"])
    d.add_argument("--analyze-after-recovery", action="store_true",
                   help="up: ANALYZE when the local database recovers from a crash")
    d.add_argument("file", nargs="?")
    d.set_defaults(func=cmd_db)

    m = sub.add_parser("demo", help="(re)build the demo district")
    m.add_argument("--seed", type=int, default=7)
    m.add_argument("--cases", type=int, default=200_000)
    m.add_argument("--sites", type=int, default=1500)
    m.add_argument("--force", action="store_true", help="replace a non-demo district")
    m.add_argument("--if-empty", action="store_true", help="only when no district exists")
    m.set_defaults(func=cmd_demo)

    i = sub.add_parser("import", help="import a file of one KIND")
    i.add_argument("kind", choices=list(KINDS))
    i.add_argument("path", nargs="?")
    i.add_argument("--template", metavar="FILE",
                   help="write a template (.csv, or .xlsx with a sheet of allowed values) and stop")
    i.add_argument("--lang", choices=["zh", "en"], default="zh",
                   help="the template's headers: Chinese (default) or the field names")
    i.add_argument("--crs", help="EPSG code, gcj02 or bd09 (default: from the file, else 4326)")
    i.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN")
    i.add_argument("--source", help="source code for every case of the file")
    i.add_argument("--encoding", help="text encoding of CSV files (default: detected)")
    i.add_argument("--date-format", help="strptime format of non-ISO dates")
    i.add_argument("--add-categories", action="store_true")
    i.add_argument("--skip-invalid", action="store_true")
    i.add_argument("--report", metavar="PATH")
    i.add_argument("--nearest-within", type=float, metavar="METRES")
    i.add_argument("--map-values", action="append", default=[], metavar="FIELD=FILE.csv",
                   help="map a file's own categories or sources onto codes (CSV: value,code)")
    i.add_argument("--dry-run", action="store_true",
                   help="check everything, write nothing, print what would be written")
    i.set_defaults(func=cmd_import)

    s = sub.add_parser("stats", help="coverage and case figures as JSON")
    s.add_argument("what", choices=["coverage", "cases"])
    _scope_and_filters(s)
    s.add_argument("--kind", action="append", choices=SITE_KINDS)
    s.add_argument("--by", choices=["street", "community", "site", "category", "source", "month"])
    s.set_defaults(func=cmd_stats)

    e = sub.add_parser("export", help="map snapshots, tables, the community atlas and briefings")
    e.add_argument("what", choices=["map", "table", "atlas", "briefing"])
    e.add_argument("--person", metavar="EXTERNAL_ID", help="briefing: the person's places")
    e.add_argument("--view", choices=["coverage", "cases", "gaps"])
    e.add_argument("--link", metavar="URL", help="an app link: export exactly its view")
    _scope_and_filters(e)
    e.add_argument("--paper", choices=["A4", "A3"], default="A4")
    e.add_argument("--orientation", choices=["landscape", "portrait"], default="landscape")
    e.add_argument("--dpi", choices=["screen", "150", "300"], default="150")
    e.add_argument("--public", action="store_true", help="cases as counts per cell, no personal data")
    e.add_argument("--lang", choices=["zh", "en"])
    e.add_argument("--out", required=True, metavar="FILE")
    e.set_defaults(func=cmd_export)

    u = sub.add_parser("users", help="users of the app")
    u.add_argument("action", choices=["add", "list", "link", "remove", "passwd"])
    u.add_argument("name", nargs="?")
    u.add_argument("--role", choices=["district", "street", "community", "admin"])
    u.add_argument("--scope", metavar="CODE", help="the street's or community's code")
    u.add_argument("--personal-data", action="store_true",
                   help="a district user who may see reporters' personal data")
    u.add_argument("--person", metavar="EXTERNAL_ID", help="the person the account belongs to")
    u.add_argument("--password-stdin", action="store_true")
    u.set_defaults(func=cmd_users)

    sv = sub.add_parser("service", help="install or remove the systemd units (deploy/)")
    sv.add_argument("action", choices=["install", "uninstall"])
    sv.add_argument("--root", metavar="DIR", help="write under DIR instead of /")
    sv.set_defaults(func=cmd_service)

    h = sub.add_parser("health", help="whether the service is fit to serve (JSON; exit 0/1)")
    h.set_defaults(func=cmd_health)

    pv = sub.add_parser("privacy", help="purge reporters' personal data past its retention")
    pv.add_argument("action", choices=["purge"])
    pv.add_argument("--older-than-days", type=int, metavar="DAYS",
                    help="default: the setting personal_retention_days, else 730")
    pv.set_defaults(func=cmd_privacy)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except InputError as exc:
        for line in exc.lines():
            _say(f"error: {line}")
        return 2
    except KeyboardInterrupt:
        _say("interrupted: nothing was written")
        return 1
    except OSError as exc:  # a full disk, a permission, a missing device: name the file
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        _say(f"error: {where}{exc.strerror or exc}")
        return 1
    except Exception as exc:  # an unexpected failure: say what, without a traceback
        from geo.localdb import LocalDatabaseError
        import psycopg2

        if isinstance(exc, (LocalDatabaseError, psycopg2.OperationalError)):
            _say(f"error: database: {str(exc).strip()}")
        else:
            _say(f"error: {type(exc).__name__}: {exc}")
        if "GEO_DEBUG" in __import__("os").environ:
            raise
        return 1
