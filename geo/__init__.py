"""Grassroots Atlas core: database, imports, analytics, demo district and the command line.

Nothing here imports Streamlit; pages call into this package.
"""
