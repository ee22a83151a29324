"""Backups: healthy-only, atomic, throttled after attempts, forced before risk, thinned."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.reliability.helpers import damage_pages, play_attempts
from trainer.paths import database_path
from trainer.store import backup as backup_mod
from trainer.store.backup import (
    BackupError,
    BackupInfo,
    backup_now,
    backups_to_keep,
    healthy,
    list_backups,
    maybe_backup,
    thin_backups,
)
from trainer.store.recovery import open_store
from trainer.store.schema import known_migrations, migrations


def _attempts(path: Path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return int(conn.execute("select count(*) from attempts").fetchone()[0])
    finally:
        conn.close()


def test_completed_attempt_makes_one_backup_then_throttles(tmp_path: Path) -> None:
    """The first completed attempt is backed up; the next ones within 5 min are not."""
    play_attempts(tmp_path, 3)
    backups = list_backups(tmp_path)
    assert len(backups) == 1
    assert backups[0].reason == "attempt"
    assert backups[0].path.parent == tmp_path / "backups"
    assert healthy(backups[0].path) == []
    assert _attempts(backups[0].path) == 1


def test_backup_is_a_self_contained_copy(tmp_path: Path) -> None:
    """Made with the backup API into one file (no -wal), readable on its own."""
    play_attempts(tmp_path, 2)
    made = backup_now(database_path(tmp_path), "manual", force=True)
    assert made is not None and made.exists()
    assert not Path(str(made) + "-wal").exists()
    assert _attempts(made) == 2
    assert made.read_bytes()[:16] == b"SQLite format 3\x00"


def test_forced_backup_ignores_throttle_but_normal_one_respects_it(tmp_path: Path) -> None:
    play_attempts(tmp_path, 1)
    db = database_path(tmp_path)
    assert backup_now(db, "attempt") is None  # within MIN_INTERVAL of the first
    assert maybe_backup(db) is None
    assert backup_now(db, "merge", force=True) is not None
    assert [b.reason for b in list_backups(tmp_path)] == ["merge", "attempt"]


def test_no_backup_of_a_damaged_database(tmp_path: Path) -> None:
    """quick_check gates every backup: a damaged file never becomes a backup."""
    play_attempts(tmp_path, 1)
    before = list_backups(tmp_path)
    damage_pages(database_path(tmp_path))
    with pytest.raises(BackupError, match="integrity"):
        backup_now(database_path(tmp_path), "merge", force=True)
    assert maybe_backup(database_path(tmp_path)) is None  # never raises
    assert list_backups(tmp_path) == before


def test_no_database_no_backup(tmp_path: Path) -> None:
    assert backup_now(database_path(tmp_path), "merge", force=True) is None


def test_interrupted_backup_leaves_no_listed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash between copy and rename leaves only a temporary, never listed, later swept."""
    play_attempts(tmp_path, 1)

    def crash(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_mod.os, "replace", crash)
    with pytest.raises(BackupError, match="could not write a backup"):
        backup_now(database_path(tmp_path), "merge", force=True)
    monkeypatch.undo()
    assert [b.reason for b in list_backups(tmp_path)] == ["attempt"]
    assert not list((tmp_path / "backups").glob("*.tmp"))
    (tmp_path / "backups" / "trainer-20200101T000000000000Z-x.db.tmp").write_bytes(b"junk")
    backup_now(database_path(tmp_path), "merge", force=True)
    assert not list((tmp_path / "backups").glob("*.tmp"))


def test_disk_full_during_backup_does_not_stop_play(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """maybe_backup swallows ENOSPC: the attempt is still committed and completed."""

    def full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_mod, "copy_database", full)
    ids = play_attempts(tmp_path, 1)
    assert list_backups(tmp_path) == []
    assert _attempts(database_path(tmp_path)) == len(ids) == 1


def test_migration_is_preceded_by_a_forced_backup(tmp_path: Path) -> None:
    """A database missing a schema step is backed up (reason 'migration') before upgrade."""
    names = known_migrations()
    assert len(names) >= 2
    from sqlite_utils import Database

    db = Database(database_path(tmp_path))
    migrations.apply(db, stop_before=names[-1])
    db["learners"].insert({"id": "x", "display_name": "舊資料", "created_at": "2024-01-01"})
    db.close()
    store, notices = open_store(tmp_path)
    store.close()
    assert notices == []
    backups = list_backups(tmp_path)
    assert [b.reason for b in backups] == ["migration"]
    conn = sqlite3.connect(str(backups[0].path))
    applied = [r[0] for r in conn.execute("select name from _sqlite_migrations")]
    conn.close()
    assert names[-1] not in applied  # the backup is of the old schema


def _fake(created: datetime, reason: str = "attempt") -> BackupInfo:
    return BackupInfo(Path(f"/b/{created.isoformat()}-{reason}"), created, reason, 1)


def test_thinning_policy_keeps_recent_daily_weekly() -> None:
    """Pure policy: 8 newest, newest per day for 7 days, per week for 8 weeks."""
    now = datetime(2025, 3, 1, 12, tzinfo=UTC)
    hourly = [_fake(now - timedelta(hours=h)) for h in range(24 * 120)]  # 120 days
    keep = backups_to_keep(hourly, now)
    kept = sorted((b for b in hourly if b.path in keep), key=lambda b: b.created, reverse=True)
    assert all(b in kept for b in hourly[:8])
    days = {b.created.date() for b in kept if now - b.created <= timedelta(days=7)}
    assert len(days) >= 7
    assert min(b.created for b in kept) >= now - timedelta(weeks=8, days=1)
    assert len(kept) < 8 + 8 + 10  # bounded


def test_thinning_keeps_some_forced_backups_forever() -> None:
    now = datetime(2025, 3, 1, tzinfo=UTC)
    old = [_fake(now - timedelta(days=400 + i), "merge") for i in range(5)]
    recent = [_fake(now - timedelta(minutes=i)) for i in range(20)]
    keep = backups_to_keep(recent + old, now)
    assert sum(1 for b in old if b.path in keep) == 3


def test_thin_backups_deletes_files(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2025, 3, 1, tzinfo=UTC)
    for i in range(30):
        stamp = (now - timedelta(days=100 + i)).strftime("%Y%m%dT%H%M%S%f")
        (folder / f"trainer-{stamp}Z-attempt.db").write_bytes(b"x")
    (folder / "notes.txt").write_text("not a backup")
    removed = thin_backups(tmp_path, now=now)
    assert len(removed) == 30 - 8
    assert len(list_backups(tmp_path)) == 8
    assert (folder / "notes.txt").exists()  # never touches files it did not make


def test_clock_set_back_does_not_stop_backups(tmp_path: Path) -> None:
    """A newest backup dated in the future (the clock was wrong) must not throttle."""
    play_attempts(tmp_path, 1)
    (only,) = list_backups(tmp_path)
    future = only.path.with_name("trainer-20991231T235959000000Z-attempt.db")
    only.path.rename(future)
    made = backup_now(database_path(tmp_path), "attempt")
    assert made is not None and made.exists()
    assert len(list_backups(tmp_path)) == 2


def test_throttled_checks_skip_the_folder_until_a_backup_is_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a completed attempt's backup, later attempts within MIN_INTERVAL do not
    even list the backups folder; once the monotonic clock passes the due time, the
    next completed attempt is backed up again."""
    play_attempts(tmp_path, 1)
    db = database_path(tmp_path)
    listings: list[object] = []
    real_listdir = backup_mod.os.listdir
    monkeypatch.setattr(backup_mod.os, "listdir", lambda p: listings.append(p) or real_listdir(p))
    for _ in range(5):
        assert maybe_backup(db) is None
    assert listings == []
    clock = backup_mod.time.monotonic() + backup_mod.MIN_INTERVAL.total_seconds() + 1
    monkeypatch.setattr(backup_mod.time, "monotonic", lambda: clock)
    # Due on the monotonic clock; the wall clock says the backup is recent, so the
    # folder is looked at again and the throttle holds.
    assert maybe_backup(db) is None and len(listings) == 1
    old = tmp_path / "backups" / list_backups(tmp_path)[0].path.name
    old.rename(old.with_name("trainer-20200101T000000000000Z-attempt.db"))
    clock += backup_mod.MIN_INTERVAL.total_seconds() + 1
    assert maybe_backup(db) is not None
    assert len(list_backups(tmp_path)) == 2


def test_new_ids_are_version_4_uuids_as_text() -> None:
    import uuid

    from trainer.store.db import new_id

    ids = {new_id() for _ in range(2000)}
    assert len(ids) == 2000
    for text in ids:
        value = uuid.UUID(text)
        assert str(value) == text and value.version == 4 and value.variant == uuid.RFC_4122
