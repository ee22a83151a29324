"""Untrusted text everywhere: case text, learner names, free text and reflections.

One data folder holds a case whose every zh-TW string carries markup, an <img> with a
remote URL and a <script>, and a learner whose name is a spreadsheet formula plus the
same markup, with a finished attempt (free text and reflections included). Then:
- every widget of the learner app and the instructor pages shows it as plain text
  (QLabel PlainText; rich-text tooltips and documents have it escaped; no remote or
  file <img> source; no QTextBrowser opens external links);
- the reflection-sheet HTML escapes it, and the PDF holds it as text, with no link;
- CSV cells and XLSX cells never start a formula.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trainer.core.autoplay import ExpertPolicy
from trainer.core.engine import Action
from trainer.paths import builtin_cases_dir, user_cases_dir
from trainer.service import AttemptRunner, Workspace, load_sheet

CASE_ID = "hostile-text"
REMOTE = "203.0.113.9"  # TEST-NET-3: documentation addresses, never routed
MARK = f'<img src="http://{REMOTE}/x.png"><b>粗</b><script>s()</script><a href="file:///etc/passwd">連</a>'
FORMULA = f'=HYPERLINK("http://{REMOTE}/","點我")'
FREE = "@SUM(A1:A9)" + MARK
_ZH_LINE = re.compile(r"^(\s+)zh-TW: (?![|>]).*$")


def hostile_case() -> str:
    """The bundled case with every one-line zh-TW string replaced by hostile text."""
    source = (builtin_cases_dir() / "beitou-hot-spring-cold-water.yaml").read_text("utf-8")
    lines = []
    for n, line in enumerate(source.splitlines()):
        match = _ZH_LINE.match(line)
        if match:
            line = f"{match.group(1)}zh-TW: {json.dumps(f'{MARK} #{n}', ensure_ascii=False)}"
        lines.append(line)
    text = "\n".join(lines) + "\n"
    return text.replace("id: beitou-hot-spring-cold-water\n", f"id: {CASE_ID}\n", 1)


def hostile(text: str) -> bool:
    return "<img" in text or "<b>粗" in text or "<script" in text


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """(data folder, finished attempt id) with hostile case, learner and answers."""
    root = tmp_path_factory.mktemp("hostile")
    folder = user_cases_dir(root)
    folder.mkdir(parents=True)
    (folder / f"{CASE_ID}.yaml").write_text(hostile_case(), encoding="utf-8")
    workspace = Workspace.open(root)
    try:
        assert CASE_ID in workspace.library.cases, workspace.library.broken
        learner = workspace.store.create_learner(FORMULA + MARK, "+886" + MARK, "@班" + MARK)
        runner = AttemptRunner.start(workspace.store, workspace.library.get(CASE_ID), learner)
        policy = ExpertPolicy()
        first = True
        while not runner.finished:
            action = policy.next_action(runner.session)
            if first and action.name == "choose":
                action = Action.choose(action.option_id or "", free_text=FREE)
                first = False
            elif action.name == "reflect":
                answers = {k: "-2+3" + MARK for k in action.payload["answers"]}
                action = Action.reflect(answers, action.payload["self_ratings"])
            runner.act(action)
        yield root, runner.attempt_id
    finally:
        workspace.close()


# -- generated documents ---------------------------------------------------------------


def test_sheet_html_escapes_everything(hostile_root: tuple[Path, str]) -> None:
    from trainer.render.sheet_html import sheet_html

    root, attempt_id = hostile_root
    workspace = Workspace.open(root)
    try:
        page = sheet_html(load_sheet(workspace, attempt_id))
    finally:
        workspace.close()
    assert "&lt;img" in page and "&lt;script&gt;" in page  # shown, as text
    assert f'http://{REMOTE}/x.png"' not in page.replace("&quot;", "")
    assert "<script" not in page and "file:///" not in page.replace("&quot;file:///", "")
    assert not re.search(r"<img[^>]+src=[\"'](?:https?|file):", page)
    assert not re.search(r"<a\s[^>]*href=", page)


def test_pdf_holds_text_not_links(hostile_root: tuple[Path, str], qapp: Any) -> None:
    pypdf = pytest.importorskip("pypdf")
    from trainer.render.report_pdf import write_attempt_pdf

    root, attempt_id = hostile_root
    out = root.parent / "sheet.pdf"
    workspace = Workspace.open(root)
    try:
        write_attempt_pdf(workspace, attempt_id, out)
    finally:
        workspace.close()
    data = out.read_bytes()
    assert b"/URI" not in data and b"/Launch" not in data
    text = "".join(page.extract_text() or "" for page in pypdf.PdfReader(out).pages)
    assert "script" in text  # the markup is printed as characters


# -- spreadsheets ---------------------------------------------------------------------

DANGER = ("=", "+", "-", "@")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def test_csv_cells_never_start_a_formula(hostile_root: tuple[Path, str]) -> None:
    from trainer.exchange.csv_export import export_csv

    root, _ = hostile_root
    out = root.parent / "csv"
    export_csv(root, out)
    seen_name = False
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not (cell.startswith(DANGER) and not NUMBER.fullmatch(cell)), (
                        path.name,
                        cell[:60],
                    )
                    seen_name |= cell.startswith("'=HYPERLINK")
    assert seen_name  # the learner's name is there, neutralised


def test_xlsx_has_no_formula_cells(hostile_root: tuple[Path, str]) -> None:
    from trainer.exchange.xlsx_export import export_xlsx

    root, _ = hostile_root
    out = root.parent / "class.xlsx"
    export_xlsx(root, out)
    with zipfile.ZipFile(out) as book:
        parts = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
        assert parts
        for name in parts:
            xml = book.read(name).decode("utf-8")
            assert "<f>" not in xml and "<f " not in xml, name
        if "xl/sharedStrings.xml" in book.namelist():
            parts.append("xl/sharedStrings.xml")
        everything = "".join(book.read(n).decode("utf-8") for n in parts)
    assert "HYPERLINK" in everything  # the learner's name is there, as a string


# -- widgets -------------------------------------------------------------------------


def sweep(top: Any) -> tuple[int, list[str]]:
    """(hostile strings seen, problems) over every widget under `top`."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QWidget

    seen, problems = 0, []
    for widget in [top, *top.findChildren(QWidget)]:
        name = f"{type(widget).__name__}({widget.objectName()})"
        if isinstance(widget, QLabel) and hostile(widget.text()):
            seen += 1
            if widget.textFormat() != Qt.TextFormat.PlainText:
                problems.append(f"{name} shows hostile text as {widget.textFormat()}")
        tip = widget.toolTip()
        if hostile(tip):
            seen += 1
            if GuiQt.mightBeRichText(tip):
                problems.append(f"{name} has a rich-text tooltip with hostile text")
        if isinstance(widget, QTextEdit):
            html = widget.toHtml()
            if "&lt;img" in html or "&lt;b&gt;粗" in html:
                seen += 1
            if REMOTE in html and re.search(r"<img[^>]+src=\"(?:https?|file):", html):
                problems.append(f"{name} renders a remote or file <img>")
            if "<script" in html:
                problems.append(f"{name} contains a raw <script>")
            if isinstance(widget, QTextBrowser) and widget.openExternalLinks():
                problems.append(f"{name} opens external links")
    return seen, problems


@pytest.fixture
def learner_window(
    qtbot: Any, hostile_root: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    from trainer.settings import Settings
    from trainer.ui import dialogs
    from trainer.ui.main_window import MainWindow

    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    monkeypatch.setattr(dialogs, "info", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "error", lambda *a, **k: None)
    root, _ = hostile_root
    workspace = Workspace.open(root)
    window = MainWindow(root, Settings.load(root), workspace=workspace)
    qtbot.addWidget(window)
    window.show()
    yield window
    workspace.close()


def test_learner_app_shows_untrusted_text_plainly(
    qtbot: Any, learner_window: Any, hostile_root: tuple[Path, str]
) -> None:
    """Profiles, library, history, the sheet and a whole played attempt."""
    from tests.ui.conftest import play_steps

    window = learner_window
    _, attempt_id = hostile_root
    learner_id = window.ws().store.attempt(attempt_id)["learner_id"]
    seen_total, problems = 0, []
    stages = [
        ("profiles", window.show_profiles),
        ("library", lambda: window.choose_learner(learner_id)),
        ("history", window.show_history),
        ("sheet", lambda: window.show_sheet(attempt_id)),
        ("play", lambda: window.start_case(CASE_ID, "practice")),
        ("played", lambda: play_steps(qtbot, window, free_text=FREE)),
    ]
    for stage, step in stages:
        step()
        qtbot.wait(10)
        seen, found = sweep(window)
        seen_total += seen
        problems += [f"{stage}: {p}" for p in found]
    assert seen_total > 10, "the sweep must actually meet the hostile text"
    assert problems == []


def test_instructor_pages_show_untrusted_text_plainly(
    qtbot: Any, hostile_root: tuple[Path, str]
) -> None:
    from trainer.ui.instructor.attempts_page import AttemptsPage
    from trainer.ui.instructor.dashboard_page import DashboardPage

    root, attempt_id = hostile_root
    workspace = Workspace.open(root)
    try:
        attempts = AttemptsPage(workspace, "zh-TW")
        dashboard = DashboardPage(workspace, "zh-TW")
        for page in (attempts, dashboard):
            qtbot.addWidget(page)
            page.show()
        learner_id = workspace.store.attempt(attempt_id)["learner_id"]
        attempts.reload()
        attempts.show_learner(learner_id)
        attempts.show_attempt(attempt_id)
        dashboard.refresh()
        seen_a, problems_a = sweep(attempts)
        _, problems_d = sweep(dashboard)
    finally:
        workspace.close()
    assert seen_a > 0
    assert problems_a + problems_d == []


def test_sweep_catches_rich_text(qtbot: Any) -> None:
    """The sweep itself can fail: a rich-text label or tooltip with hostile text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    rich = QLabel(MARK)
    rich.setTextFormat(Qt.TextFormat.AutoText)
    plain = QLabel(MARK)
    plain.setTextFormat(Qt.TextFormat.PlainText)
    plain.setToolTip(MARK)
    layout.addWidget(rich)
    layout.addWidget(plain)
    seen, problems = sweep(top)
    assert seen == 3
    assert len(problems) == 2


# -- control characters (issue 15) --------------------------------------------------

BUILTIN = "beitou-hot-spring-cold-water"
CONTROL_CASE = (
    Path(__file__).resolve().parents[1] / "fuzz_corpus" / "cases" / "control-escape-title.yaml"
)


def test_control_characters_in_a_case_are_refused_with_file_and_line(tmp_path: Path) -> None:
    """validate and lint say FILE:LINE; import refuses the pack and installs nothing."""
    from tests.conftest import run_cli
    from tests.reliability.pack_builders import make_zip

    for command in ("validate", "lint"):
        done = run_cli("cases", command, str(CONTROL_CASE), data=tmp_path / "data")
        assert done.returncode == 1
        assert (
            f"{CONTROL_CASE}:6: text contains the control character U+001B"
            in done.stdout + done.stderr
        )
        assert "\x1b" not in done.stdout + done.stderr
    pack = tmp_path / "pack.zip"
    pack.write_bytes(make_zip([("control-escape-title.yaml", CONTROL_CASE.read_bytes())]))
    done = run_cli("cases", "import", str(pack), data=tmp_path / "data")
    assert done.returncode != 0 and "U+001B" in done.stdout + done.stderr
    assert not list((tmp_path / "data").rglob("control-escape-title.yaml"))


def test_learner_names_and_free_text_lose_control_characters(tmp_path: Path) -> None:
    """Stripped on input (play --learner, typed text), so no ESC in the database or a
    CSV cell."""
    from tests.conftest import run_cli

    data = tmp_path / "data"
    name = "\x1b]0;PWNED\x07\x1b[31m王\r小明\x9b2J"
    done = run_cli("play", BUILTIN, "--auto", "expert", "--learner", name, data=data)
    assert done.returncode == 0, done.stderr
    workspace = Workspace.open(data)
    try:
        assert [r["display_name"] for r in workspace.store.learners()] == ["]0;PWNED[31m王小明2J"]
        runner = AttemptRunner.start(
            workspace.store, workspace.library.get(BUILTIN), workspace.store.learners()[0]["id"]
        )
        action = ExpertPolicy().next_action(runner.session)
        runner.act(Action(action.name, action.option_id, "a\x1b[2Kb\tc", action.payload))
        texts = [d["free_text"] for d in workspace.store.decisions(runner.attempt_id)]
        assert texts == ["a[2Kb\tc"]
    finally:
        workspace.close()
    done = run_cli("export", "--format", "csv", "--out", str(tmp_path / "csv"), data=data)
    assert done.returncode == 0, done.stderr
    for file in (tmp_path / "csv").iterdir():
        assert b"\x1b" not in file.read_bytes(), file.name


def test_cli_output_escapes_control_characters(tmp_path: Path) -> None:
    """A path or a name holding ESC is printed escaped, never raw."""
    from tests.conftest import run_cli

    data = tmp_path / "evil\x1b]0;PWNED\x07folder"
    done = run_cli("db", "check", data=data)
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout
    assert "\\u001b]0;PWNED\\u0007" in done.stdout
