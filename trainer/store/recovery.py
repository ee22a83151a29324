"""Opening the learner database with recovery: what Workspace.open calls.

- "Damaged" is the one health check (trainer.store.sqlite_file: integrity_check).
- A damaged database is never deleted or overwritten: the file and its -wal/-shm
  are renamed, byte for byte, to `trainer.db.corrupt-<time>` (+ `-wal`, `-shm`, so
  SQLite can still open the kept pair), and the trainer continues from the newest
  backup that passes quick_check, or from a fresh database. Each step is told to
  the user through `notices` (plain sentences, English and 繁體中文).
- "Cannot open" is not "corrupt": a busy, locked, read-only or missing-permission
  file raises a StoreError and is left alone.
- A schema migration is preceded by a forced backup, and runs under the writer lock
  (taken briefly here when a reader such as an export finds a step missing).
- Recovery moves files, so it runs only under the writer lock (taken briefly here
  when the caller does not already hold it).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

from trainer.paths import database_path
from trainer.store.backup import (
    BackupError,
    backup_now,
    copy_database,
    maybe_backup,
    newest_healthy_backup,
)
from trainer.store.db import DatabaseCorrupt, Store, StoreError, db_path_of
from trainer.store.lock import AlreadyRunning, WriterLock
from trainer.store.schema import MIGRATION_SET, known_migrations
from trainer.store.sqlite_file import foreign_application, ro_uri

# SQLite result codes that mean "the file itself is bad", not "cannot get at it".
_CORRUPT_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
SIDE_FILES = ("-wal", "-shm", "-journal")


def diagnose(path: Path) -> str | None:
    """Why the database at `path` is corrupt, or None when it is readable and sound.

    The one health check (trainer.store.sqlite_file): integrity_check, so an index
    that disagrees with its table counts as damage. Raises StoreError when the file
    cannot be examined for another reason (busy, permissions, read-only media) or
    belongs to another program: such a file must not be treated as damaged.
    """
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(10)").fetchall()]
            foreign = foreign_application(conn) if rows == ["ok"] else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name in _CORRUPT_CODES or "malformed" in str(exc) or "not a database" in str(exc):
            return str(exc)
        raise StoreError(f"cannot read the learner database {path}: {exc}") from None
    except UnicodeDecodeError:  # SQLite's message quoted a damaged, non-UTF-8 schema
        return "malformed database schema (not UTF-8)"
    if foreign:
        raise StoreError(f"{path} is not a trainer database: {foreign}")
    return None if rows == ["ok"] else "; ".join(rows[:3])


def pending_migrations(path: Path) -> bool:
    """True when the (healthy) database at `path` has data and lacks a schema step."""
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error:
        return False
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        if "_sqlite_migrations" not in tables:
            return bool(tables)  # an old or foreign file with data: back it up first
        applied = {
            r[0]
            for r in conn.execute(
                "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
            )
        }
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return bool(set(known_migrations()) - applied)


def _unique(base: Path) -> Path:
    candidate, n = base, 1
    while any(Path(str(candidate) + s).exists() for s in ("", *SIDE_FILES)):
        candidate = base.with_name(f"{base.name}-{n}")
        n += 1
    return candidate


def preserve_corrupt(path: Path) -> Path:
    """Rename the damaged file (and its side files) out of the way; never overwrite."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = _unique(path.with_name(f"{path.name}.corrupt-{stamp}"))
    for suffix in ("", *SIDE_FILES):
        source = Path(str(path) + suffix)
        if source.exists():
            os.rename(source, Path(str(kept) + suffix))
    return kept


def recover(root: Path, reason: str) -> list[str]:
    """Keep the damaged database aside and continue from the newest healthy backup."""
    path = database_path(root)
    kept = preserve_corrupt(path)
    notices = [
        f"The learner database was damaged ({reason}). It has been kept unchanged as "
        f"{kept.name}. / 學習紀錄資料庫已損毀，原檔已原樣保留為 {kept.name}。"
    ]
    backup = newest_healthy_backup(root)
    if backup is None:
        notices.append(
            "No healthy backup was found, so the trainer starts with a fresh, empty "
            "database. / 找不到可用的備份，已建立新的空白資料庫。"
        )
        return notices
    copy_database(backup.path, path)
    when = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
    notices.append(
        f"The trainer continues from the backup made {when} ({backup.path.name}); "
        f"work recorded after that time is only in the kept file. / "
        f"已從 {when} 的備份繼續；該時間之後的紀錄只在保留的原檔中。"
    )
    return notices


def _recover_locked(root: Path, reason: str, lock_held: bool) -> list[str]:
    if lock_held:
        return recover(root, reason)
    try:
        lock = WriterLock.acquire(root, program="recovery", timeout=2.0)
    except AlreadyRunning as exc:
        raise StoreError(
            f"The learner database is damaged ({reason}) and another trainer is using "
            f"the data folder. Close it, then start again to recover. ({exc})"
        ) from None
    with lock:
        # Another process may have recovered while we waited for the lock.
        if diagnose(database_path(root)) is None:
            return []
        return recover(root, reason)


def open_store(root: Path, *, lock_held: bool = False) -> tuple[Store, list[str]]:
    """Open the database of data dir `root`, recovering from damage; returns notices."""
    path = database_path(root)
    notices: list[str] = []
    if path.exists():
        reason = diagnose(path)
        if reason is not None:
            notices += _recover_locked(root, reason, lock_held)
        elif pending_migrations(path):
            if not lock_held:
                return _migrate_locked(root), notices
            _backup_before_migration(path)
    try:
        return Store.open(path), notices
    except DatabaseCorrupt as exc:
        # quick_check passed a moment ago yet opening failed: treat it the same way,
        # but only once, and only if the file really reads as damaged.
        reason = diagnose(path)
        if reason is None:
            raise
        notices += _recover_locked(root, reason or str(exc), lock_held)
        return Store.open(path), notices


def _backup_before_migration(path: Path) -> None:
    try:
        backup_now(path, "migration", force=True)
    except BackupError as exc:
        raise StoreError(f"not upgrading the database without a backup: {exc}") from None


def _migrate_locked(root: Path) -> Store:
    return upgrade_locked(database_path(root))


def upgrade_locked(path: Path) -> Store:
    """A reader (an export, the instructor area) found a schema step missing: the
    upgrade writes, so it takes the writer lock of the file's folder and a backup
    first. Returns the upgraded store."""
    root = path.parent
    try:
        lock = WriterLock.acquire(root, program="upgrade", timeout=2.0)
    except AlreadyRunning as exc:
        raise StoreError(
            "The learner database needs a schema upgrade and another trainer is using "
            f"the data folder. Close it, then try again. ({exc})"
        ) from None
    with lock:
        if pending_migrations(path):
            _backup_before_migration(path)
        return Store.open(path)


def recover_if_damaged(root: Path) -> list[str]:
    """For writers that open the database themselves (merge), under the writer lock:
    the same recovery as `open_store`; notices go to stderr."""
    store, notices = open_store(root, lock_held=True)
    store.close()
    for notice in notices:
        print(f"notice: {notice}", file=sys.stderr)
    return notices


def after_attempt_completed(store: Store) -> None:
    """Throttled backup once an attempt is complete (cheap when throttled)."""
    location = db_path_of(store.db)
    if location in ("", ":memory:"):
        return
    maybe_backup(location, "attempt")
