"""A corrupt database on start: said plainly, kept byte for byte, continued from a backup."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.reliability.helpers import (
    CASE_ID,
    damage_header,
    damage_pages,
    play_attempts,
    sha256,
    truncate_half,
)
from trainer.paths import database_path
from trainer.service import Workspace
from trainer.store.backup import backup_now, list_backups
from trainer.store.db import StoreError
from trainer.store.lock import WriterLock
from trainer.store.recovery import diagnose, open_store

DAMAGE: dict[str, Callable[[Path], None]] = {
    "pages": damage_pages,
    "header": damage_header,
    "truncated": truncate_half,
}


def _kept_files(root: Path) -> list[Path]:
    """The kept damaged databases (their kept -wal/-shm side files are not listed)."""
    found = root.glob("trainer.db.corrupt-*")
    return sorted(p for p in found if not p.name.endswith(("-wal", "-shm", "-journal")))


def _count(store_root: Path) -> int:
    store, _ = open_store(store_root)
    try:
        return store.db["attempts"].count
    finally:
        store.close()


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_database_is_kept_and_backup_restored(tmp_path: Path, kind: str) -> None:
    """Open after damage: notice, corrupt file + side files kept unchanged, backup used."""
    play_attempts(tmp_path, 3)  # the first is in the throttled backup; 3 in the db
    db = database_path(tmp_path)
    DAMAGE[kind](db)
    wal = Path(str(db) + "-wal")
    wal.write_bytes(b"stale wal bytes")
    digests = {"": sha256(db), "-wal": sha256(wal)}
    assert diagnose(db) is not None

    store, notices = open_store(tmp_path)
    try:
        assert store.db["attempts"].count == 1  # what the backup held
    finally:
        store.close()
    assert any("damaged" in n and "kept unchanged" in n for n in notices)
    assert any("continues from the backup" in n for n in notices)
    kept = _kept_files(tmp_path)
    assert len(kept) == 1
    assert sha256(kept[0]) == digests[""]
    assert sha256(Path(str(kept[0]) + "-wal")) == digests["-wal"]
    assert diagnose(db) is None


def test_no_backup_means_fresh_database_and_says_so(tmp_path: Path) -> None:
    database_path(tmp_path).write_bytes(b"\x00garbage" * 4096)
    original = sha256(database_path(tmp_path))
    store, notices = open_store(tmp_path)
    store.close()
    assert any("fresh, empty database" in n for n in notices)
    (kept,) = _kept_files(tmp_path)
    assert sha256(kept) == original


def test_damaged_backup_is_skipped_for_an_older_healthy_one(tmp_path: Path) -> None:
    play_attempts(tmp_path, 1)
    backup_now(database_path(tmp_path), "merge", force=True)
    newest = list_backups(tmp_path)[0]
    damage_pages(newest.path)
    damage_header(database_path(tmp_path))
    store, notices = open_store(tmp_path)
    store.close()
    assert any(list_backups(tmp_path)[1].path.name in n for n in notices)


def test_repeated_corruption_never_overwrites_a_kept_file(tmp_path: Path) -> None:
    """Two damaged files in the same second get two distinct kept names."""
    digests = set()
    for i in range(2):
        database_path(tmp_path).write_bytes(f"not a database {i}".encode() * 500)
        digests.add(sha256(database_path(tmp_path)))
        store, _ = open_store(tmp_path)
        store.close()
    assert {sha256(p) for p in _kept_files(tmp_path)} == digests


def test_workspace_open_exposes_notices(tmp_path: Path) -> None:
    """The UI reads Workspace.notices after open."""
    play_attempts(tmp_path, 1)
    damage_pages(database_path(tmp_path))
    workspace = Workspace.open(tmp_path)
    try:
        assert workspace.notices and "damaged" in workspace.notices[0]
        assert workspace.store.db["attempts"].count == 1
    finally:
        workspace.close()


def test_unreadable_is_not_corrupt(tmp_path: Path) -> None:
    """A path SQLite cannot open (here: a folder) is an error, not a reason to move files."""
    database_path(tmp_path).mkdir()
    with pytest.raises(StoreError):
        open_store(tmp_path)
    assert database_path(tmp_path).is_dir()
    assert _kept_files(tmp_path) == []


def test_recovery_waits_for_the_other_writer(tmp_path: Path) -> None:
    """A damaged file in use by another trainer is left alone, with a clear message."""
    play_attempts(tmp_path, 1)
    damage_pages(database_path(tmp_path))
    with (
        WriterLock.acquire(tmp_path, program="trainer (window)"),
        pytest.raises(StoreError, match="another trainer"),
    ):
        open_store(tmp_path)
    assert _kept_files(tmp_path) == []


def test_cli_db_check_fails_and_next_command_recovers(tmp_path: Path) -> None:
    """`db check` exits non-zero on a damaged file; the next `play` recovers and says so."""
    play_attempts(tmp_path, 2)
    damage_pages(database_path(tmp_path))
    original = sha256(database_path(tmp_path))
    check = run_cli("db", "check", data=tmp_path)
    assert check.returncode != 0
    assert "UNHEALTHY" in check.stdout
    assert list(tmp_path.glob("*.corrupt-*")) == []  # check is read-only

    play = run_cli("play", CASE_ID, "--auto", "expert", "--json", data=tmp_path)
    assert play.returncode == 0, play.stderr
    assert "notice: The learner database was damaged" in play.stderr
    (kept,) = _kept_files(tmp_path)
    assert sha256(kept) == original
    assert run_cli("db", "check", data=tmp_path).returncode == 0
    conn = sqlite3.connect(str(database_path(tmp_path)))
    assert conn.execute("select count(*) from attempts").fetchone()[0] == 2  # backup 1 + new 1
    conn.close()


def test_odd_folder_names_work(tmp_path: Path) -> None:
    """'#', '?', '%' and spaces in the data folder (a class named 'Class #3') are fine:
    read-only URIs are percent-encoded."""
    root = tmp_path / "Class #3 ?%20 觀光 一甲"
    root.mkdir()
    play_attempts(root, 2)
    assert len(list_backups(root)) == 1
    assert diagnose(database_path(root)) is None
    damage_pages(database_path(root))
    store, notices = open_store(root)
    try:
        assert store.db["attempts"].count == 1 and notices
    finally:
        store.close()


def test_merge_into_damaged_class_database_recovers_first(tmp_path: Path) -> None:
    """`merge` keeps the damaged class database aside, restores the backup, then merges."""
    from trainer.exchange.sqlite_copy import export_sqlite

    laptop, klass = tmp_path / "laptop", tmp_path / "class"
    laptop.mkdir()
    klass.mkdir()
    play_attempts(laptop, 1, name="林美華")
    log = tmp_path / "learner.db"
    export_sqlite(laptop, log)
    play_attempts(klass, 2)  # backup holds 1 attempt
    damage_pages(database_path(klass))
    done = run_cli("merge", str(log), data=klass)
    assert done.returncode == 0, done.stderr
    assert "notice: The learner database was damaged" in done.stderr
    assert len(_kept_files(klass)) == 1
    conn = sqlite3.connect(str(database_path(klass)))
    assert conn.execute("select count(*) from attempts").fetchone()[0] == 2  # 1 + merged 1
    conn.close()


def test_export_refuses_a_damaged_database_clearly(tmp_path: Path) -> None:
    play_attempts(tmp_path, 1)
    damage_pages(database_path(tmp_path))
    before = sha256(database_path(tmp_path))
    done = run_cli("export", "--format", "csv", "--out", str(tmp_path / "out"), data=tmp_path)
    assert done.returncode != 0
    assert "damaged" in done.stderr and "Traceback" not in done.stderr
    assert sha256(database_path(tmp_path)) == before
    assert not (tmp_path / "out").exists()
