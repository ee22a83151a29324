"""The editor's forms cover every field of the case model (docs/case-format.md)."""

from __future__ import annotations

import types
import typing
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from trainer.core.model import Case, Condition, Keywords, LText, Variant
from trainer.ui.editor.forms import RowsSpec
from trainer.ui.editor.sections import SECTIONS

#: Edited by their own widgets (a field type or a custom editor), not field by field.
WHOLE = {LText, Keywords, Condition}
CUSTOM = {("expert_path",), ("steps", "reflecting", "model_reflection")}


def _inner(annotation: Any) -> Any:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0] if len(args) == 1 else annotation
    if get_origin(annotation) in (tuple, list) and get_args(annotation):
        return _inner(get_args(annotation)[0])
    return annotation


def _model_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    paths: set[tuple[str, ...]] = set()
    for name, info in model.model_fields.items():
        path = (*prefix, name)
        if path in CUSTOM:
            continue
        inner = _inner(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel) and inner not in WHOLE:
            paths |= _model_paths(inner, path)
        else:
            paths.add(path)
    return paths


def _spec_paths(specs: list[Any], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    paths: set[tuple[str, ...]] = set()
    for spec in specs:
        rel = tuple(str(p) for p in spec.rel)
        if isinstance(spec, RowsSpec):
            for column in spec.columns:  # key "": a list of texts, edited row by row
                paths.add((*prefix, *rel, column.key) if column.key else (*prefix, *rel))
            paths |= _spec_paths(spec.detail, (*prefix, *rel))
        else:
            paths.add((*prefix, *rel))
    return paths


def test_every_model_field_has_a_form_field() -> None:
    covered: set[tuple[str, ...]] = set()
    for _key, _title, specs in SECTIONS:
        covered |= _spec_paths(specs)
    missing = sorted(_model_paths(Case) - covered)
    assert not missing, missing
    assert Variant.model_fields.keys() == {"when", "reply", "feedback"}


def test_segments_follow_internal(qtbot: Any, tmp_path: Any) -> None:
    from trainer.editor.document import CaseDocument
    from trainer.editor.template import from_template
    from trainer.ui.editor.editor_window import EditorWindow

    doc = CaseDocument(from_template("internal-case"))
    window = EditorWindow(doc, tmp_path, None)
    window.show_section("customer")
    form = window.form_customer  # type: ignore[attr-defined]
    segment = form.field(("customer", "segment"))
    assert segment.combo.findData("colleague") < 0
    form.field(("customer", "internal")).box.setChecked(True)
    assert segment.combo.findData("colleague") >= 0  # internal segments offered now
    segment.set_value("colleague")
    doc.validate()
    doc.mark_saved()
    window.close()


def test_author_markup_stays_text_in_the_map(qtbot: Any, tmp_path: Any) -> None:
    from trainer.editor.document import CaseDocument
    from trainer.editor.template import from_template
    from trainer.ui.editor.editor_window import EditorWindow

    doc = CaseDocument(from_template("markup-case"))
    doc.set_text(("facts", 0, "text"), "zh-TW", '<img src="file:///etc/passwd"><b>x</b>')
    window = EditorWindow(doc, tmp_path, None)
    window.show_section("map")
    fact_id = doc.fact_ids()[0]
    tip = window.map.nodes[fact_id].toolTip()
    assert "&lt;img" in tip and "<img" not in tip
    doc.mark_saved()
    window.close()


def test_every_test_wise_player_has_a_bilingual_name_in_the_lint_panel() -> None:
    from trainer.core.baseline import BASELINE_POLICIES
    from trainer.ui.editor.lint_panel import PLAYER_NAMES

    assert set(PLAYER_NAMES) == set(BASELINE_POLICIES)
