"""Issue 13 on the play page: escalation you can see, keyboard all the way, restart,
try again from a decision, and drafts of the 3.4/3.5 forms that survive a crash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QRadioButton, QScrollArea

from trainer.core.autoplay import ExpertPolicy, WorstPolicy
from trainer.ui.main_window import MainWindow

from .conftest import open_window, start_case


def _activate(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def _escalate(window: MainWindow) -> None:
    play = window.play
    policy = WorstPolicy()
    for _ in range(40):
        assert play.runner is not None
        if play.runner.session.state.escalated:
            return
        play._act(policy.next_action(play.runner.session))
    raise AssertionError("the worst path never escalated")


def test_escalation_is_a_moment_and_skipped_steps_are_never_ticked(
    qtbot: Any, window: MainWindow
) -> None:
    """After escalating in 3.1: a banner says why and what now, 3.1 is marked escalated,
    3.2 and 3.3 skipped (no ✓), and the prompt speaks of the escalation."""
    start_case(qtbot, window)
    _escalate(window)
    play = window.play
    state = play.runner.session.state  # type: ignore[union-attr]
    assert state.step == "feedback" and state.escalation_reason
    assert play.banner.isVisible() and "主管" in play.banner.text()
    assert play.banner.geometry().top() < play.conversation.geometry().top()
    items = play.steps.items
    assert items["questioning"].property("state") == "escalated"
    assert items["clarifying"].property("state") == "skipped"
    assert items["resolving"].property("state") == "skipped"
    assert not any(i.text().startswith("✓") for i in items.values())
    assert "升級" in play.options.prompt.text()
    steps = [t for k, t in play.conversation.entries if k == "step"]
    assert steps[-1].startswith("3.4")


def _past_blaming(qtbot: Any, window: MainWindow) -> None:
    """Press ↓ until the selection is not a blaming question: one would escalate and end
    the step, and the keyboard tests are about the keys, not the luck of the shuffle."""
    play = window.play
    assert play.runner is not None
    while True:
        selected = play.options.selected()
        if selected is None or selected.view.advance:
            return
        if play.runner.case.option(selected.view.option_id).kind != "blaming_question":
            return
        qtbot.keyClick(QApplication.focusWidget() or play, Qt.Key.Key_Down)


def _an_open_safe_row(window: MainWindow) -> int:
    """The number of a row not yet asked that neither moves on nor blames."""
    play = window.play
    assert play.runner is not None
    for button in play.options.pool:
        view = button.view
        if not button.isVisible() or view.asked or view.advance:
            continue
        if play.runner.case.option(view.option_id).kind != "blaming_question":
            return button.number
    raise AssertionError("no open question left")


def test_number_keys_work_anywhere_but_in_a_text_field(qtbot: Any, window: MainWindow) -> None:
    """1–9 choose with the focus on any control of the page; in the free-text box they
    type; ↑/↓ move the selection; Enter sends; PgUp/PgDn scroll the conversation."""
    start_case(qtbot, window)
    _activate(qtbot, window)
    play = window.play
    play.back.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    selected = play.options.selected()
    assert selected is not None and selected.number == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert play.options.selected().number == 3  # type: ignore[union-attr]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert play.options.selected().number == 1  # type: ignore[union-attr]
    _past_blaming(qtbot, window)
    number = play.options.selected().number  # type: ignore[union-attr]
    play.options.free_text.setFocus()
    qtbot.keyClicks(play.options.free_text, "3 ok")
    assert play.options.free_text.text() == "3 ok"
    assert play.options.selected().number == number  # type: ignore[union-attr]
    chosen = play.options.selected().view.option_id  # type: ignore[union-attr]
    qtbot.keyClick(play.options.free_text, Qt.Key.Key_Return)
    assert play.runner.session.state.chosen == [chosen]  # type: ignore[union-attr]
    # Answered rows stay in place, ticked; the other numbers do not shift.
    asked = [b for b in play.options.pool if b.isVisible() and b.view.asked]
    assert [b.view.option_id for b in asked] == [chosen] and asked[0].number == number
    bar = play.conversation.verticalScrollBar()
    for _ in range(6):
        if bar.maximum() > bar.pageStep():
            break
        row = _an_open_safe_row(window)
        qtbot.keyClick(QApplication.focusWidget() or play, Qt.Key(Qt.Key.Key_0 + row))
        qtbot.keyClick(QApplication.focusWidget() or play, Qt.Key.Key_Return)
    assert bar.maximum() > 0
    bottom = bar.value()
    qtbot.keyClick(QApplication.focusWidget() or play, Qt.Key.Key_PageUp)
    assert bar.value() < bottom
    qtbot.keyClick(QApplication.focusWidget() or play, Qt.Key.Key_PageDown)
    assert bar.value() > bottom - bar.pageStep()


def _to_report(window: MainWindow) -> None:
    play = window.play
    policy = ExpertPolicy()
    while play.action_area.currentWidget() is not play.report:
        assert play.runner is not None
        play._act(policy.next_action(play.runner.session))


def test_focus_enters_the_report_form_and_a_draft_survives_a_crash(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    """The keyboard lands in the 3.4 form; what was typed is saved as a draft while
    typing and is back in the form after the window died and the attempt resumed."""
    first, workspace = open_window(qtbot, data_dir)
    start_case(qtbot, first, name="林小華")
    _activate(qtbot, first)
    _to_report(first)
    form = first.play.report
    assert isinstance(QApplication.focusWidget(), QRadioButton)
    cause = next(iter(form.cause_buttons))
    form.cause_buttons[cause].click()
    form.preventive.setPlainText("保養前一天先通知櫃檯")
    from trainer.store.drafts import load_drafts

    attempt_id = first.play.runner.attempt_id  # type: ignore[union-attr]
    # The draft is written 0.4 s after the last edit, with no other prompting.
    qtbot.waitUntil(
        lambda: (
            load_drafts(workspace.store, attempt_id).get("report", {}).get("preventive")
            == "保養前一天先通知櫃檯"
        ),
        timeout=5000,
    )
    workspace.store.close()  # the "crash"
    first.hide()

    second, workspace2 = open_window(qtbot, data_dir)
    try:
        second.choose_learner(workspace2.store.learners()[0]["id"])
        again = second.play.report
        assert second.play.action_area.currentWidget() is again
        assert again.preventive.toPlainText() == "保養前一天先通知櫃檯"
        assert again.cause_buttons[cause].isChecked()
        again.submit.click()
        rows = workspace2.store.db.execute("select count(*) from drafts").fetchone()
        assert rows[0] == 0  # a submitted form leaves no draft behind
    finally:
        workspace2.close()


def test_restart_keeps_the_old_attempt_and_try_again_branches(
    qtbot: Any, window: MainWindow, no_modals: dict[str, list[Any]]
) -> None:
    """Restart (confirmed) abandons the attempt and starts afresh; on the finished
    sheet, "try again from here" starts a practice attempt replayed to that decision."""
    start_case(qtbot, window)
    play = window.play
    first = play.runner.attempt_id  # type: ignore[union-attr]
    play._act(ExpertPolicy().next_action(play.runner.session))  # type: ignore[union-attr]
    qtbot.mouseClick(play.restart_button, Qt.MouseButton.LeftButton)
    assert no_modals["ask"], "restarting asks first"
    store = window.workspace.store  # type: ignore[union-attr]
    assert store.attempt(first)["status"] == "abandoned"
    runner = play.runner
    assert runner is not None and runner.attempt_id != first and runner.session.state.decisions == 0
    policy = ExpertPolicy()
    while not runner.finished:
        if play.action_area.currentWidget() is play.report:
            play._act(policy.next_action(runner.session))
        else:
            play._act(policy.next_action(runner.session))
    assert window.stack.currentWidget() is window.sheet
    sheet = window.sheet
    assert sheet.decision_pick.count() == len(store.decisions(runner.attempt_id))
    sheet.decision_pick.setCurrentIndex(2)
    qtbot.mouseClick(sheet.try_button, Qt.MouseButton.LeftButton)
    branch = play.runner
    assert branch is not None and window.stack.currentWidget() is play
    row = store.attempt(branch.attempt_id)
    assert row["parent_attempt_id"] == runner.attempt_id and row["branch_seq"] == 2
    assert branch.session.state.decisions == 2 and row["mode"] == "practice"
    assert sum(1 for k, _ in play.conversation.entries if k == "learner") == 2


def test_pane_sizes_and_window_geometry_are_remembered(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    """Moving the splitter is saved and restored in a new window; with no saved
    geometry the window opens maximised on a screen up to 1440 px wide."""
    from trainer.settings import Settings

    first, workspace = open_window(qtbot, data_dir)
    try:
        start_case(qtbot, first)
        split = first.play.split
        split.setSizes([700, 380, 270])
        split.splitterMoved.emit(700, 1)
        saved = Settings.load(data_dir)["play_split"]
        assert isinstance(saved, list) and len(saved) == 3 and saved == split.sizes()
        first.hide()
    finally:
        workspace.close()
    second, workspace2 = open_window(qtbot, data_dir)
    try:
        start_case(qtbot, second, name="林小華")
        qtbot.wait(20)
        assert second.play.split.sizes() == saved
        screen = second.screen()
        assert screen is not None
        second.hide()
        second.show_initially()
        if screen.availableGeometry().width() <= 1440:
            qtbot.waitUntil(second.isMaximized, timeout=2000)
        second.showNormal()
        second.resize(1100, 700)
        second.close()  # saves the geometry (and whether it was maximised)
        assert Settings.load(data_dir)["window_geometry"]
    finally:
        workspace2.close()


def test_the_focused_field_is_scrolled_into_view(qtbot: Any, window: MainWindow) -> None:
    """Tabbing (or any focus move) to a field below the fold scrolls it into view."""
    start_case(qtbot, window)
    _to_report(window)
    form = window.play.report
    scroll = form.findChild(QScrollArea, "formScroll")
    assert scroll is not None
    window.resize(1280, 720)
    qtbot.wait(50)
    form.profile_note.setFocus()
    qtbot.wait(20)
    top = form.profile_note.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    assert top >= 0 and top + form.profile_note.height() <= scroll.viewport().height()
