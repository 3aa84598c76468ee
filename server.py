"""The app's server: Streamlit's own (st.App, started by `streamlit run server.py`) serving
streamlit_app.py, plus the route that sets the HttpOnly session cookie. What a first visit
needs is warmed before the server answers (app/warmup.py); an unexpected error is a plain
message in the browser and a traceback in the log (app/failures.py)."""
import streamlit as st

from app.session_cookie import ROUTES
from app.warmup import lifespan


def on_script_error(error: Exception) -> bool:
    from app.failures import on_script_error as handle  # imported in a page run, like the pages

    return handle(error)


app = st.App("streamlit_app.py", routes=ROUTES, lifespan=lifespan, on_script_error=on_script_error)
