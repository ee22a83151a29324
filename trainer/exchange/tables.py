"""The tables of a grade export (CSV and XLSX), as streaming SQL queries.

Each table is one `select` over the attempts chosen by the filters; rows come from
an open cursor, never a list, so a million decisions export in flat memory. With
pseudonymize, learner names and student numbers are swapped for the stable
pseudonyms in SQL, and free text that an instructor typed about a learner is left out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from trainer.exchange.filters import Filters
from trainer.exchange.instructor import LATEST_ADJUSTED_SQL
from trainer.exchange.pseudonyms import Rekeyer, ensure_pseudonyms, round_minute

TABLE_NAMES = (
    "learners",
    "attempts",
    "decisions",
    "reflections",
    "internal_reports",
    "scores",
)


@dataclass(frozen=True)
class Table:
    name: str
    columns: list[str]
    rows: Iterator[tuple[Any, ...]]


def _identity(pseudonymize: bool) -> tuple[str, str, str]:
    """SQL for (learner name, student number, join) with the `l` learners alias."""
    if not pseudonymize:
        return "l.display_name", "l.student_no", ""
    return (
        "p.pseudonym",
        "case when l.student_no is null then null else p.pseudonym end",
        "left join pseudonyms p on p.learner_id = l.id",
    )


def reason_column(lang: str) -> str:
    """The scores' reason in the export's language (`s` is the scores alias)."""
    return "s.reason_en" if lang == "en" else "s.reason_zh"


def latest_comment(pseudonymize: bool) -> str:
    """The instructor's latest comment on attempt `a`; left out when pseudonymized
    (a teacher's note about a learner could name them)."""
    if pseudonymize:
        return "null"
    return (
        "(select r.comment from attempt_reviews r where r.attempt_id = a.id "
        "and r.comment is not null order by r.created_at desc, r.rowid desc limit 1)"
    )


def _rekeyed(pseudonymize: bool) -> tuple[Any, Any]:
    """SQL wrappers for ids and timestamps: re-keyed / to the minute when pseudonymized
    (the `rekey` and `minute` functions are registered by iter_tables), so a
    pseudonymised export cannot be joined to a named one on ids or exact times."""
    if not pseudonymize:
        return (lambda expr: expr), (lambda expr: expr)
    return (lambda expr: f"rekey({expr})"), (lambda expr: f"minute({expr})")


def register_functions(conn: sqlite3.Connection) -> None:
    """rekey(id) and minute(timestamp) for the pseudonymised queries."""
    conn.create_function("rekey", 1, Rekeyer(conn), deterministic=True)
    conn.create_function("minute", 1, round_minute, deterministic=True)


def queries(filters: Filters, pseudonymize: bool, lang: str) -> dict[str, tuple[str, list[Any]]]:
    name, student, join = _identity(pseudonymize)
    k, t = _rekeyed(pseudonymize)
    where, params = filters.where()
    joined = f"from attempts a join learners l on l.id = a.learner_id {join}"
    base = f"{joined} where {where}"
    lw, lp = filters.learner_where()
    attempt_level = bool(filters.since or filters.until or filters.case_id or filters.attempt_id)
    if attempt_level:  # only learners with a chosen attempt
        lw, lp = f"({lw}) and l.id in (select a.learner_id {base})", [*lp, *params]
    reason = reason_column(lang)
    comment = latest_comment(pseudonymize)
    adj = f"left join ({LATEST_ADJUSTED_SQL}) adj"
    return {
        "learners": (
            f"select {k('l.id')} as learner_id, {name} as learner_name, {student} as student_no, "
            f"l.class_name, {t('l.created_at')} as created_at from learners l {join} where {lw} "
            "order by l.class_name, learner_name",
            lp,
        ),
        "attempts": (
            f"select {k('a.id')} as attempt_id, {k('a.learner_id')} as learner_id, {name} as learner_name, "
            f"{student} as student_no, l.class_name, a.case_id, a.case_version, a.case_title, "
            f"a.mode, a.lang, a.status, {t('a.started_at')} as started_at, "
            f"{t('a.finished_at')} as finished_at, a.decisions, a.outcome, "
            "a.escalated, a.cost, a.sim_minutes, a.total, adj.adjusted_score as adjusted_total, "
            f"a.order_seed, {k('a.parent_attempt_id')} as parent_attempt_id, a.branch_seq, "
            f"{comment} as instructor_comment {joined} "
            "left join (" + LATEST_ADJUSTED_SQL + ") adj "
            "on adj.attempt_id = a.id and adj.indicator = 'total' "
            f"where {where} order by a.started_at, a.id",
            params,
        ),
        "decisions": (
            f"select {k('d.id')} as decision_id, {k('d.attempt_id')} as attempt_id, d.seq, "
            f"{t('d.ts')} as ts, d.step, d.indicator, "
            "d.action, d.option_id, d.quality, d.free_text, d.payload, d.think_ms, "
            "d.mood_before, d.mood_after, d.sim_minute, d.cost_total, d.facts_found "
            f"from decisions d where d.attempt_id in (select a.id {base}) "
            "order by d.attempt_id, d.seq",
            params,
        ),
        "reflections": (
            f"select {k('r.id')} as reflection_id, {k('r.attempt_id')} as attempt_id, "
            f"{name} as learner_name, a.case_id, "
            f"r.prompt_id, r.text, {t('r.created_at')} as created_at from reflections r "
            f"join attempts a on a.id = r.attempt_id join learners l on l.id = a.learner_id "
            f"{join} where {where} order by r.attempt_id, r.prompt_id",
            params,
        ),
        "internal_reports": (
            f"select {k('ir.id')} as report_id, {k('ir.attempt_id')} as attempt_id, "
            f"{name} as learner_name, a.case_id, "
            "ir.root_cause, ir.recipients, ir.preventive, ir.profile_note, "
            f"{t('ir.created_at')} as created_at "
            "from internal_reports ir join attempts a on a.id = ir.attempt_id "
            f"join learners l on l.id = a.learner_id {join} where {where} order by ir.attempt_id",
            params,
        ),
        "scores": (
            f"select {k('s.attempt_id')} as attempt_id, {name} as learner_name, {student} as student_no, "
            "l.class_name, a.case_id, s.indicator, s.score, adj.adjusted_score, "
            f"sr.rating as self_rating, {reason} as reason "
            "from scores s join attempts a on a.id = s.attempt_id "
            f"join learners l on l.id = a.learner_id {join} "
            f"{adj} on adj.attempt_id = s.attempt_id and adj.indicator = s.indicator "
            "left join self_ratings sr on sr.attempt_id = s.attempt_id "
            f"and sr.indicator = s.indicator where {where} order by s.attempt_id, s.indicator",
            params,
        ),
    }


def iter_tables(
    conn: sqlite3.Connection, filters: Filters, pseudonymize: bool = False, lang: str = "zh-TW"
) -> Iterator[Table]:
    """Yield each export table with a live cursor over its rows (consume before the next)."""
    if pseudonymize:
        ensure_pseudonyms(conn)
        register_functions(conn)
    for table, (sql, params) in queries(filters, pseudonymize, lang).items():
        cursor = conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        yield Table(table, columns, iter(cursor))
