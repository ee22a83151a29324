"""Write the workbook's decisions sheet in a second process, then splice it in.

XlsxWriter spends ~10 us per text cell, and the decisions sheet is most of a
workbook's cells. On a machine with two or more cores the export therefore runs
XlsxWriter twice at once: this module's worker writes a workbook holding only the
decisions sheet(s), while the main process writes every other sheet plus a
header-only placeholder for each decisions sheet. Both workbooks are made by
XlsxWriter with the same options and the same formats added in the same order, so
a worksheet part of one is valid in the other; `splice()` then copies the main
workbook, taking each placeholder's part from the worker's workbook instead.

Nothing here writes XML: every part comes from XlsxWriter.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from trainer.exchange.atomic import ExportError
from trainer.exchange.child import close_pipe, kill, last_error_line, read_job, start_module
from trainer.exchange.filters import Filters

#: The worker's first sheet: it takes the "selected tab" mark, so that the decision
#: sheets spliced into the main workbook are not selected as well.
FIRST_SHEET = "_"


@dataclass(frozen=True)
class DecisionsJob:
    database: Path
    out: Path
    parts_dir: Path
    filters: Filters
    pseudonymize: bool
    lang: str
    decisions: int  # as counted by the main process, for the number of sheets

    def rows_per_sheet(self, per_sheet: int) -> list[int]:
        """How the counted decisions fill sheets of `per_sheet` rows (at least one)."""
        full, rest = divmod(self.decisions, per_sheet)
        return [per_sheet] * full + ([rest] if rest or not full else [])

    def to_json(self) -> str:
        fields = asdict(self)
        fields["filters"] = {
            k: v.isoformat() if isinstance(v, date) else v for k, v in fields["filters"].items()
        }
        return json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in fields.items()})

    @classmethod
    def from_json(cls, text: str) -> DecisionsJob:
        data = json.loads(text)
        raw: dict[str, Any] = data["filters"]
        for key in ("since", "until"):
            if raw.get(key):
                raw[key] = date.fromisoformat(raw[key])
        filters = Filters(**raw)
        return cls(
            database=Path(data["database"]),
            out=Path(data["out"]),
            parts_dir=Path(data["parts_dir"]),
            filters=filters,
            pseudonymize=bool(data["pseudonymize"]),
            lang=str(data["lang"]),
            decisions=int(data["decisions"]),
        )


class Worker:
    """`python -m trainer.exchange.xlsx_split` in a child process (trainer.exchange.child)."""

    def __init__(self, job: DecisionsJob) -> None:
        self.process = start_module("trainer.exchange.xlsx_split", job.to_json())
        self.finished = False

    def result(self) -> list[int]:
        out, err = self.process.communicate()
        close_pipe(self.process)
        self.finished = True
        if self.process.returncode != 0:
            raise ExportError(f"writing the decisions sheet failed: {last_error_line(err)}")
        try:
            return [int(n) for n in json.loads(out)]
        except (ValueError, TypeError):
            raise ExportError("writing the decisions sheet failed: no answer") from None

    def stop(self) -> None:
        """Kill the worker if the export ended before its answer was read."""
        if not self.finished:
            kill(self.process)
            self.finished = True


def write_decisions_book(job: DecisionsJob) -> list[int]:
    """Worker: the decisions sheet(s) alone; returns the rows written per sheet."""
    import xlsxwriter

    from trainer.exchange.workbook_tables import workbook_queries
    from trainer.exchange.xlsx_export import OPTIONS, write_sheet_parts

    conn = sqlite3.connect(job.database.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        if job.pseudonymize:  # the decisions sheet's times, to the minute
            from trainer.exchange.pseudonyms import round_minute

            conn.create_function("minute", 1, round_minute, deterministic=True)
        sql, params = workbook_queries(job.filters, job.pseudonymize, job.lang)["decisions"]
        book = xlsxwriter.Workbook(str(job.out), {**OPTIONS, "tmpdir": str(job.parts_dir)})
        bold = book.add_format({"bold": True})
        plain = book.add_format()
        book.add_worksheet(FIRST_SHEET)
        cursor = conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        rows = write_sheet_parts(book, "decisions", columns, cursor, bold, plain)
        book.close()
        return rows
    finally:
        conn.close()


def worksheet_parts(book: zipfile.ZipFile) -> list[str]:
    """Worksheet part names in sheet order (XlsxWriter numbers them sheet1.xml, ...)."""
    names = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
    return sorted(names, key=lambda n: int(n.removeprefix("xl/worksheets/sheet")[:-4]))


def splice(main: Path, worker: Path, placeholders: list[int], out: Path) -> None:
    """Write `out`: `main` with its sheets at `placeholders` (0-based) taken from `worker`.

    The worker's sheets after its first one replace the placeholders in order.
    """
    with zipfile.ZipFile(main) as main_zip, zipfile.ZipFile(worker) as worker_zip:
        main_sheets = worksheet_parts(main_zip)
        worker_sheets = worksheet_parts(worker_zip)[1:]
        if len(worker_sheets) != len(placeholders):
            raise ExportError("the decisions workbook does not match its placeholders")
        taken = {main_sheets[i]: part for i, part in zip(placeholders, worker_sheets, strict=True)}
        # Level 1: everything is compressed a second time here; at the default level
        # that took ~1.8 s of a ~15 s export, at level 1 about a third of it, for a
        # file ~25% larger.
        with zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=1
        ) as result:
            for info in main_zip.infolist():
                source: Any = worker_zip if info.filename in taken else main_zip
                name = taken.get(info.filename, info.filename)
                # Opened by name so that the archive's compresslevel applies.
                with (
                    source.open(name) as src,
                    result.open(info.filename, "w", force_zip64=True) as dst,
                ):
                    shutil.copyfileobj(src, dst, 1 << 20)


def main() -> int:
    job = DecisionsJob.from_json(read_job())  # and exit if this process loses its parent
    print(json.dumps(write_decisions_book(job)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
