"""Rotating backups of the learner database in <data dir>/backups/.

- Made with SQLite's online backup API from a read-only connection, and only when
  the one health check (trainer.store.sqlite_file: integrity_check, indexes
  included) passes: a damaged file never replaces a good backup.
- Written to a temporary name, fsynced, then renamed: a crash mid-backup leaves no
  half-written backup (stray temporaries are swept on the next backup).
- `maybe_backup` (after a completed attempt) is throttled to one per MIN_INTERVAL and
  never raises; `backup_now(..., force=True)` (before a merge, a migration, a restore)
  ignores the throttle and raises BackupError when it cannot make a good copy.
- `thin_backups` keeps the newest few, one per day for a week, one per week for two
  months, and the newest few forced ones; older files are deleted.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.store.db import StoreError
from trainer.store.sqlite_file import health_problems, ro_uri, set_application_id

BACKUP_DIR = "backups"
MIN_INTERVAL = timedelta(minutes=5)
KEEP_RECENT = 8
KEEP_DAILY = 7
KEEP_WEEKLY = 8
KEEP_FORCED = 3
FORCED_REASONS = frozenset({"merge", "migration", "restore", "recovery"})

_NAME = re.compile(r"^trainer-(\d{8}T\d{6}\d{6})Z-([a-z0-9_]{1,20})\.db$")
_STAMP = "%Y%m%dT%H%M%S%f"


class BackupError(StoreError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int


def backups_dir(root: Path) -> Path:
    return root / BACKUP_DIR


def _clean_reason(reason: str) -> str:
    cleaned = re.sub(r"[^a-z0-9_]", "_", reason.lower())[:20]
    return cleaned or "manual"


def list_backups(root: Path) -> list[BackupInfo]:
    """Backups of the data dir `root`, newest first (temporaries are not listed)."""
    folder = backups_dir(root)
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        found.append(BackupInfo(path, created, match.group(2), path.stat().st_size))
    found.sort(key=lambda b: b.created, reverse=True)
    return found


def _newest_backup_time(root: Path) -> datetime | None:
    """When the newest backup was made, from the file names alone.

    This runs after every completed attempt (inside the learner's last click), so it
    does not stat or parse every backup as list_backups() does: the stamps in the
    names sort as text.
    """
    folder = backups_dir(root)
    try:
        names = os.listdir(folder)
    except OSError:
        return None
    stamps = [m.group(1) for n in names if (m := _NAME.match(n))]
    if not stamps:
        return None
    return datetime.strptime(max(stamps), _STAMP).replace(tzinfo=UTC)


def healthy(path: Path) -> list[str]:
    """Problems of the file at `path` by the one health check (empty: healthy):
    integrity_check, indexes included, and the application_id (sqlite_file.py)."""
    return health_problems(path)


def copy_database(source: Path, target: Path) -> None:
    """Copy a database with the backup API into `target` atomically (tmp + rename).

    The copy is a single self-contained file (journal_mode=DELETE, no -wal).
    """
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(ro_uri(source), uri=True)
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            set_application_id(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            dst.commit()
        finally:
            dst.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    try:
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    # Makes the rename durable on POSIX; directories cannot be opened on Windows.
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        _fsync(path)


def _sweep_temporaries(folder: Path) -> None:
    for stray in folder.glob("trainer-*.db.tmp"):
        with contextlib.suppress(OSError):
            stray.unlink()


def _new_name(folder: Path, now: datetime, reason: str) -> Path:
    """A backup name never used before (two backups in one microsecond get two)."""
    while True:
        target = folder / f"trainer-{now.strftime(_STAMP)}Z-{_clean_reason(reason)}.db"
        if not target.exists():
            return target
        now += timedelta(microseconds=1)


def backup_now(
    db_path: Path, reason: str, *, force: bool = False, checked: bool = False
) -> Path | None:
    """Back up `db_path` into <its folder>/backups/ and thin the set.

    Returns the new backup, or None when there is no database yet or (without
    `force`) the newest backup is younger than MIN_INTERVAL. Raises BackupError when
    the database fails the health check or the copy cannot be written.
    """
    if not db_path.exists():
        return None
    root = db_path.parent
    now = datetime.now(UTC)
    if not force and _quiet_for(root, now):
        return None
    problems = [] if checked else healthy(db_path)  # checked: the caller just did
    if problems:
        raise BackupError(f"not backing up {db_path}: it fails the integrity check ({problems[0]})")
    folder = backups_dir(root)
    target = _new_name(folder, now, reason)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _sweep_temporaries(folder)
        copy_database(db_path, target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"could not write a backup to {folder}: {exc}") from None
    thin_backups(root, now=now)
    return target


def _quiet_for(root: Path, now: datetime) -> timedelta:
    """How long until the next throttled backup is due (zero: due now)."""
    newest = _newest_backup_time(root)
    # A newest backup "from the future" (the clock was set back) does not throttle.
    if newest is None or not timedelta(0) <= now - newest < MIN_INTERVAL:
        return timedelta(0)
    return MIN_INTERVAL - (now - newest)


#: Per database path: the monotonic time before which maybe_backup need not look.
_quiet_until: dict[str, float] = {}


def maybe_backup(db_path: Path | str, reason: str = "attempt") -> Path | None:
    """Throttled backup that never raises: a failed backup must not stop a lesson.

    It runs inside the click that completes an attempt, so once it knows the next
    backup is not due for a while it remembers when (on the monotonic clock, which a
    changed wall clock does not move) and skips the folder listing until then.
    """
    key = str(db_path)
    if time.monotonic() < _quiet_until.get(key, 0.0):
        return None
    db_path = Path(db_path)
    try:
        quiet = _quiet_for(db_path.parent, datetime.now(UTC))
        if quiet:
            _quiet_until[key] = time.monotonic() + quiet.total_seconds()
            return None
        made = backup_now(db_path, reason, force=True)
    except (StoreError, OSError, sqlite3.Error):
        return None
    if made is not None:
        _quiet_until[key] = time.monotonic() + MIN_INTERVAL.total_seconds()
    return made


def backups_to_keep(backups: list[BackupInfo], now: datetime) -> set[Path]:
    """The thinning policy, as a pure function of the list (newest first) and `now`."""
    keep: set[Path] = {b.path for b in backups[:KEEP_RECENT]}
    days: set[object] = set()
    weeks: set[object] = set()
    forced: dict[str, int] = {}
    for b in backups:  # newest first: the first seen of each day/week is kept
        age = now - b.created
        day = b.created.date()
        if age <= timedelta(days=KEEP_DAILY) and day not in days:
            days.add(day)
            keep.add(b.path)
        week = b.created.isocalendar()[:2]
        if age <= timedelta(weeks=KEEP_WEEKLY) and week not in weeks:
            weeks.add(week)
            keep.add(b.path)
        if b.reason in FORCED_REASONS and forced.get(b.reason, 0) < KEEP_FORCED:
            forced[b.reason] = forced.get(b.reason, 0) + 1
            keep.add(b.path)
    return keep


def thin_backups(root: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete backups the policy does not keep; returns what was deleted."""
    backups = list_backups(root)
    keep = backups_to_keep(backups, now or datetime.now(UTC))
    removed: list[Path] = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def newest_healthy_backup(root: Path) -> BackupInfo | None:
    for b in list_backups(root):
        if not healthy(b.path):
            return b
    return None
