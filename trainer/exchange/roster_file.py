"""Reading a class list (CSV or XLSX) into roster rows: student no., name, class.

The header row names the columns, in Chinese or English (學號 / student no,
姓名 / name, 班級 / class); without a recognised header the first three columns are
taken in that order. Every problem is reported with its row number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from trainer.exchange.atomic import ExportError
from trainer.store.roster import RosterRow

HEADERS = {
    "student_no": ("學號", "student no", "student no.", "student_no", "student number", "no", "id"),
    "display_name": ("姓名", "名字", "name", "display name", "display_name", "student name"),
    "class_name": ("班級", "class", "class name", "class_name"),
}
MAX_ROWS = 5000
MAX_CELL = 100


def _norm(value: object) -> str:
    text = "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))  # a student number typed as a number in Excel
    return " ".join(text.split())


def _columns(header: Sequence[str]) -> dict[str, int] | None:
    lowered = [h.lower() for h in header]
    found = {}
    for key, names in HEADERS.items():
        for i, cell in enumerate(lowered):
            if cell in names:
                found[key] = i
                break
    if "student_no" in found and "display_name" in found:
        return found
    return None


def parse_rows(rows: Iterable[Sequence[object]], source: str) -> list[RosterRow]:
    table = [[_norm(c) for c in row] for row in rows]
    table = [row for row in table if any(row)]
    if not table:
        raise ExportError(f"{source}: the class list is empty")
    columns = _columns(table[0])
    first_line = 2
    if columns is None:
        columns = {"student_no": 0, "display_name": 1, "class_name": 2}
        first_line = 1
    else:
        table = table[1:]
    if len(table) > MAX_ROWS:
        raise ExportError(f"{source}: more than {MAX_ROWS} rows; is this a class list?")
    out: list[RosterRow] = []
    seen: dict[str, int] = {}
    for n, row in enumerate(table, first_line):

        def cell(key: str, row: list[str] = row) -> str:
            i = columns.get(key)
            return row[i] if i is not None and i < len(row) else ""

        number, name, klass = cell("student_no"), cell("display_name"), cell("class_name")
        if not number or not name:
            raise ExportError(f"{source}, row {n}: a student number and a name are needed")
        if max(len(number), len(name), len(klass)) > MAX_CELL:
            raise ExportError(f"{source}, row {n}: a cell is longer than {MAX_CELL} characters")
        if number in seen:
            raise ExportError(
                f"{source}, row {n}: student number {number} is also on row {seen[number]}"
            )
        seen[number] = n
        out.append(RosterRow(number, name, klass or None))
    return out


def read_roster(path: Path) -> list[RosterRow]:
    path = Path(path)
    if not path.is_file():
        raise ExportError(f"no file {path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            from openpyxl import load_workbook
        except ImportError:
            raise ExportError("reading .xlsx needs the openpyxl package; save as CSV") from None
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # a damaged or renamed file
            raise ExportError(f"{path.name} cannot be read as an Excel workbook: {exc}") from None
        try:
            rows = list(book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()
        return parse_rows(rows, path.name)
    if suffix in (".csv", ".txt", ".tsv"):
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "cp950"):  # Excel in Taiwan saves CSV as Big5
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ExportError(f"{path.name}: not UTF-8 or Big5 text")
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:2048], ",;\t")
        except csv.Error:
            dialect = csv.excel
        return parse_rows(csv.reader(io.StringIO(text), dialect), path.name)
    raise ExportError(f"{path.name}: a class list must be .csv or .xlsx")
