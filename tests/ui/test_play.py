"""Playing a whole case through the real widgets, in practice and assessment mode."""

from __future__ import annotations

from typing import Any

from trainer.ui.main_window import MainWindow

from .conftest import CASE_ID, play_steps, start_case


def test_practice_mode_plays_to_the_sheet_with_feedback(
    qtbot: Any, window: MainWindow, no_modals: dict[str, list[Any]]
) -> None:
    """Keyboard and clicks take a learner from profile to sheet; feedback shows at once."""
    start_case(qtbot, window, mode="practice")
    assert window.play.steps.current == "questioning"
    assert "3.1" in window.play.steps.items["questioning"].text()
    steps = play_steps(qtbot, window, free_text="我的說法：先道歉")
    assert steps > 10
    assert no_modals["error"] == []
    assert window.stack.currentWidget() is window.sheet
    kinds = [k for k, _ in window.play.conversation.entries]
    assert "feedback" in kinds and "customer" in kinds and "learner" in kinds
    assert ("free_text", "我的說法：先道歉") in window.play.conversation.entries
    sheet = window.sheet.sheet
    assert sheet is not None and sheet.finished
    assert [r.indicator for r in sheet.rows] == ["3.1", "3.2", "3.3", "3.4", "3.5"]
    text = window.sheet.browser.toPlainText()
    for indicator in ("3.1", "3.2", "3.3", "3.4", "3.5"):
        assert indicator in text
    assert "陳怡君" in text and "我的說法：先道歉" in text
    attempt = window.workspace.store.attempts()[0]  # type: ignore[union-attr]
    assert attempt["status"] == "completed" and attempt["mode"] == "practice"
    # Think time is measured per decision and logged for the sheet's evidence.
    decisions = window.workspace.store.decisions(attempt["id"])  # type: ignore[union-attr]
    assert all(d["think_ms"] >= 0 for d in decisions)
    assert decisions[0]["free_text"] == "我的說法：先道歉"


def test_assessment_mode_defers_feedback_and_counts_down(qtbot: Any, window: MainWindow) -> None:
    """Assessment hides per-choice feedback and hints, and shows the time left."""
    start_case(qtbot, window, mode="assessment")
    assert "剩" in window.play.policy.clock.value.text()
    runner = window.play.runner
    assert runner is not None
    shown = [b.view.option_id for b in window.play.options.buttons]
    assert shown == [o.id for o in runner.session.available_options()]  # no locked rows
    play_steps(qtbot, window)
    assert window.stack.currentWidget() is window.sheet
    kinds = [k for k, _ in window.play.conversation.entries]
    assert "feedback" not in kinds
    attempt = window.workspace.store.attempts()[0]  # type: ignore[union-attr]
    assert attempt["mode"] == "assessment" and attempt["status"] == "completed"
    assert window.sheet.sheet is not None and window.sheet.sheet.mode == "assessment"


def test_library_lists_best_score_after_a_completed_case(qtbot: Any, window: MainWindow) -> None:
    """Back in the library the case shows as done with its best score, and filters work."""
    start_case(qtbot, window)
    play_steps(qtbot, window)
    window.show_library()
    library = window.library
    row = next(r for r in library.rows if r.case_id == CASE_ID)
    assert row.done and row.best is not None and row.best > 80
    library.search.clear()
    library.status.setCurrentIndex(library.status.findData("todo"))
    assert CASE_ID not in library.visible_case_ids()
    library.status.setCurrentIndex(library.status.findData("done"))
    assert CASE_ID in library.visible_case_ids()
    library.status.setCurrentIndex(0)
    library.setting.setCurrentIndex(library.setting.findData("restaurant"))
    assert CASE_ID not in library.visible_case_ids()


def test_the_sheet_follows_the_text_size_but_prints_at_paper_size(
    qtbot: Any, window: MainWindow, monkeypatch: Any
) -> None:
    """Ctrl+= enlarges the reflection sheet on screen too; print stays at print size."""
    import re

    from trainer.ui import dialogs

    start_case(qtbot, window, mode="practice")
    play_steps(qtbot, window)
    page = window.sheet

    def sizes() -> tuple[float, list[float]]:
        assert page.doc is not None
        html = page.doc.toHtml()
        found = [float(x) for x in re.findall(r"font-size:(\d+(?:\.\d+)?)pt", html)]
        return page.doc.defaultFont().pointSizeF(), found

    base_default, base_sizes = sizes()
    text = page.browser.toPlainText()
    window.scale_text(+0.2)
    big_default, big_sizes = sizes()
    assert big_default == base_default * 1.2
    assert max(big_sizes) > max(base_sizes) and len(big_sizes) == len(base_sizes)
    assert page.browser.toPlainText() == text  # the same sheet, only larger

    printed: list[Any] = []
    monkeypatch.setattr(dialogs, "print_document", lambda parent, doc: printed.append(doc) or True)
    assert page.print_sheet()
    assert printed[0].defaultFont().pointSizeF() == base_default
    window.scale_text(0)
    assert sizes()[0] == base_default


def test_a_full_disk_is_explained_and_the_step_can_be_retried(
    qtbot: Any, window: MainWindow, no_modals: dict[str, list[Any]], monkeypatch: Any
) -> None:
    """SQLITE_FULL on a click: a message a learner can act on, and the same choice goes
    through once there is space again. (That a full disk loses and half-writes nothing
    is tested with a real SQLITE_FULL in tests/reliability/test_disk_full.py.)"""
    import sqlite3

    from trainer.core.autoplay import ExpertPolicy
    from trainer.service import AttemptRunner

    from .conftest import press_option

    start_case(qtbot, window, mode="practice")
    runner = window.play.runner
    assert runner is not None
    first = ExpertPolicy().next_action(runner.session).option_id or ""
    real_act = AttemptRunner.act

    def full(self: AttemptRunner, *args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(AttemptRunner, "act", full)
    press_option(qtbot, window, first, free_text="先道歉")
    assert len(no_modals["error"]) == 1
    message, details = no_modals["error"][0]
    assert "磁碟空間不足" in message and "disk is full" in (details or "")
    assert runner.session.state.decisions == 0
    monkeypatch.setattr(AttemptRunner, "act", real_act)
    press_option(qtbot, window, first, free_text="先道歉")
    assert runner.session.state.decisions == 1 and len(no_modals["error"]) == 1
    store = window.workspace.store  # type: ignore[union-attr]
    assert store.decisions(runner.attempt_id)[0]["free_text"] == "先道歉"


def test_each_step_is_laid_out_and_scrolled_to_before_the_next_paint(
    qtbot: Any, window: MainWindow
) -> None:
    """When a choice returns, before the event loop runs again, its new bubbles are
    shown and laid out and the conversation is scrolled to the newest one, so the
    first frame painted is the finished step (no frame with the bubble below the
    fold, then a jump)."""
    from trainer.core.autoplay import ExpertPolicy
    from trainer.ui.widgets.options import ADVANCE

    start_case(qtbot, window, mode="practice")
    play = window.play
    policy = ExpertPolicy()
    qtbot.wait(50)
    for _ in range(6):
        assert play.runner is not None
        action = policy.next_action(play.runner.session)
        assert action.name in ("choose", "advance")
        play._on_option(action.option_id or ADVANCE, "")  # what the send button calls
        bar = play.conversation.verticalScrollBar()
        column = play.conversation.column
        newest = column.itemAt(column.count() - 2)  # the last entry before the stretch
        assert newest is not None
        widgets = (
            [newest.widget()]
            if newest.widget()
            else [newest.layout().itemAt(n).widget() for n in range(newest.layout().count())]
        )
        assert all(w.isVisible() for w in widgets if w is not None)
        assert bar.value() == bar.maximum() or bar.value() > 0
        _assert_reply_in_view(play)
        qtbot.wait(20)


def _assert_reply_in_view(play: Any) -> None:
    """The newest customer reply is inside the visible part of the conversation."""
    from PySide6.QtCore import QPoint

    conversation = play.conversation
    inner = conversation.widget()
    replies = [w for w in conversation.rows if w.property("role") == "bubbleCustomer"]
    top = replies[-1].mapTo(inner, QPoint(0, 0)).y()
    value = conversation.verticalScrollBar().value()
    assert value <= top < value + conversation.viewport().height()
