"""The Streamlit app: thin pages over geo/ and layers/ (started by streamlit_app.py)."""
