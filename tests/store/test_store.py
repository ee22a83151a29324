"""The learner database: durable settings, atomic decisions, refusing newer files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import CASES_DIR
from trainer.core.autoplay import ExpertPolicy
from trainer.core.engine import Action
from trainer.core.loader import load_library
from trainer.service import AttemptRunner, Workspace, load_sheet
from trainer.store.db import DatabaseTooNew, Store, open_database

CASE_ID = "beitou-hot-spring-cold-water"


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    ws = Workspace.open(tmp_path)
    yield ws
    ws.close()


def start(workspace: Workspace) -> AttemptRunner:
    learner = workspace.store.create_learner("王小明", "S001", "觀光一甲")
    return AttemptRunner.start(workspace.store, workspace.library.get(CASE_ID), learner)


def play_expert(runner: AttemptRunner) -> None:
    policy = ExpertPolicy()
    while not runner.finished:
        runner.act(policy.next_action(runner.session), think_ms=1500)


def test_pragmas_are_durable(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    db.close()


def test_full_attempt_is_logged(workspace: Workspace) -> None:
    runner = start(workspace)
    play_expert(runner)
    store = workspace.store
    attempt = store.attempt(runner.attempt_id)
    assert attempt["status"] == "completed" and attempt["total"] == runner.scorecard().total
    decisions = store.decisions(runner.attempt_id)
    assert [d["seq"] for d in decisions] == list(range(1, len(decisions) + 1))
    assert attempt["decisions"] == len(decisions)
    assert all(d["think_ms"] == 1500 for d in decisions)
    assert len(store.rows("scores", runner.attempt_id)) == 5
    assert len(store.rows("internal_reports", runner.attempt_id)) == 1
    assert len(store.rows("self_ratings", runner.attempt_id)) == 4
    sheet = load_sheet(workspace, runner.attempt_id)
    assert sheet.learner_name == "王小明"
    assert [r.indicator for r in sheet.rows] == ["3.1", "3.2", "3.3", "3.4", "3.5"]


def test_resume_replays_to_the_same_state(workspace: Workspace) -> None:
    runner = start(workspace)
    policy = ExpertPolicy()
    for _ in range(7):
        runner.act(policy.next_action(runner.session))
    resumed = AttemptRunner.resume(workspace.store, workspace.library, runner.attempt_id)
    assert resumed.session.snapshot() == runner.session.snapshot()
    play_expert(resumed)
    assert workspace.store.attempt(runner.attempt_id)["status"] == "completed"


def test_free_text_is_logged(workspace: Workspace) -> None:
    runner = start(workspace)
    runner.act(Action.choose("q_open_what", "林先生，發生什麼事了？"))
    assert workspace.store.decisions(runner.attempt_id)[0]["free_text"] == "林先生，發生什麼事了？"


def test_failed_decision_leaves_no_partial_rows(workspace: Workspace) -> None:
    """If writing the final decision fails half-way, nothing of it is stored."""
    runner = start(workspace)
    policy = ExpertPolicy()
    while not runner.session.needs_reflection():
        runner.act(policy.next_action(runner.session))
    store = workspace.store
    before_counts = store.counts()
    before_state = runner.session.snapshot()
    # The last insert of the final decision fails inside the database itself.
    store.db.execute(
        "CREATE TEMP TRIGGER fail_scores BEFORE INSERT ON scores "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        runner.act(policy.next_action(runner.session))
    assert store.counts() == before_counts
    assert runner.session.snapshot() == before_state
    assert store.attempt(runner.attempt_id)["status"] == "in_progress"
    store.db.execute("DROP TRIGGER fail_scores")
    runner.act(policy.next_action(runner.session))
    assert store.attempt(runner.attempt_id)["status"] == "completed"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) values ('trainer', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_database(path)


def test_learner_lookup_and_validation(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "t.db")
    learner = store.learner_id_for("陳美玲")
    assert store.learner_id_for("陳美玲") == learner
    with pytest.raises(Exception, match="display name"):
        store.create_learner("   ")
    store.close()


def test_library_lists_case_dirs() -> None:
    library = load_library([CASES_DIR])
    assert CASE_ID in library.cases


def test_implied_rows_of_one_table_must_share_their_columns(workspace: Workspace) -> None:
    """Extra rows are written with one prepared statement per table; rows whose columns
    differ are a programming error, refused before anything is written."""
    from trainer.store.db import DecisionRecord

    runner = start(workspace)
    store = workspace.store
    before = store.counts()
    record = DecisionRecord(
        attempt_id=runner.attempt_id, seq=1, step="questioning", indicator="3.1",
        action={"name": "advance"}, quality=None, think_ms=0, mood_before=50,
        mood_after=50, sim_minute=0, cost_total=0, facts_found=0,
    )  # fmt: skip
    rows = [
        {"attempt_id": runner.attempt_id, "indicator": "3.1", "rating": 3},
        {"attempt_id": runner.attempt_id, "rating": 4, "indicator": "3.2"},
    ]
    with pytest.raises(ValueError, match="differ in their columns"):
        store.record_decision(record, {"decisions": 1}, {"self_ratings": rows})
    assert store.counts() == before


def test_a_database_from_before_the_dashboard_summary_is_upgraded(
    workspace: Workspace, tmp_path: Path
) -> None:
    """A class database written before m006 gets the summary tables, filled from its
    rows, the next time it is opened; later decisions keep them current."""
    from trainer.store import summary

    play_expert(start(workspace))
    path = workspace.root / "trainer.db"
    workspace.close()
    conn = sqlite3.connect(path)
    summary.drop(conn)
    conn.execute("drop index idx_decisions_option")
    conn.execute("delete from _sqlite_migrations where name = 'm006_dashboard_summary'")
    conn.commit()
    conn.close()
    reopened = Workspace.open(workspace.root, writer=True)
    try:
        conn = reopened.store.db.conn
        assert conn.execute("select count(*) from attempt_summary").fetchone()[0] == 1
        assert conn.execute("select sum(times) from option_tallies").fetchone()[0] > 0
        play_expert(start(reopened))  # the triggers are back
        assert conn.execute("select count(*) from attempt_summary").fetchone()[0] == 2
        assert summary.stale(conn) == []
    finally:
        reopened.close()
