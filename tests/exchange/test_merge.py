"""Merging learner logs: idempotent, order-independent, atomic, summarised."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.exchange.conftest import CASE, ClassLogs, copy_log, counts, dump, ok
from trainer.core.autoplay import ExpertPolicy
from trainer.exchange import merge as merge_module
from trainer.exchange.atomic import ExportError
from trainer.exchange.merge import MAX_BATCHES, _batches, merge_files
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.service import AttemptRunner, Workspace


def test_merge_twice_and_in_any_order_gives_the_same_database(
    class_logs: ClassLogs, tmp_path: Path
) -> None:
    """Three laptops' logs merged in two orders, then again: same rows, nothing added."""
    logs = class_logs.logs
    first = tmp_path / "a"
    second = tmp_path / "b"
    out = json.loads(ok(run_cli("merge", *map(str, logs), "--json", data=first)))
    expected = {t: sum(counts(log)[t] for log in logs) for t in counts(logs[0])}
    assert {t: c["added"] for t, c in out["totals"].items()} == expected
    assert all(c["present"] == 0 for c in out["totals"].values())
    assert expected["learners"] == 3 and expected["decisions"] > 30

    second.mkdir()
    for log in reversed(logs):  # one at a time, the other way round
        merge_files(second / "trainer.db", [log])
    assert dump(first / "trainer.db") == dump(second / "trainer.db")

    again = merge_files(first / "trainer.db", [logs[1], logs[0], logs[2]]).as_dict()
    assert all(c["added"] == 0 for c in again["totals"].values())
    assert {t: c["present"] for t, c in again["totals"].items()} == expected
    assert dump(first / "trainer.db") == dump(second / "trainer.db")


def test_merge_summary_text_names_tables_and_backup(class_logs: ClassLogs, tmp_path: Path) -> None:
    """The human summary lists added / already present per table and the backup made."""
    data = tmp_path / "class"
    data.mkdir()
    merge_files(data / "trainer.db", [class_logs.logs[0]])
    text = ok(run_cli("merge", str(class_logs.logs[0]), str(class_logs.logs[1]), data=data))
    assert "already present" in text and "decisions" in text
    assert "backup made first" in text
    backups = list((data / "backups").glob("*.db"))
    assert backups, "a backup of the class database is made before merging"


def _play_partly(root: Path, steps: int) -> tuple[Workspace, AttemptRunner]:
    ws = Workspace.open(root)
    learner = ws.store.create_learner("張小芬", "S3001", "觀光一甲")
    runner = AttemptRunner.start(ws.store, ws.library.get(CASE), learner)
    policy = ExpertPolicy()
    for _ in range(steps):
        runner.act(policy.next_action(runner.session), think_ms=1500)
    return ws, runner


def _export_midway_and_finished(tmp_path: Path) -> None:
    """early.db and late.db in tmp_path: one attempt exported after 3 steps and when done."""
    ws, runner = _play_partly(tmp_path / "laptop", 3)
    export_sqlite(ws.store, tmp_path / "early.db")
    policy = ExpertPolicy()
    while not runner.finished:
        runner.act(policy.next_action(runner.session))
    export_sqlite(ws.store, tmp_path / "late.db")
    ws.close()


def test_an_attempt_exported_midway_and_finished_merges_to_finished(tmp_path: Path) -> None:
    """The attempt row with more decisions wins, whichever file comes first."""
    _export_midway_and_finished(tmp_path)
    results = []
    for order in (["early.db", "late.db"], ["late.db", "early.db"]):
        target = tmp_path / f"class-{order[0]}" / "trainer.db"
        target.parent.mkdir()
        summary = merge_files(target, [tmp_path / f for f in order])
        assert summary.totals["attempts"].added == 1
        conn = sqlite3.connect(target)
        status, n = conn.execute("select status, decisions from attempts").fetchone()
        decisions = conn.execute("select count(*) from decisions").fetchone()[0]
        conn.close()
        assert status == "completed" and n == decisions
        results.append(dump(target))
    assert results[0] == results[1]


def test_one_bad_file_refuses_the_whole_merge(class_logs: ClassLogs, tmp_path: Path) -> None:
    """A good file and a bad file: nothing is merged, the class database is unchanged."""
    data = tmp_path / "class"
    data.mkdir()
    merge_files(data / "trainer.db", [class_logs.logs[0]])
    before = dump(data / "trainer.db")
    bad = tmp_path / "notes.db"
    bad.write_text("this is not a database")
    done = run_cli("merge", str(class_logs.logs[1]), str(bad), data=data)
    assert done.returncode != 0
    assert "notes.db: refused" in done.stderr and "unchanged" in done.stderr
    assert dump(data / "trainer.db") == before


def test_checked_in_parallel_the_first_bad_file_in_order_is_named(
    class_logs: ClassLogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are checked several at a time; the refusal still names the first bad file
    in the order given, nothing changes, and no private copy is left behind."""
    import tempfile

    data = tmp_path / "class"
    data.mkdir()
    merge_files(data / "trainer.db", [class_logs.logs[0]])
    before = dump(data / "trainer.db")
    first_bad, second_bad = tmp_path / "a-bad.db", tmp_path / "b-bad.db"
    first_bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    second_bad.write_text("not a database")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    files = [class_logs.logs[1], first_bad, class_logs.logs[2], second_bad]
    with pytest.raises(ExportError) as info:
        merge_files(data / "trainer.db", files)
    assert str(info.value).startswith("a-bad.db: refused")
    assert dump(data / "trainer.db") == before
    assert list(scratch.iterdir()) == []


def test_merge_files_accepts_a_store(class_logs: ClassLogs, tmp_path: Path) -> None:
    """The benchmark helper works on an open Store as well as on a path."""
    ws = Workspace.open(tmp_path / "class")
    try:
        summary = merge_files(ws.store, [copy_log(class_logs.logs[2], tmp_path)])
        assert summary.totals["learners"].added == 1
        assert ws.store.counts()["attempts"] == 1
        assert summary.as_dict()["totals"]["attempts"] == {"added": 1, "present": 0, "updated": 0}
    finally:
        ws.close()


def _many_logs(class_logs: ClassLogs, tmp_path: Path) -> list[Path]:
    """19 files, more than the merge's staging batches: copies of the three laptops'
    logs and of one attempt exported midway and finished, so rows repeat across files
    and batches and the attempt is updated."""
    _export_midway_and_finished(tmp_path)
    sources = [tmp_path / "early.db", *class_logs.logs, tmp_path / "late.db"]
    folder = tmp_path / "logs"
    folder.mkdir()
    return [copy_log(sources[(n * 2) % 5], folder, f"log-{n:02}.db") for n in range(19)]


@pytest.fixture(params=["child process", "in process"])
def staging_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a merge test with the files checked and staged by a child process, and again
    with everything in this process, whatever the size of the files."""
    if request.param == "child process":
        monkeypatch.setattr(os, "cpu_count", lambda: 2)
        monkeypatch.setattr(merge_module, "CHILD_MIN_BYTES", 0)
    else:
        monkeypatch.setattr(merge_module, "CHILD_MIN_BYTES", 1 << 62)
    return str(request.param)


def test_many_files_merge_in_batches_as_one_at_a_time(
    class_logs: ClassLogs, tmp_path: Path, staging_mode: str
) -> None:
    """Files are checked and staged in batches while the batches already staged are
    merged: the database and every file's counts are those of merging the files one
    at a time, in the same order."""
    files = _many_logs(class_logs, tmp_path)
    together = merge_files(tmp_path / "together.db", files)
    one_by_one = tmp_path / "one-by-one.db"
    for file in files:
        single = merge_files(one_by_one, [file])
        assert together.files[str(file)] == single.files[str(file)], file.name
    assert dump(tmp_path / "together.db") == dump(one_by_one)
    totals = together.totals
    assert totals["attempts"].updated == 1 and totals["decisions"].present > 0


def test_the_first_bad_file_is_named_whichever_batch_fails_first(
    class_logs: ClassLogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, staging_mode: str
) -> None:
    """Bad files in three different batches, the last one failing fastest: the
    refusal names the first in order, nothing changes, no private copy is left."""
    import tempfile

    files = _many_logs(class_logs, tmp_path)
    files[17].write_text("not a database")  # refused at once
    files[12].write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    with sqlite3.connect(files[9]) as conn:  # refused only after its rows are read
        conn.execute("update decisions set step = 'bribe' where seq = 1")
    conn.close()
    target = tmp_path / "class" / "trainer.db"
    target.parent.mkdir()
    merge_files(target, [files[0]])
    before = dump(target)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with pytest.raises(ExportError) as info:
        merge_files(target, files)
    assert str(info.value).startswith("log-09.db: refused: table 'decisions'")
    assert dump(target) == before
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("count", [1, 2, MAX_BATCHES, MAX_BATCHES + 1, 19, 40, 1001])
def test_batches_cover_every_file_once_in_order(count: int) -> None:
    """At most MAX_BATCHES contiguous runs; the first and last are no larger than the rest."""
    batches = _batches(count)
    assert [n for run in batches for n in run] == list(range(count))
    assert 0 < len(batches) <= MAX_BATCHES and all(len(run) for run in batches)
    middle = [len(run) for run in batches[1:-1]] or [len(batches[0])]
    assert len(batches[0]) <= min(middle) and len(batches[-1]) <= min(middle)


def test_a_clash_found_while_the_child_still_checks_stops_it(
    class_logs: ClassLogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merge fails in this process (a clash in the first batch) while the child
    is still checking the rest: the child is stopped, nothing changes, and the
    private folder is gone."""
    import tempfile

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(merge_module, "CHILD_MIN_BYTES", 0)
    files = _many_logs(class_logs, tmp_path)
    target = tmp_path / "class" / "trainer.db"
    target.parent.mkdir()
    merge_files(target, [files[0]])
    before = dump(target)
    with sqlite3.connect(files[0]) as conn:  # same attempt and seq, another id
        conn.execute(
            "update decisions set id = '00000000-0000-4000-8000-000000000000' where seq = 1"
        )
    conn.close()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with pytest.raises(
        ExportError, match=r"log-00\.db: refused: conflict on attempt .* decisions 'seq 1'"
    ):
        merge_files(target, files)
    assert dump(target) == before
    assert list(scratch.iterdir()) == []


def test_a_failing_child_is_an_error_and_changes_nothing(
    class_logs: ClassLogs, tmp_path: Path
) -> None:
    """A child that cannot do its job (here: its folder is gone) ends the merge with an
    error naming the child's last line of error output."""
    from trainer.exchange.merge_stage import StageJob, StagingChild

    job = StageJob(
        files=[str(class_logs.logs[0])],
        batches=[(0, 1)],
        work=str(tmp_path / "no-such-folder"),
        columns={},
        known=[],
    )
    child = StagingChild(job)
    try:
        with pytest.raises(ExportError, match=r"checking the files failed: .*Error"):
            list(child)
    finally:
        child.close()
    assert child.process.returncode not in (None, 0)


def test_a_child_that_answers_nonsense_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Output the staging module never writes (a stray print, a truncated line) ends
    the merge with an error instead of a crash or a wrong merge."""
    import subprocess
    import sys

    from trainer.exchange import merge_stage

    def chatty(module: str, job: str) -> subprocess.Popen[str]:
        script = "import sys; print('hello'); print('oops', file=sys.stderr)"
        return subprocess.Popen(
            [sys.executable, "-c", script],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    monkeypatch.setattr(merge_stage, "start_module", chatty)
    job = merge_stage.StageJob(
        files=["a.db"], batches=[(0, 1)], work=str(tmp_path), columns={}, known=[]
    )
    child = merge_stage.StagingChild(job)
    try:
        with pytest.raises(ExportError, match="checking the files failed: oops"):
            list(child)
    finally:
        child.close()


# -- collection: folders, preview, per-learner summary (issue 14, item 3) -----------


def test_merge_takes_a_folder(class_logs: ClassLogs, tmp_path: Path) -> None:
    """A folder's logs are merged (side files, hidden files and other files are not
    logs); the summary is given per learner."""
    folder = tmp_path / "usb"
    folder.mkdir()
    for log in class_logs.logs:
        copy_log(log, folder)
    (folder / "log1.db-wal").write_bytes(b"")
    (folder / ".DS_Store").write_bytes(b"junk")
    (folder / "notes.txt").write_text("not a log")
    data = tmp_path / "class"
    text = ok(run_cli("merge", str(folder), data=data))
    assert "merged 3 file(s)" in text
    for name, student_no, class_name in (
        ("王小明", "S1001", "觀光一甲"),
        ("陳大同", "S2001", "餐旅二乙"),
    ):
        assert f"{class_name} {student_no} {name}:" in text
    assert "new attempt(s)" in text and "not a hand-in" in text


def test_preview_says_per_file_what_merging_would_do(class_logs: ClassLogs, tmp_path: Path) -> None:
    """Per file: the learner, attempts new / taken further / already merged / older;
    stale copies and non-hand-ins are flagged; a refused file is named; nothing
    changes and no backup is made."""
    from trainer.exchange.collect import preview_merge

    _export_midway_and_finished(tmp_path)
    target = tmp_path / "class" / "trainer.db"
    target.parent.mkdir()
    merge_files(target, [class_logs.logs[0], tmp_path / "late.db"])
    before, backups = dump(target), sorted((target.parent / "backups").iterdir())
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    folder = tmp_path / "in"
    folder.mkdir()
    files = [
        copy_log(class_logs.logs[0], folder, "a-present.db"),
        copy_log(class_logs.logs[1], folder, "b-new.db"),
        copy_log(tmp_path / "early.db", folder, "c-stale.db"),
        copy_log(bad, folder, "d-bad.db"),
    ]
    preview = preview_merge(target, [folder])
    assert [f.path for f in preview.files] == files
    rows = {f.path.name: f for f in preview.files}
    assert rows["a-present.db"].count("present") == 2 and rows["a-present.db"].count("new") == 0
    assert [c.name for c in rows["b-new.db"].learners] == ["林美華"]
    assert rows["b-new.db"].count("new") == 1 and rows["b-new.db"].count("decisions") > 5
    assert rows["c-stale.db"].count("stale") == 1
    assert any("stale copy" in w for w in rows["c-stale.db"].warnings)
    assert all(
        any("not a hand-in" in w for w in f.warnings) for f in preview.files if not f.refused
    )
    assert rows["d-bad.db"].refused and "not a trainer log" in rows["d-bad.db"].refused
    assert not preview.ok
    assert dump(target) == before
    assert sorted((target.parent / "backups").iterdir()) == backups
    good = preview_merge(target, files[:3])
    assert good.ok and "ready to merge" in good.text()


def test_preview_flags_a_conflict_before_anything_is_merged(
    class_logs: ClassLogs, tmp_path: Path
) -> None:
    from trainer.exchange.collect import preview_merge

    target = tmp_path / "class" / "trainer.db"
    target.parent.mkdir()
    merge_files(target, [class_logs.logs[0]])
    changed = copy_log(class_logs.logs[0], tmp_path, "regraded.db")
    with sqlite3.connect(changed) as conn:
        conn.execute("update attempts set total = 0 where status = 'completed'")
    conn.close()
    preview = preview_merge(target, [changed, class_logs.logs[1]])
    rows = {f.path.name: f for f in preview.files}
    assert rows["regraded.db"].refused and "conflict on attempt" in rows["regraded.db"].refused
    assert rows[class_logs.logs[1].name].count("new") == 1
    done = run_cli("merge", "--preview", str(changed), data=target.parent)
    assert done.returncode == 1 and "regraded.db: refused: conflict" in done.stderr


def test_a_handin_is_recognised(class_logs: ClassLogs, tmp_path: Path) -> None:
    """A file made by `handin` merges without the "not a hand-in" warning."""
    from trainer.exchange.collect import preview_merge

    out = tmp_path / "usb"
    out.mkdir()
    ok(run_cli("handin", "--out", str(out), data=class_logs.laptops[1]))
    (handin,) = out.iterdir()
    preview = preview_merge(tmp_path / "class", [out])
    assert preview.ok and preview.files[0].handin and preview.files[0].warnings == []
    summary = merge_files(tmp_path / "class.db", [handin])
    assert summary.totals["attempts"].added == 1


def test_every_data_column_has_a_value_rule() -> None:
    """A learner-data column added by a schema step needs its line in value_rules.py
    (trainer/exchange/value_rules.py): incoming logs are checked by value."""
    from trainer.exchange.value_rules import rule_for
    from trainer.store.db import open_memory
    from trainer.store.schema import DATA_TABLES

    db = open_memory()
    missing = [
        f"{table}.{column.name}"
        for table in DATA_TABLES
        for column in db.table(table).columns
        if rule_for(table, column.name) is None
    ]
    assert missing == [], f"add a rule to value_rules.RULES for: {', '.join(missing)}"


def test_a_folder_given_to_merge_files_is_named_as_a_folder(tmp_path: Path) -> None:
    """Defect 12: a directory is not "no such file"."""
    folder = tmp_path / "logs"
    folder.mkdir()
    with pytest.raises(ExportError, match="logs: refused: it is a folder"):
        merge_files(tmp_path / "class.db", [folder])
