"""Grassroots Atlas (基层治理一张图): `streamlit run streamlit_app.py` starts the app in app/."""
from app.main import run

run()
