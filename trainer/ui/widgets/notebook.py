"""The notebook: facts found so far, tagged nature / cause / detail (性質 / 原因 / 細節)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from trainer.core.vocab import FACT_KINDS
from trainer.ui.widgets.common import card, chip, clear_layout, plain

if TYPE_CHECKING:
    from trainer.core.model import Case

KIND_EN = {"nature": "Nature", "cause": "Cause", "detail": "Detail"}


class Notebook(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, body = card("card")
        outer.addWidget(frame)
        head = QHBoxLayout()
        head.addWidget(plain(self.tr("筆記本：已發現的事實"), "cardTitle"))
        head.addStretch(1)
        self.count = plain("", "muted", wrap=False)
        head.addWidget(self.count)
        body.addLayout(head)
        self.list = QVBoxLayout()
        self.list.setSpacing(6)
        body.addLayout(self.list)
        self.empty = plain(self.tr("還沒有發現。先用提問了解狀況。"), "muted")
        body.addWidget(self.empty)
        self.fact_ids: list[str] = []
        self._case: Case | None = None
        self._lang = ""

    def set_facts(self, case: Case, fact_ids: list[str], lang: str) -> None:
        # Facts only grow during an attempt: append the new ones, rebuild otherwise.
        known = self.fact_ids
        if fact_ids[: len(known)] == known and (case is self._case and lang == self._lang):
            new = fact_ids[len(known) :]
        else:
            clear_layout(self.list)
            new = list(fact_ids)
        self._case, self._lang = case, lang
        self.fact_ids = list(fact_ids)
        for fact_id in new:
            fact = case.fact(fact_id)
            row = QHBoxLayout()
            row.setSpacing(8)
            label = KIND_EN[fact.kind] if lang == "en" else FACT_KINDS[fact.kind]
            tag = chip(label, fact.kind)
            tag.setFixedWidth(tag.sizeHint().width())
            row.addWidget(tag, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(plain(fact.text.get(lang), "body"), 1)
            self.list.addLayout(row)
        self.count.setText(self.tr("{n} 項").format(n=len(fact_ids)))
        self.empty.setVisible(not fact_ids)
