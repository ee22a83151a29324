"""The editor's document: round trip keeps comments and order, undo/redo, ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CASES_DIR
from trainer.core.lint import lint_case
from trainer.core.loader import CaseError
from trainer.editor import drafts
from trainer.editor.document import CaseDocument
from trainer.editor.graph import build_graph
from trainer.editor.library import delete_own, entries, save_own
from trainer.editor.template import from_template
from trainer.editor.yamlio import load_text

EXAMPLE = (CASES_DIR / "night-market-tour-price.yaml").read_text(encoding="utf-8")


def test_unchanged_file_is_written_back_byte_for_byte() -> None:
    assert CaseDocument(EXAMPLE).text() == EXAMPLE


def test_edit_keeps_comments_and_key_order() -> None:
    text = EXAMPLE.replace(
        "  margin_pct:", "  # a comment the author wrote by hand\n  margin_pct:", 1
    )
    doc = CaseDocument(text)
    doc.set(("business", "target_minutes"), 25)
    doc.set_text(("customer", "name"), "en", "Chloe B.")
    out = doc.text()
    assert "  # a comment the author wrote by hand\n  margin_pct:" in out
    assert out.index("transaction_value") < out.index("margin_pct") < out.index("target_minutes")
    assert "target_minutes: 25" in out
    assert doc.validate().case.customer.name.en == "Chloe B."
    assert out.splitlines()[0].startswith("# A night-market food tour")


def test_localised_text_forms() -> None:
    doc = CaseDocument(EXAMPLE)
    doc.set_text(("partner",), "en", "")
    doc.set_text(("partner",), "zh-TW", "")
    assert "partner" not in doc.data  # an empty optional text is removed
    doc.set_text(("partner",), "zh-TW", "攤商")
    assert doc.get(("partner",)) == "攤商"  # plain string while only zh-TW
    doc.set_text(("partner",), "en", "Stalls")
    assert dict(doc.get(("partner",))) == {"zh-TW": "攤商", "en": "Stalls"}
    assert "Chloe: x" not in doc.text()
    doc.set_text(("customer", "opening_line"), "en", "Hi: I paid more")
    assert doc.validate().case.customer.opening_line.en == "Hi: I paid more"  # quoted


def test_undo_redo_and_coalescing() -> None:
    doc = CaseDocument(EXAMPLE)
    for text in ("C", "Ch", "Chl"):
        doc.set_text(("customer", "name"), "en", text)
    doc.set(("difficulty",), 3)
    assert doc.undo()
    assert doc.get(("difficulty",)) == 2
    assert doc.undo()  # the three keystrokes are one step
    assert doc.text() == EXAMPLE
    assert not doc.can_undo
    assert doc.redo() and doc.redo()
    assert doc.get(("difficulty",)) == 3 and doc.text_of(("customer", "name"), "en") == "Chl"
    doc.set(("difficulty",), 1)
    assert not doc.can_redo


def test_add_rename_remove_options_and_facts() -> None:
    doc = CaseDocument(EXAMPLE)
    fact_index = doc.add_fact()
    fact_id = doc.get(("facts", fact_index, "id"))
    row = doc.add_option("resolving", "actions")
    path = ("steps", "resolving", "actions", row)
    doc.set((*path, "reveals"), [fact_id])
    doc.validate()  # a new row with defaults validates
    doc.rename_id(fact_id, "stall_owner_note")
    assert list(doc.get((*path, "reveals"))) == ["stall_owner_note"]
    assert "reveals: [stall_owner_note]" in doc.text()
    old_first = doc.get(("expert_path", 0))
    doc.rename_id(old_first, "q_first")
    assert doc.get(("expert_path", 0)) == "q_first"
    doc.validate()
    doc.remove(("steps", "resolving", "actions"), row)
    assert doc.get((*path, "id")) is None


def test_problems_are_reported_not_raised() -> None:
    doc = CaseDocument(EXAMPLE)
    doc.set(("complaint_type",), None)
    assert any("complaint_type: missing" in p.message for p in doc.problems())
    with pytest.raises(CaseError):
        doc.validate()


def test_unsafe_yaml_is_refused() -> None:
    with pytest.raises(CaseError):
        load_text("a: &x 1\nb: *x\n")
    with pytest.raises(CaseError):
        load_text("a: !!python/object:os.system 1\n")


def test_drafts_round_trip(tmp_path: Path) -> None:
    drafts.save_draft(tmp_path, "My Case!", "id: x\n", "/some/where.yaml")
    draft = drafts.load_draft(tmp_path, "My Case!")
    assert draft is not None and draft.text == "id: x\n" and draft.origin == "/some/where.yaml"
    assert drafts.list_drafts(tmp_path) == ["my_case_"]
    drafts.discard_draft(tmp_path, "My Case!")
    assert drafts.load_draft(tmp_path, "My Case!") is None


def test_save_own_case_rename_and_delete(tmp_path: Path) -> None:
    doc = CaseDocument(from_template("my-hotel"))
    path, loaded = save_own(tmp_path, doc.text(), None)
    assert path == tmp_path / "cases" / "my-hotel.yaml"
    assert not [p for p in lint_case(loaded) if p.is_error]
    own = [e for e in entries(tmp_path) if not e.builtin]
    assert [e.case_id for e in own] == ["my-hotel"] and own[0].lint_errors == 0
    doc.set(("id",), "my-hotel-2")
    new_path, _ = save_own(tmp_path, doc.text(), path)
    assert new_path.name == "my-hotel-2.yaml" and not path.exists()
    assert list((tmp_path / "cases" / ".replaced").glob("my-hotel-*.yaml"))
    clash = CaseDocument(from_template("my-hotel-2"))
    with pytest.raises(CaseError, match="already have a case"):
        save_own(tmp_path, clash.text(), None)
    builtin = CaseDocument(EXAMPLE)
    with pytest.raises(CaseError, match="built-in"):
        save_own(tmp_path, builtin.text(), None)
    broken = CaseDocument(new_path.read_text(encoding="utf-8"))
    broken.set(("business", "target_minutes"), 5)  # the expert now overruns: a lint error
    save_own(tmp_path, broken.text(), new_path)
    (entry,) = [e for e in entries(tmp_path) if not e.builtin]
    assert entry.lint_errors > 0 and not entry.problem
    delete_own(tmp_path, new_path)
    assert not new_path.exists()
    with pytest.raises(ValueError):
        delete_own(tmp_path, CASES_DIR / "night-market-tour-price.yaml")


def test_graph_marks_unreachable_nodes() -> None:
    doc = CaseDocument(EXAMPLE)
    graph = build_graph(doc.data)
    assert not graph.unreachable
    assert any(e.kind == "reveals" for e in graph.edges)
    fact = doc.add_fact()
    fact_id = doc.get(("facts", fact, "id"))
    row = doc.add_option("resolving", "actions")
    doc.set(("steps", "resolving", "actions", row, "requires"), ["nowhere"])
    option_id = doc.get(("steps", "resolving", "actions", row, "id"))
    graph = build_graph(doc.data)
    assert set(graph.unreachable) == {fact_id, option_id}


def test_snapshots_after_saving_keep_blank_lines() -> None:
    text = (CASES_DIR / "beitou-hot-spring-cold-water.yaml").read_text(encoding="utf-8")
    doc = CaseDocument(text)
    assert doc.text() == text
    doc.set(("difficulty",), 2)
    assert doc.text() != text
    doc.undo()
    assert doc.text() == text


def test_checks_give_field_paths_and_flag_placeholders() -> None:
    from trainer.editor.checks import check_text

    doc = CaseDocument(EXAMPLE)
    doc.set(("business", "margin_pct"), None)
    result = check_text(doc.text())
    assert not result.valid
    assert [f.path for f in result.findings] == [("business", "margin_pct")]
    doc = CaseDocument(EXAMPLE)
    row = doc.add_option("resolving", "actions")
    result = check_text(doc.text())
    assert result.valid and result.expert is not None and result.baselines and result.cues
    todo = [f for f in result.findings if "still to write" in f.message]
    assert {f.path for f in todo} >= {
        ("steps", "resolving", "actions", row, "text", "zh-TW"),
        ("steps", "resolving", "actions", row, "feedback", "en"),
    }
    assert all(f.severity == "warning" for f in todo)


def test_an_emptied_condition_is_removed() -> None:
    doc = CaseDocument(EXAMPLE)
    path = ("steps", "resolving", "actions", 0)
    doc.set((*path, "when", "mood_max"), 40)
    assert doc.validate().case.steps.resolving.actions[0].when is not None
    doc.set((*path, "when", "mood_max"), None)
    assert "when" not in doc.get(path)


def test_new_keys_go_where_the_format_puts_them() -> None:
    doc = CaseDocument(EXAMPLE)
    row = doc.add_option("resolving", "offers")
    path = ("steps", "resolving", "offers", row)
    doc.set((*path, "when", "outcome"), ["resolved"])
    doc.set((*path, "reveals"), [doc.fact_ids()[0]])
    doc.set_text((*path, "reply"), "zh-TW", "好")
    assert list(doc.get(path)) == [
        "id",
        "kind",
        "text",
        "reply",
        "feedback",
        "quality",
        "reveals",
        "when",
        "outcome",
    ]
