"""SQLite files of the trainer: their URIs, their application_id, and ONE health check.

Imports nothing beyond the standard library, so the merge's worker process can use it.

- Every `file:` URI is built here, percent-encoded (`#`, `?`, `%`, spaces, Chinese),
  so a folder name can never cut the URI short and turn a read-only open into a
  read-write one that creates a stray empty file.
- APPLICATION_ID marks every database the trainer writes (docs/schema.md); a file
  with another non-zero application_id belongs to another program and is refused.
- `health_problems` is the one definition of "healthy" used by `db check`, backups,
  restore, recovery and merge: `PRAGMA integrity_check` (every page, record, free
  list AND every index entry against its table, so a unique index missing entries
  is caught), plus the application_id.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: "TRCH" (TRainer, Complaint Handling), stored big-endian at offset 68 of the header.
APPLICATION_ID = 0x54524348
#: "CTH1": a learner's hand-in file (trainer.exchange.handin.HANDIN_APP_ID), which
#: marks the file as a hand-in for the collection preview.
HANDIN_APPLICATION_ID = 0x43544831
TRAINER_APPLICATION_IDS = frozenset({APPLICATION_ID, HANDIN_APPLICATION_ID})
MAX_REPORTED = 10


def file_uri(path: Path | str, **params: str) -> str:
    """A `file:` URI for `path`, percent-encoded, with query parameters."""
    uri = Path(path).resolve().as_uri()
    if params:
        uri += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return uri


def ro_uri(path: Path | str) -> str:
    """Read-only: SQLite never creates the file (mode=ro fails on a missing one)."""
    return file_uri(path, mode="ro")


def connect_ro(path: Path | str, timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only connection that waits up to `timeout` seconds for a writer."""
    return sqlite3.connect(ro_uri(path), uri=True, timeout=timeout, isolation_level=None)


def application_id(conn: sqlite3.Connection, schema: str = "main") -> int:
    return int(conn.execute(f"pragma {schema}.application_id").fetchone()[0])


def foreign_application(conn: sqlite3.Connection, schema: str = "main") -> str | None:
    """Why the file belongs to another program, or None."""
    found = application_id(conn, schema)
    if found and found not in TRAINER_APPLICATION_IDS:
        return f"it belongs to another program (application_id {found:#010x})"
    return None


def set_application_id(conn: sqlite3.Connection) -> None:
    """Mark a database the trainer writes (a no-op when already marked)."""
    if application_id(conn) != APPLICATION_ID:
        conn.execute(f"pragma application_id = {APPLICATION_ID}")


def connection_problems(conn: sqlite3.Connection, limit: int = MAX_REPORTED) -> list[str]:
    """Problems of an open database: integrity_check and application_id (empty: healthy)."""
    try:
        rows = [str(r[0]) for r in conn.execute(f"pragma integrity_check({int(limit)})")]
        foreign = foreign_application(conn)
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [] if rows == ["ok"] else rows
    if foreign:
        problems.append(foreign)
    return problems


def health_problems(path: Path | str, limit: int = MAX_REPORTED) -> list[str]:
    """Problems of the database file at `path`, opened read-only (empty: healthy)."""
    try:
        conn = connect_ro(path)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        return connection_problems(conn, limit)
    finally:
        conn.close()


DISK_FULL_MESSAGE = (
    "the disk is full, so the last step was not saved; everything before it is safe. "
    "Free some space, then continue with `python -m trainer play --resume ATTEMPT_ID`. / "
    "磁碟已滿，最後一步未儲存，之前的紀錄都完好。請釋放空間後，以 "
    "`python -m trainer play --resume 作答編號` 繼續。"
)


def is_disk_full(exc: BaseException) -> bool:
    """SQLite's SQLITE_FULL or the operating system's ENOSPC / EDQUOT."""
    import errno

    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    if isinstance(exc, sqlite3.DatabaseError):
        name = getattr(exc, "sqlite_errorname", "") or ""
        return name.startswith("SQLITE_FULL") or "disk is full" in str(exc).lower()
    return False
