"""Checking an incoming learner log before anything of it is merged.

A log arrives on a USB stick or a shared folder: it is untrusted, and it may still
be in use (the app open on it, a copy with its `-wal` beside it).

- It is read through SQLite, never as raw bytes: opened read-only, waiting briefly
  for a writer (a lock or a hot journal) and then refusing with a message a teacher
  understands; a consistent snapshot (a `-wal` beside it included) is copied with
  SQLite's backup API into a private temporary folder. The original is never
  written, and no file is created beside it.
- The private copy is opened read-only with trusted_schema off (nothing in it can
  run), structure-checked (quick_check), its application_id and schema are checked,
  and then every value of every column the class database has, whatever the file
  declares (trainer.exchange.value_rules), the natural keys, the parents, and each
  attempt's decision log (seq 1..n, n = attempts.decisions).
- Any problem refuses the file with a message naming the file and the problem.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from trainer.exchange.atomic import ExportError
from trainer.exchange.value_rules import (
    UNIQUE_KEYS,
    bad_value_sql,
    describe,
)
from trainer.store.names import DATA_TABLES, MIGRATION_SET
from trainer.store.sqlite_file import file_uri, foreign_application, ro_uri

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_FILE_BYTES = 4 * 1024**3
MAX_ROWS = {"learners": 100_000, "attempts": 1_000_000}
DEFAULT_MAX_ROWS = 10_000_000
BUSY_WAIT_S = 3.0  # how long a source being written is waited for
#: Parent references that must resolve inside the same file.
PARENTS = {"attempts": ("learner_id", "learners")} | {
    t: ("attempt_id", "attempts") for t in DATA_TABLES[2:]
}
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_SNAPSHOT"}
BEING_WRITTEN = (
    "it is being written by another program right now (is the trainer still open on "
    "it?); close that program or hand the log in again, then retry / "
    "檔案正被其他程式寫入（訓練程式是否仍開著？），請關閉後或重新繳交再試一次"
)

__all__ = ["CheckedLog", "RefusedFile", "check_log", "ro_uri"]


class RefusedFile(ExportError):
    """An incoming log that will not be merged; the message says why."""


class _Bad(Exception):
    """Raised by the checks below; check_log adds the file's name."""


@dataclass(frozen=True)
class CheckedLog:
    """A private, verified copy of an incoming log, ready to be attached read-only."""

    original: Path
    copy: Path
    counts: dict[str, int]


def show(value: object, limit: int = 60) -> str:
    """A value for a message: control characters escaped, cut to `limit`."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _is_wal_mode(path: Path) -> bool:
    with path.open("rb") as fh:
        header = fh.read(20)
    return len(header) >= 20 and header[18] == 2


def private_copy(path: Path, copy: Path, wait: float = BUSY_WAIT_S) -> None:
    """Copy a consistent snapshot of the database at `path` into `copy`.

    A WAL-mode file without its `-shm` has no live writer (SQLite keeps the -shm
    while a connection is open), and opening it, even read-only, would create
    `-wal`/`-shm` files beside it: its bytes (and its `-wal`, if any) are copied
    into the private folder and SQLite recovers the committed part there. Anything
    else is opened read-only through SQLite and copied with the backup API, which
    takes a read lock: a writer holding the file (BEGIN EXCLUSIVE, a commit in
    progress) is waited for up to `wait` seconds, then the file is refused.
    """
    copy.parent.mkdir(parents=True, exist_ok=True)
    if _is_wal_mode(path) and not _side(path, "-shm").exists():
        shutil.copyfile(path, copy)
        wal = _side(path, "-wal")
        if wal.exists():
            shutil.copyfile(wal, _side(copy, "-wal"))
        fold = sqlite3.connect(file_uri(copy), uri=True, isolation_level=None)
        try:
            fold.execute("pragma journal_mode = delete")  # recovers the WAL, then folds it
        finally:
            fold.close()
        return
    deadline = time.monotonic() + wait
    while True:
        src = sqlite3.connect(ro_uri(path), uri=True, timeout=0.2, isolation_level=None)
        try:
            # A read transaction first: the backup API itself retries a busy source
            # forever, while a read here gives up after the connection's timeout.
            src.execute("begin")
            src.execute("select count(*) from sqlite_master").fetchone()
            dst = sqlite3.connect(copy, isolation_level=None)
            try:
                # A private, disposable copy: no journal, no fsync.
                dst.execute("pragma journal_mode = off")
                dst.execute("pragma synchronous = off")
                src.backup(dst)
                dst.execute("pragma journal_mode = delete")
            finally:
                dst.close()
            return
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") not in _BUSY and "locked" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise _Bad(BEING_WRITTEN) from None
        finally:
            src.close()
        with contextlib.suppress(OSError):
            copy.unlink()
        time.sleep(0.1)


def check_log(
    path: Path, workdir: Path, target_columns: dict[str, list[str]], known: Collection[str]
) -> CheckedLog:
    """Verify one incoming log; raise RefusedFile naming the problem.

    `target_columns` are the class database's columns per data table, and `known`
    the schema steps (migrations) this version knows.
    """
    path = Path(path)
    try:
        return _check(path, workdir, target_columns, known)
    except _Bad as exc:
        raise RefusedFile(f"{path.name}: refused: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise RefusedFile(
            f"{path.name}: refused: cannot be read as a trainer log ({exc})"
        ) from None
    except UnicodeDecodeError:
        # SQLite's error message quoted a damaged schema that is not UTF-8
        raise RefusedFile(
            f"{path.name}: refused: cannot be read as a trainer log (its schema is damaged)"
        ) from None
    except OSError as exc:
        raise RefusedFile(f"{path.name}: refused: cannot be read ({exc.strerror or exc})") from None


def _check(
    path: Path, workdir: Path, target_columns: dict[str, list[str]], known: Collection[str]
) -> CheckedLog:
    if path.is_dir():
        raise _Bad("it is a folder, not a log file")
    if not path.is_file():
        raise _Bad("no such file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _Bad(f"too large ({size / 1024**3:.1f} GB) to be a learner log")
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise _Bad("not a trainer log (not an SQLite database file)")
    workdir.mkdir(parents=True, exist_ok=True)
    copy = workdir / f"incoming-{len(list(workdir.iterdir()))}.db"
    private_copy(path, copy)
    conn = sqlite3.connect(ro_uri(copy), uri=True, isolation_level=None)
    try:
        conn.execute("pragma trusted_schema = off")
        _check_integrity(conn)
        foreign = foreign_application(conn)
        if foreign:
            raise _Bad(f"not a trainer log: {foreign}")
        _check_schema(conn, target_columns, known)
        counts = _check_rows(conn, target_columns)
    finally:
        conn.close()
    return CheckedLog(original=path, copy=copy, counts=counts)


def _check_integrity(conn: sqlite3.Connection) -> None:
    # quick_check: every page, record and free list, but not whether each index
    # agrees with its table (integrity_check also does that, at ~2.5x the cost).
    # The checks below read tables, and whatever a lying index in this file could
    # let through (a duplicate key) is refused by the class database's own unique
    # indexes, which are verified (integrity_check) before every merge.
    rows = [str(r[0]) for r in conn.execute("pragma quick_check(5)")]
    if rows != ["ok"]:
        raise _Bad(f"the file is damaged ({show(rows[0])})")


def _check_schema(
    conn: sqlite3.Connection, target_columns: dict[str, list[str]], known: Collection[str]
) -> None:
    kinds = dict(conn.execute("select name, type from sqlite_master"))
    if kinds.get("_sqlite_migrations") != "table":
        raise _Bad("not a trainer log (no schema history)")
    applied = [
        r[0]
        for r in conn.execute(
            "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
        )
    ]
    if any(not isinstance(m, str) for m in applied):
        raise _Bad("not a trainer log (its schema history is malformed)")
    unknown = [m for m in applied if m not in known]
    if unknown:
        raise _Bad(
            f"written by a newer version of the trainer ({show(', '.join(unknown))}); "
            "update the app"
        )
    if "m001_core_tables" not in applied:
        raise _Bad("not a trainer log (unknown schema)")
    for table in DATA_TABLES:
        if kinds.get(table) != "table":
            raise _Bad(f"wrong schema: no table '{table}'")
        have = {r[1] for r in conn.execute(f"pragma main.table_info([{table}])")}
        missing = set(target_columns[table]) - have
        if missing:
            raise _Bad(f"wrong schema: table '{table}' lacks {', '.join(sorted(missing))}")


def _first_bad(conn: sqlite3.Connection, table: str, columns: list[str]) -> str | None:
    """The first row with a bad value, described (None: every value is good)."""
    conditions = {c: bad_value_sql(table, c) for c in columns}
    where = " or ".join(f"({sql})" for sql in conditions.values())
    row = conn.execute(
        f"select rowid, count(*) over () from [{table}] where {where} limit 1"
    ).fetchone()
    if row is None:
        return None
    rowid, count = row
    for column, sql in conditions.items():
        value = conn.execute(
            f"select [{column}] from [{table}] where rowid = ? and ({sql})", [rowid]
        ).fetchone()
        if value is not None:
            return (
                f"table '{table}' has {count:,} row(s) with a bad value, e.g. row {rowid}: "
                f"{column} = {show(value[0])} (must be {describe(table, column)})"
            )
    return f"table '{table}' has {count:,} row(s) with a bad value (e.g. row {rowid})"


def _check_rows(conn: sqlite3.Connection, target_columns: dict[str, list[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in DATA_TABLES:
        n = conn.execute(f"select count(*) from [{table}]").fetchone()[0]
        limit = MAX_ROWS.get(table, DEFAULT_MAX_ROWS)
        if n > limit:
            raise _Bad(f"table '{table}' has {n:,} rows, more than any real log ({limit:,})")
        counts[table] = n
        if not n:
            continue
        _check_text(conn, table, target_columns[table])  # first: the rules read values
        problem = _first_bad(conn, table, target_columns[table])
        if problem:
            raise _Bad(problem)
        # (A repeated id needs no check here: the merge adds the first such row and
        # then finds the second's id taken, a conflict.)
        key = UNIQUE_KEYS.get(table)
        if key:
            cols = ", ".join(f"[{c}]" for c in key)
            dup = conn.execute(
                f"select {cols} from [{table}] not indexed group by {cols} having count(*) > 1"
            ).fetchone()
            if dup:
                raise _Bad(
                    f"table '{table}' has two rows with the same {', '.join(key)} {show(dup)}"
                )
        if table in PARENTS:
            column, parent = PARENTS[table]
            orphans = conn.execute(
                f"select count(*) from [{table}] "
                f"where [{column}] not in (select id from [{parent}])"
            ).fetchone()[0]
            if orphans:
                raise _Bad(f"table '{table}' has {orphans:,} rows whose {parent} are missing")
    _check_decision_logs(conn)
    return counts


def _check_text(conn: sqlite3.Connection, table: str, columns: list[str]) -> None:
    """Every text value decodes as UTF-8. SQLite stores whatever bytes it is given, and
    one damaged byte inside a Chinese reason would make every later read of that row,
    in the dashboard, a sheet or an export, fail."""
    cols = ", ".join(f"[{c}]" for c in columns)
    try:
        cursor = conn.execute(f"select {cols} from [{table}]")  # reads the first row
        while cursor.fetchmany(2000):
            pass
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise
        column = str(exc).split("column '", 1)[-1].split("'", 1)[0]
        raise _Bad(
            f"table '{table}' has text in {column} that is not valid UTF-8 (the file is damaged)"
        ) from None


def _check_decision_logs(conn: sqlite3.Connection) -> None:
    """Each attempt's decisions are seq 1..n with n = attempts.decisions, and a
    completed attempt has its total and finish time."""
    row = conn.execute(
        "select id from attempts where status = 'completed' "
        "and (total is null or finished_at is null) limit 1"
    ).fetchone()
    if row:
        raise _Bad(f"attempt {row[0]} is completed but has no total or finish time")
    row = conn.execute(
        "select a.id, coalesce(a.decisions, 0), coalesce(d.n, 0), coalesce(d.top, 0) "
        "from attempts a left join (select attempt_id, count(*) n, max(seq) top "
        "from decisions not indexed group by attempt_id) d on d.attempt_id = a.id "
        "where coalesce(a.decisions, 0) != coalesce(d.n, 0) or coalesce(d.top, 0) != coalesce(d.n, 0) "
        "limit 1"
    ).fetchone()
    if row:
        raise _Bad(
            f"attempt {row[0]} says it has {row[1]} decisions but its log has {row[2]} "
            f"(numbered up to {row[3]})"
        )
