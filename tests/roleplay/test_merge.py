"""An observed role-play merges into the class database like a played attempt:
first the observation alone (the agent has not written yet), then taken further."""

from __future__ import annotations

from pathlib import Path

from trainer.exchange.merge import merge_files
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.roleplay.observed import ObservedAttempt
from trainer.roleplay.record import complete_agent_part, record_observation
from trainer.service import Workspace
from trainer.store.db import Store, open_database

from .conftest import CASE, observation


def test_observation_merges_then_is_taken_further(data_dir: Path, tmp_path: Path) -> None:
    workspace = Workspace.open(data_dir, writer=True)
    try:
        store = workspace.store
        agent = store.create_learner("王小明", "S1001", "觀光一甲")
        loaded = workspace.library.get(CASE)
        observed = record_observation(store, loaded, agent, "李大華", "陳老師", observation(False))
        first = tmp_path / "first.sqlite"
        export_sqlite(data_dir / "trainer.db", first)
        full = observation()
        complete_agent_part(
            ObservedAttempt.load(store, workspace.library, observed.attempt_id),
            {"report": full["report"], "reflection": full["reflection"]},
        )
        second = tmp_path / "second.sqlite"
        export_sqlite(data_dir / "trainer.db", second)
    finally:
        workspace.close()
    target = tmp_path / "class" / "trainer.db"
    merge_files(target, [first])
    class_store = Store(open_database(target))
    try:
        attempt = class_store.attempt(observed.attempt_id)
        assert (attempt["mode"], attempt["status"]) == ("roleplay", "in_progress")
        assert len(class_store.decisions(observed.attempt_id)) == 9  # 8 ticks + observe
    finally:
        class_store.close()
    merge_files(target, [second])
    class_store = Store(open_database(target))
    try:
        attempt = class_store.attempt(observed.attempt_id)
        assert attempt["status"] == "completed"
        actions = [d["action"] for d in class_store.decisions(observed.attempt_id)]
        assert actions[-3:] == ["observe", "report", "reflect"]
        assert set(class_store.scores(observed.attempt_id)) == {"3.1", "3.2", "3.3", "3.4", "3.5"}
    finally:
        class_store.close()
