"""Summary tables the class dashboard reads instead of the raw log.

On a class database of a million decisions the dashboard's questions (mean score per
indicator, each learner's latest attempt per case, the most chosen off-path options)
cost seconds when asked of `attempts`, `scores` and `decisions` joined. Two derived
tables answer them from a hundred thousand narrow rows and a few hundred counts:

- attempt_summary: one row per attempt with the columns the dashboard filters on
  (same names as `attempts`, so `Filters.where()` applies to it unchanged) and the
  five indicator scores side by side (score_31 ... score_35, original scores).
- option_tallies: how often each option was chosen, per (case, step, option,
  quality, mode).

Triggers keep both up to date in the transaction that writes the log, so they are
never stale and never cost a refresh. They are derived data: never merged, never
exported as rows. A SQLite export copy drops them before it trims or re-keys rows
and installs them afresh afterwards (`drop` / `install`), so a copy never carries
counts or ids of rows it no longer holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from trainer.core.vocab import INDICATORS

#: indicator id -> its column in attempt_summary ("3.1" -> "score_31")
SCORE_COLUMNS = {i: "score_" + i.replace(".", "") for i in INDICATORS}
SUMMARY_TABLES = ("attempt_summary", "option_tallies")

#: attempts' columns copied into attempt_summary
ATTEMPT_COLUMNS = (
    "id",
    "learner_id",
    "case_id",
    "case_title",
    "mode",
    "status",
    "started_at",
    "finished_at",
    "escalated",
    "total",
)

#: a completed attempt's wall-clock seconds from start to finish, from attempts row {a}
SECONDS = (
    "CASE WHEN {a}.status = 'completed' AND {a}.finished_at IS NOT NULL "
    "THEN (julianday({a}.finished_at) - julianday({a}.started_at)) * 86400.0 END"
)
ALL_COLUMNS = ", ".join((*ATTEMPT_COLUMNS, "seconds", *SCORE_COLUMNS.values()))

TRIGGERS = (
    "attempt_summary_insert",
    "attempt_summary_update",
    "attempt_summary_delete",
    "attempt_summary_score_insert",
    "attempt_summary_score_change",
    "attempt_summary_score_delete",
    "option_tallies_insert",
    "option_tallies_delete",
)


def _score_of(attempt: str, indicator: str) -> str:
    return (
        f"(select s.score from scores s where s.attempt_id = {attempt} "
        f"and s.indicator = '{indicator}')"
    )


def _rescore(attempt: str) -> str:
    """SET assignments reading every score column of `attempt` from the log again."""
    return ", ".join(f"{c} = {_score_of(attempt, i)}" for i, c in SCORE_COLUMNS.items())


def _create_tables() -> list[str]:
    scores = ", ".join(f"{c} INTEGER" for c in SCORE_COLUMNS.values())
    return [
        "CREATE TABLE IF NOT EXISTS attempt_summary ("
        "id TEXT PRIMARY KEY, learner_id TEXT, case_id TEXT, case_title TEXT, mode TEXT, "
        "status TEXT, started_at TEXT, finished_at TEXT, escalated INTEGER, total INTEGER, "
        "seconds REAL, "
        f"{scores})",
        # the heatmap ranks each learner's attempts per case by time, "below threshold"
        # each learner's attempts: both read these covering indexes in order, no sort
        "CREATE INDEX IF NOT EXISTS idx_attempt_summary_case_latest "
        "ON attempt_summary (status, learner_id, case_id, started_at, id)",
        "CREATE INDEX IF NOT EXISTS idx_attempt_summary_latest "
        "ON attempt_summary (status, learner_id, started_at, id)",
        "CREATE TABLE IF NOT EXISTS option_tallies ("
        "case_id TEXT NOT NULL, step TEXT NOT NULL, option_id TEXT NOT NULL, "
        "quality TEXT NOT NULL, mode TEXT NOT NULL, times INTEGER NOT NULL, "
        "PRIMARY KEY (case_id, step, option_id, quality, mode)) WITHOUT ROWID",
        # who chose one option, and when last (the few options the dashboard lists)
        "CREATE INDEX IF NOT EXISTS idx_decisions_option "
        "ON decisions (option_id, step, attempt_id) WHERE option_id IS NOT NULL",
    ]


def _summary_row(source: str) -> str:
    """The select list of one attempt_summary row from attempts row `source`."""
    attempt_cols = ", ".join(f"{source}.{c}" for c in ATTEMPT_COLUMNS)
    scores = ", ".join(_score_of(f"{source}.id", i) for i in SCORE_COLUMNS)
    return f"{attempt_cols}, {SECONDS.format(a=source)}, {scores}"


def _tally(sign: str, row: str) -> str:
    """Add `sign`1 to the tally of decision `row` (its attempt gives case and mode)."""
    return (
        "INSERT INTO option_tallies (case_id, step, option_id, quality, mode, times) "
        f"SELECT a.case_id, {row}.step, {row}.option_id, coalesce({row}.quality, ''), "
        f"coalesce(a.mode, ''), {sign}1 FROM attempts a "
        f"WHERE a.id = {row}.attempt_id AND a.case_id IS NOT NULL "
        "ON CONFLICT (case_id, step, option_id, quality, mode) "
        f"DO UPDATE SET times = times {sign} 1"
    )


def _create_triggers() -> list[str]:
    assignments = ", ".join(f"{c} = new.{c}" for c in ATTEMPT_COLUMNS)
    assignments += f", seconds = {SECONDS.format(a='new')}"
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in ATTEMPT_COLUMNS)
    set_one = ", ".join(
        f"{c} = CASE WHEN new.indicator = '{i}' THEN new.score ELSE {c} END"
        for i, c in SCORE_COLUMNS.items()
    )
    return [
        "CREATE TRIGGER IF NOT EXISTS attempt_summary_insert AFTER INSERT ON attempts BEGIN "
        f"INSERT OR REPLACE INTO attempt_summary ({ALL_COLUMNS}) "
        f"SELECT {_summary_row('new')}; END",
        # most updates of an attempt (one per decision) change none of these columns
        "CREATE TRIGGER IF NOT EXISTS attempt_summary_update AFTER UPDATE ON attempts "
        f"WHEN {changed} BEGIN "
        f"UPDATE attempt_summary SET {assignments} WHERE id = old.id; END",
        "CREATE TRIGGER IF NOT EXISTS attempt_summary_delete AFTER DELETE ON attempts BEGIN "
        "DELETE FROM attempt_summary WHERE id = old.id; END",
        "CREATE TRIGGER IF NOT EXISTS attempt_summary_score_insert AFTER INSERT ON scores BEGIN "
        f"UPDATE attempt_summary SET {set_one} WHERE id = new.attempt_id; END",
        "CREATE TRIGGER IF NOT EXISTS attempt_summary_score_change AFTER UPDATE ON scores BEGIN "
        f"UPDATE attempt_summary SET {_rescore('old.attempt_id')} WHERE id = old.attempt_id; "
        f"UPDATE attempt_summary SET {_rescore('new.attempt_id')} WHERE id = new.attempt_id; END",
        "CREATE TRIGGER IF NOT EXISTS attempt_summary_score_delete AFTER DELETE ON scores BEGIN "
        f"UPDATE attempt_summary SET {_rescore('old.attempt_id')} WHERE id = old.attempt_id; END",
        "CREATE TRIGGER IF NOT EXISTS option_tallies_insert AFTER INSERT ON decisions "
        f"WHEN new.option_id IS NOT NULL BEGIN {_tally('+', 'new')}; END",
        "CREATE TRIGGER IF NOT EXISTS option_tallies_delete AFTER DELETE ON decisions "
        f"WHEN old.option_id IS NOT NULL BEGIN {_tally('-', 'old')}; "
        "DELETE FROM option_tallies WHERE times <= 0; END",
    ]


def _summary_from_log() -> str:
    pivot = ", ".join(f"max(CASE WHEN s.indicator = '{i}' THEN s.score END)" for i in SCORE_COLUMNS)
    attempt_cols = ", ".join(f"a.{c}" for c in ATTEMPT_COLUMNS)
    return (
        f"SELECT {attempt_cols}, {SECONDS.format(a='a')}, {pivot} "
        "FROM attempts a LEFT JOIN scores s ON s.attempt_id = a.id GROUP BY a.rowid"
    )


TALLIES_FROM_LOG = (
    "SELECT a.case_id, d.step, d.option_id, coalesce(d.quality, ''), coalesce(a.mode, ''), "
    "count(*) FROM decisions d JOIN attempts a ON a.id = d.attempt_id "
    "WHERE d.option_id IS NOT NULL AND a.case_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
)


#: the per-row triggers a bulk insert pauses (the others fire once per attempt)
BULK_PAUSED = ("option_tallies_insert", "attempt_summary_score_insert", "attempt_summary_insert")


@contextmanager
def bulk_insert(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside an open transaction: pause the per-row insert triggers while rows are
    bulk inserted (a merge), then bring both tables up to date with three set-based
    statements. Inside, rows may be inserted, and attempts updated (that trigger
    stays); nothing may be deleted.

    On an exception nothing is restored here: the caller rolls the transaction back,
    which brings the dropped triggers back with everything else.
    """
    assert conn.in_transaction, "bulk_insert needs the caller's transaction"
    last = {
        table: conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
        for table in ("attempts", "decisions", "scores")
    }
    for name in BULK_PAUSED:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    yield
    conn.execute(
        "INSERT INTO option_tallies (case_id, step, option_id, quality, mode, times) "
        + TALLIES_FROM_LOG.replace("WHERE ", "WHERE d.rowid > ? AND ", 1)
        + " ON CONFLICT (case_id, step, option_id, quality, mode) "
        "DO UPDATE SET times = times + excluded.times",
        [last["decisions"]],
    )
    conn.execute(
        f"INSERT OR REPLACE INTO attempt_summary ({ALL_COLUMNS}) "
        + _summary_from_log().replace("GROUP BY", "WHERE a.rowid > ? GROUP BY", 1),
        [last["attempts"]],
    )
    conn.execute(
        f"UPDATE attempt_summary SET {_rescore('attempt_summary.id')} "
        "WHERE id IN (SELECT s.attempt_id FROM scores s JOIN attempts a ON a.id = s.attempt_id "
        "WHERE s.rowid > ? AND a.rowid <= ?)",  # attempts extended by the merge
        [last["scores"], last["attempts"]],
    )
    for sql in _create_triggers():
        conn.execute(sql)


def rebuild(conn: sqlite3.Connection) -> None:
    """Fill both tables from the log (after `install` on existing data)."""
    conn.execute("DELETE FROM attempt_summary")
    conn.execute(f"INSERT INTO attempt_summary ({ALL_COLUMNS}) {_summary_from_log()}")
    conn.execute("DELETE FROM option_tallies")
    conn.execute(
        "INSERT INTO option_tallies (case_id, step, option_id, quality, mode, times) "
        + TALLIES_FROM_LOG
    )


def install(conn: sqlite3.Connection) -> None:
    """Create the tables, the index and the triggers (idempotent), then fill them."""
    for sql in (*_create_tables(), *_create_triggers()):
        conn.execute(sql)
    rebuild(conn)


def drop(conn: sqlite3.Connection) -> None:
    """Remove the triggers and the tables (before bulk deletes in an export copy)."""
    for name in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in SUMMARY_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")


def stale(conn: sqlite3.Connection) -> list[str]:
    """Where the summary tables disagree with the log (empty: they agree). Read-only."""
    tally_columns = "case_id, step, option_id, quality, mode, times"
    problems = []
    for table, columns, derived in (
        ("attempt_summary", ALL_COLUMNS, _summary_from_log()),
        ("option_tallies", tally_columns, TALLIES_FROM_LOG),
    ):
        extra = conn.execute(
            f"SELECT count(*) FROM (SELECT {columns} FROM {table} EXCEPT {derived})"
        ).fetchone()[0]
        missing = conn.execute(
            f"SELECT count(*) FROM ({derived} EXCEPT SELECT {columns} FROM {table})"
        ).fetchone()[0]
        if extra or missing:
            problems.append(f"{table}: {extra} rows not in the log, {missing} missing")
    return problems
