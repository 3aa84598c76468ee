"""The app's server: Streamlit's own (st.App, started by `streamlit run server.py`) serving
streamlit_app.py, plus the route that sets the HttpOnly session cookie. What a first visit
needs is warmed before the server answers (app/warmup.py)."""
import streamlit as st

from app.session_cookie import ROUTES
from app.warmup import lifespan

app = st.App("streamlit_app.py", routes=ROUTES, lifespan=lifespan)
