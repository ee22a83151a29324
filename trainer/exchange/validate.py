"""Checking an incoming learner log before anything of it is merged.

A log arrives on a USB stick or a shared folder: it is untrusted. It is copied to a
private temporary folder, opened read-only (with trusted_schema off, so nothing in
it can run), structure-checked (quick_check), and its schema and every row's shape
are checked in SQL. Any problem refuses the file with a message naming the file and
the problem.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from trainer.core.vocab import INDICATORS, STEPS
from trainer.exchange.atomic import ExportError
from trainer.store.names import DATA_TABLES, MIGRATION_SET

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_FILE_BYTES = 4 * 1024**3
MAX_TEXT_CHARS = 20_000  # longer than any reflection a person types
MAX_ROWS = {"learners": 100_000, "attempts": 1_000_000}
DEFAULT_MAX_ROWS = 10_000_000
_HEX = "[0-9a-f]"
UUID_GLOB = "-".join(_HEX * n for n in (8, 4, 4, 4, 12))

#: Columns that must be present (not null) in an incoming row.
REQUIRED = {
    "learners": ("display_name", "created_at"),
    "attempts": ("learner_id", "case_id", "mode", "status", "started_at"),
    "decisions": ("attempt_id", "seq", "ts", "step", "action"),
    "internal_reports": ("attempt_id",),
    "reflections": ("attempt_id", "prompt_id"),
    "self_ratings": ("attempt_id", "indicator"),
    "scores": ("attempt_id", "indicator", "score"),
}
#: Parent references that must resolve inside the same file.
PARENTS = {"attempts": ("learner_id", "learners")} | {
    t: ("attempt_id", "attempts") for t in DATA_TABLES[2:]
}
#: Extra per-table row rules, as SQL conditions that a bad row satisfies.
BAD_ROWS = {
    "decisions": (
        f"step not in ({', '.join(repr(s) for s in STEPS)})"
        f" or (indicator is not null and indicator not in ({', '.join(map(repr, INDICATORS))}))"
        " or typeof(seq) != 'integer' or seq < 0"
    ),
    "scores": (
        f"indicator not in ({', '.join(map(repr, INDICATORS))})"
        " or typeof(score) != 'integer' or score not between 0 and 100"
    ),
    "self_ratings": f"indicator not in ({', '.join(map(repr, INDICATORS))})",
}


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


def ro_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _copy_private(path: Path, workdir: Path) -> Path:
    """Copy the file (and a WAL beside it, if any) so the original is never opened."""
    workdir.mkdir(parents=True, exist_ok=True)
    copy = workdir / f"incoming-{len(list(workdir.iterdir()))}.db"
    shutil.copyfile(path, copy)
    wal = path.with_name(path.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"pragma {schema}.table_info([{table}])")]


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
    except OSError as exc:
        raise RefusedFile(f"{path.name}: refused: cannot be read ({exc.strerror or exc})") from None


def _check(
    path: Path, workdir: Path, target_columns: dict[str, list[str]], known: Collection[str]
) -> CheckedLog:
    if not path.is_file():
        raise _Bad("no such file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _Bad(f"too large ({size / 1024**3:.1f} GB) to be a learner log")
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise _Bad("not a trainer log (not an SQLite database file)")
    copy = _copy_private(path, workdir)
    if copy.with_name(copy.name + "-wal").exists():
        # A live database copied with its WAL: fold the WAL into our private copy.
        with sqlite3.connect(copy, isolation_level=None) as rw:
            rw.execute("pragma journal_mode = delete")
        rw.close()
    conn = sqlite3.connect(ro_uri(copy), uri=True, isolation_level=None)
    try:
        conn.execute("pragma trusted_schema = off")
        _check_integrity(conn)
        _check_schema(conn, target_columns, known)
        counts = _check_rows(conn)
    finally:
        conn.close()
    return CheckedLog(original=path, copy=copy, counts=counts)


def _check_integrity(conn: sqlite3.Connection) -> None:
    # quick_check: every page, record and free list, but not whether each index
    # agrees with its table (integrity_check also does that, at ~2.5x the cost).
    # The checks below and the staging read tables, not indexes, and whatever a
    # lying index could let through (a missing parent, a duplicate key) is refused
    # by the class database's own foreign keys and unique indexes.
    rows = [str(r[0]) for r in conn.execute("pragma quick_check(5)")]
    if rows != ["ok"]:
        raise _Bad(f"the file is damaged ({rows[0]})")


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
    unknown = [m for m in applied if m not in known]
    if unknown:
        raise _Bad(
            f"written by a newer version of the trainer ({', '.join(unknown)}); update the app"
        )
    if "m001_core_tables" not in applied:
        raise _Bad("not a trainer log (unknown schema)")
    for table in DATA_TABLES:
        if kinds.get(table) != "table":
            raise _Bad(f"wrong schema: no table '{table}'")
        missing = set(target_columns[table]) - set(_columns(conn, "main", table))
        if missing:
            raise _Bad(f"wrong schema: table '{table}' lacks {', '.join(sorted(missing))}")


def _check_rows(conn: sqlite3.Connection) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in DATA_TABLES:
        n = conn.execute(f"select count(*) from [{table}]").fetchone()[0]
        limit = MAX_ROWS.get(table, DEFAULT_MAX_ROWS)
        if n > limit:
            raise _Bad(f"table '{table}' has {n:,} rows, more than any real log ({limit:,})")
        counts[table] = n
        if not n:
            continue
        rules = [f"id is null or typeof(id) != 'text' or lower(id) not glob '{UUID_GLOB}'"]
        rules += [f"[{c}] is null" for c in REQUIRED[table]]
        if table in BAD_ROWS:
            rules.append(BAD_ROWS[table])
        text_cols = [
            r[1] for r in conn.execute(f"pragma table_info([{table}])") if r[2].upper() == "TEXT"
        ]
        rules += [f"length([{c}]) > {MAX_TEXT_CHARS}" for c in text_cols]
        rules += [f"typeof([{c}]) = 'blob'" for c in text_cols]
        where = " or ".join(f"({r})" for r in rules)
        bad = conn.execute(f"select count(*), min(rowid) from [{table}] where {where}").fetchone()
        if bad[0]:
            raise _Bad(f"table '{table}' has {bad[0]:,} malformed rows (e.g. row {bad[1]})")
        if table in PARENTS:
            column, parent = PARENTS[table]
            orphans = conn.execute(
                f"select count(*) from [{table}] "
                f"where [{column}] not in (select id from [{parent}])"
            ).fetchone()[0]
            if orphans:
                raise _Bad(f"table '{table}' has {orphans:,} rows whose {parent} are missing")
    return counts
