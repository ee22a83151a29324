"""Restart, "try again from here" and drafts: the service functions and the store (m004)."""

from __future__ import annotations

from pathlib import Path

from trainer.core.autoplay import RandomPolicy
from trainer.service import AttemptRunner, Workspace, restart_attempt, try_again_from
from trainer.store.drafts import drop_draft, load_drafts, save_draft

from .conftest import CASE_ID


def _runner(workspace: Workspace, decisions: int, seed: int = 4) -> AttemptRunner:
    # A fixed option order: with a random one, a first blaming question can end the
    # attempt in escalation before `decisions` are made (the test then flaked).
    learner = workspace.store.create_learner("周子瑜", None, None)
    runner = AttemptRunner.start(
        workspace.store, workspace.library.get(CASE_ID), learner, order_seed=2
    )
    policy = RandomPolicy(seed)
    for _ in range(decisions):
        runner.act(policy.next_action(runner.session), think_ms=1200)
    assert not runner.finished
    return runner


def test_restart_keeps_the_old_attempt_as_abandoned(data_dir: Path) -> None:
    """Restarting logs the unfinished attempt as abandoned and starts a fresh one."""
    workspace = Workspace.open(data_dir)
    try:
        old = _runner(workspace, 3)
        new = restart_attempt(workspace.store, workspace.library, old.attempt_id)
        assert workspace.store.attempt(old.attempt_id)["status"] == "abandoned"
        assert len(workspace.store.decisions(old.attempt_id)) == 3
        row = workspace.store.attempt(new.attempt_id)
        assert (
            row["status"] == "in_progress"
            and row["learner_id"] == new.store.attempt(old.attempt_id)["learner_id"]
        )
        assert new.session.state.decisions == 0
    finally:
        workspace.close()


def test_try_again_replays_the_first_decisions_with_the_same_order(data_dir: Path) -> None:
    """The branch is a practice attempt with the parent's seed and first N decisions,
    logged with parent_attempt_id and branch_seq; it can be finished."""
    workspace = Workspace.open(data_dir)
    try:
        parent = _runner(workspace, 5)
        branch = try_again_from(workspace.store, workspace.library, parent.attempt_id, 3)
        row = workspace.store.attempt(branch.attempt_id)
        assert row["parent_attempt_id"] == parent.attempt_id and row["branch_seq"] == 3
        assert row["mode"] == "practice"
        assert row["order_seed"] == workspace.store.attempt(parent.attempt_id)["order_seed"]
        mine = [d["option_id"] for d in workspace.store.decisions(branch.attempt_id)]
        theirs = [d["option_id"] for d in workspace.store.decisions(parent.attempt_id)][:3]
        assert mine == theirs
        assert [o.id for o in branch.session.available_options()] == [
            o.id
            for o in AttemptRunner.resume(
                workspace.store, workspace.library, branch.attempt_id
            ).session.available_options()
        ]
        policy = RandomPolicy(9)  # the random start may have left the expert path
        while not branch.finished:
            branch.act(policy.next_action(branch.session))
        assert workspace.store.attempt(branch.attempt_id)["status"] == "completed"
    finally:
        workspace.close()


def test_drafts_are_saved_replaced_and_dropped(data_dir: Path) -> None:
    """One draft per attempt and form, replaced on each save, survives reopening."""
    workspace = Workspace.open(data_dir)
    try:
        runner = _runner(workspace, 1)
        save_draft(workspace.store, runner.attempt_id, "report", {"preventive": "先"})
        save_draft(workspace.store, runner.attempt_id, "report", {"preventive": "先通知櫃檯"})
        save_draft(workspace.store, runner.attempt_id, "reflection", {"answers": {"a": "x"}})
        attempt_id = runner.attempt_id
    finally:
        workspace.close()
    workspace = Workspace.open(data_dir)
    try:
        drafts = load_drafts(workspace.store, attempt_id)
        assert drafts == {
            "report": {"preventive": "先通知櫃檯"},
            "reflection": {"answers": {"a": "x"}},
        }
        drop_draft(workspace.store, attempt_id, "report")
        assert set(load_drafts(workspace.store, attempt_id)) == {"reflection"}
    finally:
        workspace.close()


def test_drafts_never_leave_the_laptop_in_a_sqlite_export(data_dir: Path) -> None:
    """A half-filled form is local: the sqlite copy for the instructor carries none."""
    import sqlite3

    from trainer.exchange.export import export
    from trainer.exchange.filters import Filters

    workspace = Workspace.open(data_dir)
    try:
        runner = _runner(workspace, 1)
        save_draft(workspace.store, runner.attempt_id, "report", {"preventive": "私人筆記"})
    finally:
        workspace.close()
    out = data_dir.parent / "copy.sqlite"
    export("sqlite", data_dir, data_dir / "trainer.db", out, Filters())
    with sqlite3.connect(out) as conn:
        assert conn.execute("select count(*) from drafts").fetchone()[0] == 0
        assert conn.execute("select count(*) from attempts").fetchone()[0] == 1
