"""A graded attempt's sheet shows the scores recorded when it was completed."""

from __future__ import annotations

from pathlib import Path

from trainer.core.autoplay import ExpertPolicy
from trainer.service import AttemptRunner, Workspace, load_sheet


def test_the_sheet_shows_recorded_scores_not_a_recomputation(tmp_path: Path) -> None:
    """Scores recorded under an earlier scoring model (or case version) stay as graded."""
    workspace = Workspace.open(tmp_path / "data", writer=True)
    try:
        loaded = workspace.library.get("musical-obstructed-seat")
        learner = workspace.store.learner_id_for("林小華")
        runner = AttemptRunner.start(workspace.store, loaded, learner, order_seed=5)
        policy = ExpertPolicy()
        while not runner.finished:
            runner.act(policy.next_action(runner.session))
        fresh = load_sheet(workspace, runner.attempt_id)
        assert fresh.total == workspace.store.attempt(runner.attempt_id)["total"]
        # As if graded by an older model: 3.4 was 72 and the total 80 back then.
        db = workspace.store.db
        db.execute(
            "update scores set score = 72, reason_en = 'graded then' "
            "where attempt_id = ? and indicator = '3.4'",
            [runner.attempt_id],
        )
        db.execute("update attempts set total = 80 where id = ?", [runner.attempt_id])
        db.conn.commit()
        sheet = load_sheet(workspace, runner.attempt_id, "en")
        row = next(r for r in sheet.rows if r.indicator == "3.4")
        assert (row.score, row.reason, sheet.total) == (72, "graded then", 80)
    finally:
        workspace.close()
