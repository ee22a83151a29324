"""The XLSX writer's own rules: text that looks like XlsxWriter's rich-string markup
stays literal text, and a table longer than a sheet continues on the next sheet."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from trainer.exchange import xlsx_export
from trainer.exchange.xlsx_export import export_xlsx

# Closes the inline string, opens a new row and plants a formula cell, if copied raw.
INJECTION = '<r></t></r></is></c><c r="Z1" t="str"><f>HYPERLINK("http://203.0.113.9/")</f></c><c><is><r><t>x</r>'
LOOKALIKE = "<r>不是格式</r>"


def test_rich_string_lookalikes_stay_literal_text(class_db: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(class_db, isolation_level=None)
    conn.execute("update learners set display_name = ?", [LOOKALIKE])
    conn.execute("update decisions set free_text = ? where seq = 1", [INJECTION])
    conn.close()
    out = tmp_path / "class.xlsx"
    export_xlsx(class_db, out)

    with zipfile.ZipFile(out) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/"):
                xml = book.read(name).decode("utf-8")
                assert "<f>" not in xml and '203.0.113.9/")</f>' not in xml, name
    wb = load_workbook(out)  # a broken sheet XML would fail to load here
    values = {
        cell for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for cell in row
    }
    assert INJECTION in values and LOOKALIKE in values


@pytest.mark.parametrize("extra", [0, 1])
def test_a_long_table_continues_on_numbered_sheets(
    class_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: int
) -> None:
    conn = sqlite3.connect(class_db)
    decisions = conn.execute("select count(*) from decisions").fetchone()[0]
    conn.close()
    per_sheet = 7  # rows per sheet, header included
    # extra=0: the last sheet is exactly full, so no empty sheet may follow it.
    body = per_sheet - 1
    assert decisions > 2 * body
    monkeypatch.setattr(xlsx_export, "MAX_ROWS", per_sheet)
    trimmed = decisions - decisions % body + extra
    conn = sqlite3.connect(class_db, isolation_level=None)
    conn.execute(
        "delete from decisions where id not in "
        "(select id from decisions order by attempt_id, seq limit ?)",
        [trimmed],
    )
    # The workbook lists decisions by attempt in start order, then by seq.
    expected = conn.execute(
        "select d.seq, d.ts from decisions d join attempts a on a.id = d.attempt_id "
        "order by a.started_at, a.id, d.seq"
    ).fetchall()
    conn.close()

    out = tmp_path / "class.xlsx"
    counts = export_xlsx(class_db, out)
    assert counts["decisions"] == trimmed
    wb = load_workbook(out, read_only=True)
    parts = [n for n in wb.sheetnames if n == "decisions" or n.startswith("decisions ")]
    sheets_needed = -(-trimmed // body)
    assert parts == ["decisions"] + [f"decisions {n}" for n in range(2, sheets_needed + 1)]
    seen: list[tuple[int, str]] = []
    for name in parts:
        rows = list(wb[name].iter_rows(values_only=True))
        assert rows[0][:3] == ("attempt_no", "seq", "ts") and 1 < len(rows) <= per_sheet
        seen.extend((int(row[1]), row[2]) for row in rows[1:])
    assert seen == expected


def test_sheets_name_attempts_by_number_and_attempts_carry_scores(
    class_db: Path, tmp_path: Path
) -> None:
    from trainer.exchange.filters import Filters

    conn = sqlite3.connect(class_db)
    learner = conn.execute("select display_name from learners order by id limit 1").fetchone()[0]
    out = tmp_path / "one.xlsx"
    export_xlsx(class_db, out, Filters(learner=learner))
    wb = load_workbook(out, read_only=True)

    attempts = list(wb["attempts"].iter_rows(values_only=True))
    head = attempts[0]
    col = {name: i for i, name in enumerate(head)}
    assert head[0] == "attempt_no" and {"3.1", "3.2", "3.3", "3.4", "3.5"} <= set(head)
    by_no = {row[0]: row for row in attempts[1:]}
    assert sorted(by_no) == list(range(1, len(by_no) + 1))
    db_attempts = conn.execute(
        "select a.id from attempts a join learners l on l.id = a.learner_id "
        "where l.display_name = ? order by a.started_at, a.id",
        [learner],
    ).fetchall()
    assert [by_no[n][col["attempt_id"]] for n in sorted(by_no)] == [r[0] for r in db_attempts]

    decisions_per_no: dict[int, int] = {}
    for row in list(wb["decisions"].iter_rows(values_only=True))[1:]:
        decisions_per_no[row[0]] = decisions_per_no.get(row[0], 0) + 1
    for no, row in by_no.items():
        attempt_id = row[col["attempt_id"]]
        stored = conn.execute(
            "select count(*) from decisions where attempt_id = ?", [attempt_id]
        ).fetchone()[0]
        assert decisions_per_no.get(no, 0) == stored
        scores = dict(
            conn.execute("select indicator, score from scores where attempt_id = ?", [attempt_id])
        )
        assert {i: row[col[i]] for i in scores} == scores
    assert any(decisions_per_no.values())
    conn.close()
    assert load_workbook(out)["decisions"].freeze_panes == "A2"


# -- the decisions sheet written in a second process ----------------------------------


def _values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    wb = load_workbook(path, read_only=True)
    return {name: list(wb[name].iter_rows(values_only=True)) for name in wb.sheetnames}


def _force_split(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setattr(xlsx_export, "SPLIT_MIN_DECISIONS", 0 if on else 10**12)
    monkeypatch.setattr(xlsx_export.os, "cpu_count", lambda: 2)


@pytest.mark.parametrize("one_learner", [False, True])
def test_split_workbook_matches_the_single_process_one(
    class_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_learner: bool
) -> None:
    from trainer.exchange.filters import Filters

    filters = Filters()
    if one_learner:  # the worker's rows and the parent's count follow the same filter
        conn = sqlite3.connect(class_db)
        learner = conn.execute("select id from learners order by id limit 1").fetchone()[0]
        conn.close()
        filters = Filters(learner=learner)
    spawned: list[object] = []
    real_worker = xlsx_export.Worker
    monkeypatch.setattr(xlsx_export, "Worker", lambda job: spawned.append(job) or real_worker(job))
    _force_split(monkeypatch, on=False)
    single = tmp_path / "single.xlsx"
    single_counts = export_xlsx(class_db, single, filters)
    assert spawned == []
    _force_split(monkeypatch, on=True)
    split = tmp_path / "split.xlsx"
    split_counts = export_xlsx(class_db, split, filters)
    assert len(spawned) == 1
    assert split_counts == single_counts and list(split_counts) == list(single_counts)
    assert _values(split) == _values(single)
    with zipfile.ZipFile(single) as a, zipfile.ZipFile(split) as b:
        for part in ("xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"):
            assert a.read(part) == b.read(part), part  # filter names, formats, parts
        sheets = sorted(n for n in b.namelist() if n.startswith("xl/worksheets/sheet"))
        assert [n for n in sheets if b"tabSelected" in b.read(n)] == ["xl/worksheets/sheet1.xml"]
    decisions = load_workbook(split)["decisions"]
    assert decisions.freeze_panes == "A2" and decisions.auto_filter.ref
    # no part files or worker workbook left behind
    assert {p.name for p in tmp_path.iterdir()} == {"class", "single.xlsx", "split.xlsx"}


def test_split_failures_are_explained_and_leave_nothing(
    class_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from trainer.exchange import xlsx_split
    from trainer.exchange.atomic import ExportError

    _force_split(monkeypatch, on=True)
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:  # the disk fills while splicing
        patch.setattr(xlsx_split.shutil, "copyfileobj", full)
        with pytest.raises(ExportError, match="not enough space"):
            export_xlsx(class_db, out_dir / "class.xlsx")
    assert list(out_dir.iterdir()) == []

    real_to_json = xlsx_split.DecisionsJob.to_json

    def broken(job: xlsx_split.DecisionsJob) -> str:  # the worker cannot open the database
        return real_to_json(
            xlsx_split.DecisionsJob(**{**vars(job), "database": tmp_path / "missing.db"})
        )

    with monkeypatch.context() as patch:
        patch.setattr(xlsx_split.DecisionsJob, "to_json", broken)
        with pytest.raises(ExportError, match="writing the decisions sheet failed"):
            export_xlsx(class_db, out_dir / "class.xlsx")
    assert list(out_dir.iterdir()) == []

    # The main process fails first (its own disk write): the worker is killed.
    workers: list[xlsx_split.Worker] = []
    real_worker = xlsx_export.Worker
    monkeypatch.setattr(
        xlsx_export, "Worker", lambda job: workers.append(real_worker(job)) or workers[-1]
    )
    monkeypatch.setattr(xlsx_export, "write_sheet_parts", full)
    with pytest.raises(ExportError, match="not enough space"):
        export_xlsx(class_db, out_dir / "class.xlsx")
    assert len(workers) == 1 and workers[0].process.poll() is not None
    assert list(out_dir.iterdir()) == []
