"""Grassroots Atlas: the district overview. Thin page: widgets → geo → render."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import psycopg2
import streamlit as st

from geo import db, places, stats
from geo.i18n import LANGUAGES, t

st.set_page_config(page_title="基层治理一张图 · Grassroots Atlas", layout="wide")


@st.cache_resource
def connection():
    return db.connect()


@st.cache_data(ttl=300)
def load_streets(_conn) -> list[tuple[str, str]]:
    return places.streets(_conn)


@st.cache_data(ttl=300)
def load_communities(_conn, street: str | None) -> list[tuple[str, str]]:
    return places.communities(_conn, street)


@st.cache_data(ttl=60)
def load_coverage(_conn, street: str | None, community: str | None, by: str | None,
                  as_of: dt.date) -> list[dict]:
    return stats.coverage(_conn, stats.Scope(street, community), by=by, as_of=as_of)


def _pick(label: str, options: list[tuple[str, str]], param: str, lang: str) -> str | None:
    codes = [None] + [code for code, _ in options]
    names = dict(options)
    current = st.query_params.get(param)
    index = codes.index(current) if current in codes else 0
    choice = st.sidebar.selectbox(label, codes, index=index,
                                  format_func=lambda c: t("all", lang) if c is None else names[c])
    if choice:
        st.query_params[param] = choice
    else:
        st.query_params.pop(param, None)
    return choice


def main() -> None:
    lang = st.sidebar.radio("语言 / Language", LANGUAGES, horizontal=True,
                            index=LANGUAGES.index(st.query_params.get("lang", "zh"))
                            if st.query_params.get("lang", "zh") in LANGUAGES else 0,
                            format_func=lambda code: {"zh": "中文", "en": "English"}[code])
    st.query_params["lang"] = lang
    st.title(t("app_title", lang))
    try:
        conn = connection()
        streets = load_streets(conn)
    except psycopg2.Error:
        connection.clear()
        st.error(t("database_unavailable", lang))
        return
    if not streets:
        st.info(t("no_district", lang))
        return
    street = _pick(t("street", lang), streets, "street", lang)
    community = _pick(t("community", lang), load_communities(conn, street), "community", lang)
    as_of = st.sidebar.date_input(t("as_of", lang), value=dt.date.today())

    scope = load_coverage(conn, street, community, None, as_of)[0]
    cols = st.columns(4)
    cols[0].metric(t("coverage_count", lang), f"{(scope['rate'] or 0):.1%}")
    cols[1].metric(t("coverage_households", lang), f"{(scope['rate_households'] or 0):.1%}")
    cols[2].metric(t("sites", lang), f"{scope['sites']:,}")
    cols[3].metric(t("unmanaged", lang), f"{scope['by_mode']['none']:,}")

    st.subheader(t("by_community", lang))
    rows = load_coverage(conn, street, community, "community", as_of)
    table = pd.DataFrame([{t("code", lang): r["code"], t("name", lang): r["name"],
                           t("sites", lang): r["sites"], t("managed", lang): r["managed"],
                           t("households", lang): r["households"],
                           t("rate", lang): r["rate"]} for r in rows])
    st.dataframe(table, hide_index=True, use_container_width=True)


main()
