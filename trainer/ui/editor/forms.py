"""Forms built from field specs, and table editors for lists of rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.editor.document import CaseDocument, DocPath
from trainer.ui.editor.fields import (
    BoolField,
    ChoiceField,
    ConditionField,
    Field,
    FloatField,
    IdPicker,
    IntField,
    KeywordsField,
    LTextField,
    StrField,
    WordsField,
)

FIELD_TYPES: dict[str, type[Field]] = {
    "ltext": LTextField,
    "int": IntField,
    "float": FloatField,
    "bool": BoolField,
    "choice": ChoiceField,
    "ids": IdPicker,
    "words": WordsField,
    "keywords": KeywordsField,
    "condition": ConditionField,
    "str": StrField,
}


class Form(QWidget):
    """A two-column form (label, field) over one part of the document."""

    def __init__(self, doc: CaseDocument, specs: list[Any], base: DocPath = ()) -> None:
        super().__init__()
        self.doc = doc
        self.base = base
        self.fields: list[Field] = []
        self.children_: list[Any] = []  # nested row editors
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for spec in specs:
            if isinstance(spec, RowsSpec):
                editor = RowListEditor(doc, spec, base)
                self.children_.append(editor)
                layout.addRow(_label(spec.label, spec.tip), editor)
                continue
            widget = FIELD_TYPES[spec.kind](doc, spec, base)
            self.fields.append(widget)
            if spec.opts.get("reload") and isinstance(widget, BoolField):
                # Other fields' choices depend on this one (internal -> segments).
                widget.box.toggled.connect(lambda _on: self.load())
            layout.addRow(_label(spec.label, spec.tip), widget)

    def rebase(self, base: DocPath) -> None:
        self.base = base
        for item in self.fields:
            if hasattr(item, "rebase"):
                item.rebase(base)
            else:
                item.base = base
        for child in self.children_:
            child.rebase(base)

    def load(self) -> None:
        for item in self.fields:
            item.load()
        for child in self.children_:
            child.load()

    def field_at(self, path: DocPath) -> Field | None:
        """The field showing `path` (or its nearest parent)."""
        best: Field | None = None
        for item in self.fields:
            p = item.path
            if path[: len(p)] == p and (best is None or len(p) > len(best.path)):
                best = item
        return best

    def focus_path(self, path: DocPath) -> bool:
        for child in self.children_:
            if child.focus_path(path):
                return True
        target = self.field_at(path)
        if target is None:
            return False
        target.focus()
        return True

    def field(self, rel: DocPath) -> Field:
        for item in self.fields:
            if item.spec.rel == rel:
                return item
        raise KeyError(rel)


def _label(text: str, tip: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setToolTip(tip)
    return label


@dataclass
class Column:
    key: str  # relative key in the row; "text.zh-TW" style for localised parts
    title: str
    kind: str = "text"  # text | ltext-zh | ltext-en | choice | bool | id
    choices: Callable[[CaseDocument], list[tuple[str, str]]] | None = None
    width: int = 0


@dataclass
class RowsSpec:
    """A list of rows shown as a table, with a detail form for the selected row."""

    rel: DocPath
    label: str
    columns: list[Column]
    detail: list[Any] = field(default_factory=list)
    new_row: Callable[[CaseDocument, DocPath], Any] | None = None
    add: Callable[[CaseDocument], int] | None = None
    id_refs: bool = False  # ids referenced elsewhere (options, facts): rename everywhere
    tip: str = ""
    height: int = 170


class RowListEditor(QWidget):
    """Table of rows (add, remove, move) plus a detail form for the selected row."""

    selected = Signal(int)

    def __init__(self, doc: CaseDocument, spec: RowsSpec, base: DocPath = ()) -> None:
        super().__init__()
        self.doc = doc
        self.spec = spec
        self.base = base
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(spec.columns))
        self.table.setHorizontalHeaderLabels([c.title for c in spec.columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(spec.label)
        header = self.table.horizontalHeader()
        for i, column in enumerate(spec.columns):
            if column.width:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(i, column.width)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(min(spec.height, 76))
        self.table.setMaximumHeight(spec.height)
        self.table.itemChanged.connect(self._cell_edited)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        box.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("＋ 新增 Add")
        self.remove_button = QPushButton("刪除 Remove")
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        for button, text in (
            (self.add_button, "新增一列"),
            (self.remove_button, "刪除選取的列"),
            (self.up_button, "上移"),
            (self.down_button, "下移"),
        ):
            button.setAccessibleName(f"{spec.label} {text}")
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.detail: Form | None = None
        if spec.detail:
            group = QGroupBox("選取的列 Selected row")
            inner = QVBoxLayout(group)
            self.detail = Form(doc, spec.detail, self.row_path(0))
            inner.addWidget(self.detail)
            box.addWidget(group)
            self.detail_box = group

    @property
    def path(self) -> DocPath:
        return self.base + self.spec.rel

    def row_path(self, row: int) -> DocPath:
        return (*self.path, row)

    def rows(self) -> list[Any]:
        value = self.doc.get(self.path)
        return list(value) if isinstance(value, list) else []

    def rebase(self, base: DocPath) -> None:
        self.base = base

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().select(self.table.model().index(row, 0), flags)
            self._selection_changed()

    # -- loading ------------------------------------------------------------

    def _cell_value(self, row: dict[str, Any], column: Column) -> str:
        if column.kind in ("ltext-zh", "ltext-en"):
            lang = "zh-TW" if column.kind == "ltext-zh" else "en"
            node = row.get(column.key) if column.key else row
            if isinstance(node, dict):
                return str(node.get(lang) or "")
            return str(node) if (node is not None and lang == "zh-TW") else ""
        value = row.get(column.key)
        return "" if value is None else str(value)

    def _keyed(self) -> bool:
        return all(c.key for c in self.spec.columns)

    def load(self) -> None:
        rows = self.rows()
        keep = self.current_row()
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                row = row if isinstance(row, dict) or not self._keyed() else {}
                for c, column in enumerate(self.spec.columns):
                    if column.kind == "choice":
                        combo = QComboBox()
                        assert column.choices is not None
                        for value, label in column.choices(self.doc):
                            combo.addItem(label, value)
                        if column.key != "kind" and column.key != "kind_fact":
                            combo.insertItem(0, "—（預設 default）", "")
                        current = self._cell_value(row, column)
                        index = combo.findData(current)
                        if index < 0 and current:
                            combo.addItem(f"{current} ⚠", current)
                            index = combo.count() - 1
                        combo.setCurrentIndex(max(0, index))
                        combo.setAccessibleName(f"{column.title} {r + 1}")
                        combo.activated.connect(
                            lambda _i, r=r, key=column.key, combo=combo: self._combo_edited(
                                r, key, combo
                            )
                        )
                        self.table.setCellWidget(r, c, combo)
                        continue
                    item = QTableWidgetItem(self._cell_value(row, column))
                    if column.kind == "bool":
                        item.setFlags(
                            Qt.ItemFlag.ItemIsEnabled
                            | Qt.ItemFlag.ItemIsUserCheckable
                            | Qt.ItemFlag.ItemIsSelectable
                        )
                        item.setText("")
                        item.setCheckState(
                            Qt.CheckState.Checked
                            if row.get(column.key)
                            else Qt.CheckState.Unchecked
                        )
                    self.table.setItem(r, c, item)
        if rows:
            self.select_row(min(max(keep, 0), len(rows) - 1))
        elif self.detail is not None:
            self.detail_box.setVisible(False)

    def _selection_changed(self) -> None:
        row = self.current_row()
        if self.detail is None:
            return
        self.detail_box.setVisible(row >= 0)
        if row >= 0:
            self.detail.rebase(self.row_path(row))
            self.detail.load()
        self.selected.emit(row)

    # -- editing ------------------------------------------------------------

    def _combo_edited(self, row: int, key: str, combo: QComboBox) -> None:
        value = combo.currentData()
        self.doc.set((*self.row_path(row), key), value if value else None)
        self.select_row(row)

    def set_cell(self, row: int, key: str, value: str) -> None:
        """Set a cell as the author would (tests, tools)."""
        for c, column in enumerate(self.spec.columns):
            if column.key == key or f"{column.key}.{column.kind}" == key:
                widget = self.table.cellWidget(row, c)
                if isinstance(widget, QComboBox):
                    index = widget.findData(value)
                    if index < 0:
                        raise ValueError(f"{value!r} is not offered for {key}")
                    widget.setCurrentIndex(index)
                    self._combo_edited(row, column.key, widget)
                else:
                    item = self.table.item(row, c)
                    assert item is not None
                    item.setText(value)
                return
        raise KeyError(key)

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), self.spec.columns[item.column()]
        path = (*self.row_path(row), column.key) if column.key else self.row_path(row)
        if column.kind == "bool":
            self.doc.set(path, item.checkState() == Qt.CheckState.Checked or None)
        elif column.kind in ("ltext-zh", "ltext-en"):
            lang = "zh-TW" if column.kind == "ltext-zh" else "en"
            self.doc.set_text(path, lang, item.text())
        elif column.kind == "id":
            old = str(self.doc.get(path) or "")
            new = item.text().strip()
            if self.spec.id_refs and old:
                self.doc.rename_id(old, new)
            else:
                self.doc.set(path, new)
        elif column.kind == "int":
            try:
                self.doc.set(path, int(item.text()))
            except ValueError:
                self.load()
        else:
            self.doc.set(path, item.text() or None)
        if self.detail is not None and row == self.current_row():
            self.detail.load()

    def add_row(self) -> int:
        if self.spec.add is not None:
            index = self.spec.add(self.doc)
        else:
            assert self.spec.new_row is not None
            index = self.doc.append(self.path, self.spec.new_row(self.doc, self.path))
        self.load()
        self.select_row(index)
        return index

    def remove_row(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.doc.remove(self.path, row)
            self.load()

    def _move(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0:
            target = self.doc.move(self.path, row, delta)
            self.load()
            self.select_row(target)

    def focus_path(self, path: DocPath) -> bool:
        mine = self.path
        if path[: len(mine)] != mine:
            return False
        if len(path) == len(mine):
            self.table.setFocus()
            return True
        row = path[len(mine)]
        if not isinstance(row, int):
            return False
        self.select_row(row)
        deeper = len(path) > len(mine) + 1
        if self.detail is not None and deeper and self.detail.focus_path(path):
            return True
        if len(path) > len(mine) + 1:
            key = path[len(mine) + 1]
            for c, column in enumerate(self.spec.columns):
                if column.key == key:
                    self.table.setCurrentCell(row, c)
        self.table.setFocus()
        return True
