"""Editors that are not plain forms: model reflection per prompt, the expert path."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.editor.document import CaseDocument, DocPath
from trainer.ui.editor import choices as ch
from trainer.ui.editor.fields import F, LTextField

MODEL_REFLECTION: DocPath = ("steps", "reflecting", "model_reflection")


class ModelReflectionEditor(QWidget):
    """One model answer per prompt (the expert's reflection, zh-TW and English)."""

    def __init__(self, doc: CaseDocument) -> None:
        super().__init__()
        self.doc = doc
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, LTextField] = {}
        self._ids: list[str] = []

    def load(self) -> None:
        prompts = self.doc.get(("steps", "reflecting", "prompts")) or []
        ids = [str(p.get("id")) for p in prompts if isinstance(p, dict) and p.get("id")]
        if ids != self._ids:
            while self.form.rowCount():
                self.form.removeRow(0)
            self.fields = {}
            for pid in ids:
                spec = F(
                    (*MODEL_REFLECTION, pid),
                    f"範例反思 {pid}",
                    "ltext",
                    {"multiline": True, "height": 76},
                )
                field = LTextField(self.doc, spec)
                self.fields[pid] = field
                self.form.addRow(QLabel(f"範例反思 {pid}"), field)
            self._ids = ids
        for field in self.fields.values():
            field.load()

    def focus_path(self, path: DocPath) -> bool:
        if path[: len(MODEL_REFLECTION)] != MODEL_REFLECTION:
            return False
        rest = path[len(MODEL_REFLECTION) :]
        if rest and str(rest[0]) in self.fields:
            self.fields[str(rest[0])].focus()
        return True


class ExpertPathEditor(QWidget):
    """The expert's choices in order: recorded by playing, or picked from the options."""

    record = Signal()

    def __init__(self, doc: CaseDocument) -> None:
        super().__init__()
        self.doc = doc
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        help_text = QLabel(
            "專家會依序選的選項（含一個後續回饋與一個根本原因）。最簡單的做法：按「錄製專家路徑」，"
            "像學習者一樣玩一次，選擇會自動存在這裡。\n"
            "The options an expert picks, in order. Easiest: Record expert path and play the "
            "case once; the choices are saved here."
        )
        help_text.setWordWrap(True)
        box.addWidget(help_text)
        self.list = QListWidget()
        self.list.setAccessibleName("專家路徑 expert path")
        box.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.record_button = QPushButton("▶ 錄製專家路徑 Record expert path")
        self.record_button.setProperty("role", "primary")
        self.record_button.clicked.connect(self.record.emit)
        self.add_button = QPushButton("＋ 加入選項 Add option…")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton("刪除 Remove")
        self.remove_button.clicked.connect(self._remove)
        self.up_button = QPushButton("↑")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton("↓")
        self.down_button.clicked.connect(lambda: self._move(+1))
        for button in (
            self.record_button,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)

    def ids(self) -> list[str]:
        value = self.doc.get(("expert_path",))
        return [str(v) for v in value] if isinstance(value, list) else []

    def load(self) -> None:
        labels = dict(ch.option_choices(self.doc))
        current = self.list.currentRow()
        self.list.clear()
        for n, option_id in enumerate(self.ids(), 1):
            text = labels.get(option_id, "⚠ 不存在的選項 unknown option")
            item = QListWidgetItem(f"{n}. {option_id} — {text}")
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))

    def _add(self) -> None:
        menu = QMenu(self)
        for value, label in ch.option_choices(self.doc):
            menu.addAction(f"{value}  {label[:48]}").setData(value)
        picked = menu.exec(self.add_button.mapToGlobal(self.add_button.rect().bottomLeft()))
        if picked is not None and picked.data():
            self.doc.set(("expert_path",), [*self.ids(), str(picked.data())])
            self.load()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.doc.remove(("expert_path",), row)
            self.load()

    def _move(self, delta: int) -> None:
        row = self.list.currentRow()
        if row >= 0:
            target = self.doc.move(("expert_path",), row, delta)
            self.load()
            self.list.setCurrentRow(target)

    def focus_path(self, path: DocPath) -> bool:
        if not path or path[0] != "expert_path":
            return False
        if len(path) > 1 and isinstance(path[1], int):
            self.list.setCurrentRow(path[1])
        self.list.setFocus()
        return True
