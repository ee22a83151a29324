"""Merge integrity: a learner's file never rewrites another's record, every value is
checked, sources are read through SQLite (issue 15).

The crafted logs are SQL scripts in tests/fuzz_corpus/logs/: each is applied to a
copy of a real learner log ("base: victim", the log already merged into the class
database, or "base: other", another learner's log, with the victim's log attached as
`victim`), and says what the merge must answer ("expect: merged" or a piece of the
refusal).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.reliability.helpers import drop_index_entries, play_attempts, the_case
from trainer.core.autoplay import ExpertPolicy
from trainer.exchange.atomic import ExportError
from trainer.exchange.merge import merge_files
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.service import AttemptRunner
from trainer.store.backup import list_backups
from trainer.store.db import StoreError
from trainer.store.recovery import open_store
from trainer.store.schema import DATA_TABLES

CORPUS = Path(__file__).resolve().parents[1] / "fuzz_corpus" / "logs"
SCRIPTS = sorted(CORPUS.glob("*.sql"))


@dataclass(frozen=True)
class Logs:
    victim: Path  # merged first: one completed and one unfinished attempt
    other: Path  # another learner's completed attempt


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> Logs:
    base = tmp_path_factory.mktemp("integrity")
    victim_dir, other_dir = base / "victim", base / "other"
    play_attempts(victim_dir, 1, name="王小明")
    store, _ = open_store(victim_dir)
    try:
        runner = AttemptRunner.start(store, the_case(), store.learner_id_for("王小明"))
        policy = ExpertPolicy()
        for _ in range(3):
            runner.act(policy.next_action(runner.session))
    finally:
        store.close()
    play_attempts(other_dir, 1, name="林美華")
    export_sqlite(victim_dir, base / "victim.db")
    export_sqlite(other_dir, base / "other.db")
    return Logs(base / "victim.db", base / "other.db")


def header(script: Path) -> dict[str, str]:
    found = {}
    for line in script.read_text(encoding="utf-8").splitlines():
        if line.startswith("-- ") and ":" in line:
            key, _, value = line[3:].partition(":")
            found.setdefault(key.strip(), value.strip())
    return found


def craft(logs: Logs, script: Path, dest: Path) -> Path:
    meta = header(script)
    out = dest / f"{script.stem}.db"
    shutil.copyfile(logs.victim if meta["base"] == "victim" else logs.other, out)
    victim = dest / "victim-copy.db"
    shutil.copyfile(logs.victim, victim)
    conn = sqlite3.connect(out, isolation_level=None)
    try:
        conn.execute("attach database ? as victim", [str(victim)])
        conn.executescript(script.read_text(encoding="utf-8"))
        conn.execute("detach database victim")
    finally:
        conn.close()
    return out


def dump(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for table in DATA_TABLES:
            for row in conn.execute(f"select * from [{table}] order by id"):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()


@pytest.fixture
def klass(logs: Logs, tmp_path: Path) -> Path:
    """A class database with the victim's log merged."""
    target = tmp_path / "class" / "trainer.db"
    target.parent.mkdir()
    merge_files(target, [logs.victim])
    return target


def test_the_corpus_is_there() -> None:
    assert len(SCRIPTS) >= 40
    for script in SCRIPTS:
        meta = header(script)
        assert meta.get("base") in ("victim", "other") and meta.get("expect"), script.name


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_crafted_log(logs: Logs, klass: Path, tmp_path: Path, script: Path) -> None:
    """Each crafted log is merged or refused as its script says; a refusal names the
    file, changes nothing and takes no backup slot."""
    expect = header(script)["expect"]
    bad = craft(logs, script, tmp_path)
    before, backups = dump(klass), len(list_backups(klass.parent))
    if expect == "merged":
        merge_files(klass, [bad])
        columns = [r[1] for r in sqlite3.connect(klass).execute("pragma table_info(attempts)")]
        assert "secret" not in columns
        return
    with pytest.raises(ExportError) as info:
        merge_files(klass, [bad])
    message = str(info.value)
    assert message.startswith(f"{bad.name}: refused"), message
    assert expect in message, message
    assert "\x1b" not in message and "\x00" not in message
    assert dump(klass) == before
    assert len(list_backups(klass.parent)) == backups


def test_hijack_names_both_learners_and_the_attempt(
    logs: Logs, klass: Path, tmp_path: Path
) -> None:
    bad = craft(logs, CORPUS / "hijack-consistent.sql", tmp_path)
    victim_attempt = (
        sqlite3.connect(logs.victim)
        .execute("select id from attempts where status = 'completed'")
        .fetchone()[0]
    )
    with pytest.raises(ExportError) as info:
        merge_files(klass, [bad])
    message = str(info.value)
    assert victim_attempt in message and "王小明" in message and "林美華" in message


def test_every_export_succeeds_after_merging_the_accepted_logs(
    logs: Logs, klass: Path, tmp_path: Path
) -> None:
    """Fuzzed-but-accepted logs merged (in one batch with the other learner), then
    every export format of the class database succeeds."""
    from trainer.exchange.export import export
    from trainer.exchange.filters import Filters

    # Accepted logs that agree with each other (ok-unknown-column-and-table and
    # ok-edge-values are two different edits of the same attempt: a conflict).
    names = ["ok-extended", "ok-shorter-copy", "ok-abandoned-later", "ok-edge-values"]
    files = []
    for n, name in enumerate(names):
        folder = tmp_path / f"ok{n}"
        folder.mkdir()
        files.append(craft(logs, CORPUS / f"{name}.sql", folder))
    summary = merge_files(klass, files)
    assert summary.totals["attempts"].updated == 1 and summary.totals["decisions"].added > 1
    root = klass.parent
    out = tmp_path / "out"
    out.mkdir()
    for fmt, name in (("csv", "csv"), ("xlsx", "a.xlsx"), ("xapi", "a.json"), ("sqlite", "a.db")):
        export(fmt, root, klass, out / name, Filters())
    conn = sqlite3.connect(klass)
    learners = [r[0] for r in conn.execute("select id from learners")]
    conn.close()
    for learner in learners:
        export("pdf", root, klass, out / f"{learner}.pdf", Filters(learner=learner))
        assert (out / f"{learner}.pdf").stat().st_size > 1000


def test_a_source_held_by_a_writer_is_refused_not_read(
    logs: Logs, klass: Path, tmp_path: Path
) -> None:
    """Defect 2: a file in BEGIN EXCLUSIVE with uncommitted rows is waited for, then
    refused with a message a teacher understands; the rows never arrive."""
    source = tmp_path / "busy.db"
    shutil.copyfile(logs.other, source)
    writer = sqlite3.connect(source, isolation_level=None)
    writer.execute("begin exclusive")
    writer.execute("update learners set display_name = 'uncommitted'")
    before = dump(klass)
    try:
        with pytest.raises(ExportError, match="being written by another program"):
            merge_files(klass, [source])
    finally:
        writer.execute("rollback")
        writer.close()
    assert dump(klass) == before
    merge_files(klass, [source])  # once the writer is gone, it merges
    names = [r[0] for r in sqlite3.connect(klass).execute("select display_name from learners")]
    assert "uncommitted" not in names and "林美華" in names


def test_a_writer_that_commits_within_the_wait_is_waited_for(
    logs: Logs, klass: Path, tmp_path: Path
) -> None:
    source = tmp_path / "brief.db"
    shutil.copyfile(logs.other, source)
    writer = sqlite3.connect(source, isolation_level=None, check_same_thread=False)
    writer.execute("begin exclusive")
    timer = threading.Timer(0.5, lambda: (writer.execute("rollback"), writer.close()))
    timer.start()
    try:
        summary = merge_files(klass, [source])
    finally:
        timer.join()
    assert summary.totals["learners"].added == 1


def test_a_hot_journal_is_rolled_back_not_merged(logs: Logs, klass: Path, tmp_path: Path) -> None:
    """A writer that crashed mid-transaction left a hot journal: the uncommitted rows
    are not merged, and no file is created beside the source."""
    live = tmp_path / "live"
    live.mkdir()
    shutil.copyfile(logs.other, live / "log.db")
    writer = sqlite3.connect(live / "log.db", isolation_level=None)
    writer.execute("pragma journal_mode = delete")
    writer.execute("begin exclusive")
    writer.execute("update learners set display_name = 'uncommitted'")
    writer.execute("pragma cache_spill = 1")
    copied = tmp_path / "crashed"
    copied.mkdir()
    # A crash: the database and its journal as they are mid-transaction.
    for name in ("log.db", "log.db-journal"):
        shutil.copyfile(live / name, copied / name)
    writer.execute("rollback")
    writer.close()
    before = sorted(p.name for p in copied.iterdir())
    merge_files(klass, [copied / "log.db"])
    names = [r[0] for r in sqlite3.connect(klass).execute("select display_name from learners")]
    assert "uncommitted" not in names
    assert sorted(p.name for p in copied.iterdir()) == before


def test_a_wal_beside_the_file_is_read_and_nothing_is_created(
    logs: Logs, klass: Path, tmp_path: Path
) -> None:
    """Issue 14 item 2: trainer.db copied with its -wal (no -shm) after a crash: the
    committed tail in the -wal is merged, and no file appears beside the source."""
    live = tmp_path / "live" / "trainer.db"
    live.parent.mkdir()
    shutil.copyfile(logs.other, live)
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma wal_autocheckpoint = 0")
    conn.execute("update learners set class_name = 'only-in-wal'")
    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copyfile(live, stick / "trainer.db")
    shutil.copyfile(live.with_name("trainer.db-wal"), stick / "trainer.db-wal")
    conn.close()
    merge_files(klass, [stick / "trainer.db"])
    got = (
        sqlite3.connect(klass)
        .execute("select class_name from learners where display_name = '林美華'")
        .fetchone()
    )
    assert got == ("only-in-wal",)
    assert sorted(p.name for p in stick.iterdir()) == ["trainer.db", "trainer.db-wal"]


def test_a_live_wal_source_is_read_consistently(logs: Logs, klass: Path, tmp_path: Path) -> None:
    """The app still open on the log (WAL with -shm): its committed state is read."""
    live = tmp_path / "trainer.db"
    shutil.copyfile(logs.other, live)
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma wal_autocheckpoint = 0")
    conn.execute("update learners set class_name = 'committed'")
    try:
        merge_files(klass, [live])
    finally:
        conn.close()
    got = (
        sqlite3.connect(klass)
        .execute("select class_name from learners where display_name = '林美華'")
        .fetchone()
    )
    assert got == ("committed",)


def test_refused_and_no_op_merges_take_no_backup(logs: Logs, klass: Path, tmp_path: Path) -> None:
    """Defect 12 / issue 14 item 9: a 0-byte file, a refused file, the same file again:
    no backup; a merge that adds something: one backup."""
    root = klass.parent
    before = len(list_backups(root))
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(ExportError):
        merge_files(klass, [empty])
    again = merge_files(klass, [logs.victim])
    assert again.backup is None
    assert len(list_backups(root)) == before
    done = merge_files(klass, [logs.other])
    assert done.backup is not None
    assert len(list_backups(root)) == before + 1


def test_cli_small_things(logs: Logs, tmp_path: Path) -> None:
    """A folder is not "no such file"; the same file twice is one file; a log with a
    NULL migration name is refused without a traceback."""
    data = tmp_path / "class"
    done = run_cli("merge", str(logs.other), str(logs.other), data=data)
    assert done.returncode == 0, done.stderr
    assert "merged 1 file(s)" in done.stdout
    bad = craft(logs, CORPUS / "null-migration-name.sql", tmp_path)
    done = run_cli("merge", str(bad), data=data)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "schema history is malformed" in done.stderr


def test_two_names_of_one_file_merge_once(logs: Logs, klass: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(logs.other)
    summary = merge_files(klass, [logs.other, link, Path(str(logs.other))])
    assert len(summary.files) == 1


def test_unhealthy_class_database_is_never_merged_into(logs: Logs, klass: Path) -> None:
    """Defect 5: a unique index missing entries (integrity_check, not quick_check)."""
    drop_index_entries(klass)
    before = dump(klass)
    with pytest.raises(StoreError, match="integrity check"):
        merge_files(klass, [logs.other])
    assert dump(klass) == before


@pytest.fixture
def scratch_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    import tempfile

    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


def test_refusals_leave_no_private_copy(
    logs: Logs, klass: Path, tmp_path: Path, scratch_tmp: Path
) -> None:
    bad = craft(logs, CORPUS / "hijack-consistent.sql", tmp_path)
    with pytest.raises(ExportError):
        merge_files(klass, [bad])
    assert list(scratch_tmp.iterdir()) == []
