"""Hostile or broken log files are refused (or their text neutralised on export), and
the class database never changes because of them."""

from __future__ import annotations

import csv
import os
import sqlite3
import time
import uuid
from pathlib import Path

import pytest

from tests.exchange.conftest import ClassLogs, copy_log, dump
from trainer.exchange.atomic import ExportError
from trainer.exchange.csv_export import export_csv
from trainer.exchange.merge import merge_files
from trainer.exchange.xlsx_export import export_xlsx


def _edit(log: Path, *sql: str) -> Path:
    conn = sqlite3.connect(log, isolation_level=None)
    for statement in sql:
        conn.execute(statement)
    conn.close()
    return log


def _refused(class_db: Path, bad: Path, *words: str) -> str:
    before = dump(class_db)
    with pytest.raises(ExportError) as info:
        merge_files(class_db, [bad])
    message = str(info.value)
    assert f"{bad.name}: refused" in message
    for word in words:
        assert word in message, message
    assert dump(class_db) == before, "a refused file must change nothing"
    return message


def test_random_bytes_and_text_are_refused(class_db: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(50_000))
    _refused(class_db, junk, "not an SQLite database")
    notes = tmp_path / "notes.db"
    notes.write_text("student,score\n王小明,90\n", encoding="utf-8")
    _refused(class_db, notes, "not an SQLite database")
    _refused(class_db, tmp_path / "missing.db", "no such file")


def test_a_database_of_another_program_is_refused(class_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    _edit(other, "create table learners (id, name)", "insert into learners values (1, 'x')")
    _refused(class_db, other, "not a trainer log")


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        (["drop table scores"], ["no table 'scores'"]),
        (
            ["drop table reflections", "create view reflections as select * from learners"],
            ["no table 'reflections'"],
        ),
        (["alter table decisions drop column think_ms"], ["decisions", "think_ms"]),
        (
            [
                "insert into _sqlite_migrations (migration_set, name, applied_at) "
                "values ('trainer', 'm999_from_the_future', '2099-01-01')"
            ],
            ["newer version"],
        ),
    ],
    ids=["missing-table", "view-instead-of-table", "missing-column", "newer-schema"],
)
def test_wrong_schema_is_refused(
    class_logs: ClassLogs, class_db: Path, tmp_path: Path, sql: list[str], words: list[str]
) -> None:
    bad = _edit(copy_log(class_logs.logs[1], tmp_path), *sql)
    _refused(class_db, bad, *words)


def test_corrupted_pages_are_refused(class_logs: ClassLogs, class_db: Path, tmp_path: Path) -> None:
    bad = copy_log(class_logs.logs[1], tmp_path)
    size = bad.stat().st_size
    with bad.open("r+b") as fh:  # scribble over pages 3.. (keep the header readable)
        fh.seek(2 * 4096)
        fh.write(os.urandom(min(8 * 4096, size - 2 * 4096)))
    _refused(class_db, bad)


def test_a_million_junk_rows_are_refused_quickly(
    class_logs: ClassLogs, class_db: Path, tmp_path: Path
) -> None:
    """A decisions table stuffed with a million junk rows: refused, in seconds."""
    bad = _edit(
        copy_log(class_logs.logs[1], tmp_path),
        "insert into decisions (id, attempt_id, seq, ts, step, action) "
        "with recursive n(x) as (select 1 union all select x + 1 from n where x < 1000000) "
        "select 'junk-' || x, 'no-such-attempt', x, 'then', 'questioning', 'choose' from n",
    )
    started = time.monotonic()
    message = _refused(class_db, bad, "decisions", "bad value")
    assert "1,000,000" in message
    assert time.monotonic() - started < 60


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        (
            ["update decisions set attempt_id = '" + str(uuid.uuid4()) + "' where seq = 1"],
            ["decisions", "attempts are missing"],
        ),
        (
            ["update scores set score = 1000 where indicator = '3.1'"],
            ["scores", "score = 1000", "from 0 to 100"],
        ),
        (["update reflections set text = zeroblob(100)"], ["reflections", "bad value"]),
        (["update reflections set text = printf('%.50000c', 'x')"], ["reflections"]),
    ],
    ids=["orphan-rows", "score-out-of-range", "blob-in-text", "huge-text"],
)
def test_malformed_rows_are_refused(
    class_logs: ClassLogs, class_db: Path, tmp_path: Path, sql: list[str], words: list[str]
) -> None:
    bad = _edit(copy_log(class_logs.logs[1], tmp_path), *sql)
    _refused(class_db, bad, *words)


def test_rows_clashing_with_the_class_database_are_refused(
    class_logs: ClassLogs, class_db: Path, tmp_path: Path
) -> None:
    """Same attempt and step number as a merged decision but another id: refused."""
    bad = _edit(
        copy_log(class_logs.logs[0], tmp_path, "tampered.db"),
        f"update decisions set id = '{uuid.uuid4()}' "
        "where rowid = (select min(rowid) from decisions)",
    )
    _refused(class_db, bad, "conflict", "never changed")


def test_what_the_file_checks_miss_the_class_database_refuses(
    class_logs: ClassLogs, class_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """quick_check does not compare indexes with tables, so a file's lying index could
    hide a missing parent from the orphan check. Even with that check switched off,
    the class database's foreign keys refuse the rows and nothing changes."""
    from trainer.exchange import validate

    orphan = _edit(
        copy_log(class_logs.logs[1], tmp_path, "orphan.db"),
        f"update decisions set attempt_id = '{uuid.uuid4()}' "
        "where rowid = (select min(rowid) from decisions)",
    )
    _refused(class_db, orphan, "attempts are missing")
    monkeypatch.setattr(validate, "PARENTS", {})
    _refused(class_db, orphan)


FORMULAS = {
    "display_name": '=HYPERLINK("http://evil.invalid","點我")',
    "reflection": "+cmd|' /C calc'!A0",
    "free_text": "@SUM(1+1)*cmd|' /C calc'!A0",
    "preventive": "<script>alert('x')</script><b>粗體</b>",
    "profile_note": "-2+3+cmd|' /C calc'!A0",
}


def _hostile_text_log(class_logs: ClassLogs, tmp_path: Path) -> Path:
    log = copy_log(class_logs.logs[2], tmp_path, "formulas.db")
    conn = sqlite3.connect(log)
    with conn:
        conn.execute("update learners set display_name = ?", [FORMULAS["display_name"]])
        conn.execute("update reflections set text = ?", [FORMULAS["reflection"]])
        conn.execute("update decisions set free_text = ?", [FORMULAS["free_text"]])
        conn.execute(
            "update internal_reports set preventive = ?, profile_note = ?",
            [FORMULAS["preventive"], FORMULAS["profile_note"]],
        )
    conn.close()
    return log


def test_formulas_and_html_are_kept_as_text_and_neutralised_on_export(
    class_logs: ClassLogs, class_db: Path, tmp_path: Path
) -> None:
    """Text is data: merged verbatim, exported so that no spreadsheet runs it."""
    merge_files(class_db, [_hostile_text_log(class_logs, tmp_path)])
    conn = sqlite3.connect(class_db)
    assert (
        conn.execute(
            "select count(*) from learners where display_name = ?", [FORMULAS["display_name"]]
        ).fetchone()[0]
        == 1
    )
    conn.close()

    out = tmp_path / "csv"
    export_csv(class_db, out)
    cells = _csv_cells(out)
    for text in (
        FORMULAS["display_name"],
        FORMULAS["reflection"],
        FORMULAS["free_text"],
        FORMULAS["profile_note"],
    ):
        assert "'" + text in cells, text
        assert text not in cells
    assert FORMULAS["preventive"] in cells  # starts with '<': harmless in a spreadsheet
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]

    from openpyxl import load_workbook

    book = tmp_path / "class.xlsx"
    export_xlsx(class_db, book)
    wb = load_workbook(book)
    values = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula cell {ws.title}!{cell.coordinate}"
                values.add(cell.value)
    assert FORMULAS["display_name"] in values and FORMULAS["reflection"] in values


def _csv_cells(folder: Path) -> set[str]:
    cells: set[str] = set()
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                cells.update(row)
    return cells
