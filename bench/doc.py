"""docs/benchmarks.md is written by several benchmarks: each replaces its own section."""
from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
NOTES = "## Notes and targets"


def replace_section(marker: str, lines: list[str]) -> None:
    """Put ``lines`` in place of the section whose heading starts with ``marker`` (up to the
    next level-2 heading), or before the hand-written notes when it is new."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n\n"
    body = "\n".join(lines).rstrip() + "\n\n"
    if marker in text:
        start = text.index(marker)
        nxt = text.find("\n## ", start + len(marker))
        text = text[:start] + body + (text[nxt + 1:] if nxt >= 0 else "")
    elif NOTES in text:
        at = text.index(NOTES)
        text = text[:at] + body + text[at:]
    else:
        text = text.rstrip() + "\n\n" + body
    DOC.write_text(text, encoding="utf-8")


def sizes(conn) -> tuple[int, int]:
    """(sites, cases) of the benchmarked database, for a section's heading."""
    with conn.cursor() as cur:
        cur.execute("SELECT (SELECT count(*) FROM sites), (SELECT count(*) FROM cases)")
        n_sites, n_cases = cur.fetchone()
    conn.rollback()
    return n_sites, n_cases
