"""Every label the code asks for is in the translation table, in Chinese and in English."""
import json
import re

from tests.conftest import ROOT

CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_]*[a-z0-9])["']""")  # not "kind_" + kind


def test_every_literal_label_is_translated_both_ways():
    table = json.loads((ROOT / "data" / "i18n.json").read_text(encoding="utf-8"))
    sources = [ROOT / "streamlit_app.py",
               *(ROOT / "app").glob("*.py"), *(ROOT / "layers").glob("*.py"),
               *(ROOT / "geo").rglob("*.py")]
    used = {key: path.name for path in sources
            for key in CALL.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 100  # the scan finds the labels
    missing = {key: where for key, where in used.items()
               if not (table.get(key) or {}).get("zh") or not (table.get(key) or {}).get("en")}
    assert missing == {}
