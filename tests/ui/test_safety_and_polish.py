"""Markup shown literally, broken case files, settings, shortcuts, the instructor hook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from trainer.paths import builtin_cases_dir, user_cases_dir
from trainer.settings import Settings
from trainer.ui.main_window import MainWindow

from .conftest import CASE_ID, open_window, play_steps

MARKUP = '<b>x</b><img src="file:///etc/passwd">'


def _markup_case(root: Path) -> str:
    source = (builtin_cases_dir() / f"{CASE_ID}.yaml").read_text(encoding="utf-8")
    text = source.replace(f"id: {CASE_ID}", "id: markup-case", 1)
    text = text.replace(
        "  zh-TW: 北投溫泉旅館：結婚紀念日的湯屋不熱", f"  zh-TW: '{MARKUP} 標題'", 1
    )
    text = text.replace("    zh-TW: 你們的湯屋水根本是溫的！", f"    zh-TW: '{MARKUP}' # ", 1)
    folder = user_cases_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "markup-case.yaml").write_text(text, encoding="utf-8")
    (folder / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    return "markup-case"


def _labels_with(widget: Any, needle: str) -> list[QLabel]:
    return [lab for lab in widget.findChildren(QLabel) if needle in lab.text()]


def test_markup_in_names_free_text_and_cases_is_shown_literally(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    """`<b>x</b><img ...>` in a learner name, free text and a case string stays literal."""
    case_id = _markup_case(data_dir)
    window, workspace = open_window(qtbot, data_dir)
    try:
        assert case_id in workspace.library.cases, workspace.library.broken
        learner = workspace.store.create_learner(MARKUP)
        window.show_profiles()
        shown = _labels_with(window.profiles, "<b>x</b>")
        assert shown and all(lab.textFormat() == Qt.TextFormat.PlainText for lab in shown)
        window.choose_learner(learner)
        assert _labels_with(window.library, MARKUP + " 標題")
        window.start_case(case_id, "practice")
        title_labels = _labels_with(window.play, MARKUP)
        assert title_labels and all(
            lab.textFormat() == Qt.TextFormat.PlainText for lab in title_labels
        )
        assert ("customer", MARKUP) in window.play.conversation.entries
        play_steps(qtbot, window, free_text=MARKUP)
        assert window.stack.currentWidget() is window.sheet
        text = window.sheet.browser.toPlainText()
        assert text.count(MARKUP) >= 3  # learner name, case title, free text
        assert "<b>" not in window.sheet.browser.toHtml().replace("&lt;b&gt;", "")
        assert window.sheet.title.textFormat() == Qt.TextFormat.PlainText
    finally:
        workspace.close()


def test_broken_case_is_listed_as_unavailable(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    """A bad case file does not crash the app: the library lists it with the reason."""
    _markup_case(data_dir)
    window, workspace = open_window(qtbot, data_dir)
    try:
        window.create_learner("小美", "", "")
        assert window.library.broken.isVisibleTo(window)
        assert "broken.yaml" in window.library.broken.text()
        assert no_modals["error"] == []
    finally:
        workspace.close()


def test_hidden_mood_meter_setting(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    """show_mood_meter=false (set by the instructor) hides the meter from learners."""
    Settings.load(data_dir)["show_mood_meter"] = False
    assert '"show_mood_meter": false' in (data_dir / "settings.json").read_text()
    window, workspace = open_window(qtbot, data_dir)
    try:
        window.create_learner("小美", "", "")
        window.start_case(CASE_ID, "practice")
        assert not window.play.customer.mood_row.isVisibleTo(window)
    finally:
        workspace.close()


def test_text_scale_shortcuts_and_instructor_hook(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+= / Ctrl+- scale the text; the instructor menu entry asks for the PIN."""
    scales: list[float] = []
    window.on_scale = scales.append
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert scales == [1.1, 1.2, 1.1]
    assert Settings.load(window.root)["font_scale"] == 1.1
    menus = [a.text() for a in window.menuBar().actions()]
    assert any("教師" in m for m in menus)
    from trainer.ui.instructor import pin_dialog

    asked: list[Any] = []
    monkeypatch.setattr(pin_dialog, "ask_new_pin", lambda parent: asked.append(parent))
    window.open_instructor_area()
    assert asked == [window]  # first use: set a PIN (cancelled here)


def test_every_option_button_has_an_accessible_name(qtbot: Any, window: MainWindow) -> None:
    """Controls carry accessible names (screen readers, UI automation)."""
    window.create_learner("小美", "", "")
    window.start_case(CASE_ID, "practice")
    for button in window.play.options.buttons:
        assert button.accessibleName()
    for widget in (window.play.options.free_text, window.play.options.send, window.library.search):
        assert widget.accessibleName()


def test_settings_survive_a_damaged_file(data_dir: Path) -> None:
    """A broken settings.json falls back to the defaults instead of stopping the app."""
    (data_dir / "settings.json").write_text("{not json", encoding="utf-8")
    settings = Settings.load(data_dir)
    assert settings["show_mood_meter"] is True and settings["language"] == "zh-TW"
    settings["mode"] = "assessment"
    assert Settings.load(data_dir)["mode"] == "assessment"
