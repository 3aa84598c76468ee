"""Reading an input file into a table of strings plus, for spatial formats, geometries.

Formats are recognised by their content, not only their extension, so that a file that is not
what its name says is refused clearly.
"""
from __future__ import annotations

import codecs
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geo.errors import InputError

MAX_BYTES = 2 * 1024 ** 3
TEXT_ENCODINGS = ("utf-8-sig", "gb18030")  # GB18030 is a superset of GBK and GB2312


@dataclass
class Table:
    """Rows as strings (``""`` for empty) and, for spatial files, geometries and their CRS."""

    frame: pd.DataFrame
    geometry: np.ndarray | None = None
    crs: object = None
    first_row: int = 2  # the line/row number of the first data row (header = 1)
    row_label: str = "row"


def sniff(path: Path) -> str:
    """The format by content: csv, xlsx, zip-shapefile, geojson, gpkg; or raise naming both."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    ext = path.suffix.lower()
    if not head:
        raise InputError.at(str(path), None, None, "the file is empty")
    if head.startswith(b"SQLite format 3\x00"):
        found = "gpkg"
    elif head.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(path).namelist()
        except zipfile.BadZipFile:
            names = []
        if any(n.startswith("xl/") for n in names):
            found = "xlsx"
        elif any(n.lower().endswith(".shp") for n in names):
            found = "zip-shapefile"
        else:
            found = "zip"
    elif b"\x00" in head:
        found = "binary"
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        found = "geojson"
    else:
        found = "csv"
    expected = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".zip": "zip-shapefile",
                ".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg"}.get(ext)
    if expected is None:
        raise InputError.at(str(path), None, None, f"unsupported file type '{ext}' (use GeoJSON, "
                            "GeoPackage, zipped Shapefile, CSV or XLSX)")
    if found != expected:
        what = {"csv": "text", "binary": "binary data", "zip": "a zip without a Shapefile"}.get(found, found)
        raise InputError.at(str(path), None, None,
                            f"the file is not a {expected} file as its name says: it holds {what}")
    return found


def utf8(path: Path, raw: bytes, encoding: str | None) -> bytes:
    """A CSV file's bytes as UTF-8 without a byte order mark: read as the given encoding,
    else UTF-8, else GB18030; else the row that cannot be read is named."""
    tried = [encoding] if encoding else list(TEXT_ENCODINGS)
    for enc in tried:
        try:
            text = raw.decode(enc)
            # the parser reads bytes: a UTF-8 file as it is, saving a copy of it as text
            if codecs.lookup(enc).name in ("utf-8", "utf-8-sig"):
                return raw.removeprefix(codecs.BOM_UTF8)
            return text.encode("utf-8")
        except (UnicodeDecodeError, LookupError) as exc:
            if isinstance(exc, LookupError):
                raise InputError(f"--encoding: unknown encoding '{encoding}'") from None
            last = exc
    line = raw[: last.start].count(b"\n") + 1
    hint = "" if encoding else " (give --encoding, e.g. --encoding gbk)"
    raise InputError.at(str(path), line, None,
                        f"cannot be read as {' or '.join(tried)}{hint}")


def read(path: Path, encoding: str | None = None) -> Table:
    if not path.exists():
        raise InputError.at(str(path), None, None, "no such file")
    if path.stat().st_size > MAX_BYTES:
        raise InputError.at(str(path), None, None, "the file is larger than 2 GB")
    kind = sniff(path)
    if kind == "csv":
        data = utf8(path, path.read_bytes(), encoding)
        sep = "\t" if path.suffix.lower() == ".tsv" else ","
        try:
            frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, sep=sep,
                                skip_blank_lines=True, engine="pyarrow" if sep == "," else "c")
        except pd.errors.EmptyDataError:
            raise InputError.at(str(path), None, None, "the file is empty") from None
        except pd.errors.ParserError as exc:
            raise InputError.at(str(path), None, None, f"not a valid CSV file: {exc}") from None
        table = Table(frame)
    elif kind == "xlsx":
        try:
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
        except Exception as exc:  # openpyxl raises many types for a damaged workbook
            raise InputError.at(str(path), None, None, f"not a readable XLSX workbook: {exc}") from None
        table = Table(frame)
    else:
        table = _read_spatial(path, kind)
    table.frame.columns = [str(c).strip() for c in table.frame.columns]
    if table.frame.empty:
        raise InputError.at(str(path), None, None, "the file has no rows")
    return table


def _read_spatial(path: Path, kind: str) -> Table:
    import pyogrio

    source = f"/vsizip/{path}" if kind == "zip-shapefile" else str(path)
    try:
        meta = pyogrio.read_info(source)
        frame = pyogrio.read_dataframe(source)
    except Exception as exc:  # GDAL errors come in several classes
        raise InputError.at(str(path), None, None, f"cannot be read as {kind}: {exc}") from None
    geoms = np.asarray(frame.geometry.values) if "geometry" in frame else None
    attrs = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    attrs = attrs.astype(object).where(attrs.notna(), "").astype(str)
    return Table(attrs, geoms, meta.get("crs"), first_row=1, row_label="feature")
