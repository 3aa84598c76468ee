"""The demo district's own statements: whether the database holds it, its reference codes,
clearing the data tables before a rebuild, and the marks it leaves in settings."""
from __future__ import annotations

from psycopg2 import sql

from geo.sql import compose, names

DATA_TABLES = ("case_personal", "cases", "address_aliases", "addresses", "assignments", "people",
               "management", "sites", "grids", "communities", "streets", "district",
               "case_categories", "case_sources")

DISTRICT_COUNT = sql.SQL("SELECT count(*) FROM district")
BUILT_AT = sql.SQL("SELECT value FROM settings WHERE key = 'demo_built_at'")
IS_EMPTY = sql.SQL("SELECT NOT EXISTS (SELECT 1 FROM district)")

ADD_SOURCE = sql.SQL("""
INSERT INTO case_sources (code, name, name_en) VALUES (%s, %s, %s) ON CONFLICT (code) DO NOTHING""")
ADD_CATEGORY = sql.SQL("""
INSERT INTO case_categories (code, name, name_en, level)
VALUES (%s, %s, %s, 1) ON CONFLICT (code) DO NOTHING""")
ADD_SUBCATEGORY = sql.SQL("""
INSERT INTO case_categories (code, name, name_en, parent_code, level)
VALUES (%s, %s, %s, %s, 2) ON CONFLICT (code) DO NOTHING""")

CLEAR = compose("TRUNCATE {tables} RESTART IDENTITY CASCADE", tables=names(DATA_TABLES))
FORGET_DEMO = sql.SQL("DELETE FROM settings WHERE key LIKE 'demo_%%'")
MARK_DEMO = sql.SQL("""
INSERT INTO settings (key, value) VALUES ('demo_built_at', %s), ('demo_seed', %s)""")
ANALYZE = sql.SQL("ANALYZE")
