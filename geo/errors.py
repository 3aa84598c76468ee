"""The error a user can fix: bad input, named by file, row and field. Exit status 2."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """One rejected row (``severity`` "error"), or a kept row whose ``field`` was emptied
    ("warning"): ``row`` is the 1-based line of a table (header = 1) or feature number."""

    row: int | None
    field: str | None
    message: str
    severity: str = "error"

    def describe(self, file: str | None = None) -> str:
        parts = [p for p in (file, f"row {self.row}" if self.row is not None else None,
                             f"field '{self.field}'" if self.field else None) if p]
        return f"{': '.join(parts)}: {self.message}" if parts else self.message


class InputError(Exception):
    """Bad input from the user. Carries every row error found (for the all-or-nothing report)."""

    def __init__(self, message: str, *, file: str | None = None,
                 errors: list[RowError] | None = None) -> None:
        self.file = file
        self.errors = errors or []
        super().__init__(message)

    @classmethod
    def at(cls, file: str | None, row: int | None, field: str | None, message: str) -> "InputError":
        err = RowError(row, field, message)
        return cls(err.describe(file), file=file, errors=[err])

    def lines(self, limit: int = 20) -> list[str]:
        if not self.errors:
            return [str(self)]
        out = [e.describe(self.file) for e in self.errors[:limit]]
        if str(self) not in out:  # the whole file's reason first
            out.insert(0, str(self))
        if len(self.errors) > limit:
            out.append(f"... and {len(self.errors) - limit} more rejected rows")
        return out
