"""The sidebar: language, page, scope, the page's own options and the basemap."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from app.lookups import categories, code_names, communities, streets, today
from geo import users
from geo.i18n import LANGUAGES, t
from geo.viewstate import (CASE_LAYERS, DISPLAYS, ESCALATIONS, LAYERS, PERIODS, STATUSES, VIEWS,
                           State, year_before)
from layers.basemap import BASEMAPS


_SCOPE_SWITCH = "scope_switch"


def switch_scope(street: str, community: str, site: int | None, *, said: bool,
                 page: str | None = None) -> None:
    """Open a community (and ``site`` in it, on ``page`` when given) asked from a page, after
    the sidebar ran: the scope menus take it on the next run, which starts now; ``said``: the
    page says so (the user did not choose the community itself)."""
    st.session_state[_SCOPE_SWITCH] = (street, community, site, said, page)
    st.rerun()


def _switched(s: State) -> State:
    """The state with a pending scope switch applied to it and to the scope menus."""
    switch = st.session_state.pop(_SCOPE_SWITCH, None)
    if not switch:
        return s
    street, community, site, said, page = switch
    st.session_state["street"], st.session_state["community"] = street, community
    st.session_state["scope_switched"] = said
    if page:
        st.session_state["page"] = page
    return replace(s, street=street, community=community, site=site, center=None, zoom=None,
                   page=page or s.page)


def page_choices(user: users.User | None) -> list[str]:
    """The pages a user may open, 我的 first: for an account linked to a person (and in the
    open demo, viewed as anyone); imports for those who edit."""
    mine = ["mine"] if user is None or user.person else []
    return mine + [v for v in VIEWS if v != "mine" and (v != "import" or user is None
                                                        or user.may_edit)]


def sidebar(conn, s: State, user: users.User | None = None) -> State:
    """Language, page, scope, the page's own options and the basemap; returns the new state."""
    sb = st.sidebar
    s = _switched(s)
    lang = sb.radio("语言 / Language", LANGUAGES, index=LANGUAGES.index(s.lang), horizontal=True,
                    format_func=lambda c: {"zh": "中文", "en": "English"}[c], key="lang")
    pages = page_choices(user)
    # a page asked for by another page is in the session state already: no default then
    index = ({} if st.session_state.get("page") in pages
             else {"index": pages.index(s.page) if s.page in pages else 0})
    page = sb.radio(t("page", lang), pages, horizontal=True, key="page",
                    format_func=lambda v: t(f"page_{v}", lang), **index)
    street_opts = streets(conn)
    names = dict(street_opts)
    codes = [None] + [c for c, _ in street_opts]
    street = sb.selectbox(t("street", lang), codes,
                          index=codes.index(s.street) if s.street in codes
                          and "street" not in st.session_state else 0,
                          format_func=lambda c: t("all", lang) if c is None else names[c], key="street")
    comm_opts = communities(conn, street)
    cnames = dict(comm_opts)
    ccodes = [None] + [c for c, _ in comm_opts]
    community = sb.selectbox(t("community", lang), ccodes,
                             index=ccodes.index(s.community) if s.community in ccodes
                             and "community" not in st.session_state else 0,
                             format_func=lambda c: t("all", lang) if c is None else cnames[c],
                             key="community")
    new = replace(s, lang=lang, page=page, street=street, community=community)
    options = {"coverage": coverage_options, "cases": case_options}.get(page)
    if options:
        new = options(conn, new)
    basemap = sb.selectbox(t("basemap", lang), BASEMAPS, index=BASEMAPS.index(s.basemap),
                           format_func=lambda b: t(f"basemap_{b}", lang), key="basemap")
    tiles = s.tiles
    if basemap == "custom":
        tiles = sb.text_input(t("custom_tiles", lang), value=s.tiles or "", key="tiles",
                              placeholder="http://tiles.example/{z}/{x}/{y}.png").strip() or None
    new = replace(new, basemap=basemap, tiles=tiles)
    if (street, community) != (s.street, s.community):
        new = replace(new, site=None, center=None, zoom=None)  # fit the new selection
        st.session_state.pop("picked_cell", None)
    if (street, community, page) != (s.street, s.community, s.page):
        st.session_state.pop("map_bounds", None)  # the old view's extent
    return new


def coverage_options(conn, s: State) -> State:
    sb, lang = st.sidebar, s.lang
    as_of = sb.date_input(t("as_of", lang), value=s.as_of, key="as_of", format="YYYY-MM-DD")
    # the comparison follows the date (a year before it) until the user picks one of their own
    chosen = s.compare is not None or st.session_state.get(_COMPARE_CHOSEN, False)
    if not chosen or "compare" not in st.session_state:
        st.session_state["compare"] = s.compare or year_before(as_of)
    compare = sb.date_input(t("compare_with", lang), key="compare", on_change=_compare_chosen,
                           format="YYYY-MM-DD")
    layers = sb.multiselect(t("layers", lang), LAYERS, default=list(s.layers),
                            format_func=lambda x: t(f"layer_{x}", lang), key="layers",
                            placeholder=t("choose", lang), select_all=False)
    return replace(s, as_of=as_of, compare=compare if chosen else None, layers=tuple(layers))


_COMPARE_CHOSEN = "compare_chosen_by_user"


def _compare_chosen() -> None:
    st.session_state[_COMPARE_CHOSEN] = True


def case_options(conn, s: State) -> State:
    """The cases view's filters: a quick pick or a custom range, category, source, status,
    escalation; the display and its layers."""
    sb, lang = st.sidebar, s.lang
    period = sb.selectbox(t("period", lang), PERIODS, index=PERIODS.index(s.period),
                          format_func=lambda p: t(f"period_{p}", lang), key="period")
    date_from, date_to = s.date_from, s.date_to
    if period == "custom":
        lo, hi = s.date_range(today(conn))
        picked = sb.date_input(t("date_range", lang), value=(lo, hi), key="date_range",
                             format="YYYY-MM-DD")
        if isinstance(picked, (tuple, list)) and len(picked) == 2:
            date_from, date_to = picked
    names = code_names(conn, lang)
    cat_names = {code: names["category_code"][code] + (f" ({names['category_code'][parent]})"
                                                        if parent else "")
                 for code, _, _, _, parent in categories(conn)}
    src_names = names["source_code"]
    chosen_cats = sb.multiselect(t("category", lang), list(cat_names),
                                 default=[c for c in s.categories if c in cat_names],
                                 format_func=cat_names.get, key="categories",
                                 placeholder=t("choose", lang), select_all=False)
    chosen_srcs = sb.multiselect(t("source", lang), list(src_names),
                                 default=[c for c in s.sources if c in src_names],
                                 format_func=src_names.get, key="sources",
                                 placeholder=t("choose", lang), select_all=False)
    status = sb.selectbox(t("status", lang), STATUSES, index=STATUSES.index(s.status),
                          format_func=lambda v: t(f"status_{v or 'all'}", lang), key="status")
    escalation = sb.selectbox(t("escalation", lang), ESCALATIONS,
                              index=ESCALATIONS.index(s.escalation),
                              format_func=lambda v: t(f"escalation_{v or 'all'}", lang),
                              key="escalation")
    display = sb.radio(t("display", lang), DISPLAYS, index=DISPLAYS.index(s.display),
                       format_func=lambda d: t(f"display_{d}", lang), horizontal=True,
                       key="display")
    layers = s.case_layers
    if display == "heat":
        layers = tuple(sb.multiselect(t("layers", lang), CASE_LAYERS, default=list(s.case_layers),
                                      format_func=lambda x: t(f"layer_{x}", lang),
                                      key="case_layers",
                                      placeholder=t("choose", lang), select_all=False))
    new = replace(s, period=period, date_from=date_from if period == "custom" else None,
                  date_to=date_to if period == "custom" else None,
                  categories=tuple(chosen_cats), sources=tuple(chosen_srcs), status=status,
                  escalation=escalation, display=display, case_layers=layers)
    if new.date_range(today(conn)) != s.date_range(today(conn)):
        new = replace(new, month=None)  # playback restarts with a new range
    return new
