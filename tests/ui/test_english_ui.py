"""The English UI: the committed .ts/.qm are complete and current, the real main
window shows English with language "en" and Chinese with "zh-TW", and the
View → Language menu saves the choice."""

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
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.conftest import CASE_ID
from trainer.core import vocab
from trainer.service import Workspace
from trainer.settings import Settings
from trainer.ui import app as appmod
from trainer.ui import labels
from trainer.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "trainer_en.ts"
QM = REPO / "resources" / "translations" / "trainer_en.qm"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
ACCEL = re.compile(r"&\w")  # a menu accelerator such as &F


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) for every message of a .ts file."""
    root = ET.parse(path).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))  # type: ignore[misc]
        for ctx in root.findall("context")
        for m in ctx.findall("message")
    ]


def ui_sources() -> list[str]:
    # The instructor area keeps its bilingual hard-coded labels; it has no tr() calls.
    return sorted(
        str(p.relative_to(REPO))
        for p in (REPO / "trainer" / "ui").rglob("*.py")
        if "instructor" not in p.parts
    )


# -- the translation files -------------------------------------------------------


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 200
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        assert translation is not None, where
        assert translation.get("type") is None, f"unfinished or obsolete: {where}"
        text = translation.text or ""
        assert text.strip(), f"empty translation: {where}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert bool(ACCEL.search(source)) == bool(ACCEL.search(text)), f"accelerator lost: {where}"
        assert source.count("\n") == text.count("\n"), f"line count differs: {where}"
    indicators = {src: tr.text for ctx, src, tr in found if ctx == "Vocab"}
    assert [indicators[vocab.INDICATOR_LABELS[i]["zh-TW"]] for i in vocab.INDICATORS] == [
        "Questioning",
        "Clarifying",
        "Resolving",
        "Feedback",
        "Reflecting",
    ]


FULL_WIDTH = re.compile("[（）：，、。；！？「」『』　～]")
HAN = re.compile("[\u4e00-\u9fff]")


def test_english_texts_use_ascii_punctuation() -> None:
    """No full-width brackets, commas, colons or enumeration commas in English text
    (entries deliberately bilingual, which also hold Chinese, aside)."""
    for context, _source, translation in messages(TS):
        text = translation.text or ""
        if HAN.search(text):
            continue
        assert not FULL_WIDTH.search(text), f"{context}: {text!r}"


def test_ts_lists_exactly_the_strings_in_the_sources(tmp_path: Path) -> None:
    """Regenerating the .ts from today's sources finds nothing new and nothing gone."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [tool, "-no-obsolete", *ui_sources(), "-ts", str(fresh)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=60,
    )
    want = {(c, s) for c, s, _ in messages(fresh)}
    have = {(c, s) for c, s, _ in messages(TS)}
    assert want - have == set(), (
        "strings missing from the .ts: run the lupdate command in resources/translations/README.md"
    )
    assert have - want == set(), "stale strings in the .ts"


def test_committed_qm_carries_every_translation() -> None:
    """The .qm is compiled from the current .ts (users need no Qt tools)."""
    translator = QTranslator()
    assert translator.load(str(QM))
    for context, source, translation in messages(TS):
        assert translator.translate(context, source) == translation.text, f"{context}: {source!r}"


def test_labels_module_lists_every_vocab_label() -> None:
    needed = {vocab.INDICATOR_LABELS[i]["zh-TW"] for i in vocab.INDICATORS}
    needed |= set(vocab.SETTINGS.values()) | set(vocab.COMPLAINT_TYPES.values())
    assert needed - set(labels.SOURCES) == set()


def test_translator_loads_from_the_package_not_the_cwd(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english: None
) -> None:
    monkeypatch.chdir(tmp_path)
    assert appmod.install_translator(qapp, "en")
    assert QCoreApplication.translate("Vocab", "提問") == "Questioning"
    assert not appmod.install_translator(qapp, "xx")


# -- the real window ---------------------------------------------------------------


@pytest.fixture
def english() -> Iterator[None]:
    """Remove any translator installed by the test, so other tests stay Chinese."""
    yield
    app = QApplication.instance()
    while appmod._TRANSLATORS:
        app.removeTranslator(appmod._TRANSLATORS.pop())  # type: ignore[union-attr]


def build_window(qtbot: Any, root: Path, lang: str) -> tuple[MainWindow, Workspace]:
    settings = Settings.load(root)
    settings["language"] = lang
    app = QApplication.instance()
    assert app is not None
    assert appmod.install_translator(app, lang)
    workspace = Workspace.open(root)
    window = MainWindow(root, Settings.load(root), workspace=workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window, workspace


def enter_case(qtbot: Any, window: MainWindow) -> None:
    profiles = window.profiles
    profiles.name.setText("Amy")
    qtbot.mouseClick(profiles.create_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.library
    window.start_case(CASE_ID, "practice")
    assert window.stack.currentWidget() is window.play


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def language_menu(window: MainWindow) -> QMenu:
    view = next(a.menu() for a in window.menuBar().actions() if a.menu() and "V" in a.text())
    assert isinstance(view, QMenu)
    sub = next(a.menu() for a in view.actions() if a.menu())
    assert isinstance(sub, QMenu)
    return sub


def test_english_window(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]], english: None
) -> None:
    window, workspace = build_window(qtbot, data_dir, "en")
    try:
        assert menu_titles(window) == ["&File", "&Go", "&View", "&Instructor", "&Help"]
        assert window.windowTitle() == "Complaint Handling Trainer"
        assert window.nav_library.text() == "Case library"
        assert window.nav_history.text() == "History"
        assert window.profiles.create_button.text() == "Create and start"
        enter_case(qtbot, window)
        library = window.library
        assert library.practice.text() == "Practice (instant feedback and hints)"
        assert library.setting.itemText(1) == "Accommodation"
        assert library.greeting.text() == "Amy, pick a case to start"
        play = window.play
        steps = [item.text() for item in play.steps.items.values()]
        assert steps[0].endswith("3.1  Questioning") and steps[4] == "3.5  Reflecting"
        assert play.mode_chip.text() == "Practice"
        assert play.title.text().startswith("Beitou hot-spring hotel")
        assert play.options.prompt.text().startswith("Pick a question to ask the customer")
        window.show_history()
        header = window.history.table.horizontalHeaderItem(4)
        assert header.text() == "3.1" and header.toolTip() == "3.1 Questioning"
        status = window.history.table.item(0, 3).text()
        assert status == "In progress"
        assert not no_modals["error"]
    finally:
        workspace.close()


def test_chinese_window(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]], english: None
) -> None:
    window, workspace = build_window(qtbot, data_dir, "zh-TW")
    try:
        assert menu_titles(window) == ["檔案(&F)", "前往(&G)", "檢視(&V)", "教師(&T)", "說明(&H)"]
        assert window.nav_library.text() == "個案庫"
        enter_case(qtbot, window)
        assert window.library.setting.itemText(1) == "住宿業者"
        steps = [item.text() for item in window.play.steps.items.values()]
        assert steps[0].endswith("3.1  提問")
        assert window.play.mode_chip.text() == "練習模式"
        window.show_history()
        assert window.history.table.horizontalHeaderItem(4).toolTip() == "3.1 提問"
    finally:
        workspace.close()


def test_language_switches_at_once_mid_case_with_qt_dialogs_too(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]], english: None
) -> None:
    """View → Language swaps the whole window without a restart, keeps the learner in
    the attempt (same runner, conversation rebuilt from the log), and Qt's own dialog
    texts follow (qtbase_zh_TW)."""
    window, workspace = build_window(qtbot, data_dir, "en")
    try:
        enter_case(qtbot, window)
        runner = window.play.runner
        assert runner is not None
        runner_id = runner.attempt_id
        window.play._act(
            __import__("trainer.core.autoplay", fromlist=["x"])
            .ExpertPolicy()
            .next_action(runner.session)
        )
        menu = language_menu(window)
        assert menu.title() == "Language 語言"
        actions = {a.data(): a for a in menu.actions()}
        assert [a.text() for a in menu.actions()] == ["中文（台灣）", "English"]
        assert actions["en"].isChecked() and not actions["zh-TW"].isChecked()
        actions["en"].trigger()  # already English: nothing happens
        actions["zh-TW"].trigger()
        assert Settings.load(data_dir)["language"] == "zh-TW"
        assert menu_titles(window) == ["檔案(&F)", "前往(&G)", "檢視(&V)", "教師(&T)", "說明(&H)"]
        assert window.nav_library.text() == "個案庫"
        play = window.play
        assert window.stack.currentWidget() is play
        assert play.runner is not None and play.runner.attempt_id == runner_id
        assert play.mode_chip.text() == "練習模式"
        assert play.steps.items["questioning"].text().endswith("3.1  提問")
        assert sum(1 for k, _ in play.conversation.entries if k == "learner") == 1
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert not no_modals["info"], "no restart message any more"
        language_menu(window).actions()[1].trigger()
        assert Settings.load(data_dir)["language"] == "en"
        assert window.nav_library.text() == "Case library"
        assert window.play.options.prompt.text()
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        workspace.close()


def test_long_metric_captions_end_in_an_ellipsis_with_the_full_text_as_tooltip(qtbot: Any) -> None:
    from trainer.ui.widgets.policy_panel import Metric

    metric = Metric("Your authority", False)
    qtbot.addWidget(metric)
    metric.value.setText("NT$2,000")
    metric.caption.set_caption("More: ask a manager")
    metric.resize(600, 60)
    metric.show()
    qtbot.waitExposed(metric)
    assert metric.caption.text() == "More: ask a manager"
    metric.resize(150, 60)
    qtbot.wait(10)
    assert metric.caption.text().endswith("…")
    assert metric.caption.toolTip() == "More: ask a manager"
