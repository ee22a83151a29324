"""One attempt, one option order: through resume, replay, merge and the CSV export."""

from __future__ import annotations

import csv
from pathlib import Path

from trainer.core.autoplay import ExpertPolicy
from trainer.core.engine import Session
from trainer.exchange.merge import merge_files
from trainer.service import AttemptRunner, Workspace, replay_attempt


def _screen(session: Session) -> list[tuple[int, str, bool]]:
    return [(s.number, s.option.id, s.asked) for s in session.option_slots()]


def test_the_order_seed_survives_resume_replay_merge_and_export(tmp_path: Path) -> None:
    learner_dir, class_dir = tmp_path / "learner", tmp_path / "class"
    workspace = Workspace.open(learner_dir, writer=True)
    try:
        loaded = workspace.library.get("musical-obstructed-seat")
        learner = workspace.store.learner_id_for("林小華")
        runner = AttemptRunner.start(workspace.store, loaded, learner)
        seed = runner.session.state.order_seed
        assert seed is not None
        assert workspace.store.attempt(runner.attempt_id)["order_seed"] == seed
        policy = ExpertPolicy()
        for _ in range(3):
            runner.act(policy.next_action(runner.session))
        on_screen = _screen(runner.session)

        resumed = AttemptRunner.resume(workspace.store, workspace.library, runner.attempt_id)
        assert _screen(resumed.session) == on_screen
        _, replayed = replay_attempt(workspace, runner.attempt_id)
        assert _screen(replayed) == on_screen
        attempt_id = runner.attempt_id
    finally:
        workspace.close()

    class_ws = Workspace.open(class_dir, writer=True)
    try:
        merge_files(class_ws.store, [learner_dir / "trainer.db"])
        assert class_ws.store.attempt(attempt_id)["order_seed"] == seed
        _, merged = replay_attempt(class_ws, attempt_id)
        assert _screen(merged) == on_screen
    finally:
        class_ws.close()

    from trainer.exchange.csv_export import export_csv

    out = tmp_path / "csv"
    export_csv(class_dir / "trainer.db", out)
    with (out / "attempts.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["order_seed"] for r in rows if r["attempt_id"] == attempt_id] == [str(seed)]
