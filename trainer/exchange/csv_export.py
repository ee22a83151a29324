"""CSV export: one file per table, for Excel and any spreadsheet.

- UTF-8 with a BOM, so Excel on Windows shows Chinese correctly.
- RFC 4180 quoting (the csv module, CRLF line ends).
- CSV injection (OWASP): a text cell starting with = + - @ TAB or CR is prefixed
  with a single quote, unless it is a plain number such as -3 or +1.5.
- Written to a temporary folder and renamed into place (atomic.py).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from trainer.exchange.atomic import atomic_dir
from trainer.exchange.filters import Filters
from trainer.exchange.source import Source, opened
from trainer.exchange.tables import iter_tables

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: Any) -> Any:
    """A cell value that no spreadsheet will run as a formula."""
    if (
        isinstance(value, str)
        and value.startswith(DANGEROUS_START)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    if isinstance(value, bytes):
        return value.hex()
    return "" if value is None else value


_DANGER = frozenset(DANGEROUS_START)
_AS_IS = frozenset({int, float, type(None)})  # csv.writer writes None as an empty cell


def neutralise_row(row: Sequence[Any]) -> list[Any]:
    """neutralise() over a row, inlined: this runs for every cell (profiled by the bench)."""
    return [
        ("'" + v if v[:1] in _DANGER and not PLAIN_NUMBER.fullmatch(v) else v)
        if v.__class__ is str
        else (v if v.__class__ in _AS_IS else neutralise(v))
        for v in row
    ]


def export_csv(
    source: Source,
    out_dir: Path,
    filters: Filters | None = None,
    pseudonymize: bool = False,
    lang: str = "zh-TW",
) -> dict[str, int]:
    """Write one CSV per table into the folder `out_dir`; returns rows per table."""
    filters = filters or Filters()
    counts: dict[str, int] = {}
    with opened(source) as db:
        filters.check(db.conn)
        with atomic_dir(Path(out_dir)) as tmp:
            for table in iter_tables(db.conn, filters, pseudonymize, lang):
                with (tmp / f"{table.name}.csv").open("w", encoding="utf-8-sig", newline="") as fh:
                    writer = csv.writer(fh)
                    writer.writerow(table.columns)
                    n = 0
                    for row in table.rows:
                        writer.writerow(neutralise_row(row))
                        n += 1
                counts[table.name] = n
    return counts
