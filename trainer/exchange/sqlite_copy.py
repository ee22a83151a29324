"""SQLite exports: a learner log to merge elsewhere, or a clean copy for Datasette.

Made with SQLite's online backup API (never a raw copy of a live WAL file), then
trimmed to the chosen attempts, stripped of instructor-only data (the PIN hash, the
pseudonym map), vacuumed so nothing deleted lingers in free pages, verified
(quick_check, row counts) and only then renamed into place.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from trainer.exchange.atomic import ExportError, atomic_file
from trainer.exchange.filters import Filters
from trainer.exchange.pseudonyms import Namer, Rekeyer, round_minute
from trainer.exchange.source import Source, opened
from trainer.store import summary
from trainer.store.db import quick_check
from trainer.store.schema import DATA_TABLES, PRIVATE_TABLES
from trainer.store.sqlite_file import ro_uri

#: Tables whose rows belong to one attempt, children first.
ATTEMPT_CHILDREN = (
    "attempt_reviews",
    "scores",
    "self_ratings",
    "reflections",
    "internal_reports",
    "decisions",
)


def expected_counts(conn: sqlite3.Connection, filters: Filters) -> dict[str, int]:
    """Row counts the export must contain, computed on the source."""
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    ids_sql, ids_params = filters.attempt_ids_sql()
    lw, lp = filters.learner_where("learners")
    counts = {
        "learners": conn.execute(
            f"select count(*) from learners where ({lw}) or id in "
            f"(select learner_id from attempts where id in ({ids_sql}))",
            lp + ids_params,
        ).fetchone()[0],
        "attempts": conn.execute(f"select count(*) from ({ids_sql})", ids_params).fetchone()[0],
    }
    for table in ATTEMPT_CHILDREN:
        if table in tables:
            counts[table] = conn.execute(
                f"select count(*) from [{table}] where attempt_id in ({ids_sql})", ids_params
            ).fetchone()[0]
    return counts


def _trim(dst: sqlite3.Connection, filters: Filters) -> None:
    """Keep only the chosen attempts, their rows, and the chosen learners."""
    ids_sql, ids_params = filters.attempt_ids_sql()
    dst.execute("create temp table keep as " + ids_sql, ids_params)
    tables = {r[0] for r in dst.execute("select name from sqlite_master where type='table'")}
    for table in ATTEMPT_CHILDREN:
        if table in tables:
            dst.execute(f"delete from [{table}] where attempt_id not in (select id from keep)")
    dst.execute("delete from attempts where id not in (select id from keep)")
    lw, lp = filters.learner_where("learners")
    dst.execute(
        # coalesce: a learner with no class (NULL) does not match --class X
        f"delete from learners where not coalesce(({lw}), 0) "
        "and id not in (select learner_id from attempts)",
        lp,
    )
    dst.execute("drop table temp.keep")


#: Columns re-keyed / rounded to the minute in a pseudonymised copy.
ID_COLUMNS = ("id", "learner_id", "attempt_id", "parent_attempt_id")
TIME_COLUMNS = ("created_at", "started_at", "updated_at", "finished_at", "ts")


def _pseudonymize(dst: sqlite3.Connection, namer: Namer, rekey: Rekeyer) -> None:
    rows = dst.execute("select id, display_name, student_no from learners").fetchall()
    dst.executemany(
        "update learners set display_name = ?, student_no = ? where id = ?",
        [(namer.name(i, n), namer.student_no(i, s), i) for i, n, s in rows],
    )
    # Instructor comments may name the learner; they stay in the instructor's database.
    dst.execute("update attempt_reviews set comment = null, author = null")
    # Ids re-keyed and times to the minute: the copy cannot be joined to a named export.
    dst.create_function("rekey", 1, rekey, deterministic=True)
    dst.create_function("minute", 1, round_minute, deterministic=True)
    for table in (*DATA_TABLES, "attempt_reviews"):
        columns = {r[1] for r in dst.execute(f"pragma table_info([{table}])")}
        sets = [f"[{c}] = rekey([{c}])" for c in ID_COLUMNS if c in columns]
        sets += [f"[{c}] = minute([{c}])" for c in TIME_COLUMNS if c in columns]
        if sets:
            dst.execute(f"update [{table}] set {', '.join(sets)}")


def verify_copy(path: Path, expected: dict[str, int]) -> None:
    conn = sqlite3.connect(ro_uri(path), uri=True)  # percent-encoded
    try:
        problems = quick_check(conn)
        if problems:
            raise ExportError(f"the written file failed its check: {problems[0]}")
        for table, count in expected.items():
            got = conn.execute(f"select count(*) from [{table}]").fetchone()[0]
            if got != count:
                raise ExportError(f"the written file has {got} {table} rows, expected {count}")
    finally:
        conn.close()


def export_sqlite(
    source: Source, out: Path, filters: Filters | None = None, pseudonymize: bool = False
) -> dict[str, int]:
    """Write a verified SQLite copy to `out`; returns the row count per table."""
    filters = filters or Filters()
    with opened(source) as db:
        conn = db.conn
        filters.check(conn)
        namer = Namer(conn, pseudonymize)
        expected = expected_counts(conn, filters)
        with atomic_file(Path(out)) as tmp:
            dst = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                conn.backup(dst)
                dst.execute("pragma journal_mode = delete")  # one self-contained file
                dst.execute("begin")
                # derived counts and ids: dropped before rows are trimmed or re-keyed,
                # rebuilt from what the copy holds afterwards
                summary.drop(dst)
                for table in PRIVATE_TABLES:
                    if dst.execute(
                        "select 1 from sqlite_master where type='table' and name=?", [table]
                    ).fetchone():
                        dst.execute(f"delete from [{table}]")
                if not filters.empty:
                    _trim(dst, filters)
                if pseudonymize:
                    _pseudonymize(dst, namer, Rekeyer(conn))
                summary.install(dst)
                dst.execute("commit")
                dst.execute("vacuum")
            except sqlite3.Error as exc:
                raise ExportError(f"could not write the SQLite copy: {exc}") from None
            finally:
                dst.close()
            verify_copy(tmp, expected)
    return {t: expected[t] for t in (*DATA_TABLES, "attempt_reviews") if t in expected}
