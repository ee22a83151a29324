"""XLSX export: one workbook, a class summary sheet and one sheet per table.

XlsxWriter in constant_memory mode streams rows to disk (flat memory). Text is
always written with write_string and the workbook is told never to turn strings
into formulas, URLs or numbers, so learner text like "=1+1" stays text.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from trainer.core.vocab import INDICATOR_LABELS, INDICATORS
from trainer.exchange.atomic import ExportError, atomic_file, explain_os_error
from trainer.exchange.filters import Filters
from trainer.exchange.leftovers import registered
from trainer.exchange.source import Source, opened
from trainer.exchange.tables import _identity
from trainer.exchange.workbook_tables import (
    SHEET_NAMES,
    WIDE_COLUMNS,
    decision_count_query,
    workbook_queries,
)
from trainer.exchange.xlsx_split import DecisionsJob, Worker
from trainer.store.db import db_path_of

MAX_ROWS = 1_048_576  # Excel's limit per sheet, header included
MAX_CELL = 32_767  # Excel's limit per text cell
OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def _write_row(sheet: Any, row_no: int, values: Any, fmt: Any = None) -> None:
    for col, value in enumerate(values):
        _write_value(sheet, row_no, col, value, fmt)


def _write_value(sheet: Any, row_no: int, col: int, value: Any, fmt: Any = None) -> None:
    if value is None:
        return
    if isinstance(value, bool | int | float):
        sheet.write_number(row_no, col, float(value) if isinstance(value, bool) else value)
    else:
        text = value.hex() if isinstance(value, bytes) else str(value)
        sheet.write_string(row_no, col, text[:MAX_CELL], fmt)


def _write_literal_rich_lookalike(sheet: Any, row_no: int, col: int, text: str, plain: Any) -> None:
    """Write text that looks like rich-string XML ("<r>...</r>") as the literal text.

    In constant_memory mode XlsxWriter copies such a string into the sheet XML
    unescaped (it takes it for its own rich-string markup), so learner text could
    inject cells or formulas or break the workbook. Written as a two-run rich
    string instead, every fragment is escaped and the cell shows the same text.
    """
    sheet.write_rich_string(row_no, col, text[:1], plain, text[1:])


def _write_body(
    sheet: Any, first_row: int, rows: Iterator[tuple[Any, ...]], limit: int, plain: Any
) -> int:
    """Write up to `limit` rows from `rows` starting at `first_row`; returns how many.

    This is the export's innermost loop (millions of cells), so str, int and float
    go straight to XlsxWriter's undecorated writers: the public ones only add
    A1-notation parsing, which integer coordinates never need.
    """
    write_string = sheet._write_string
    write_number = sheet._write_number
    written = 0
    for row_no, row in zip(range(first_row, first_row + limit), rows, strict=False):
        for col, value in enumerate(row):
            kind = type(value)
            if kind is str:
                if value[:3] == "<r>" and value[-4:] == "</r>":
                    _write_literal_rich_lookalike(sheet, row_no, col, value[:MAX_CELL], plain)
                else:
                    write_string(row_no, col, value if len(value) <= MAX_CELL else value[:MAX_CELL])
            elif kind is int or kind is float:
                write_number(row_no, col, value)
            elif value is not None:
                _write_value(sheet, row_no, col, value)
        written += 1
    return written


def summary_rows(
    conn: sqlite3.Connection, filters: Filters, pseudonymize: bool, lang: str
) -> tuple[list[str], Any]:
    """Per learner: attempts, completed, mean score per indicator and mean total."""
    name, student, join = _identity(pseudonymize)
    where, params = filters.where()
    means = ", ".join(
        f"round(avg(case when s.indicator = '{i}' then s.score end), 1)" for i in INDICATORS
    )
    sql = (
        f"select {name}, {student}, l.class_name, count(distinct a.id), "
        "count(distinct case when a.status = 'completed' then a.id end), "
        f"{means}, round(avg(a.total), 1) "
        f"from attempts a join learners l on l.id = a.learner_id {join} "
        "left join scores s on s.attempt_id = a.id "
        f"where {where} group by l.id order by l.class_name, 1"
    )
    en = lang == "en"
    header = [
        "Learner" if en else "學員",
        "Student no." if en else "學號",
        "Class" if en else "班級",
        "Attempts" if en else "練習次數",
        "Completed" if en else "完成次數",
        *[f"{i} {INDICATOR_LABELS[i]['en' if en else 'zh-TW']}" for i in INDICATORS],
        "Mean total" if en else "平均總分",
    ]
    return header, conn.execute(sql, params)


def export_xlsx(
    source: Source,
    out: Path,
    filters: Filters | None = None,
    pseudonymize: bool = False,
    lang: str = "zh-TW",
) -> dict[str, int]:
    """Write the workbook to `out` atomically; returns rows per sheet."""
    filters = filters or Filters()
    with opened(source) as db, atomic_file(Path(out)) as tmp:
        filters.check(db.conn)
        if pseudonymize:
            from trainer.exchange.pseudonyms import ensure_pseudonyms
            from trainer.exchange.tables import register_functions

            ensure_pseudonyms(db.conn)
            register_functions(db.conn)  # rekey() and minute()
        # XlsxWriter's constant-memory part files go in a private folder on the same
        # disk, removed whatever happens (a full disk must leave nothing behind).
        with (
            tempfile.TemporaryDirectory(prefix=".xlsx-parts-", dir=tmp.parent) as parts,
            registered(Path(parts)),  # swept at the next start if this process is killed
        ):
            try:
                return _write_workbook(db, tmp, Path(parts), filters, pseudonymize, lang)
            except FileCreateError as exc:
                cause = exc.__context__ or (exc.args[0] if exc.args else None)
                if isinstance(cause, OSError):
                    raise ExportError(explain_os_error(cause, Path(out))) from None
                raise ExportError(f"cannot write {out}: {exc}") from None
            except OSError as exc:  # the splice's own writes
                raise ExportError(explain_os_error(exc, Path(out))) from None


def _write_workbook(
    db: Any, tmp: Path, parts: Path, filters: Filters, pseudonymize: bool, lang: str
) -> dict[str, int]:
    queries = workbook_queries(filters, pseudonymize, lang)
    job = _split_job(db, parts, filters, pseudonymize, lang)
    worker = Worker(job) if job is not None else None
    try:
        counts: dict[str, int] = {}
        main_file = parts / "main.xlsx" if job is not None else tmp
        book = xlsxwriter.Workbook(str(main_file), {**OPTIONS, "tmpdir": str(parts)})
        bold = book.add_format({"bold": True})
        plain = book.add_format()
        header, rows = summary_rows(db.conn, filters, pseudonymize, lang)
        counts["summary"] = sum(write_sheet_parts(book, "summary", header, rows, bold, plain))
        placeholders: list[int] = []
        for name in SHEET_NAMES:
            sql, params = queries[name]
            if name == "decisions" and job is not None:  # the worker writes the rows
                columns = [d[0] for d in db.conn.execute(f"{sql} limit 0", params).description]
                for part, expected in enumerate(job.rows_per_sheet(MAX_ROWS - 1), 1):
                    index = len(book.worksheets())
                    sheet = _new_sheet(book, name, part, columns, bold)
                    if expected:  # the filter's range is named in the workbook part
                        sheet.autofilter(0, 0, expected, len(columns) - 1)
                    placeholders.append(index)
                continue
            cursor = db.conn.execute(sql, params)
            columns = [d[0] for d in cursor.description]
            counts[name] = sum(write_sheet_parts(book, name, columns, cursor, bold, plain))
        book.close()  # while the worker may still be writing
        if worker is None or job is None:
            return counts
        rows_per_sheet = worker.result()
        if rows_per_sheet != job.rows_per_sheet(MAX_ROWS - 1):
            raise ExportError("the decisions changed during the export; please export again")
        counts["decisions"] = sum(rows_per_sheet)
        from trainer.exchange.xlsx_split import splice

        splice(main_file, job.out, placeholders, tmp)
        return dict(sorted(counts.items(), key=lambda kv: _ORDER.index(kv[0])))
    finally:
        if worker is not None:
            worker.stop()


_ORDER = ("summary", *SHEET_NAMES)

#: Below this many decisions a second process costs more than it saves.
SPLIT_MIN_DECISIONS = 20_000


def _split_job(
    db: Any, parts: Path, filters: Filters, pseudonymize: bool, lang: str
) -> DecisionsJob | None:
    """A job for the decisions worker, when a second core and enough rows make it pay."""
    if (os.cpu_count() or 1) < 2:
        return None
    path = db_path_of(db)
    if path == ":memory:" or not Path(path).is_file():
        return None
    sql, params = decision_count_query(filters)
    count = db.conn.execute(sql, params).fetchone()[0]
    if count < SPLIT_MIN_DECISIONS:
        return None
    (parts / "worker").mkdir()
    return DecisionsJob(
        database=Path(path),
        out=parts / "decisions.xlsx",
        parts_dir=parts / "worker",
        filters=filters,
        pseudonymize=pseudonymize,
        lang=lang,
        decisions=count,
    )


def _new_sheet(book: Any, name: str, part: int, header: list[str], bold: Any) -> Any:
    """Sheet `part` (1, 2, ...) of a table: its header row frozen, columns sized to fit."""
    sheet = book.add_worksheet(name if part == 1 else f"{name} {part}")
    sheet.freeze_panes(1, 0)
    for col, column in enumerate(header):
        width = 40 if column in WIDE_COLUMNS else max(10, min(24, len(column) + 4))
        sheet.set_column(col, col, width)
    _write_row(sheet, 0, header, bold)
    return sheet


def write_sheet_parts(
    book: Any, name: str, header: list[str], rows: Any, bold: Any, plain: Any
) -> list[int]:
    """Stream rows into one sheet, continuing on 'name 2', 'name 3'... past Excel's limit.

    Returns the rows written on each sheet.
    """
    rows = iter(rows)
    written_per_sheet: list[int] = []
    while True:
        sheet = _new_sheet(book, name, len(written_per_sheet) + 1, header, bold)
        written = _write_body(sheet, 1, rows, MAX_ROWS - 1, plain)
        written_per_sheet.append(written)
        if written:
            sheet.autofilter(0, 0, written, len(header) - 1)
        if written < MAX_ROWS - 1:
            return written_per_sheet
        # Exactly full: only open another sheet if a row is left.
        try:
            first = next(rows)
        except StopIteration:
            return written_per_sheet
        rows = itertools.chain([first], rows)
