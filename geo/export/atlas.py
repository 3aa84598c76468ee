"""The atlas: one PDF with a cover (the district) and a page per community, each its map and
its figures beside it."""
from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from typing import Callable

import pandas as pd

from geo import cases, coverage, db, stats
from geo.export import check_out
from geo.export.snapshot import (CSS_DPI, describe, footer, map_html, page, render, scope_name,
                                 source, title, view_map)
from geo.i18n import t
from geo.sql import coverage as coverage_sql
from geo.viewstate import State

def rows_table(rows: list[tuple[str, str]]) -> str:
    """A two-column table of label and value."""
    return "<table class='kpi'>" + "".join(
        f"<tr><th>{html.escape(a)}</th><td>{html.escape(b)}</td></tr>" for a, b in rows) + "</table>"


def _kpi_table(k: dict, lang: str, finished: tuple[int, int] | None = None) -> str:
    """The KPIs of a page; on a cover, ``finished``: its communities whose every site has its
    outline drawn, of all."""
    shares = (("kpi_compound_rate", "compound_rate"), ("kpi_courtyard_rate", "courtyard_rate"),
              ("kpi_courtyard_rate_hh", "courtyard_rate_households"),
              ("kpi_committee_rate", "committee_rate"), ("kpi_party_org_rate", "party_org_rate"),
              ("kpi_courtyard_committee_rate", "courtyard_committee_rate"))
    rows = [(t(label, lang), cases.share_text(k[key])) for label, key in shares]
    rows.append((t("kpi_cases_this_year", lang), f"{k['cases_this_year']:,}"))
    rows += [(t(f"mode_{m}", lang), f"{n:,}") for m, n in k["by_mode"].items()]
    rows.append((t("kpi_outlined", lang), f"{k['outlined']:,}/{k['sites']:,}"))
    if finished:
        rows.append((t("communities_drawn", lang), f"{finished[0]}/{finished[1]}"))
    return rows_table(rows)


def _case_table(summary: dict, lang: str) -> str:
    """The case figures of the cases view (the same as the page's cards)."""
    rows = [(f.label, f.text) for f in cases.case_figures(summary, lang)]
    rows += [(code, f"{k:,}") for code, k in sorted(summary["by_category"].items())]
    return rows_table(rows)


def _gap_table(gaps: pd.DataFrame, lang: str, n: int = 12) -> str:
    head = (f"<tr><th>{t('col_name', lang)}</th><th>{t('col_households', lang)}</th>"
            f"<th>{t('col_priority', lang)}</th></tr>")
    body = "".join(f"<tr><td>{html.escape(str(r.name))}</td><td>{r.households}</td>"
                   f"<td>{r.priority:.2f}</td></tr>" for r in gaps.head(n).itertuples())
    return (f"<p style='font-weight:bold;margin:3mm 0 1mm'>{t('gap_list', lang)}</p>"
            f"<table class='kpi'>{head}{body}</table>")


def export_atlas(conn, s: State, out: Path, *, paper: str = "A4", orientation: str = "landscape",
                 progress: Callable[[float], None] | None = None) -> Path:
    """One PDF of the view's scope: a cover (its KPIs and map) and a page per community in
    it; a community's atlas is its one page."""
    out = check_out(out, (".pdf",))
    with conn.cursor() as cur:
        today = stats.district_today(cur)
        communities = db.run(cur, coverage_sql.ATLAS_PAGES,
                             {"street": s.street, "community": s.community}).fetchall()
    conn.rollback()
    cover = [] if s.community else [(None, s.street)]
    pages, docs, source_line = [], {}, source(conn, s)
    for i, (code, street) in enumerate(cover + communities):
        view = replace(s, street=street, community=code, center=None, zoom=None, site=None)
        fmap, bounds = view_map(conn, view, today)
        docs[f"map{i}.html"] = map_html(fmap, bounds, view, controls=False)
        if s.page == "cases":
            side = _case_table(stats.cases(conn, view.scope, view.case_filters(today))[0], s.lang)
        else:
            drawn = coverage.communities(conn, view.view) if code is None else None
            finished = (None if drawn is None else
                        (int((drawn["outlined"] == drawn["all_sites"]).sum()), len(drawn)))
            side = (_kpi_table(coverage.kpis(conn, view.view), s.lang, finished)
                    + _gap_table(coverage.gaps(conn, view.view), s.lang))
        pages.append(page(f"{title(conn, view)} · {describe(view, today).split(' · ')[0]}",
                           f"map{i}.html", footer(view, today, source_line), side))
        if progress:
            progress(0.5 * (i + 1) / (len(cover) + len(communities)))
    render("".join(pages), docs, out, paper, orientation, CSS_DPI,
            progress=(lambda f: progress(0.5 + 0.5 * f)) if progress else None,
            name=f"{scope_name(conn, s)} · {t(f'atlas_{s.page}', s.lang)} · {describe(s, today).split(' · ')[0]}")
    return out
