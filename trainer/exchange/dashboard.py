"""Class dashboard data (Qt-free; the instructor UI draws it).

All figures cover the attempts chosen by a `Filters` (class, date range, case...).
Scores are *effective* scores: an instructor's adjusted score where there is one,
else the original (which is never replaced, see instructor.py).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from trainer.core.vocab import INDICATORS
from trainer.exchange.filters import Filters
from trainer.exchange.instructor import LATEST_ADJUSTED_SQL
from trainer.exchange.source import Source, opened
from trainer.store.roster import person_sql, profile_ids
from trainer.store.summary import SCORE_COLUMNS

PERSON = person_sql("a")  # one learner across laptops (trainer.store.roster)
RECENT = 3  # "below threshold" looks at each learner's last RECENT attempts

BUCKETS = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))


def _has_rows(db: Any, table: str) -> bool:
    return bool(db.execute(f"select exists (select 1 from [{table}])").fetchone()[0])


def _person(db: Any) -> str:
    """The attempt's learner; alias resolution only when there are aliases (speed)."""
    return PERSON if _has_rows(db, "learner_aliases") else "a.learner_id"


def _uses_learners(filters: Filters) -> bool:
    return bool(filters.learner or filters.class_name)


def _learner_join(filters: Filters, db: Any) -> str:
    """`join learners l` when the filters name a learner or a class, else nothing."""
    return f"join learners l on l.id = {_person(db)} " if _uses_learners(filters) else ""


def _effective_sql(db: Any) -> tuple[dict[str, str], str]:
    """(indicator -> its effective score expression on attempt_summary `a`, the join
    that brings the instructor's adjustments; "" when nothing was reviewed)."""
    if not _has_rows(db, "attempt_reviews"):
        return {i: f"a.{c}" for i, c in SCORE_COLUMNS.items()}, ""
    pivot = ", ".join(
        f"max(case when indicator = '{i}' then adjusted_score end) as {c}"
        for i, c in SCORE_COLUMNS.items()
    )
    join = (
        f"left join (select attempt_id, {pivot} from ({LATEST_ADJUSTED_SQL}) "
        "group by attempt_id) adj on adj.attempt_id = a.id "
    )
    return {i: f"coalesce(adj.{c}, a.{c})" for i, c in SCORE_COLUMNS.items()}, join


def _completed_sql(filters: Filters, db: Any) -> tuple[str, list[Any]]:
    """Completed attempts chosen by `filters`, one row each: attempt_id, learner_id
    (aliases resolved), case_id, started_at and the effective score of each indicator
    (named like attempt_summary's columns) - read from the summary table
    (trainer.store.summary), never from the million-row log."""
    where, params = filters.where()
    scores, adj = _effective_sql(db)
    columns = ", ".join(f"{expr} as {SCORE_COLUMNS[i]}" for i, expr in scores.items())
    return (
        f"select a.id as attempt_id, {_person(db)} as learner_id, a.case_id, a.started_at, "
        f"{columns} from attempt_summary a {_learner_join(filters, db)}{adj}"
        # unary +: a scan reads the rows in order; the status index would read them at random
        f"where +a.status = 'completed' and {where}",
        params,
    )


@dataclass(frozen=True)
class IndicatorStats:
    indicator: str
    n: int
    mean: float | None
    distribution: dict[str, int]  # "0-19" ... "80-100" -> attempts


def indicator_stats(source: Source, filters: Filters | None = None) -> dict[str, IndicatorStats]:
    filters = filters or Filters()
    # Scores are whole numbers 0-100 (value rules, add_review): counting those at or
    # above each bucket's floor gives the buckets by difference, at half the cost
    # of five range tests per score.
    floors = [lo for lo, _ in BUCKETS[1:]]
    aggregates = ", ".join(
        f"count({c}), avg({c}), " + ", ".join(f"sum({c} >= {lo})" for lo in floors)
        for c in SCORE_COLUMNS.values()
    )
    with opened(source) as db:
        sql, params = _completed_sql(filters, db)
        row = db.execute(f"select {aggregates} from ({sql})", params).fetchone()
    width = 2 + len(floors)
    result = {}
    for n, ind in enumerate(INDICATORS):
        figures = row[n * width : (n + 1) * width]
        count, mean = int(figures[0] or 0), figures[1]
        edges = [count, *(int(v or 0) for v in figures[2:]), 0]  # at or above each floor
        result[ind] = IndicatorStats(
            indicator=ind,
            n=count,
            mean=round(float(mean), 1) if mean is not None else None,
            distribution={
                f"{lo}-{hi}": edges[k] - edges[k + 1] for k, (lo, hi) in enumerate(BUCKETS)
            },
        )
    return result


@dataclass(frozen=True)
class CaseDifficulty:
    case_id: str
    case_title: str | None
    attempts: int
    completed: int
    mean_total: float | None
    escalation_rate: float | None  # share of completed attempts that escalated
    median_seconds: float | None  # wall-clock time from start to finish
    latest_attempt_id: str | None = None  # the row opens this attempt's sheet


def case_difficulty(source: Source, filters: Filters | None = None) -> list[CaseDifficulty]:
    """Per case, hardest (lowest mean total) first."""
    filters = filters or Filters()
    where, params = filters.where()
    with opened(source) as db:
        rows = db.execute(
            "select a.case_id, max(a.case_title), count(*), "
            "sum(a.status = 'completed'), avg(case when a.status = 'completed' then a.total end), "
            "avg(case when a.status = 'completed' then a.escalated end), "
            "group_concat(a.seconds) "
            f", max(a.started_at || '|' || a.id) from attempt_summary a "
            f"{_learner_join(filters, db)}"
            f"where {where} group by a.case_id",
            params,
        ).fetchall()
    out = []
    for case_id, title, n, done, mean, esc, times, latest in rows:
        seconds = [float(t) for t in (times or "").split(",") if t]
        out.append(
            CaseDifficulty(
                case_id=case_id,
                case_title=title,
                attempts=int(n),
                completed=int(done or 0),
                mean_total=None if mean is None else round(float(mean), 1),
                escalation_rate=None if esc is None else round(float(esc), 3),
                median_seconds=round(statistics.median(seconds), 1) if seconds else None,
                latest_attempt_id=str(latest).rsplit("|", 1)[-1] if latest else None,
            )
        )
    return sorted(out, key=lambda c: (c.mean_total is None, c.mean_total or 0, c.case_id))


def expert_options(library: Any) -> dict[str, set[str]]:
    """case id -> the option ids on its expert path (from a loaded Library)."""
    return {cid: set(loaded.case.expert_path) for cid, loaded in library.cases.items()}


def common_mistakes(
    source: Source,
    filters: Filters | None = None,
    expert: Mapping[str, set[str]] | None = None,
    limit: int = 10,
) -> list[dict[str, Any]]:
    """The options most often chosen where the expert would not have chosen them.

    With `expert` (see expert_options) an option off the case's expert path counts;
    for a case not in it, any option not rated 'best' counts. Filtered by case and
    mode at most, the counts come from option_tallies (trainer.store.summary) and
    only the listed options are looked up in the log; other filters (learner, class,
    dates, attempt) read the log itself.
    """
    filters = filters or Filters()
    expert = expert or {}
    tallied = (
        not (filters.learner or filters.class_name or filters.since or filters.until)
        and not filters.attempt_id
    )
    with opened(source) as db:
        if tallied:
            return _tallied_mistakes(db, filters, expert, limit)
        where, params = filters.where()
        cursor = db.execute(
            "select a.case_id, d.step, d.option_id, max(d.quality), count(*), "
            f"count(distinct {_person(db)}), max(a.started_at || '|' || a.id) from attempts a "
            # cross join: the chosen attempts drive, each reading its own decisions
            # (a class: 4 s -> 0.4 s at 1M decisions); the planner would scan decisions
            f"{_learner_join(filters, db)}cross join decisions d on d.attempt_id = a.id "
            f"where d.option_id is not null and {where} "
            "group by a.case_id, d.step, d.option_id",
            params,
        )
        found = [
            _mistake(case_id, step, option_id, quality, times, learners, latest)
            for case_id, step, option_id, quality, times, learners, latest in cursor
            if _off_path(expert, case_id, option_id, quality)
        ]
    found.sort(key=lambda m: (-m["times"], m["case_id"], m["option_id"]))
    return found[:limit]


def _off_path(
    expert: Mapping[str, set[str]], case_id: str, option_id: str, quality: str | None
) -> bool:
    return option_id not in expert[case_id] if case_id in expert else quality != "best"


def _mistake(
    case_id: str,
    step: str,
    option_id: str,
    quality: str | None,
    times: int,
    learners: int,
    latest: str,
) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "step": step,
        "option_id": option_id,
        "quality": quality,
        "times": int(times),
        "learners": int(learners),
        "attempt_id": str(latest).rsplit("|", 1)[-1],
    }


def _tallied_mistakes(
    db: Any, filters: Filters, expert: Mapping[str, set[str]], limit: int
) -> list[dict[str, Any]]:
    """common_mistakes from the per-option counts: rank every option by its count,
    then ask the log who chose the `limit` first ones, and when last."""
    parts, params = ["1"], []
    if filters.case_id:
        parts.append("case_id = ?")
        params.append(filters.case_id)
    if filters.mode:
        parts.append("mode = ?")
        params.append(filters.mode)
    counted = db.execute(
        "select case_id, step, option_id, max(nullif(quality, '')), sum(times) "
        f"from option_tallies where {' and '.join(parts)} "
        "group by case_id, step, option_id having sum(times) > 0",
        params,
    ).fetchall()
    ranked = [r for r in counted if _off_path(expert, r[0], r[2], r[3])]
    ranked.sort(key=lambda r: (-r[4], r[0], r[2]))
    mode = "and a.mode = ? " if filters.mode else ""
    person = _person(db)
    found = []
    for case_id, step, option_id, quality, times in ranked[:limit]:
        learners, latest = db.execute(
            f"select count(distinct {person}), max(a.started_at || '|' || a.id) "
            # m005's covering index answers learner, case and start in one descent;
            # the planner would take the primary key and then read each attempt row
            "from decisions d join attempts a indexed by idx_attempts_dashboard "
            f"on a.id = d.attempt_id where d.option_id = ? and d.step = ? and a.case_id = ? {mode}",
            [option_id, step, case_id, *([filters.mode] if filters.mode else [])],
        ).fetchone()
        found.append(_mistake(case_id, step, option_id, quality, times, learners, latest))
    return found


def _picked_sql(filters: Filters, db: Any, by_case: bool, keep: int) -> tuple[str, list[Any]]:
    """Each learner's `keep` latest completed attempts (per case with `by_case`), with
    their effective scores; an attempt without any score row is left out after
    ranking (as a join would).

    Attempts are ranked per profile on a covering index (no sort); where profiles
    are aliases of one person, the few kept per profile are ranked again per person
    (a person's latest are among their profiles' latest).
    """
    where, params = filters.where()
    chosen = f"from attempt_summary a {_learner_join(filters, db)}where a.status = 'completed' and {where}"
    if by_case and keep == 1:
        # SQLite takes the bare columns from the row holding the max (its documented
        # min/max rule): one indexed pass, no window
        kept = (
            "select a.rowid as r, a.id, a.learner_id, a.case_id, a.started_at, "
            f"max(a.started_at || '|' || a.id) {chosen} group by a.learner_id, a.case_id"
        )
    else:
        by = ", a.case_id" if by_case else ""
        kept = (
            "select r, id, learner_id, case_id, started_at from (select a.rowid as r, a.id, "
            f"a.learner_id, a.case_id, a.started_at, row_number() over (partition by "
            f"a.learner_id{by} order by a.started_at desc, a.id desc) as k {chosen}) "
            "where k <= ?"
        )
        params = [*params, int(keep)]
    if _has_rows(db, "learner_aliases"):
        person = person_sql("q")
        by = ", q.case_id" if by_case else ""
        kept = (
            "select r, id, learner_id, case_id, started_at from (select q.r, q.id, "
            f"{person} as learner_id, q.case_id, q.started_at, row_number() over "
            f"(partition by {person}{by} order by q.started_at desc, q.id desc) as k "
            f"from ({kept}) q) where k <= ?"
        )
        params = [*params, int(keep)]
    scores, adj = _effective_sql(db)
    columns = ", ".join(f"{expr} as {SCORE_COLUMNS[i]}" for i, expr in scores.items())
    scored = " or ".join(f"a.{c} is not null" for c in SCORE_COLUMNS.values())
    return (
        "select p.id as attempt_id, p.learner_id, p.case_id, p.started_at, "
        f"{columns} from ({kept}) p join attempt_summary a on a.rowid = p.r {adj}"
        f"where ({scored})",
        params,
    )


def _per_learner(db: Any, picked: str, params: list[Any], count: str) -> list[tuple[Any, ...]]:
    """Per learner of the picked attempts: name, student no, class, then per indicator
    (mean, `count`), then the latest attempt as 'started_at|id'."""
    columns = ", ".join(f"avg(x.{c}), " + count.format(c=f"x.{c}") for c in SCORE_COLUMNS.values())
    rows: list[tuple[Any, ...]] = db.execute(
        f"select x.learner_id, l.display_name, l.student_no, l.class_name, {columns}, "
        "max(x.started_at || '|' || x.attempt_id) "
        f"from ({picked}) x join learners l on l.id = x.learner_id "
        "group by x.learner_id order by l.display_name, l.id",
        params,
    ).fetchall()
    return rows


def _learner_entry(row: tuple[Any, ...], counter: str) -> tuple[dict[str, Any], dict[str, float]]:
    """A heatmap / below-threshold entry from a _per_learner row, and its unrounded
    means."""
    learner_id, name, student_no, class_name, *figures, latest = row
    means: dict[str, float] = {}
    raw: dict[str, float] = {}
    counts = []
    for n, ind in enumerate(INDICATORS):
        mean, count = figures[2 * n], figures[2 * n + 1]
        if mean is not None:
            raw[ind] = float(mean)
            means[ind] = round(float(mean), 1)
            counts.append(int(count))
    entry = {
        "learner_id": learner_id,
        "display_name": name,
        "student_no": student_no,
        "class_name": class_name,
        "means": means,
        counter: max(counts, default=0),
        "attempt_id": str(latest).rsplit("|", 1)[-1] if latest else None,
    }
    return entry, raw


def learners_below(
    source: Source, threshold: float = 60, filters: Filters | None = None, recent: int = RECENT
) -> list[dict[str, Any]]:
    """Learners whose mean over their `recent` latest attempts is below `threshold` on
    an indicator (an early poor attempt no longer flags someone who has improved)."""
    filters = filters or Filters()
    with opened(source) as db:
        picked, params = _picked_sql(filters, db, False, recent)
        rows = _per_learner(db, picked, params, "count({c})")
    out = []
    for row in rows:
        entry, raw = _learner_entry(row, "attempts")
        entry["below"] = [i for i, mean in raw.items() if mean < threshold]
        if entry["below"]:
            out.append(entry)
    return out


def heatmap(source: Source, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Learner x indicator: the mean effective score over each case's latest attempt.

    One row per learner (by name), with `means` per indicator, the number of cases,
    and the latest attempt's id (the row opens its sheet).
    """
    filters = filters or Filters()
    with opened(source) as db:
        picked, params = _picked_sql(filters, db, True, 1)
        rows = _per_learner(
            db, picked, params, "count(distinct case when {c} is not null then x.case_id end)"
        )
    return [_learner_entry(row, "cases")[0] for row in rows]


def trend(source: Source, learner_id: str, filters: Filters | None = None) -> list[dict[str, Any]]:
    """A learner's completed attempts, oldest first: date, case, effective total and
    indicator scores (progress over time)."""
    return [
        {
            "attempt_id": h["attempt_id"],
            "started_at": h["started_at"],
            "case_id": h["case_id"],
            "case_title": h["case_title"],
            "total": h["adjusted"].get("total", h["total"]),
            "scores": h["effective"],
        }
        for h in learner_history(source, learner_id, filters)
        if h["status"] == "completed"
    ]


def learner_history(
    source: Source, learner_id: str, filters: Filters | None = None
) -> list[dict[str, Any]]:
    """A learner's attempts, oldest first, with original and effective scores."""
    base = filters or Filters()
    chosen = Filters(since=base.since, until=base.until, case_id=base.case_id)
    where, params = chosen.where()
    with opened(source) as db:
        ids = profile_ids(db, learner_id)  # and every profile merged into it
        marks = ", ".join("?" for _ in ids)
        attempts = db.execute(
            "select a.id, a.case_id, a.case_title, a.mode, a.status, a.started_at, "
            "a.finished_at, a.outcome, a.escalated, a.total "
            "from attempts a join learners l on l.id = a.learner_id "
            f"where a.learner_id in ({marks}) and {where} order by a.started_at, a.id",
            [*ids, *params],
        ).fetchall()
        history = []
        for row in attempts:
            attempt_id = row[0]
            scores = dict(
                db.execute(
                    "select indicator, score from scores where attempt_id = ?", [attempt_id]
                ).fetchall()
            )
            adjusted = dict(
                db.execute(
                    f"select indicator, adjusted_score from ({LATEST_ADJUSTED_SQL}) "
                    "where attempt_id = ?",
                    [attempt_id],
                ).fetchall()
            )
            history.append(
                {
                    "attempt_id": attempt_id,
                    "case_id": row[1],
                    "case_title": row[2],
                    "mode": row[3],
                    "status": row[4],
                    "started_at": row[5],
                    "finished_at": row[6],
                    "outcome": row[7],
                    "escalated": bool(row[8]),
                    "total": row[9],
                    "scores": scores,
                    "adjusted": adjusted,
                    "effective": {i: adjusted.get(i, s) for i, s in scores.items()},
                }
            )
    return history
