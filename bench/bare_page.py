"""The floor of the stack for bench/first_map.py: a bare Streamlit page with one metric and a
streamlit-folium map of one polygon, with Leaflet served offline as the app serves it (no
database, no caches of ours). Run from a folder beside the app's static/ (the benchmark
makes one)."""
import folium
import streamlit as st
from streamlit_folium import st_folium

from layers.offline import Map

st.metric("metric", "1")
fmap = Map(location=(36.06, 120.38), zoom_start=14, tiles=None)
folium.Polygon([(36.05, 120.37), (36.07, 120.37), (36.07, 120.39)], fill=True).add_to(fmap)
st_folium(fmap, height=600, key="map", returned_objects=[])
