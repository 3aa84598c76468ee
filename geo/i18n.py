"""One translation table (data/i18n.json) for every label, legend and message."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
TABLE = Path(__file__).resolve().parent.parent / "data" / "i18n.json"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    return json.loads(TABLE.read_text(encoding="utf-8"))


def t(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The label for ``key`` in ``lang``; the key itself when missing, so gaps are visible."""
    entry = _table().get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry[DEFAULT_LANGUAGE]
