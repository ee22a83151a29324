"""The case library: a card is one target (click selects, double-click / Enter starts,
arrows move), Chinese-only cases carry a 中文 badge, and the language filter works."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from trainer.ui.main_window import MainWindow

from .conftest import CASE_ID, open_window

ZH_ONLY = "beitou-zh-only"


def _zh_only_case(root: Path) -> None:
    """A copy of the Beitou case declared Chinese-only, installed as a user case."""
    source = Path(__file__).resolve().parents[2] / "data" / "cases" / f"{CASE_ID}.yaml"
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^id: .*$", f"id: {ZH_ONLY}", text, count=1, flags=re.M)
    text = re.sub(r"^languages: .*$", "languages: [zh-TW]", text, count=1, flags=re.M)
    (root / "cases").mkdir(parents=True, exist_ok=True)
    (root / "cases" / f"{ZH_ONLY}.yaml").write_text(text, encoding="utf-8")


def _library(qtbot: Any, root: Path) -> tuple[MainWindow, Any]:
    window, workspace = open_window(qtbot, root)
    learner = workspace.store.create_learner("王小明", None, None)
    window.choose_learner(learner)
    assert window.stack.currentWidget() is window.library
    return window, workspace


def test_a_click_anywhere_on_a_card_selects_it_and_a_double_click_starts(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    window, workspace = _library(qtbot, data_dir)
    try:
        library = window.library
        second = library.list.item(1)
        card = library.list.itemWidget(second)
        title = card.findChildren(QLabel)[0]
        assert not title.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        where = title.mapTo(library.list.viewport(), QPoint(10, title.height() // 2))
        qtbot.mouseClick(library.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
        assert library.list.currentItem() is second
        qtbot.keyClick(library.list, Qt.Key.Key_Down)
        assert library.list.currentRow() == 2
        qtbot.keyClick(library.list, Qt.Key.Key_Up)
        qtbot.mouseDClick(library.list.viewport(), Qt.MouseButton.LeftButton, pos=where)
        assert window.stack.currentWidget() is window.play
        assert window.play.runner is not None
        assert window.play.runner.case.id == second.data(Qt.ItemDataRole.UserRole)
    finally:
        workspace.close()


def test_cards_are_as_tall_as_their_text(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    """No summary is clipped: every card's height fits its wrapped text."""
    window, workspace = _library(qtbot, data_dir)
    try:
        library = window.library
        for i in range(library.list.count()):
            item = library.list.item(i)
            card = library.list.itemWidget(item)
            need = card.layout().totalHeightForWidth(card.width())
            assert item.sizeHint().height() >= need, item.data(Qt.ItemDataRole.UserRole)
    finally:
        workspace.close()


def test_chinese_only_cases_have_a_badge_and_a_filter(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    _zh_only_case(data_dir)
    window, workspace = _library(qtbot, data_dir)
    try:
        library = window.library
        assert ZH_ONLY in library.visible_case_ids(), workspace.library.broken
        rows = {r.case_id: r for r in library.rows}
        assert not rows[ZH_ONLY].has_english and rows[CASE_ID].has_english
        index = [r.case_id for r in library.rows].index(ZH_ONLY)
        badges = [
            lab.text()
            for lab in library.list.itemWidget(library.list.item(index)).findChildren(QLabel)
        ]
        assert "中文" in badges
        library.language.setCurrentIndex(library.language.findData("en"))
        assert ZH_ONLY not in library.visible_case_ids() and CASE_ID in library.visible_case_ids()
        library.language.setCurrentIndex(library.language.findData("zh-only"))
        assert library.visible_case_ids() == [ZH_ONLY]
        assert window.settings["library_language"] == "zh-only"
    finally:
        workspace.close()
