"""The dashboard reads summary tables kept by triggers (trainer.store.summary): they
must always agree with the log, and every figure must equal one computed the slow,
obvious way from the raw rows (aliases and instructor adjustments included)."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from trainer.bench import synth
from trainer.core.loader import load_library
from trainer.core.vocab import INDICATORS
from trainer.exchange import dashboard as dash
from trainer.exchange.filters import Filters
from trainer.exchange.instructor import add_review
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.paths import builtin_cases_dir
from trainer.store import summary
from trainer.store.db import now_iso

CASES = ("beitou-hot-spring-cold-water", "musical-obstructed-seat", "year-end-party-changes")


@pytest.fixture(scope="module")
def class_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A class database of 24 learners and ~4,000 decisions over three cases, two
    profiles linked as one person, and two instructor adjustments."""
    root = tmp_path_factory.mktemp("summary")
    cases = root / "cases"
    cases.mkdir()
    for case_id in CASES:
        shutil.copy(builtin_cases_dir() / f"{case_id}.yaml", cases)
    library = load_library([cases])
    templates = synth.play_templates(library, random_seeds=3)
    path = root / "trainer.db"
    synth.make_class_database(path, templates, 4000, 24, seed=3)
    conn = sqlite3.connect(path)
    try:
        first, second = [r[0] for r in conn.execute("select id from learners limit 2")]
        conn.execute(
            "insert into learner_aliases (alias_id, learner_id, reason, created_at) "
            "values (?, ?, 'test', ?)",
            [second, first, now_iso()],
        )
        conn.commit()
        attempts = [
            r[0] for r in conn.execute("select id from attempts where status = 'completed'")
        ]
    finally:
        conn.close()
    rng = random.Random(5)
    for attempt in rng.sample(attempts, 2):
        add_review(path, attempt, adjusted_score=rng.choice((0, 100)), indicator="3.3")
    return path


def _trigger_names(path: Path) -> list[str]:
    return [r[0] for r in _rows(path, "select name from sqlite_master where type = 'trigger'")]


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _reference(path: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Completed attempts with their effective scores, and profile -> person."""
    people = dict(_rows(path, "select alias_id, learner_id from learner_aliases"))
    attempts = {
        a: {"learner": people.get(who, who), "case": c, "started": s, "id": a, "scores": {}}
        for a, who, c, s in _rows(
            path,
            "select id, learner_id, case_id, started_at from attempts where status = 'completed'",
        )
    }
    for attempt, indicator, score in _rows(path, "select attempt_id, indicator, score from scores"):
        if attempt in attempts:
            attempts[attempt]["scores"][indicator] = score
    latest: dict[tuple[str, str], tuple[str, int, int]] = {}
    for attempt, indicator, adjusted, created, rowid in _rows(
        path,
        "select attempt_id, indicator, adjusted_score, created_at, rowid from attempt_reviews "
        "where adjusted_score is not null",
    ):
        key = (attempt, indicator)
        if key not in latest or (created, rowid) > latest[key][:2]:
            latest[key] = (created, rowid, adjusted)
    for (attempt, indicator), (_, _, adjusted) in latest.items():
        if attempt in attempts and indicator in attempts[attempt]["scores"]:
            attempts[attempt]["scores"][indicator] = adjusted
    return attempts, people


def _means(chosen: list[dict[str, Any]]) -> dict[str, float]:
    out = {}
    for ind in INDICATORS:
        values = [a["scores"][ind] for a in chosen if ind in a["scores"]]
        if values:
            out[ind] = round(sum(values) / len(values), 1)
    return out


def test_summary_tables_agree_with_the_log(class_db: Path) -> None:
    conn = sqlite3.connect(class_db)
    try:
        assert summary.stale(conn) == []
        assert conn.execute("select count(*) from attempt_summary").fetchone()[0] > 300
        # a change the triggers must follow: a new score row, an attempt completing
        attempt = conn.execute(
            "select id from attempts where status = 'in_progress' limit 1"
        ).fetchone()
        if attempt:
            conn.execute(
                "update attempts set status = 'completed', total = 42 where id = ?", attempt
            )
        conn.execute("delete from scores where rowid = (select min(rowid) from scores)")
        assert summary.stale(conn) == []
        conn.rollback()
        # a summary edited behind the triggers' back is caught
        conn.execute("update attempt_summary set score_31 = -1 where rowid = 1")
        assert summary.stale(conn) == ["attempt_summary: 1 rows not in the log, 1 missing"]
        conn.rollback()
    finally:
        conn.close()


def test_indicator_stats_match_the_raw_rows(class_db: Path) -> None:
    attempts, _ = _reference(class_db)
    stats = dash.indicator_stats(class_db)
    for ind in INDICATORS:
        values = [a["scores"][ind] for a in attempts.values() if ind in a["scores"]]
        assert stats[ind].n == len(values)
        assert stats[ind].mean == round(sum(values) / len(values), 1)
        assert stats[ind].distribution == {
            f"{lo}-{hi}": sum(lo <= v <= hi for v in values) for lo, hi in dash.BUCKETS
        }


def test_heatmap_is_each_persons_latest_attempt_per_case(class_db: Path) -> None:
    attempts, _ = _reference(class_db)
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for a in attempts.values():
        key = (a["learner"], a["case"])
        if key not in latest or (a["started"], a["id"]) > (
            latest[key]["started"],
            latest[key]["id"],
        ):
            latest[key] = a
    per_person: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (person, _), a in latest.items():
        if a["scores"]:
            per_person[person].append(a)
    heat = {e["learner_id"]: e for e in dash.heatmap(class_db)}
    assert set(heat) == set(per_person)
    for person, chosen in per_person.items():
        assert heat[person]["means"] == _means(chosen)
        assert heat[person]["cases"] == len({a["case"] for a in chosen})
        newest = max(chosen, key=lambda a: (a["started"], a["id"]))
        assert heat[person]["attempt_id"] == newest["id"]


@pytest.mark.parametrize("recent", [1, 3])
def test_below_threshold_uses_each_persons_recent_attempts(class_db: Path, recent: int) -> None:
    attempts, _ = _reference(class_db)
    by_person: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in attempts.values():
        by_person[a["learner"]].append(a)
    expected = {}
    for person, own in by_person.items():
        own.sort(key=lambda a: (a["started"], a["id"]), reverse=True)
        chosen = [a for a in own[:recent] if a["scores"]]
        means = _means(chosen)
        below = [i for i, m in means.items() if m < 60]
        if below:
            expected[person] = (means, below)
    got = {
        e["learner_id"]: (e["means"], e["below"])
        for e in dash.learners_below(class_db, 60, recent=recent)
    }
    assert got == expected


@pytest.mark.parametrize("mode", [None, "practice", "assessment"])
def test_common_mistakes_from_the_tallies_equal_the_log(class_db: Path, mode: str | None) -> None:
    library = load_library([builtin_cases_dir()])
    expert = dash.expert_options(library)
    tallied = dash.common_mistakes(class_db, Filters(mode=mode), expert, limit=25)
    # a date filter that keeps everything makes it read the log itself
    direct = dash.common_mistakes(
        class_db, Filters(mode=mode, since=date(2000, 1, 1)), expert, limit=25
    )
    assert tallied == direct
    if mode is None:
        assert tallied and tallied[0]["times"] >= tallied[-1]["times"]


def test_an_exported_copy_rebuilds_its_summary_from_what_it_holds(
    class_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "copy.db"
    export_sqlite(class_db, out, Filters(case_id=CASES[0]), pseudonymize=True)
    conn = sqlite3.connect(out)
    try:
        assert summary.stale(conn) == []
        original = {r[0] for r in _rows(class_db, "select id from attempts")}
        copied = {r[0] for r in conn.execute("select id from attempt_summary")}
        assert copied and not copied & original  # re-keyed, never the original ids
        cases = {r[0] for r in conn.execute("select distinct case_id from option_tallies")}
        assert cases == {CASES[0]}
    finally:
        conn.close()


def test_a_merge_catches_the_summary_up_once(class_logs: Any, tmp_path: Path) -> None:
    """A merge pauses the per-row triggers and catches up with two statements: the
    tables agree with the log after a merge, a re-merge and an extending merge."""
    from trainer.exchange.merge import merge_files

    target = tmp_path / "trainer.db"
    merge_files(target, class_logs.logs[:2])
    merge_files(target, class_logs.logs, dry_run=True)  # a preview rolls back: triggers too
    assert set(summary.TRIGGERS) <= set(_trigger_names(target))
    merge_files(target, class_logs.logs)  # two already merged, one new
    conn = sqlite3.connect(target)
    try:
        assert summary.stale(conn) == []
        assert set(summary.TRIGGERS) <= set(_trigger_names(target))  # back after the merge
        assert (
            conn.execute("select sum(times) from option_tallies").fetchone()[0]
            == (
                conn.execute(
                    "select count(*) from decisions where option_id is not null"
                ).fetchone()[0]
            )
        )
    finally:
        conn.close()
