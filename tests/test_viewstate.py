"""The view's round trip through a URL."""
import datetime as dt

import pytest

from geo import viewstate

TODAY = dt.date(2026, 12, 1)


def test_a_quarter_zoom_survives_the_url():
    state = viewstate.from_query({"lat": "36.06", "lon": "120.36", "zoom": "12.75"}, ("osm",), TODAY)
    assert state.zoom == 12.75
    assert viewstate.to_query(state)["zoom"] == "12.75"
    assert viewstate.to_query(viewstate.State(zoom=13.0, today=TODAY, as_of=TODAY))["zoom"] == "13"


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "0", "-3", "99", ""])
def test_a_zoom_no_map_has_falls_back_to_the_fitted_view(text):
    assert viewstate.from_query({"zoom": text}, ("osm",), TODAY).zoom is None
