"""The sheets of the instructor's XLSX workbook, as streaming SQL queries.

The CSV export is the complete log (`tables.py`); the workbook is what a teacher
reads and filters in Excel, so it is shaped for that:
- attempts are numbered (`attempt_no`, in start order) and every other sheet names
  its attempt by that number instead of a 36-character id (the id stays on the
  attempts sheet, to match the CSV, xAPI and SQLite exports);
- the attempts sheet carries the five indicator scores as columns, so a class
  overview needs no pivot table;
- internal row ids, the decision payload (whose content is on the reflections and
  internal_reports sheets), the step name (the indicator says the same) and the mood
  before each decision (the row above has it) are left out.

Leaving out ~40% of the cells also halves the export time: XlsxWriter spends about
10 us per text cell.
"""

from __future__ import annotations

from typing import Any

from trainer.core.vocab import INDICATORS
from trainer.exchange.filters import Filters
from trainer.exchange.instructor import LATEST_ADJUSTED_SQL
from trainer.exchange.tables import (
    _identity,
    _rekeyed,
    latest_comment,
    queries,
    reason_column,
)

#: Sheets after `summary`, in workbook order.
SHEET_NAMES = ("learners", "attempts", "decisions", "reflections", "internal_reports", "scores")

#: Text columns that get a wide column in the workbook.
WIDE_COLUMNS = frozenset(
    {
        "case_title",
        "instructor_comment",
        "free_text",
        "text",
        "preventive",
        "profile_note",
        "reason",
    }
)


def workbook_queries(
    filters: Filters, pseudonymize: bool, lang: str
) -> dict[str, tuple[str, list[Any]]]:
    name, student, join = _identity(pseudonymize)
    k, t = _rekeyed(pseudonymize)  # ids re-keyed, times to the minute when pseudonymized
    where, params = filters.where()
    # The chosen attempts, numbered in start order (the attempts sheet's order).
    chosen = (
        "with chosen as (select a.id, row_number() over (order by a.started_at, a.id) as no "
        f"from attempts a join learners l on l.id = a.learner_id {join} where {where})"
    )
    reason = reason_column(lang)
    comment = latest_comment(pseudonymize)
    per_indicator = ", ".join(
        f"(select s.score from scores s where s.attempt_id = a.id and s.indicator = '{i}') "
        f'as "{i}"'
        for i in INDICATORS
    )
    return {
        "learners": queries(filters, pseudonymize, lang)["learners"],
        "attempts": (
            f"{chosen} select c.no as attempt_no, {k('a.id')} as attempt_id, "
            f"{name} as learner_name, "
            f"{student} as student_no, l.class_name, a.case_id, a.case_version, a.case_title, "
            f"a.mode, a.lang, a.status, {t('a.started_at')} as started_at, "
            f"{t('a.finished_at')} as finished_at, a.decisions, a.outcome, "
            f"a.escalated, a.cost, a.sim_minutes, {per_indicator}, a.total, "
            f"adj.adjusted_score as adjusted_total, {comment} as instructor_comment "
            f"from chosen c join attempts a on a.id = c.id "
            f"join learners l on l.id = a.learner_id {join} "
            f"left join ({LATEST_ADJUSTED_SQL}) adj "
            "on adj.attempt_id = a.id and adj.indicator = 'total' order by c.no",
            params,
        ),
        "decisions": (
            f"{chosen} select c.no as attempt_no, d.seq, {t('d.ts')} as ts, d.indicator, d.action, "
            "d.option_id, d.quality, d.free_text, d.think_ms, d.mood_after, "
            "d.sim_minute, d.cost_total, d.facts_found "
            "from chosen c join decisions d on d.attempt_id = c.id order by c.no, d.seq",
            params,
        ),
        "reflections": (
            f"{chosen} select c.no as attempt_no, {name} as learner_name, a.case_id, "
            f"r.prompt_id, r.text, {t('r.created_at')} as created_at from chosen c "
            "join reflections r on r.attempt_id = c.id join attempts a on a.id = c.id "
            f"join learners l on l.id = a.learner_id {join} order by c.no, r.prompt_id",
            params,
        ),
        "internal_reports": (
            f"{chosen} select c.no as attempt_no, {name} as learner_name, a.case_id, "
            "ir.root_cause, ir.recipients, ir.preventive, ir.profile_note, "
            f"{t('ir.created_at')} as created_at "
            "from chosen c join internal_reports ir on ir.attempt_id = c.id "
            "join attempts a on a.id = c.id "
            f"join learners l on l.id = a.learner_id {join} order by c.no",
            params,
        ),
        "scores": (
            f"{chosen} select c.no as attempt_no, s.indicator, s.score, adj.adjusted_score, "
            f"sr.rating as self_rating, {reason} as reason "
            "from chosen c join scores s on s.attempt_id = c.id "
            f"left join ({LATEST_ADJUSTED_SQL}) adj "
            "on adj.attempt_id = s.attempt_id and adj.indicator = s.indicator "
            "left join self_ratings sr on sr.attempt_id = s.attempt_id "
            "and sr.indicator = s.indicator order by c.no, s.indicator",
            params,
        ),
    }


def decision_count_query(filters: Filters) -> tuple[str, list[Any]]:
    """How many decisions the workbook's decisions sheet will hold."""
    where, params = filters.where()
    return (
        "select count(*) from decisions d where d.attempt_id in "
        f"(select a.id from attempts a join learners l on l.id = a.learner_id where {where})",
        params,
    )
