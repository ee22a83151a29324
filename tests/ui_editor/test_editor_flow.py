"""An instructor makes a case from the template by filling the editor's forms,
records the expert path by playing it in the play screen, saves, and the case lints
clean and plays (issue 16)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import fill_reflection, fill_report, press_option
from trainer.core.autoplay import ExpertPolicy, play_through
from trainer.core.engine import Session
from trainer.core.lint import lint_case
from trainer.core.loader import load_case_file
from trainer.service import AttemptRunner, Workspace
from trainer.ui import dialogs
from trainer.ui.editor import prompts
from trainer.ui.editor.cases_page import CasesPage
from trainer.ui.editor.editor_window import EditorWindow
from trainer.ui.widgets.options import ADVANCE

NEW_ID = "night-bazaar-hotel"


@pytest.fixture
def modals(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    seen: dict[str, list[Any]] = {"ask": [], "info": [], "error": []}
    monkeypatch.setattr(dialogs, "ask", lambda p, t, x: seen["ask"].append(x) or True)
    monkeypatch.setattr(dialogs, "info", lambda p, t, x: seen["info"].append(x))
    monkeypatch.setattr(dialogs, "error", lambda p, t, d=None: seen["error"].append(t))
    monkeypatch.setattr(prompts, "ask_case_id", lambda p, s: NEW_ID)
    return seen


def _wait_lint(qtbot: Any, editor: EditorWindow) -> None:
    editor.lint.run_now()
    qtbot.waitUntil(lambda: editor.lint.pending == 0, timeout=30000)


def _finding(editor: EditorWindow, text: str) -> Any:
    items = [editor.lint.list.item(i) for i in range(editor.lint.list.count())]
    found = [i for i in items if text in i.text()]
    assert found, [i.text() for i in items]
    return found[0]


def _record(qtbot: Any, editor: EditorWindow, plan: list[str]) -> None:
    """Play the case in the play screen as the author would, choosing `plan`."""
    editor.record_expert_path()
    page = editor.play_page
    shim = SimpleNamespace(play=page)
    for _ in range(200):
        runner = page.runner
        assert runner is not None
        if runner.finished:
            break
        # What an expert picks next: the planned option, written report and reflection.
        planner = Session(
            runner.case.model_copy(update={"expert_path": tuple(plan)}), runner.session.state.copy()
        )
        action = ExpertPolicy().next_action(planner)
        if action.name == "choose":
            assert action.option_id is not None
            press_option(qtbot, shim, action.option_id)
        elif action.name == "advance":
            press_option(qtbot, shim, ADVANCE)
        elif action.name == "report":
            fill_report(qtbot, shim, action)
        else:
            fill_reflection(qtbot, shim, action)
    assert page.runner is not None and page.runner.finished


def test_new_case_from_template_to_play(
    qtbot: Any, data_dir: Path, modals: dict[str, list[Any]]
) -> None:
    workspace = Workspace.open(data_dir)
    page = CasesPage(workspace)
    qtbot.addWidget(page)
    attempts_before = workspace.store.db.execute("select count(*) from attempts").fetchone()[0]

    editor = page.new_from_template()
    assert editor is not None  # closed at the end (WA_DeleteOnClose)
    editor.resize(1366, 768)
    doc = editor.doc
    assert doc.case_id == NEW_ID

    # Summary and customer: texts side by side, choices from drop-downs.
    editor.show_section("summary")
    summary = editor.form_summary  # type: ignore[attr-defined]
    summary.field(("title",)).set_value("zh-TW", "夜市旁的商務旅館：早餐券不見了")
    summary.field(("title",)).set_value("en", "A business hotel by the night market: lost vouchers")
    summary.field(("setting",)).set_value("accommodation")
    with pytest.raises(ValueError):
        summary.field(("setting",)).set_value("spaceport")  # not offered, cannot be typed
    editor.show_section("customer")
    customer = editor.form_customer  # type: ignore[attr-defined]
    customer.field(("customer", "name")).set_value("zh-TW", "張先生與張太太")
    customer.field(("customer", "name")).set_value("en", "Mr and Mrs Chang")
    customer.field(("customer", "age")).spin.setValue(64)

    # 3.3: a new poor action in the table; kind from the list's own kinds only.
    editor.show_section("resolving")
    resolving = editor.form_resolving  # type: ignore[attr-defined]
    actions = next(c for c in resolving.children_ if c.spec.rel[-1] == "actions")
    row = actions.add_row()
    kinds = actions.table.cellWidget(row, 1)
    offered = {kinds.itemData(i) for i in range(kinds.count())}
    assert "stall" in offered and "offer" not in offered and "open_question" not in offered
    actions.set_cell(row, "kind", "stall")
    actions.set_cell(row, "text.ltext-zh", "請您先回房間休息，我們明天再說。")
    actions.set_cell(row, "text.ltext-en", "Please go back to your room; we will talk tomorrow.")
    assert actions.detail is not None
    reveals = actions.detail.field(("reveals",))
    facts = doc.fact_ids()
    with pytest.raises(ValueError):
        reveals.set_ids(["not_a_fact"])  # ids are picked from the case, never typed
    reveals.set_ids([facts[-1]])
    actions.detail.field(("feedback",)).set_value("zh-TW", "拖延只會讓顧客更生氣。")
    actions.detail.field(("feedback",)).set_value("en", "Stalling only makes them angrier.")
    actions.detail.field(("mood",)).spin.setValue(-15)
    new_id = doc.get(("steps", "resolving", "actions", row, "id"))
    assert doc.get(("steps", "resolving", "actions", row, "kind")) == "stall"

    # Lint flags an expert resolving after the target; a click jumps to the expert path.
    before = doc.text()
    editor.show_section("business")
    target = editor.form_business.field(("business", "target_minutes"))  # type: ignore[attr-defined]
    target.spin.setValue(15)
    assert doc.get(("business", "target_minutes")) == 15
    _wait_lint(qtbot, editor)
    assert editor.lint.result is not None and editor.lint.result.errors
    # (the template's expert resolves at about minute 20: now after the target)
    editor.lint.list.itemClicked.emit(_finding(editor, "expert path"))
    assert editor.stack.currentIndex() == editor.page_index("expert")
    # Undo and redo.
    editor.undo()
    assert doc.text() == before
    editor.redo()
    assert doc.get(("business", "target_minutes")) == 15
    editor.undo()
    assert doc.get(("business", "target_minutes")) == 20
    # A missing title: the message says what is expected; a click focuses the field.
    title = summary.field(("title",))
    title.set_value("en", "")
    title.set_value("zh-TW", "")
    _wait_lint(qtbot, editor)
    item = _finding(editor, "title: missing (required); expected a text")
    editor.lint.list.itemClicked.emit(item)
    assert editor.stack.currentIndex() == editor.page_index("summary")
    assert editor.focusWidget() is title.edits["zh-TW"]
    editor.undo()
    editor.undo()
    assert doc.text() == before

    # Expert path: recorded by playing in the play screen.
    plan = list(doc.get(("expert_path",)))
    doc.set(("expert_path",), [plan[0]])
    _wait_lint(qtbot, editor)
    assert editor.lint.result is not None and editor.lint.result.errors
    _record(qtbot, editor, plan)
    assert list(doc.get(("expert_path",))) == plan
    assert any("Saved" in text for text in modals["info"])
    editor.play_window.close()  # type: ignore[union-attr]

    # Live lint: clean, figures shown, no errors.
    _wait_lint(qtbot, editor)
    result = editor.lint.result
    assert result is not None and result.valid and result.errors == 0, [
        f.message for f in result.findings
    ]
    assert "Expert" in editor.lint.figures.text() and "resolved" in editor.lint.figures.text()

    # The map shows the new action; nothing is unreachable.
    editor.show_section("map")
    assert new_id in editor.map.nodes and not editor.map.graph.unreachable

    # Save: the own case is in the data folder, lints clean, and plays.
    assert editor.save()
    path = data_dir / "cases" / f"{NEW_ID}.yaml"
    assert path.is_file()
    loaded = load_case_file(path)
    assert not [p for p in lint_case(loaded) if p.is_error]
    assert loaded.case.title.en == "A business hotel by the night market: lost vouchers"
    assert loaded.case.customer.age == 64
    assert NEW_ID in workspace.library.cases  # the learners' library has it now
    assert NEW_ID in [e.case_id for e in page.rows if not e.builtin]
    learner = workspace.store.create_learner("王小明")
    runner = AttemptRunner.start(workspace.store, workspace.library.get(NEW_ID), learner)
    policy = ExpertPolicy()
    while not runner.finished:
        runner.act(policy.next_action(runner.session))
    assert runner.session.state.outcome == "resolved"
    # The recording and the trials were never learners' attempts.
    attempts = workspace.store.db.execute("select count(*) from attempts").fetchone()[0]
    assert attempts == attempts_before + 1
    assert play_through(loaded.case, ExpertPolicy()).state.outcome == "resolved"
    editor.close()
    QApplication.processEvents()
    workspace.close()


def test_play_test_from_a_later_step_and_delete(
    qtbot: Any, data_dir: Path, modals: dict[str, list[Any]]
) -> None:
    workspace = Workspace.open(data_dir)
    page = CasesPage(workspace)
    qtbot.addWidget(page)
    editor = page.new_from_template()
    assert editor is not None  # closed by the test itself (WA_DeleteOnClose)
    editor.play_test("resolving")
    play = editor.play_page
    assert play.runner is not None and play.runner.session.state.step == "resolving"
    assert play.runner.store is not workspace.store
    assert editor.play_window is not None
    editor.play_window.close()
    assert editor.save()
    # An unsaved change survives closing as a draft, restored when the case is opened.
    editor.doc.set(("difficulty",), 3)
    draft = data_dir / "editor" / "drafts" / f"{NEW_ID}.yaml"
    editor.lint.run_now()  # the autosave rides on the lint worker's text
    qtbot.waitUntil(
        lambda: draft.is_file() and "difficulty: 3" in draft.read_text("utf-8"), timeout=30000
    )
    editor.close()
    QApplication.processEvents()
    assert (data_dir / "editor" / "drafts" / f"{NEW_ID}.yaml").is_file()
    page.select_case(NEW_ID)
    again = page.edit_selected()
    assert again is not None
    assert any("draft" in text for text in modals["ask"])
    assert again.doc.get(("difficulty",)) == 3 and again.doc.dirty
    assert again.save()
    assert not (data_dir / "editor" / "drafts" / f"{NEW_ID}.yaml").exists()
    assert load_case_file(data_dir / "cases" / f"{NEW_ID}.yaml").case.difficulty == 3
    again.close()
    page.select_case(NEW_ID)
    assert [e.case_id for e in page.selected()] == [NEW_ID], [
        (e.case_id, e.builtin, str(e.path)) for e in page.rows if e.case_id == NEW_ID
    ]
    assert page.delete_button.isEnabled()
    page.delete_selected()
    assert not (data_dir / "cases" / f"{NEW_ID}.yaml").exists()
    assert NEW_ID not in workspace.library.cases
    page.select_case("beitou-hot-spring-cold-water")
    assert not page.delete_button.isEnabled()  # built-in cases cannot be deleted
    workspace.close()


def test_import_yaml_and_export_pack(
    qtbot: Any,
    data_dir: Path,
    tmp_path: Path,
    modals: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from trainer.editor.template import from_template

    source = tmp_path / "own.yaml"
    source.write_text(from_template("own-case"), encoding="utf-8")
    workspace = Workspace.open(data_dir)
    page = CasesPage(workspace)
    qtbot.addWidget(page)
    assert not page.loaded  # read when the tab is first shown
    page.show()
    assert page.loaded and "beitou-hot-spring-cold-water" in [e.case_id for e in page.rows]
    assert page.import_path(source)
    assert "own-case" in workspace.library.cases
    page.select_case("own-case")
    out = tmp_path / "pack.zip"
    monkeypatch.setattr(prompts, "choose_pack_path", lambda p, s: out)
    assert page.export_selected() == out
    other = tmp_path / "other"
    other.mkdir()
    from trainer.exchange.packs import import_pack

    assert import_pack(other, out).installed == ["own-case"]
    assert Qt is not None
    workspace.close()
