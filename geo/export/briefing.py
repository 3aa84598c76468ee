"""A person's briefing: one PDF with a cover (who, the period, each place with its three
rates) and a page per place, its map beside its figures (the atlas's machinery)."""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from zoneinfo import ZoneInfo

from geo import coverage, myplaces, stats
from geo.export import check_out
from geo.export.atlas import rows_table
from geo.export.snapshot import CSS_DPI, map_html, page, render, source, view_map
from geo.i18n import t
from geo.viewstate import State

SITE_PAD = 0.003  # degrees around a site on its page


def _cover(person: myplaces.Person, rows: list[tuple[myplaces.Place, dict]], lang: str,
           period: str, footer: str) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (
        t("briefing_places", lang), t("col_kind", lang), t("places_period_cases", lang),
        t("fig_closed_share", lang), t("fig_satisfaction", lang), t("col_rated", lang),
        t("fig_median_hours", lang)))
    body = ""
    for place, f in rows:
        shown = {x.key: x for x in myplaces.place_figures(f, lang, 0, "")}
        cells = (place.name, t(f"target_{place.kind}", lang), shown["places_period_cases"].value,
                 shown["fig_closed_share"].value, shown["fig_satisfaction"].value,
                 f"{f['cases']['rated']:,}", shown["fig_median_hours"].value)
        body += "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
    who = person.label(lang)
    return (f'<div class="page"><div class="title">{html.escape(t("briefing", lang))} · '
            f'{html.escape(who)}</div><p>{html.escape(period)}</p>'
            f"<table class='kpi'><tr>{head}</tr>{body}</table>"
            f'<div class="footer">{footer}</div></div>')


def export_briefing(conn, person_id: str, out: Path, *, lang: str = "zh", basemap: str = "osm",
                    tiles: str | None = None, since: dt.datetime | None = None,
                    date_from: dt.date | None = None,
                    overdue_days: int = myplaces.OVERDUE_DAYS) -> Path:
    """The briefing of a person's places valid today: new cases since ``since`` (default:
    the last 30 days), the period from ``date_from`` (default: 1 January) to today."""
    out = check_out(out, (".pdf",))
    person = myplaces.person(conn, person_id)
    with conn.cursor() as cur:
        today, zone = stats.district_today(cur), ZoneInfo(stats.district_timezone(cur))
    conn.rollback()
    date_from = date_from or today.replace(month=1, day=1)
    since = since or dt.datetime.combine(today - dt.timedelta(days=myplaces.FIRST_VISIT_DAYS),
                                         dt.time(), zone)
    since_label = t("places_since_day", lang).format(day=since.astimezone(zone).date())
    places = myplaces.places(conn, person_id, today)
    rows = [(p, myplaces.figures(conn, p, since=since, date_from=date_from, today=today,
                                 overdue_days=overdue_days)) for p in places]
    base = State(lang=lang, as_of=today, today=today, basemap=basemap, tiles=tiles)
    source_line = source(conn, base)
    period = t("briefing_period", lang).format(lo=date_from, hi=today)
    pages, docs = [_cover(person, rows, lang, period, source_line)], {}
    for i, (place, f) in enumerate(rows):
        view = State(lang=lang, street=place.street_code, community=place.community_code,
                     site=place.site_id, as_of=today, today=today, basemap=basemap, tiles=tiles,
                     layers=(*base.layers, "grids") if place.grid_code else base.layers)
        fmap, bounds = view_map(conn, view, today)
        extent = coverage.site_extent(conn, place.site_id) if place.site_id else None
        if extent:  # a site's page shows the blocks around it
            west, south, east, north = extent
            bounds = (west - SITE_PAD, south - SITE_PAD, east + SITE_PAD, north + SITE_PAD)
        docs[f"map{i}.html"] = map_html(fmap, bounds, view, controls=False)
        shown = myplaces.place_figures(f, lang, overdue_days, since_label)
        side = rows_table([(x.label, x.text) for x in shown])
        side += "".join(f"<p style='font-size:8.5pt;margin:2mm 0'>{html.escape(line)}</p>"
                        for line in myplaces.place_notes(f, lang))
        pages.append(page(f"{place.title} · {t(f'target_{place.kind}', lang)}",
                          f"map{i}.html", f"{html.escape(period)}<br>{source_line}", side))
    render("".join(pages), docs, out, "A4", "landscape", CSS_DPI,
           name=f"{t('briefing', lang)} · {person.name}")
    return out
