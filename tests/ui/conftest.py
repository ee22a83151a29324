"""Helpers for the UI tests: a main window on a fresh data dir, and a driver that
plays a case through the real widgets (number keys, Enter, clicks)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from trainer.core.autoplay import ExpertPolicy
from trainer.core.engine import Action
from trainer.service import Workspace
from trainer.settings import Settings
from trainer.ui import dialogs
from trainer.ui.main_window import MainWindow
from trainer.ui.widgets.options import ADVANCE

CASE_ID = "beitou-hot-spring-cold-water"


@pytest.fixture
def no_modals(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Replace every modal helper; record what would have been shown."""
    seen: dict[str, list[Any]] = {"ask": [], "info": [], "error": [], "print": []}

    def ask(parent: Any, title: str, text: str) -> bool:
        seen["ask"].append(text)
        return True

    monkeypatch.setattr(dialogs, "ask", ask)
    monkeypatch.setattr(dialogs, "info", lambda p, t, x: seen["info"].append(x))
    monkeypatch.setattr(dialogs, "error", lambda p, t, d=None: seen["error"].append((t, d)))
    monkeypatch.setattr(dialogs, "print_document", lambda p, doc: seen["print"].append(doc) or True)
    return seen


def open_window(qtbot: Any, root: Path) -> tuple[MainWindow, Workspace]:
    workspace = Workspace.open(root)
    window = MainWindow(root, Settings.load(root), workspace=workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window, workspace


@pytest.fixture
def window(qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]) -> Iterator[MainWindow]:
    win, workspace = open_window(qtbot, data_dir)
    yield win
    workspace.close()


def press_option(qtbot: Any, window: MainWindow, option_id: str, free_text: str = "") -> None:
    """Pick an option the way a learner does: its number key (or a click), then Enter."""
    play = window.play
    buttons = play.options.selectable()
    ids = [b.view.option_id for b in buttons]
    assert option_id in ids, f"{option_id} not offered; offered {ids}"
    index = ids.index(option_id)
    number = buttons[index].number  # the row's own number: asked rows keep theirs
    if number <= 9:
        qtbot.keyClick(play, getattr(Qt.Key, f"Key_{number}"))
    else:
        qtbot.mouseClick(buttons[index], Qt.MouseButton.LeftButton)
    assert play.options.selected() is buttons[index]
    if free_text:
        play.options.free_text.setText(free_text)
    qtbot.keyClick(play, Qt.Key.Key_Return)


def fill_report(qtbot: Any, window: MainWindow, action: Action) -> None:
    form = window.play.report
    payload = action.payload
    form.cause_buttons[payload["root_cause"]].click()
    for rid in payload["recipients"]:
        form.recipient_boxes[rid].click()
    form.preventive.setPlainText(payload["preventive"])
    form.profile_note.setPlainText(payload["profile_note"])
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert not form.error.text(), form.error.text()


def fill_reflection(qtbot: Any, window: MainWindow, action: Action) -> None:
    form = window.play.reflection
    for prompt_id, text in action.payload["answers"].items():
        form.edits[prompt_id].setPlainText(text)
    for indicator, value in action.payload["self_ratings"].items():
        qtbot.mouseClick(form.groups[indicator].button(value), Qt.MouseButton.LeftButton)
    qtbot.keyClick(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.error.text(), form.error.text()


def play_steps(qtbot: Any, window: MainWindow, limit: int = 200, free_text: str = "") -> int:
    """Follow the expert path through the widgets; returns the number of actions."""
    policy = ExpertPolicy()
    count = 0
    while count < limit:
        runner = window.play.runner
        assert runner is not None
        if runner.finished:
            break
        action = policy.next_action(runner.session)
        if action.name == "choose":
            assert action.option_id is not None
            press_option(qtbot, window, action.option_id, free_text if count == 0 else "")
        elif action.name == "advance":
            press_option(qtbot, window, ADVANCE)
        elif action.name == "report":
            assert window.play.action_area.currentWidget() is window.play.report
            fill_report(qtbot, window, action)
        else:
            assert window.play.action_area.currentWidget() is window.play.reflection
            fill_reflection(qtbot, window, action)
        count += 1
    return count


def start_case(
    qtbot: Any, window: MainWindow, name: str = "陳怡君", mode: str = "practice"
) -> None:
    profiles = window.profiles
    profiles.name.setText(name)
    profiles.student_no.setText("S1120")
    profiles.class_name.setText("觀光二甲")
    qtbot.mouseClick(profiles.create_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.library
    (window.library.assessment if mode == "assessment" else window.library.practice).setChecked(
        True
    )
    window.library.search.setText("北投")
    assert CASE_ID in window.library.visible_case_ids()
    window.library.list.setFocus()
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.play
