"""Small lookups the pages need: streets and communities with their names."""
from __future__ import annotations


def streets(conn) -> list[tuple[str, str]]:
    with conn.cursor() as cur:
        cur.execute("SELECT code, name FROM streets ORDER BY code")
        rows = cur.fetchall()
    conn.rollback()
    return rows


def communities(conn, street: str | None = None) -> list[tuple[str, str]]:
    with conn.cursor() as cur:
        cur.execute("""SELECT code, name FROM communities
                       WHERE %(street)s::text IS NULL OR street_code = %(street)s
                       ORDER BY code""", {"street": street})
        rows = cur.fetchall()
    conn.rollback()
    return rows
