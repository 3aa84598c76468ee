"""What a first visit needs, done when the server process starts (server.py's start-up hook,
before its health check answers): the libraries imported, the coverage page's loads of the
district overview and of each community in the shared caches (the open demo's, read on the
owner's connection), the loads of the district's case heatmap, a map rendered once (folium's
templates compiled), the database's pages read. A signed-in user's loads are cached per scope
and run on their first visit, on a warm process and database."""
from __future__ import annotations

import asyncio
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import replace

_LOG = logging.getLogger(__name__)
BUDGET_SECONDS = 20.0  # communities past this are left to their first visit
QUIET = ("streamlit.runtime.scriptrunner_utils.script_run_context",
         "streamlit.runtime.caching.cache_data_api")


@asynccontextmanager
async def lifespan(app):
    """st.App's start-up hook: the server answers once it is done."""
    await asyncio.to_thread(warm)
    yield


def warm(budget: float = BUDGET_SECONDS) -> None:
    """The district overview's loads and map, then each community's until ``budget`` seconds
    have passed; a database that is not there yet only leaves the first visit cold. The pages
    themselves are not imported: their map component registers only inside a page run."""
    from app import connections, loads, lookups
    from geo import coverage, db
    from geo.viewstate import DEFAULT_LAYERS, State, year_before
    from layers import coverage as coverage_layers, maps

    started = time.monotonic()
    # outside a page run Streamlit warns at every cached call: expected here, not for the log
    quiet = [logging.getLogger(name) for name in QUIET]
    levels = [q.level for q in quiet]
    for q in quiet:
        q.setLevel(logging.ERROR)
    try:
        # where the pages will read: the replica when ATLAS_READ_URL is set
        conn = connections._reader(None, db.read_url() or connections._database_url())
        try:
            today = lookups.today(conn)
            for load in (lookups.streets, lookups.categories, lookups.timezone):
                load(conn)
            lookups.code_names(conn, "zh")
            views = [coverage.View(as_of=today)] + [
                coverage.View(street, code, as_of=today)
                for street, _ in lookups.streets(conn)
                for code, _ in lookups.communities(conn, street)]
            for i, view in enumerate(views):
                if i and time.monotonic() - started > budget:
                    break
                lookups.communities(conn, view.street)
                loads.load_kpis(conn, view)
                loads.load_kpis(conn, replace(view, as_of=year_before(today)))
                loads.load_gaps(conn, view)
                loads.load_trend(conn, view)
                data = loads.load_map_data(conn, view, DEFAULT_LAYERS)
                if not i:
                    centre, zoom = coverage_layers.fit_view(coverage.extent(conn, view),
                                                            *maps.MAP_SIZE)
                    maps.coverage_map(State(as_of=today, today=today), data, centre,
                                      zoom).get_root().render()
                    _case_heatmap(conn, State(as_of=today, today=today, page="cases"))
        finally:
            conn.close()
    except Exception as error:  # noqa: BLE001 - the server starts anyway
        _LOG.warning("warm-up skipped: %s", error)
    finally:
        for q, level in zip(quiet, levels):
            q.setLevel(level)
    _LOG.info("warm-up took %.1f s", time.monotonic() - started)


def _case_heatmap(conn, s) -> None:
    """The district's case heatmap with the page's default filters, as its first screen loads
    it (app/cases.py). Its hotspots and map are left to the first visit: importing their
    statistics library into the server slowed every coverage page's first map by ~0.15 s."""
    from app import loads

    loads.load_bins(conn, s.scope, s.case_filters(s.today, month=True))
    loads.load_figures(conn, s.scope, s.case_filters(s.today))
    loads.load_outlines(conn, s.view)
