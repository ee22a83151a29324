"""Class dashboard figures agree with the raw rows and honour the filters."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.exchange.conftest import CASE, ClassLogs
from trainer.core.loader import load_library
from trainer.core.vocab import INDICATORS
from trainer.exchange import dashboard as dash
from trainer.exchange.filters import Filters
from trainer.exchange.instructor import add_review
from trainer.exchange.merge import merge_files
from trainer.paths import builtin_cases_dir


@pytest.fixture
def db(class_logs: ClassLogs, tmp_path: Path) -> Path:
    target = tmp_path / "trainer.db"
    merge_files(target, class_logs.logs)
    return target


def _sql(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_indicator_averages_and_distributions(db: Path) -> None:
    stats = dash.indicator_stats(db)
    completed = _sql(db, "select count(*) from attempts where status = 'completed'")[0][0]
    for ind in INDICATORS:
        mean = _sql(db, "select avg(score) from scores where indicator = ?", ind)[0][0]
        assert stats[ind].n == completed
        assert stats[ind].mean == round(mean, 1)
        assert sum(stats[ind].distribution.values()) == completed


def test_adjusted_scores_count_in_the_dashboard_not_in_the_log(db: Path) -> None:
    attempt, score = _sql(
        db, "select attempt_id, score from scores where indicator = '3.2' order by score limit 1"
    )[0]
    before = dash.indicator_stats(db)["3.2"].mean
    add_review(db, str(attempt), adjusted_score=100, indicator="3.2")
    after = dash.indicator_stats(db)["3.2"].mean
    assert after is not None and before is not None and after > before
    assert (
        _sql(db, "select score from scores where attempt_id = ? and indicator = '3.2'", attempt)[0][
            0
        ]
        == score
    )
    history = dash.learner_history(
        db, str(_sql(db, "select learner_id from attempts where id = ?", attempt)[0][0])
    )
    entry = next(h for h in history if h["attempt_id"] == attempt)
    assert entry["scores"]["3.2"] == score and entry["effective"]["3.2"] == 100


def test_case_difficulty(db: Path) -> None:
    [case] = dash.case_difficulty(db)
    rows = _sql(
        db, "select count(*), avg(total), avg(escalated) from attempts where status = 'completed'"
    )[0]
    assert case.case_id == CASE and case.completed == rows[0] == case.attempts
    assert case.mean_total == round(float(rows[1]), 1)  # type: ignore[arg-type]
    assert case.escalation_rate == round(float(rows[2]), 3)  # type: ignore[arg-type]
    assert case.median_seconds is not None and case.median_seconds >= 0


def test_common_mistakes_are_off_the_expert_path(db: Path) -> None:
    library = load_library([builtin_cases_dir()])
    expert = dash.expert_options(library)
    mistakes = dash.common_mistakes(db, expert=expert, limit=50)
    assert mistakes, "random play makes mistakes"
    assert all(m["option_id"] not in expert[CASE] for m in mistakes)
    assert [m["times"] for m in mistakes] == sorted((m["times"] for m in mistakes), reverse=True)
    top = mistakes[0]
    assert (
        top["times"]
        == _sql(db, "select count(*) from decisions where option_id = ?", top["option_id"])[0][0]
    )
    # Without the library, any option not rated best counts.
    assert all(m["quality"] != "best" for m in dash.common_mistakes(db, limit=50))


def test_learners_below_a_threshold(db: Path) -> None:
    everyone = dash.learners_below(db, threshold=101)
    assert len(everyone) == 3 and all(len(e["below"]) == 5 for e in everyone)
    assert dash.learners_below(db, threshold=0) == []
    some = dash.learners_below(db, threshold=60)
    for entry in some:
        assert all(entry["means"][i] < 60 for i in entry["below"])


def test_history_and_filters(db: Path) -> None:
    wang = str(_sql(db, "select id from learners where display_name = '王小明'")[0][0])
    history = dash.learner_history(db, wang)
    assert len(history) == 2
    assert history[0]["started_at"] <= history[1]["started_at"]
    assert set(history[0]["scores"]) == set(INDICATORS)
    one_class = dash.indicator_stats(db, Filters(class_name="餐旅二乙"))
    assert one_class["3.1"].n == 1
    assert dash.indicator_stats(db, Filters(case_id="no-such-case"))["3.1"].n == 0
    assert dash.case_difficulty(db, Filters(until=date(2000, 1, 1))) == []
    assert dash.learner_history(db, wang, Filters(since=date(2999, 1, 1))) == []


def test_heatmap_is_the_mean_of_each_cases_latest_attempt(db: Path) -> None:
    heat = {e["learner_id"]: e for e in dash.heatmap(db)}
    learners = _sql(db, "select distinct learner_id from attempts where status = 'completed'")
    assert set(heat) == {r[0] for r in learners}
    for learner_id, entry in heat.items():
        latest = _sql(
            db,
            "select id from attempts where learner_id = ? and status = 'completed' "
            "order by started_at desc, id desc limit 1",
            learner_id,
        )[0][0]
        assert entry["attempt_id"] == latest  # the row opens this attempt's sheet
        for ind in INDICATORS:  # one case: the latest attempt's score
            score = _sql(
                db, "select score from scores where attempt_id = ? and indicator = ?", latest, ind
            )[0][0]
            assert entry["means"][ind] == score
        assert entry["cases"] == 1


def test_trend_and_below_use_recent_attempts(db: Path) -> None:
    # the first laptop's learner played twice: random, then expert
    name = "王小明"
    learner_id = _sql(db, "select id from learners where display_name = ?", name)[0][0]
    points = dash.trend(db, str(learner_id))
    assert len(points) == 2
    assert points[0]["started_at"] <= points[1]["started_at"]
    totals = [p["total"] for p in points]
    assert totals == [
        r[0]
        for r in _sql(
            db,
            "select total from attempts where learner_id = ? order by started_at",
            learner_id,
        )
    ]
    # with only the latest attempt counted, the expert run decides
    recent_one = {e["learner_id"] for e in dash.learners_below(db, 60, recent=1)}
    assert learner_id not in recent_one
    every = {e["learner_id"]: e for e in dash.learners_below(db, 101, recent=100)}
    mean_all = {
        ind: round(
            float(
                _sql(
                    db,
                    "select avg(s.score) from scores s join attempts a on a.id = s.attempt_id "
                    "where a.learner_id = ? and s.indicator = ?",
                    learner_id,
                    ind,
                )[0][0]
            ),
            1,
        )
        for ind in INDICATORS
    }
    assert every[learner_id]["means"] == mean_all  # threshold 101: everyone is listed
