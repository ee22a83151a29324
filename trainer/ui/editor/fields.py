"""Form fields bound to a path in a CaseDocument.

Every field reads its value with `load()` (signals blocked, so loading never edits)
and writes the document when the author changes it. A field's path is `base + rel`:
detail forms of a table row change `base` when another row is selected. Texts are
plain text everywhere (author text is data).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trainer.editor.document import CaseDocument, DocPath

Choices = Callable[[CaseDocument], list[tuple[str, str]]]


@dataclass
class F:
    """One row of a form: where the value lives, its label, the kind of widget."""

    rel: DocPath
    label: str
    kind: str
    opts: dict[str, Any] = field(default_factory=dict)
    tip: str = ""


def f(rel: DocPath | str, label: str, kind: str, tip: str = "", **opts: Any) -> F:
    return F((rel,) if isinstance(rel, str) else rel, label, kind, opts, tip)


class Field(QWidget):
    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__()
        self.doc = doc
        self.spec = spec
        self.base = base
        self.setToolTip(spec.tip)
        self.setAccessibleName(spec.label)

    @property
    def path(self) -> DocPath:
        return self.base + self.spec.rel

    def load(self) -> None:
        raise NotImplementedError

    def focus(self) -> None:
        self.setFocus()


class LTextField(Field):
    """zh-TW and English side by side."""

    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.multiline = bool(spec.opts.get("multiline"))
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for lang, hint in (("zh-TW", "中文"), ("en", "English")):
            edit: QLineEdit | QPlainTextEdit
            if self.multiline:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(int(spec.opts.get("height", 58)))
                edit.setPlaceholderText(hint)
                edit.textChanged.connect(lambda lang=lang: self._edited(lang))
            else:
                edit = QLineEdit()
                edit.setPlaceholderText(hint)
                edit.textEdited.connect(lambda _t, lang=lang: self._edited(lang))
            edit.setAccessibleName(f"{spec.label} {hint}")
            self.edits[lang] = edit
            row.addWidget(edit, 1)

    def value_of(self, lang: str) -> str:
        edit = self.edits[lang]
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def _edited(self, lang: str) -> None:
        self.doc.set_text(self.path, lang, self.value_of(lang).strip("\n"))

    def set_value(self, lang: str, text: str) -> None:
        """Type a value as the author would (used by tests and tools)."""
        edit = self.edits[lang]
        if isinstance(edit, QPlainTextEdit):
            edit.setPlainText(text)
        else:
            edit.setText(text)
            self._edited(lang)

    def load(self) -> None:
        for lang, edit in self.edits.items():
            text = self.doc.text_of(self.path, lang)
            with QSignalBlocker(edit):
                if isinstance(edit, QPlainTextEdit):
                    if edit.toPlainText() != text:
                        edit.setPlainText(text)
                elif edit.text() != text:
                    edit.setText(text)

    def focus(self) -> None:
        self.edits["zh-TW"].setFocus()


class IntField(Field):
    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.optional = bool(spec.opts.get("optional"))
        lo, hi = int(spec.opts.get("lo", 0)), int(spec.opts.get("hi", 1_000_000))
        self.spin = QSpinBox()
        self.spin.setRange(lo - 1 if self.optional else lo, hi)
        if self.optional:
            self.spin.setSpecialValueText("—（預設 default）")
        self.spin.setAccessibleName(spec.label)
        self.spin.valueChanged.connect(self._edited)
        row.addWidget(self.spin)
        row.addStretch(1)

    def _edited(self, value: int) -> None:
        unset = self.optional and value == self.spin.minimum()
        self.doc.set(self.path, None if unset else value, coalesce="/".join(map(str, self.path)))

    def load(self) -> None:
        value = self.doc.get(self.path)
        if value is None:  # absent: the format's default (or "not set" when optional)
            value = self.spin.minimum() if self.optional else self.spec.opts.get("default", 0)
        with QSignalBlocker(self.spin):
            self.spin.setValue(int(value))

    def focus(self) -> None:
        self.spin.setFocus()


class FloatField(Field):
    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(float(spec.opts.get("lo", 0)), float(spec.opts.get("hi", 100)))
        self.spin.setDecimals(1)
        self.spin.setAccessibleName(spec.label)
        self.spin.valueChanged.connect(
            lambda v: self.doc.set(self.path, v, coalesce="/".join(map(str, self.path)))
        )
        row.addWidget(self.spin)
        row.addStretch(1)

    def load(self) -> None:
        value = self.doc.get(self.path)
        if value is None:
            value = self.spec.opts.get("default", self.spin.minimum())
        with QSignalBlocker(self.spin):
            self.spin.setValue(float(value))

    def focus(self) -> None:
        self.spin.setFocus()


class BoolField(Field):
    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox(spec.opts.get("text", ""))
        self.box.setAccessibleName(spec.label)
        self.box.toggled.connect(lambda on: self.doc.set(self.path, bool(on)))
        row.addWidget(self.box)
        row.addStretch(1)

    def load(self) -> None:
        with QSignalBlocker(self.box):
            self.box.setChecked(bool(self.doc.get(self.path)))

    def focus(self) -> None:
        self.box.setFocus()


class ChoiceField(Field):
    """A drop-down of allowed values (never free text)."""

    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setAccessibleName(spec.label)
        self.optional = bool(spec.opts.get("optional"))
        self.choices: list[tuple[str, str]] | Choices = spec.opts["choices"]
        self.combo.activated.connect(self._edited)
        row.addWidget(self.combo, 1)

    def _items(self) -> list[tuple[str, str]]:
        items = self.choices(self.doc) if callable(self.choices) else list(self.choices)
        return ([("", "—（不設定 none）")] if self.optional else []) + items

    def _edited(self, index: int) -> None:
        value = self.combo.itemData(index)
        self.doc.set(self.path, value if value else None)

    def set_value(self, value: str) -> None:
        index = self.combo.findData(value)
        if index < 0:
            raise ValueError(f"{value!r} is not offered in {self.spec.label}")
        self.combo.setCurrentIndex(index)
        self._edited(index)

    def load(self) -> None:
        value = self.doc.get(self.path)
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for data, label in self._items():
                self.combo.addItem(label, data)
            current = "" if value is None else str(value)
            index = self.combo.findData(current)
            if index < 0 and current:
                self.combo.addItem(f"{current} ⚠", current)  # an unknown value stays visible
                index = self.combo.count() - 1
            self.combo.setCurrentIndex(max(0, index))

    def focus(self) -> None:
        self.combo.setFocus()


class IdPicker(Field):
    """Ids picked from the case's own facts/options (checkable menu; never typed)."""

    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.source: Choices = spec.opts["choices"]
        self.button = QPushButton()
        self.button.setAccessibleName(spec.label)
        self.button.setStyleSheet("text-align: left; padding: 3px 8px;")
        self.button.clicked.connect(self._open)
        row.addWidget(self.button, 1)

    def ids(self) -> list[str]:
        value = self.doc.get(self.path)
        return [str(v) for v in value] if isinstance(value, list) else []

    def _open(self) -> None:
        menu = QMenu(self)
        chosen = set(self.ids())
        items = self.source(self.doc)
        if not items:
            menu.addAction("（沒有可選的項目 nothing to pick）").setEnabled(False)
        for value, label in items:
            action = menu.addAction(f"{value}  {label[:48]}")
            action.setCheckable(True)
            action.setChecked(value in chosen)
            action.setData(value)
        picked = menu.exec(self.button.mapToGlobal(self.button.rect().bottomLeft()))
        if picked is not None and picked.data():
            value = str(picked.data())
            new = [i for i in self.ids() if i != value] if value in chosen else [*self.ids(), value]
            self.set_ids(new)

    def set_ids(self, values: list[str]) -> None:
        allowed = {v for v, _ in self.source(self.doc)}
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise ValueError(f"{unknown} are not ids of this case")
        self.doc.set(self.path, list(values) or None)
        self.load()

    def load(self) -> None:
        ids = self.ids()
        self.button.setText(", ".join(ids) if ids else "（無 none）— 點選 pick…")

    def focus(self) -> None:
        self.button.setFocus()


class WordsField(Field):
    """A list of short words, separated by commas (tags, keywords)."""

    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(spec.opts.get("placeholder", "以逗號分隔 comma-separated"))
        self.edit.setAccessibleName(spec.label)
        self.edit.textEdited.connect(self._edited)
        row.addWidget(self.edit, 1)

    @staticmethod
    def split(text: str) -> list[str]:
        return [
            w.strip() for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip()
        ]

    def _edited(self, text: str) -> None:
        words = self.split(text)
        self.doc.set(self.path, words or None, coalesce="/".join(map(str, self.path)))

    def load(self) -> None:
        value = self.doc.get(self.path)
        text = ", ".join(str(v) for v in value) if isinstance(value, list) else ""
        with QSignalBlocker(self.edit):
            if self.split(self.edit.text()) != self.split(text):
                self.edit.setText(text)

    def focus(self) -> None:
        self.edit.setFocus()


class KeywordsField(Field):
    """Phrases per language: zh-TW and en side by side."""

    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.parts: dict[str, WordsField] = {}
        for lang in ("zh-TW", "en"):
            part = WordsField(doc, F((*spec.rel, lang), f"{spec.label} {lang}", "words"), base)
            part.edit.setPlaceholderText(f"{lang}: 以逗號分隔 comma-separated")
            self.parts[lang] = part
            row.addWidget(part, 1)

    def rebase(self, base: DocPath) -> None:
        self.base = base
        for part in self.parts.values():
            part.base = base

    def load(self) -> None:
        for part in self.parts.values():
            part.load()

    def focus(self) -> None:
        self.parts["zh-TW"].focus()


class ConditionField(Field):
    """A `when` condition: outcomes, mood band, chosen / found ids."""

    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        from trainer.ui.editor.choices import fact_choices, option_choices, outcome_choices

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        rel = spec.rel
        self.parts: list[Field] = [
            IdPicker(
                doc, F((*rel, "outcome"), "結果 outcome", "ids", {"choices": outcome_choices}), base
            ),
            IntField(
                doc,
                F(
                    (*rel, "mood_min"),
                    "情緒下限 mood_min",
                    "int",
                    {"lo": 0, "hi": 100, "optional": True},
                ),
                base,
            ),
            IntField(
                doc,
                F(
                    (*rel, "mood_max"),
                    "情緒上限 mood_max",
                    "int",
                    {"lo": 0, "hi": 100, "optional": True},
                ),
                base,
            ),
            IdPicker(
                doc, F((*rel, "chosen"), "已選 chosen", "ids", {"choices": option_choices}), base
            ),
            IdPicker(
                doc,
                F((*rel, "not_chosen"), "未選 not_chosen", "ids", {"choices": option_choices}),
                base,
            ),
            IdPicker(
                doc, F((*rel, "facts"), "已知事實 facts", "ids", {"choices": fact_choices}), base
            ),
            IdPicker(
                doc,
                F(
                    (*rel, "missing_facts"),
                    "未知事實 missing_facts",
                    "ids",
                    {"choices": fact_choices},
                ),
                base,
            ),
        ]
        for part in self.parts:
            form.addRow(QLabel(part.spec.label), part)
        box.addLayout(form)

    def rebase(self, base: DocPath) -> None:
        self.base = base
        for part in self.parts:
            part.base = base

    def load(self) -> None:
        for part in self.parts:
            part.load()

    def focus(self) -> None:
        self.parts[0].focus()


class StrField(Field):
    """One plain value (an id, a label that is not translated)."""

    def __init__(self, doc: CaseDocument, spec: F, base: DocPath = ()) -> None:
        super().__init__(doc, spec, base)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(spec.label)
        self.edit.setPlaceholderText(spec.opts.get("placeholder", ""))
        self.edit.editingFinished.connect(self._finished)
        row.addWidget(self.edit, 1)

    def _finished(self) -> None:
        value = self.edit.text().strip()
        if value != str(self.doc.get(self.path) or ""):
            self.doc.set(self.path, value or None)

    def set_value(self, value: str) -> None:
        self.edit.setText(value)
        self._finished()

    def load(self) -> None:
        value = self.doc.get(self.path)
        with QSignalBlocker(self.edit):
            self.edit.setText("" if value is None else str(value))

    def focus(self) -> None:
        self.edit.setFocus()
