"""The app's server: Streamlit's own (st.App, started by `streamlit run server.py`) serving
streamlit_app.py, plus the route that sets the HttpOnly session cookie."""
import streamlit as st

from app.session_cookie import ROUTES

app = st.App("streamlit_app.py", routes=ROUTES)
