"""The instructor area in English: its own catalogue (trainer_instructor_en.ts/.qm)
is complete and current, the window shows no Chinese in English and Chinese in
zh-TW, and View → Language (app.set_language) switches the open window at once."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from tests.ui import conftest as ui_conftest
from tests.ui.conftest import open_window
from trainer.exchange.instructor import MAX_PIN, MIN_PIN
from trainer.service import Workspace
from trainer.settings import Settings
from trainer.ui import app as appmod
from trainer.ui.instructor import open_instructor_area
from trainer.ui.instructor.pin_dialog import PinDialog
from trainer.ui.instructor.window import InstructorWindow

no_modals = ui_conftest.no_modals  # the learner window's fixture
REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "trainer_instructor_en.ts"
QM = REPO / "resources" / "translations" / "trainer_instructor_en.qm"
SOURCES = sorted(str(p.relative_to(REPO)) for p in (REPO / "trainer/ui/instructor").glob("*.py"))
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")
HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
FULL_WIDTH = re.compile("[（）：，、。；！？「」『』　～／]")


def messages(path: Path) -> list[tuple[str, str, list[str], ET.Element]]:
    """(context, source, translated forms, <translation>) for every message."""
    root = ET.parse(path).getroot()
    out = []
    for ctx in root.findall("context"):
        for m in ctx.findall("message"):
            tr = m.find("translation")
            assert tr is not None
            forms = [f.text or "" for f in tr.findall("numerusform")]
            if m.get("numerus") != "yes":
                forms = [tr.text or ""]
            out.append((ctx.findtext("name") or "", m.findtext("source") or "", forms, m))
    return out


# -- the catalogue -------------------------------------------------------------------


def test_every_instructor_message_is_translated_in_ascii_with_the_same_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 200
    for context, source, forms, message in found:
        where = f"{context}: {source!r}"
        tr = message.find("translation")
        assert tr is not None and tr.get("type") is None, f"unfinished or obsolete: {where}"
        numerus = message.get("numerus") == "yes"
        assert len(forms) == (2 if numerus else 1), where  # English: singular and plural
        for text in forms:
            assert text.strip(), f"empty translation: {where}"
            assert not HAN.search(text), f"Chinese left in English: {where}"
            assert not FULL_WIDTH.search(text), f"full-width punctuation: {where} -> {text!r}"
            want = set(PLACEHOLDER.findall(source))
            assert set(PLACEHOLDER.findall(text)) - {"%n"} == want - {"%n"}, where
            assert ("%n" in text) == ("%n" in want) or text == forms[0] != forms[-1], where
            assert source.count("\n") == text.count("\n"), f"line count differs: {where}"
        if numerus:  # the singular may say "the last attempt" without the number
            assert "%n" in forms[1], where
            assert forms[0] != forms[1] or "%n below" in forms[0], f"no plural: {where}"


def test_instructor_ts_lists_exactly_the_strings_in_the_sources(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [tool, "-no-obsolete", *SOURCES, "-ts", str(fresh)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=60,
    )
    want = {(c, s) for c, s, _f, _m in messages(fresh)}
    have = {(c, s) for c, s, _f, _m in messages(TS)}
    assert want - have == set(), "strings missing: run the lupdate line in resources/translations"
    assert have - want == set(), "stale strings in trainer_instructor_en.ts"


def test_committed_instructor_qm_carries_every_translation_and_plural() -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    for context, source, forms, message in messages(TS):
        if message.get("numerus") == "yes":
            assert translator.translate(context, source, None, 1) == forms[0], source
            assert translator.translate(context, source, None, 5) == forms[1], source
        else:
            assert translator.translate(context, source) == forms[0], f"{context}: {source!r}"


# -- the window --------------------------------------------------------------------


@pytest.fixture
def language(data_dir: Path) -> Iterator[Settings]:
    """The data dir's settings; afterwards no translator is left (other tests stay zh-TW)."""
    yield Settings.load(data_dir)
    app = QApplication.instance()
    while appmod._TRANSLATORS:
        app.removeTranslator(appmod._TRANSLATORS.pop())  # type: ignore[union-attr]
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan))


def switch(settings: Settings, lang: str) -> None:
    """What View → Language does (MainWindow.set_language): save, then swap translators."""
    settings["language"] = lang
    app = QApplication.instance()
    assert app is not None
    assert appmod.set_language(app, lang)


def open_area(qtbot: Any, workspace: Workspace) -> InstructorWindow:
    window = open_instructor_area(None, workspace)
    assert window is not None
    qtbot.addWidget(window)
    return window


def visible_texts(window: InstructorWindow) -> dict[str, str]:
    """Every label, button, tab, column header, placeholder and accessible name of the
    instructor's own pages ("where" -> text). Combo items are data or language names."""
    out: dict[str, str] = {"window title": window.windowTitle()}
    body = window.body  # the pages of the language before a switch wait for deleteLater
    assert body is not None
    widgets = [
        w
        for w in body.findChildren(QWidget)
        if not window.cases.isAncestorOf(w)  # the case editor: the learner app's catalogue
    ]
    for i, w in enumerate(widgets):
        where = f"{type(w).__name__}#{i}"
        if isinstance(w, QLabel):
            out[where] = w.text()
        if isinstance(w, QAbstractButton) and w is not window.language_button:
            out[where] = w.text()  # the language switch names the other language in it
            out[where + " tooltip"] = w.toolTip()
        if isinstance(w, QTabWidget):
            for t in range(w.count()):
                out[f"{where} tab {t}"] = w.tabText(t)
        if isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                header = w.horizontalHeaderItem(c)
                out[f"{where} column {c}"] = header.text() if header else ""
        if isinstance(w, QLineEdit | QPlainTextEdit):
            out[where + " placeholder"] = w.placeholderText()
        if isinstance(w, QAbstractSpinBox):
            out[where + " special"] = w.specialValueText()
        if not isinstance(w, QComboBox) or w.accessibleName():
            out[where + " name"] = w.accessibleName()
    return {k: v for k, v in out.items() if v}


def test_english_instructor_window_has_no_chinese_label(
    qtbot: Any, workspace: Workspace, shown: dict[str, list[Any]], language: Settings
) -> None:
    switch(language, "en")
    window = open_area(qtbot, workspace)
    window.show()
    texts = visible_texts(window)
    assert len(texts) > 150
    chinese = {k: v for k, v in texts.items() if HAN.search(v)}
    assert chinese == {}
    assert window.windowTitle() == "Instructor area"
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:6] == ["Dashboard", "Learners", "Merge", "Export", "Portfolios", "Class"]
    assert window.dashboard.summary.text() == "0 learners · 0 attempts · 0 below 60"
    assert window.attempts.review.indicator.accessibleName() == "Item to adjust"
    assert window.attempts.review.indicator.itemText(1) == "3.1 Questioning"
    pins = f"{MIN_PIN}–{MAX_PIN}"
    assert window.settings_page.new_pin.accessibleName() == f"New PIN ({pins} characters)"
    assert window.lrs.user.accessibleName() == "LRS user"
    assert not shown["error"]


def test_chinese_instructor_window_and_live_switch_both_ways(
    qtbot: Any, workspace: Workspace, shown: dict[str, list[Any]], language: Settings
) -> None:
    """zh-TW labels are Chinese; switching the language while the window is open
    rebuilds it in English (same tab), and back."""
    window = open_area(qtbot, workspace)
    assert window.windowTitle() == "教師專區"
    assert window.lock_button.text() == "鎖定並關閉"
    assert window.attempts.review.indicator.accessibleName() == "調整項目"
    assert window.dashboard.summary.text() == "0 位學習者 · 0 次作答 · 0 位低於 60"
    labels = [w.text() for w in window.findChildren(QLabel) if w.text().strip()]
    assert labels and sum(bool(HAN.search(t)) for t in labels) >= len(labels) * 0.8
    window.tabs.setCurrentWidget(window.exports)
    old_button = window.exports.export_button

    switch(language, "en")
    qtbot.waitUntil(lambda: window.lock_button.text() == "Lock and close", timeout=5000)
    assert window.windowTitle() == "Instructor area"
    assert window.tabs.currentWidget() is window.exports  # the same tab, rebuilt
    assert window.exports.export_button is not old_button
    assert window.exports.export_button.text() == "Export…"
    assert window.dashboard.summary.text() == "0 learners · 0 attempts · 0 below 60"
    assert {k: v for k, v in visible_texts(window).items() if HAN.search(v)} == {}

    assert window.language_button.text() == "中文（台灣）"
    assert window.language_button.accessibleName() == "Switch to Chinese (Taiwan)"
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)  # back, from here
    qtbot.waitUntil(lambda: window.lock_button.text() == "鎖定並關閉", timeout=5000)
    assert Settings.load(workspace.root)["language"] == "zh-TW"
    assert window.exports.export_button.text() == "匯出…"
    assert window.tabs.currentWidget() is window.exports
    assert window.language_button.text() == "English"


def test_the_switch_in_the_area_switches_the_learner_window_too(
    qtbot: Any,
    data_dir: Path,
    shown: dict[str, list[Any]],
    no_modals: dict[str, list[Any]],
    language: Settings,
) -> None:
    """Opened from the learner window (whose menus wait while the area is open), the
    area's language switch is View → Language: both windows change at once."""
    main, workspace = open_window(qtbot, data_dir)
    try:
        area = open_instructor_area(main, workspace)
        assert area is not None
        qtbot.mouseClick(area.language_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: area.lock_button.text() == "Lock and close", timeout=5000)
        assert main.lang == "en" and main.nav_library.text() == "Case library"
        assert Settings.load(data_dir)["language"] == "en"
        assert {k: v for k, v in visible_texts(area).items() if HAN.search(v)} == {}
        area.close()
    finally:
        main.close()
        workspace.close()


def test_plurals_in_english(
    qtbot: Any, workspace: Workspace, shown: dict[str, list[Any]], language: Settings
) -> None:
    switch(language, "en")
    window = open_area(qtbot, workspace)
    page = window.dashboard
    assert page.tr("%n 位學習者", "", 1) == "1 learner"
    assert page.tr("%n 位學習者", "", 3) == "3 learners"
    imports = window.imports
    assert imports.tr("已合併 %n 個檔案，", "", 1) + imports.tr("新增 %n 筆資料。", "", 2) == (
        "Merged 1 file, 2 rows added."
    )


def test_pin_dialog_in_english(qtbot: Any, language: Settings) -> None:
    switch(language, "en")
    dialog = PinDialog(new=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Instructor area"
    assert dialog.again.accessibleName() == "PIN again"
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    assert any(t.startswith("First use of the instructor area") for t in texts)
    assert not any(HAN.search(t) for t in texts)
    dialog.pin.setText("1")
    pins = f"{MIN_PIN}–{MAX_PIN}"
    assert dialog.problem() == f"The PIN needs {pins} characters, with no spaces at either end."
