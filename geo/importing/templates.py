"""Import templates a person can fill in: the KIND's columns (headers in Chinese or English,
both read back by the import), an example row, and in XLSX a second sheet saying for each
column whether it is required, its type and its allowed values."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.errors import InputError
from geo.i18n import t
from geo.importing.columns import ALIASES
from geo.importing.fields import KINDS, Field, Kind
from geo.importing.validate import ENUM_ALIASES

# An example value per field (the example row), where the type's own would not do
EXAMPLES = {
    "code": "370202001001", "street_code": "370202001", "community_code": "370202001001",
    "external_id": "S000001", "site_external_id": "S000001", "person_external_id": "P000001",
    "target_code": "S000001", "name": "示例小区", "name_en": "Example", "address": "湛山大路5号",
    "timezone": "Asia/Shanghai", "provider": "示例物业公司", "title": "网格员", "phone": "13800000000",
    "source": "hotline_12345", "category": "property", "status": "已办结",
    "reported_at": "2026-01-05 09:30", "closed_at": "2026-01-06 17:00", "satisfaction": "5",
    "lon": "120.3826", "lat": "36.0671", "reporter_name": "张三", "reporter_phone": "13900000000",
    "description": "楼道灯不亮", "handling_unit": "湛山街道办事处", "households": "120", "buildings": "6", "built_year": "1998",
    "valid_from": "2026-01-01",
    "wkt": "POLYGON((120.3820 36.0668, 120.3832 36.0668, 120.3832 36.0676, 120.3820 36.0676, "
           "120.3820 36.0668))",
}
# ... and per KIND where the same field means another thing
KIND_EXAMPLES = {"cases": {"external_id": "GD2026010500001", "name": ""},
                 "people": {"external_id": "P000001", "name": "张三"},
                 "streets": {"code": "370202001", "name": "示例街道"},
                 "communities": {"code": "370202001001", "name": "示例社区"},
                 "grids": {"code": "37020200100101", "name": "示例网格"},
                 "district": {"code": "370202", "name": "市南区"}}
TYPE_WORDS = {"text": "type_text", "int": "type_int", "float": "type_float", "bool": "type_bool",
              "date": "type_date", "datetime": "type_datetime", "enum": "type_enum",
              "rating": "type_rating"}


def header(field: str, lang: str) -> str:
    """The column's header: in zh its first Chinese alias (which the import reads back)."""
    if lang == "zh":
        chinese = [a for a in ALIASES.get(field, ()) if not a.isascii()]
        if chinese:
            return chinese[0]
    return field


def _columns(kind: Kind) -> list[str]:
    columns = kind.names + (["wkt"] if kind.geometry == "polygon" else [])
    if kind.geometry == "point":
        columns = [c for c in columns if c not in ("lon", "lat")] + ["lon", "lat"]
    return columns


def _choice_names(field: Field, lang: str) -> list[str]:
    """Allowed values as the template suggests writing them: in zh the Chinese names the
    import accepts, else the codes."""
    if lang == "zh" and field.name in ENUM_ALIASES:
        names = {code: name for name, code in reversed(list(ENUM_ALIASES[field.name].items()))}
        return [names.get(c, c) for c in field.choices]
    return list(field.choices)


def _example(kind: Kind, field: str, lang: str) -> str:
    if field == "kind":
        return _choice_names(kind.field(field), lang)[1]  # an open courtyard
    spec = kind.field(field) if field in kind.names else None
    if spec is not None and spec.type == "enum":
        return _choice_names(spec, lang)[0]
    if spec is not None and spec.type == "bool":
        return "是" if lang == "zh" else "yes"
    return KIND_EXAMPLES.get(kind.name, {}).get(field, EXAMPLES.get(field, ""))


def _note(spec: Field | None, lang: str) -> str:
    """What to write in a column, in the template's language (the field's own note in English)."""
    if spec is None:
        return t("template_wkt_note", lang)
    key = f"field_note_{spec.name}"
    return t(key, lang) if t(key, lang) != key else spec.doc


def write_template(kind_name: str, path: str | Path, lang: str = "en") -> None:
    """A template of the KIND, in the format of the file's extension (CSV: the header and the
    example row; XLSX: also the second sheet of what each column takes)."""
    kind = KINDS[kind_name]
    path = Path(path)
    columns = _columns(kind)
    frame = pd.DataFrame([[_example(kind, c, lang) for c in columns]],
                         columns=[header(c, lang) for c in columns])
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        return
    if suffix != ".xlsx":
        raise InputError(f"--template: write a .csv or .xlsx template, not '{path.name}'")
    guide = []
    for column in columns:
        spec = kind.field(column) if column in kind.names else None
        guide.append({
            t("template_column", lang): header(column, lang),
            t("template_required", lang): t("yes" if spec and spec.required else "no", lang),
            t("template_type", lang): t(TYPE_WORDS[spec.type] if spec else "type_wkt", lang),
            t("template_values", lang): ("、" if lang == "zh" else ", ").join(
                _choice_names(spec, lang)) if spec else "",
            t("template_note", lang): _note(spec, lang)})
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        frame.to_excel(book, index=False, sheet_name=t("template_data_sheet", lang))
        pd.DataFrame(guide).to_excel(book, index=False, sheet_name=t("template_guide_sheet", lang))
