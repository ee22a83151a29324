"""The work behind the instructor area's buttons, Qt-free so workers can run it.

Exports call the very functions `python -m trainer export` calls (same arguments,
same rules); merges call `merge_files` like `python -m trainer merge`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from trainer.exchange.atomic import ExportError
from trainer.exchange.filters import Filters
from trainer.exchange.merge import MergeSummary, merge_files

LOG_SUFFIXES = (".db", ".sqlite", ".sqlite3")
FORMATS = ("csv", "xlsx", "xapi", "sqlite", "pdf")


def merge_logs(database: Path, files: Sequence[Path]) -> MergeSummary:
    """Merge learner logs; anything but a .db / .sqlite file is refused up front."""
    wrong = [f.name for f in files if f.suffix.lower() not in LOG_SUFFIXES]
    if wrong:
        raise ExportError(
            f"not a learner log (.db / .sqlite): {', '.join(wrong)}; nothing was merged"
        )
    return merge_files(database, list(files))


def export(
    fmt: str,
    root: Path,
    database: Path,
    out: Path,
    filters: Filters,
    pseudonymize: bool = False,
    lang: str = "zh-TW",
) -> dict[str, int]:
    """Write one export; returns rows written per table (as the CLI prints them)."""
    if fmt != "pdf" and not database.exists():
        raise ExportError(f"no database in {root} yet: nothing to export")
    if fmt == "csv":
        from trainer.exchange.csv_export import export_csv

        return export_csv(database, out, filters, pseudonymize, lang)
    if fmt == "xlsx":
        from trainer.exchange.xlsx_export import export_xlsx

        return export_xlsx(database, out, filters, pseudonymize, lang)
    if fmt == "xapi":
        from trainer.exchange.xapi import export_xapi

        return {"statements": export_xapi(database, out, filters)}
    if fmt == "sqlite":
        from trainer.exchange.sqlite_copy import export_sqlite

        return export_sqlite(database, out, filters, pseudonymize)
    if fmt == "pdf":
        from trainer.exchange.pdf_export import export_pdf

        return export_pdf(root, out, filters, pseudonymize, lang)
    raise ExportError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
