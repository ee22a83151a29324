"""One entry point for every export format, shared by the CLI and the instructor area."""

from __future__ import annotations

from pathlib import Path

from trainer.exchange.atomic import ExportError
from trainer.exchange.filters import Filters

FORMATS = ("csv", "xlsx", "xapi", "sqlite", "pdf")


def export(
    fmt: str,
    root: Path,
    database: Path,
    out: Path,
    filters: Filters,
    pseudonymize: bool = False,
    lang: str = "zh-TW",
) -> dict[str, int]:
    """Write one export of `database` (in data folder `root`); rows written per table."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
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
    from trainer.exchange.pdf_export import export_pdf

    return export_pdf(root, out, filters, pseudonymize, lang)
