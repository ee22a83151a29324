"""Resume after a crash, history, read-only replay, and the trend chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from trainer.ui.main_window import MainWindow

from .conftest import open_window, play_steps, press_option, start_case


def test_resume_after_a_simulated_crash(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    """An attempt interrupted mid-case reopens at the same step with its conversation."""
    first, workspace = open_window(qtbot, data_dir)
    start_case(qtbot, first, name="林小華")
    press_option(qtbot, first, "q_open_what")
    press_option(qtbot, first, "q_open_occasion")
    chosen_before = list(first.play.runner.session.state.chosen)  # type: ignore[union-attr]
    said = [t for k, t in first.play.conversation.entries if k in ("learner", "customer")]
    # The "crash": the window goes away without any orderly shutdown of the attempt.
    workspace.store.close()
    first.hide()

    second, workspace2 = open_window(qtbot, data_dir)
    try:
        learner_id = workspace2.store.learners()[0]["id"]
        second.choose_learner(learner_id)
        assert no_modals["ask"], "the learner is asked whether to continue"
        assert second.stack.currentWidget() is second.play
        runner = second.play.runner
        assert runner is not None and runner.session.state.chosen == chosen_before
        assert second.play.steps.current == "questioning"
        resumed = [t for k, t in second.play.conversation.entries if k in ("learner", "customer")]
        assert resumed == said
        play_steps(qtbot, second)
        assert second.stack.currentWidget() is second.sheet
        attempts = workspace2.store.attempts(learner_id)
        assert len(attempts) == 1 and attempts[0]["status"] == "completed"
    finally:
        workspace2.close()


def test_declining_resume_goes_to_the_library_and_history_can_resume(
    qtbot: Any, window: MainWindow, no_modals: dict[str, list[Any]], monkeypatch: Any
) -> None:
    """Saying no keeps the attempt; the history lists it and can resume it later."""
    from trainer.ui import dialogs

    start_case(qtbot, window)
    press_option(qtbot, window, "q_open_what")
    monkeypatch.setattr(dialogs, "ask", lambda *a: False)
    window.choose_learner(window.learner["id"])  # type: ignore[index]
    assert window.stack.currentWidget() is window.library
    assert any(r.in_progress for r in window.library.rows)
    window.show_history()
    history = window.history
    assert history.table.rowCount() == 1
    assert history.resume_button.isEnabled() and not history.sheet_button.isEnabled()
    qtbot.mouseClick(history.resume_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.play
    assert window.play.runner is not None
    assert window.play.runner.session.state.chosen == ["q_open_what"]


def test_history_replay_and_trend(qtbot: Any, window: MainWindow) -> None:
    """A finished attempt replays step by step (read-only) and feeds the trend chart."""
    start_case(qtbot, window)
    count = play_steps(qtbot, window)
    window.show_history()
    history = window.history
    assert history.sheet_button.isEnabled()
    assert all(len(v) == 1 for v in history.trend.series.values())
    assert set(history.trend.series) == {"3.1", "3.2", "3.3", "3.4", "3.5"}
    qtbot.mouseClick(history.replay_button, Qt.MouseButton.LeftButton)
    play = window.play
    assert window.stack.currentWidget() is play and play.replaying
    assert play.replay_bar.isVisible() and not play.action_area.isVisible()
    assert play.replay_pos == 0  # a replay opens at the start, with the opening line shown
    assert ("customer", play.case.customer.opening_line.get("zh-TW")) in play.conversation.entries
    for _ in range(count + 2):
        qtbot.keyClick(play, Qt.Key.Key_Right)
    assert play.replay_pos == count
    qtbot.keyClick(play, Qt.Key.Key_Left)
    assert play.replay_pos == count - 1
    for _ in range(count):
        qtbot.keyClick(play, Qt.Key.Key_Left)
    assert play.replay_pos == 0
    assert not any(k == "learner" for k, _ in play.conversation.entries)
    qtbot.mouseClick(play.next_button, Qt.MouseButton.LeftButton)
    assert sum(1 for k, _ in play.conversation.entries if k == "learner") == 1
    # Replay writes nothing.
    attempts = window.workspace.store.attempts()  # type: ignore[union-attr]
    assert len(attempts) == 1
    assert len(window.workspace.store.decisions(attempts[0]["id"])) == count  # type: ignore[union-attr]
    qtbot.mouseClick(play.back, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is history
    qtbot.mouseClick(history.sheet_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.sheet
