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


def _effective_scores_sql(filters: Filters, db: Any) -> tuple[str, list[Any]]:
    """One row per (attempt, indicator) of completed attempts: effective score.

    The adjusted-score join and the alias resolution are left out when there is no
    review / no alias, and learners are joined only when the filters need them: on a
    class database of a million decisions each of these costs seconds.
    """
    where, params = filters.where()
    person = _person(db)
    score = "s.score"
    joins = ""
    if _has_rows(db, "attempt_reviews"):
        score = "coalesce(adj.adjusted_score, s.score)"
        joins = (
            f"left join ({LATEST_ADJUSTED_SQL}) adj "
            "on adj.attempt_id = s.attempt_id and adj.indicator = s.indicator "
        )
    if _uses_learners(filters):
        joins = f"join learners l on l.id = {person} " + joins
    return (
        f"select a.id as attempt_id, {person} as learner_id, a.case_id, a.started_at, "
        f"s.indicator, {score} as score "
        f"from scores s join attempts a on a.id = s.attempt_id {joins}"
        f"where a.status = 'completed' and {where}",
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
    bucket_sql = ", ".join(f"sum(score between {lo} and {hi})" for lo, hi in BUCKETS)
    with opened(source) as db:
        sql, params = _effective_scores_sql(filters, db)
        rows = {
            r[0]: r
            for r in db.execute(
                f"select indicator, count(*), avg(score), {bucket_sql} from ({sql}) "
                "group by indicator",
                params,
            ).fetchall()
        }
    result = {}
    for ind in INDICATORS:
        row = rows.get(ind)
        counts = [int(c or 0) for c in row[3:]] if row else [0] * len(BUCKETS)
        result[ind] = IndicatorStats(
            indicator=ind,
            n=int(row[1]) if row else 0,
            mean=round(float(row[2]), 1) if row and row[2] is not None else None,
            distribution={f"{lo}-{hi}": c for (lo, hi), c in zip(BUCKETS, counts, strict=True)},
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
            "group_concat(case when a.status = 'completed' and a.finished_at is not null then "
            "(julianday(a.finished_at) - julianday(a.started_at)) * 86400.0 end) "
            f", max(a.started_at || '|' || a.id) from attempts a {_learner_join(filters, db)}"
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
    for a case not in it, any option not rated 'best' counts.
    """
    filters = filters or Filters()
    where, params = filters.where()
    expert = expert or {}
    with opened(source) as db:
        cursor = db.execute(
            "select a.case_id, d.step, d.option_id, max(d.quality), count(*), "
            f"count(distinct {_person(db)}), max(a.started_at || '|' || a.id) from decisions d "
            f"join attempts a on a.id = d.attempt_id {_learner_join(filters, db)}"
            f"where d.option_id is not null and {where} "
            "group by a.case_id, d.step, d.option_id",
            params,
        )
        found = []
        for case_id, step, option_id, quality, times, learners, latest in cursor:
            off_path = option_id not in expert[case_id] if case_id in expert else quality != "best"
            if off_path:
                found.append(
                    {
                        "case_id": case_id,
                        "step": step,
                        "option_id": option_id,
                        "quality": quality,
                        "times": int(times),
                        "learners": int(learners),
                        "attempt_id": str(latest).rsplit("|", 1)[-1],
                    }
                )
    found.sort(key=lambda m: (-m["times"], m["case_id"], m["option_id"]))
    return found[:limit]


def _picked_scores_sql(
    filters: Filters, db: Any, partition: str, keep: int
) -> tuple[str, list[Any]]:
    """Effective scores of the completed attempts ranked first (latest) within
    `partition` ("learner_id" or "learner_id, case_id"), `keep` per partition.

    The attempts are ranked on the attempts table alone (narrow rows, a covering
    index) and only the kept ones are joined to their scores: on a class database
    of a million decisions this reads a few thousand score rows, not half a million.
    """
    where, params = filters.where()
    person = _person(db)
    score, adj = "s.score", ""
    if _has_rows(db, "attempt_reviews"):
        score = "coalesce(adj.adjusted_score, s.score)"
        adj = (
            f"left join ({LATEST_ADJUSTED_SQL}) adj "
            "on adj.attempt_id = s.attempt_id and adj.indicator = s.indicator "
        )
    chosen = (
        f"select a.id, {person} as learner_id, a.case_id, a.started_at from attempts a "
        f"{_learner_join(filters, db)}where a.status = 'completed' and {where}"
    )
    return (
        "select p.id as attempt_id, p.learner_id, p.case_id, p.started_at, s.indicator, "
        f"{score} as score from (select c.*, row_number() over (partition by {partition} "
        f"order by c.started_at desc, c.id desc) as k from ({chosen}) c) p "
        f"join scores s on s.attempt_id = p.id {adj}where p.k <= ?",
        [*params, int(keep)],
    )


def _recent_sql(filters: Filters, recent: int, db: Any) -> tuple[str, list[Any]]:
    """Effective scores of each learner's `recent` latest completed attempts."""
    return _picked_scores_sql(filters, db, "c.learner_id", recent)


def learners_below(
    source: Source, threshold: float = 60, filters: Filters | None = None, recent: int = RECENT
) -> list[dict[str, Any]]:
    """Learners whose mean over their `recent` latest attempts is below `threshold` on
    an indicator (an early poor attempt no longer flags someone who has improved)."""
    filters = filters or Filters()
    with opened(source) as db:
        sql, params = _recent_sql(filters, recent, db)
        rows = db.execute(
            "select r.learner_id, l.display_name, l.student_no, l.class_name, r.indicator, "
            "avg(r.score), count(*), max(r.started_at || '|' || r.attempt_id) "
            f"from ({sql}) r join learners l on l.id = r.learner_id "
            "group by r.learner_id, r.indicator order by l.display_name, r.indicator",
            params,
        ).fetchall()
    learners: dict[str, dict[str, Any]] = {}
    for learner_id, name, student_no, class_name, indicator, mean, n, latest in rows:
        entry = learners.setdefault(
            learner_id,
            {
                "learner_id": learner_id,
                "display_name": name,
                "student_no": student_no,
                "class_name": class_name,
                "means": {},
                "below": [],
                "attempts": 0,
                "attempt_id": None,
                "_latest": "",
            },
        )
        entry["means"][indicator] = round(float(mean), 1)
        entry["attempts"] = max(entry["attempts"], int(n))
        if str(latest) > entry["_latest"]:
            entry["_latest"] = str(latest)
            entry["attempt_id"] = str(latest).rsplit("|", 1)[-1]
        if mean < threshold:
            entry["below"].append(indicator)
    for entry in learners.values():
        del entry["_latest"]
    return [e for e in learners.values() if e["below"]]


def heatmap(source: Source, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Learner x indicator: the mean effective score over each case's latest attempt.

    One row per learner (by name), with `means` per indicator, the number of cases,
    and the latest attempt's id (the row opens its sheet).
    """
    filters = filters or Filters()
    with opened(source) as db:
        sql, params = _picked_scores_sql(filters, db, "c.learner_id, c.case_id", 1)
        rows = db.execute(
            "select x.learner_id, l.display_name, l.student_no, l.class_name, x.indicator, "
            "avg(x.score), count(distinct x.case_id), max(x.started_at || '|' || x.attempt_id) "
            f"from ({sql}) x join learners l on l.id = x.learner_id "
            "group by x.learner_id, x.indicator order by l.display_name, l.id",
            params,
        ).fetchall()
    out: dict[str, dict[str, Any]] = {}
    for learner_id, name, student_no, class_name, indicator, mean, cases, latest in rows:
        entry = out.setdefault(
            learner_id,
            {
                "learner_id": learner_id,
                "display_name": name,
                "student_no": student_no,
                "class_name": class_name,
                "means": {},
                "cases": 0,
                "attempt_id": None,
                "_latest": "",
            },
        )
        entry["means"][indicator] = round(float(mean), 1)
        entry["cases"] = max(entry["cases"], int(cases))
        if str(latest) > entry["_latest"]:
            entry["_latest"] = str(latest)
            entry["attempt_id"] = str(latest).rsplit("|", 1)[-1]
    for entry in out.values():
        del entry["_latest"]
    return list(out.values())


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
