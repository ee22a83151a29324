"""Observer mode through the real widgets: set up, tick with keys and clicks, rate,
save; the agent's report and reflection; the sheet opens in the main window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import no_modals, open_window  # noqa: F401 - the fixture
from trainer.roleplay.observed import ObservedAttempt
from trainer.roleplay.state import replay
from trainer.ui.roleplay.text import TICK_KEYS

from .conftest import CASE, observation


def test_observer_ticks_rates_saves_and_the_agent_completes(
    qtbot: Any,
    data_dir: Path,
    no_modals: dict[str, list[Any]],  # noqa: F811
) -> None:
    window, workspace = open_window(qtbot, data_dir)
    try:
        workspace.store.create_learner("王小明")
        window.open_roleplay()
        rp = window.roleplay_window
        qtbot.addWidget(rp)
        rp.resize(1366, 700)
        setup = rp.setup
        setup.case.setCurrentIndex(setup.case.findData(CASE))
        setup.agent.setEditText("王小明")
        setup.customer.setEditText("李大華")
        setup.observer.setEditText("陳老師")
        qtbot.mouseClick(setup.start_button, Qt.MouseButton.LeftButton)
        assert rp.stack.currentWidget() is rp.live
        live = rp.live
        assert live.width() <= 1366 and all(b.height() >= 48 for b in live.buttons.values())
        ids = list(live.buttons)
        # the first target by its key, the second by a click, then untick the first
        qtbot.keyClick(live, TICK_KEYS[0])
        qtbot.mouseClick(live.buttons[ids[1]], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(live.buttons[ids[2]], Qt.MouseButton.LeftButton)
        qtbot.keyClick(live, TICK_KEYS[2])
        observed = rp.observed
        assert observed is not None
        assert set(observed.state.ticked) == {ids[0], ids[1]}
        # durable at once: a fresh replay of the database sees the same ticks
        store = workspace.store
        again = replay(observed.case, store.decisions(observed.attempt_id))
        assert set(again.ticked) == {ids[0], ids[1]}
        assert [d["action"] for d in store.decisions(observed.attempt_id)] == [
            "tick", "tick", "tick", "untick"
        ]  # fmt: skip
        qtbot.mouseClick(live.done, Qt.MouseButton.LeftButton)
        assert rp.stack.currentWidget() is rp.rate
        rate = rp.rate
        assert rate.observer.text() == "陳老師" and rate.customer.text() == "李大華"
        qtbot.mouseClick(rate.submit, Qt.MouseButton.LeftButton)  # no ratings yet: refused
        assert "3.1" in rate.error.text()
        for indicator, value in {"3.1": 4, "3.2": 3, "3.3": 2, "3.4": 5}.items():
            rate.set_rating(indicator, value)
        rate.notes["general"].setPlainText("開場道歉得體，但沒有問顧客想要什麼。")
        qtbot.mouseClick(rate.submit, Qt.MouseButton.LeftButton)
        assert rp.stack.currentWidget() is rp.report_form
        saved = ObservedAttempt.load(store, workspace.library, observed.attempt_id).state
        assert saved.observation is not None
        assert saved.observation["ratings"] == {"3.1": 4, "3.2": 3, "3.3": 2, "3.4": 5}
        assert saved.observation["observer"] == "陳老師"
        assert saved.observation["customer_player"] == "李大華"
        assert store.attempt(observed.attempt_id)["mode"] == "roleplay"
        # the agent: the same report and reflection forms as a played case
        full = observation()
        report = rp.report_form
        report.cause_buttons[full["report"]["root_cause"]].click()
        for rid in full["report"]["recipients"]:
            report.recipient_boxes[rid].click()
        report.preventive.setPlainText(full["report"]["preventive"])
        report.profile_note.setPlainText(full["report"]["profile_note"])
        qtbot.mouseClick(report.submit, Qt.MouseButton.LeftButton)
        form = rp.reflection_form
        assert rp.stack.currentWidget() is form
        for prompt_id, text in full["reflection"]["answers"].items():
            form.edits[prompt_id].setPlainText(text)
        for indicator, value in full["reflection"]["self_ratings"].items():
            form.set_rating(indicator, value)
        with qtbot.waitSignal(rp.completed, timeout=5000):
            qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
        attempt = store.attempt(observed.attempt_id)
        assert attempt["status"] == "completed"
        assert window.stack.currentWidget() is window.sheet
        assert no_modals["error"] == []
    finally:
        workspace.close()


def test_an_interrupted_role_play_continues_with_its_ticks(
    qtbot: Any,
    data_dir: Path,
    no_modals: dict[str, list[Any]],  # noqa: F811
) -> None:
    window, workspace = open_window(qtbot, data_dir)
    try:
        store = workspace.store
        observed = ObservedAttempt.start(
            store, workspace.library.get(CASE), store.create_learner("林美華")
        )
        observed.tick("paraphrase", 75)
        window.resume_attempt(observed.attempt_id)  # what History's "continue" does
        rp = window.roleplay_window
        qtbot.addWidget(rp)
        assert rp.stack.currentWidget() is rp.live
        assert rp.live.buttons["paraphrase"].isChecked()
        assert rp.live.elapsed() >= 75
        assert not rp.live.buttons["open_questions"].isChecked()
    finally:
        workspace.close()
