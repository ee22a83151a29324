"""Found by hands-on keyboard QA under a real X server (issue 13 follow-up): Tab must
stay inside the 3.4 and 3.5 forms, the focused choice row shows its ring, the
library keeps the keyboard on the cards, and Enter on an "in progress" card
continues that attempt instead of starting a second one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from trainer.core.autoplay import ExpertPolicy
from trainer.ui.main_window import MainWindow
from trainer.ui.widgets.common import WrapChoice

from .conftest import CASE_ID, fill_report, open_window, start_case


def _activate(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def _play_until(window: MainWindow, widget: QWidget) -> None:
    play = window.play
    policy = ExpertPolicy()
    for _ in range(80):
        if play.action_area.currentWidget() is widget:
            return
        assert play.runner is not None
        play._act(policy.next_action(play.runner.session))
    raise AssertionError("the form never came")


def _tab(qtbot: Any) -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    now = QApplication.focusWidget()
    assert now is not None
    return now


def test_tab_walks_the_report_form_in_screen_order(qtbot: Any, window: MainWindow) -> None:
    """From the last "who must hear" box Tab went to the app bar (the boxes are made
    per case, after the window), and a typed space then pressed "Case library"."""
    start_case(qtbot, window)
    _activate(qtbot, window)
    _play_until(window, window.play.report)
    form = window.play.report
    first = next(iter(form.cause_buttons.values()))
    assert QApplication.focusWidget() is first
    boxes = list(form.recipient_boxes.values())
    assert _tab(qtbot) is boxes[0]  # the causes are one exclusive group: one stop
    for box in boxes[1:]:
        assert _tab(qtbot) is box
    assert _tab(qtbot) is form.preventive
    assert _tab(qtbot) is form.profile_note
    assert _tab(qtbot) is form.submit
    assert window.stack.currentWidget() is window.play


def test_tab_reaches_the_ratings_of_the_reflection_form(qtbot: Any, window: MainWindow) -> None:
    """After the last answer box Tab goes to the self-ratings, then to submit."""
    start_case(qtbot, window)
    _activate(qtbot, window)
    _play_until(window, window.play.report)
    policy = ExpertPolicy()
    assert window.play.runner is not None
    fill_report(qtbot, window, policy.next_action(window.play.runner.session))
    form = window.play.reflection
    assert window.play.action_area.currentWidget() is form
    edits = list(form.edits.values())
    assert QApplication.focusWidget() is edits[0]
    for edit in edits[1:]:
        assert _tab(qtbot) is edit
    ratings = [b for g in form.groups.values() for b in g.buttons()]
    assert _tab(qtbot) is ratings[0]
    ratings[-1].setFocus()
    assert _tab(qtbot) is form.submit


def test_the_focused_choice_row_shows_the_ring(qtbot: Any, window: MainWindow) -> None:
    """The ring is on the whole wrapping row, not only on the bare 16 px indicator."""
    from trainer.ui.app import style_sheet

    window.setStyleSheet(style_sheet(1.0))  # the app's own sheet, on this window only
    start_case(qtbot, window)
    _activate(qtbot, window)
    _play_until(window, window.play.report)
    form = window.play.report
    rows = [w for w in form.findChildren(WrapChoice) if w.isVisible()]
    first, second = rows[0], rows[1]
    assert first.property("focused") is True and second.property("focused") is False
    second.button.setFocus()
    assert first.property("focused") is False and second.property("focused") is True
    # the style sheet paints it: the ring colour differs from an unfocused row's
    focused_row = second.grab().toImage()
    plain_row = first.grab().toImage()
    ring = focused_row.pixelColor(0, focused_row.height() // 2)
    assert ring.name() == "#2a5bd7"
    assert plain_row.pixelColor(0, plain_row.height() // 2).name() != "#2a5bd7"


def test_enter_on_an_in_progress_card_continues_that_attempt(
    qtbot: Any, window: MainWindow
) -> None:
    """The card says "in progress, can continue"; Enter used to start a second attempt
    and leave the first one in progress for ever. Back in the library the keyboard is
    on the cards, not on the app bar."""
    start_case(qtbot, window)
    _activate(qtbot, window)
    play = window.play
    assert play.runner is not None
    attempt_id = play.runner.attempt_id
    policy = ExpertPolicy()
    play._act(policy.next_action(play.runner.session))
    window.show_library()
    assert window.stack.currentWidget() is window.library
    assert QApplication.focusWidget() is window.library.list
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is play
    assert play.runner is not None and play.runner.attempt_id == attempt_id
    store = window.ws().store
    learner = window.learner
    assert learner is not None
    assert [a["id"] for a in store.unfinished_attempts(learner["id"])] == [attempt_id]


def test_options_past_nine_still_show_their_number(qtbot: Any) -> None:
    from trainer.ui.widgets.options import OptionsPanel, OptionView

    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.set_options("p", [OptionView(f"o{i}", f"option {i}") for i in range(12)])
    assert [b.badge.text() for b in panel.pool] == [str(i) for i in range(1, 13)]


def test_a_resumed_attempt_reopens_at_its_last_turn_with_the_keyboard_in_the_form(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    """Resuming into 3.4 left the keyboard on the page (Tab went to the app bar) and
    the conversation at the customer's opening lines instead of the latest turn."""
    first, workspace = open_window(qtbot, data_dir)
    start_case(qtbot, first)
    _play_until(first, first.play.report)
    workspace.close()
    first.hide()

    second, workspace2 = open_window(qtbot, data_dir)
    try:
        _activate(qtbot, second)
        second.choose_learner(workspace2.store.learners()[0]["id"])  # "continue?" -> yes
        play = second.play
        assert play.action_area.currentWidget() is play.report
        assert QApplication.focusWidget() is next(iter(play.report.cause_buttons.values()))
        conversation = play.conversation
        conversation.lay_out_now()
        bar = conversation.verticalScrollBar()
        assert bar.maximum() > 0 and bar.value() > 0
        last = conversation.rows[-1]  # the "continued where you left off" note
        inner = conversation.widget()
        assert inner is not None
        y = last.mapTo(inner, QPoint(0, 0)).y() - bar.value()
        assert 0 <= y < conversation.viewport().height()
    finally:
        workspace2.close()


def test_after_an_escalation_the_submitted_report_step_is_done_not_skipped(
    qtbot: Any,
) -> None:
    """Once in 3.5 the step bar showed 3.4 as "skipped" although the learner had just
    submitted the 3.4 report: only the steps the escalation jumped over are skipped."""
    from trainer.ui.widgets.step_bar import StepBar

    bar = StepBar()
    qtbot.addWidget(bar)
    played = {"questioning", "feedback", "reflecting"}
    bar.set_step("reflecting", escalated_at="questioning", visited=played)
    states = {step: item.property("state") for step, item in bar.items.items()}
    assert states == {
        "questioning": "escalated",
        "clarifying": "skipped",
        "resolving": "skipped",
        "feedback": "done",
        "reflecting": "current",
    }
    assert bar.items["feedback"].text().startswith("✓")


def test_answer_boxes_hold_their_lines_without_a_scroll_bar(qtbot: Any) -> None:
    """A fixed 64 px box showed a scroll bar over the text from the second line on."""
    from PySide6.QtWidgets import QVBoxLayout

    from trainer.ui.app import style_sheet
    from trainer.ui.widgets.common import NoteEdit

    holder = QWidget()
    holder.setStyleSheet(style_sheet(1.0))
    layout = QVBoxLayout(holder)
    edit = NoteEdit(3)
    layout.addWidget(edit)
    layout.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(400, 400)
    holder.show()
    edit.setPlainText("第一行\n第二行\n第三行")
    qtbot.waitUntil(lambda: edit.height() == edit.sizeHint().height())
    assert edit.verticalScrollBar().maximum() == 0
    edit.appendPlainText("第四行")
    qtbot.waitUntil(lambda: edit.verticalScrollBar().maximum() > 0)  # more than 3: scrolls
    small = edit.sizeHint().height()
    holder.setStyleSheet(style_sheet(1.5))  # what Ctrl+= does, in larger steps
    assert edit.sizeHint().height() > small  # follows the text size


def test_a_missing_rating_takes_the_keyboard_to_it(qtbot: Any, window: MainWindow) -> None:
    """Ctrl+Enter with ratings missing said so below the fold; the keyboard stayed in
    the first answer box. Now it goes to the first missing rating."""
    start_case(qtbot, window)
    _activate(qtbot, window)
    _play_until(window, window.play.report)
    assert window.play.runner is not None
    fill_report(qtbot, window, ExpertPolicy().next_action(window.play.runner.session))
    form = window.play.reflection
    form.set_rating("3.1", 4)
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "3.2" in form.error.text()
    assert QApplication.focusWidget() is form.groups["3.2"].button(1)


def test_after_a_language_switch_the_keyboard_is_in_the_page(
    qtbot: Any, window: MainWindow
) -> None:
    """View -> Language rebuilds every page; the keyboard was then nowhere and the
    first Tab went to the app bar. Now it is back in the page shown."""
    from .conftest import play_steps

    start_case(qtbot, window)
    _activate(qtbot, window)
    play_steps(qtbot, window)
    assert window.stack.currentWidget() is window.sheet
    # chosen in the menu as a learner does: the menu's popup was open during the switch
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    english = next(a for a in window.language_group.actions() if a.data() == "en")
    menu = next(m for m in english.associatedObjects() if isinstance(m, QMenu))
    menu.popup(window.mapToGlobal(QPoint(100, 100)))
    qtbot.waitExposed(menu)
    menu.setActiveAction(english)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert window.lang == "en"
    try:
        sheet = window.sheet
        assert window.stack.currentWidget() is sheet

        def inside() -> bool:
            focus = QApplication.focusWidget()
            return focus is not None and sheet.isAncestorOf(focus)

        qtbot.waitUntil(inside, timeout=2000)
    finally:
        window.set_language("zh-TW")


def test_english_library_filters_show_their_whole_all_entry(qtbot: Any, window: MainWindow) -> None:
    """At 1366 px in English "All complaint types" was cut to "All complaint typ"."""
    from trainer.ui.app import style_sheet

    window.setStyleSheet(style_sheet(1.0))
    window.set_language("en")
    try:
        window.create_learner("Amy", "", "")
        library = window.library
        combos = (library.setting, library.ctype, library.difficulty, library.language)
        assert all(c.itemText(0).startswith("All") for c in combos)

        def whole() -> bool:
            return all(
                c.width() >= c.fontMetrics().horizontalAdvance(c.itemText(0)) + 30 for c in combos
            )

        qtbot.waitUntil(whole, timeout=3000)
        assert library.status.itemText(0) == "Done or not"  # not a bare "All"
    finally:
        window.set_language("zh-TW")


def test_the_windows_own_words_follow_the_ui_language_in_a_chinese_attempt(
    qtbot: Any, window: MainWindow
) -> None:
    """An attempt begun in Chinese and resumed with the English UI read
    "Coach · 最佳 · Great choice" and "Outcome: 已解決"."""
    from PySide6.QtWidgets import QLabel

    from trainer.ui import app as appmod
    from trainer.ui.pages.play_render import OUTCOME_EN

    start_case(qtbot, window)
    _play_until(window, window.play.report)
    assert window.play.runner is not None
    attempt_id = window.play.runner.attempt_id
    qapp = QApplication.instance()
    assert qapp is not None
    appmod.set_language(qapp, "en")
    try:
        window.resume_attempt(attempt_id)  # the attempt keeps its language, zh-TW
        play = window.play
        notes = [t for k, t in play.conversation.entries if k == "note"]
        assert f"Outcome: {OUTCOME_EN['resolved']}" in notes, notes
        titles = [
            lab.text()
            for lab in play.conversation.findChildren(QLabel)
            if lab.text().startswith("Coach")
        ]
        assert titles and not any("最佳" in t or "良好" in t for t in titles), titles
    finally:
        appmod.set_language(qapp, "zh-TW")


def test_enter_presses_the_focused_button(
    qtbot: Any, window: MainWindow, no_modals: dict[str, list[Any]]
) -> None:
    """Tab to "Restart" and Enter did nothing (the page's Enter sends an option, and
    Qt buttons outside dialogs ignore Enter); Space was the only way."""
    start_case(qtbot, window)
    _activate(qtbot, window)
    play = window.play
    assert play.runner is not None
    first = play.runner.attempt_id
    play.restart_button.setFocus()
    qtbot.keyClick(play.restart_button, Qt.Key.Key_Return)
    assert no_modals["ask"], "the restart question was not asked"
    assert play.runner is not None and play.runner.attempt_id != first
    # a button elsewhere in the window: the library's start button
    window.show_library()
    library = window.library
    library.start_button.setFocus()
    qtbot.keyClick(library.start_button, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is play


def test_history_keeps_room_for_the_case_title(qtbot: Any, window: MainWindow) -> None:
    """At 1280 px with larger text the title column shrank to "Bei…" beside five wide
    one-line score headers; the headers are two lines now and the title has a tooltip."""
    from trainer.ui.app import style_sheet

    window.setStyleSheet(style_sheet(1.3))
    window.resize(1280, 720)
    window.set_language("en")
    try:
        window.create_learner("Amy", "", "")
        window.start_case(CASE_ID, "practice")
        window.show_history()
        table = window.history.table
        title = table.item(0, 1)
        assert title is not None and title.toolTip() == title.text()
        needed = table.fontMetrics().horizontalAdvance("Beitou hot")  # ~10 characters

        def fits() -> bool:
            return table.columnWidth(1) >= needed and table.horizontalScrollBar().maximum() == 0

        qtbot.waitUntil(fits, timeout=3000)
    finally:
        window.set_language("zh-TW")


def test_the_focused_sheet_shows_its_ring(qtbot: Any, window: MainWindow) -> None:
    """The sheet's own id rule (#sheetBrowser) overrode the generic focus ring."""
    from trainer.ui.app import style_sheet

    from .conftest import play_steps

    window.setStyleSheet(style_sheet(1.0))
    start_case(qtbot, window)
    _activate(qtbot, window)
    play_steps(qtbot, window)
    browser = window.sheet.browser
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    image = browser.grab().toImage()
    assert image.pixelColor(0, image.height() // 2).name() == "#2a5bd7"


def test_try_again_says_what_was_replayed(qtbot: Any, window: MainWindow) -> None:
    """ "Try again from here" said "Resumed where you left off", as after a crash."""
    from .conftest import play_steps

    start_case(qtbot, window)
    play_steps(qtbot, window)
    assert window.play.runner is not None
    finished = window.play.runner.attempt_id
    window.try_again_from(finished, 2)
    notes = [t for k, t in window.play.conversation.entries if k == "note"]
    assert "前 2 個決定照原樣重播，從這裡重新選擇。" in notes
    assert "已從上次中斷的地方繼續。" not in notes


def test_tab_leaves_the_history_table(qtbot: Any, window: MainWindow) -> None:
    """Tab walked the history table cell by cell instead of going to its buttons."""
    start_case(qtbot, window)
    _activate(qtbot, window)
    window.show_history()
    history = window.history
    history.table.setFocus()
    qtbot.waitUntil(history.table.hasFocus)
    assert _tab(qtbot) is history.replay_button


def test_arrow_keys_step_a_replay_from_its_buttons(qtbot: Any, window: MainWindow) -> None:
    """→ with the keyboard on "Next" moved the focus (Qt 6 buttons take arrow keys)
    instead of stepping the replay."""
    from .conftest import play_steps

    start_case(qtbot, window)
    _activate(qtbot, window)
    play_steps(qtbot, window)
    assert window.play.runner is not None
    window.replay_attempt(window.play.runner.attempt_id)
    play = window.play
    assert play.replaying and play.replay_pos == 0
    qtbot.waitUntil(play.next_button.hasFocus)
    qtbot.keyClick(play.next_button, Qt.Key.Key_Right)
    qtbot.keyClick(play.next_button, Qt.Key.Key_Right)
    assert play.replay_pos == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert play.replay_pos == 1
    assert play.isAncestorOf(QApplication.focusWidget())
