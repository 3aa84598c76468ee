"""Map layer builders: frames in, folium/pydeck objects out. No database, no Streamlit."""
