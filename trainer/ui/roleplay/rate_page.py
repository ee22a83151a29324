"""Step 3 of observer mode: rate 3.1–3.4 from 1 to 5 on the rubric, and write notes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from trainer.core.model import Case
from trainer.core.vocab import INDICATOR_LABELS
from trainer.roleplay.rubric import RATED_INDICATORS, descriptors
from trainer.ui.roleplay.text import pick
from trainer.ui.widgets.common import plain, restyle, scrolling_form, submit_row


class RatePage(QWidget):
    #: ratings {indicator: 1..5}, notes {"general" | indicator: text}, observer, customer
    saved = Signal(dict, dict, str, str)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        outer, self.body = scrolling_form(self)
        self.body.addWidget(
            plain(
                pick(lang, "觀察員評分（1–5）與備註", "Observer's ratings (1–5) and notes"),
                "formTitle",
            )
        )
        self.summary = plain("", "muted")
        self.body.addWidget(self.summary)
        names = QFormLayout()
        self.observer = QLineEdit()
        self.observer.setAccessibleName(pick(lang, "觀察員", "Observer"))
        self.customer = QLineEdit()
        self.customer.setAccessibleName(pick(lang, "顧客扮演者", "Customer player"))
        names.addRow(pick(lang, "觀察員", "Observer"), self.observer)
        names.addRow(pick(lang, "顧客扮演者", "Customer player"), self.customer)
        self.body.addLayout(names)
        self.groups: dict[str, QButtonGroup] = {}
        self.descriptor_labels: dict[str, object] = {}
        self.notes: dict[str, QPlainTextEdit] = {}
        self.grid = QGridLayout()
        self.body.addLayout(self.grid)
        self.body.addWidget(plain(pick(lang, "整體備註", "Overall notes"), "sectionLabel"))
        general = QPlainTextEdit()
        general.setFixedHeight(70)
        general.setTabChangesFocus(True)
        general.setAccessibleName(pick(lang, "整體備註", "Overall notes"))
        self.notes["general"] = general
        self.body.addWidget(general)
        self.error, self.submit = submit_row(
            outer, pick(lang, "儲存觀察  Ctrl+⏎", "Save the observation  Ctrl+⏎"),
            pick(lang, "儲存觀察", "Save the observation"),
        )  # fmt: skip
        self.submit.clicked.connect(self._save)

    def set_case(self, case: Case, summary: str, observer: str, customer: str) -> None:
        self.summary.setText(summary)
        self.observer.setText(observer)
        self.customer.setText(customer)
        row = 0
        for indicator in RATED_INDICATORS:
            label = INDICATOR_LABELS[indicator]["en" if self.lang == "en" else "zh-TW"]
            self.grid.addWidget(plain(f"{indicator} {label}", "sectionLabel"), row, 0, 1, 6)
            row += 1
            group = QButtonGroup(self)
            texts = descriptors(case, indicator, self.lang)
            shown = plain("", "muted")
            for value in range(1, 6):
                button = QPushButton(str(value))
                button.setCheckable(True)
                button.setMinimumSize(48, 44)
                button.setProperty("role", "rating")
                button.setToolTip(texts[value - 1])
                button.setAccessibleName(f"{indicator} {value}")
                button.setAccessibleDescription(texts[value - 1])
                button.toggled.connect(lambda on, b=button: restyle(b, selected=on))
                button.toggled.connect(
                    lambda on, v=value, s=shown, tx=texts: on and s.setText(f"{v}: {tx[v - 1]}")
                )
                group.addButton(button, value)
                self.grid.addWidget(button, row, value - 1)
            self.grid.addWidget(shown, row, 5)
            row += 1
            self.grid.addWidget(
                plain(" · ".join(f"{n} {t}" for n, t in enumerate(texts, 1)), "muted"), row, 0, 1, 6
            )
            row += 1
            note = QPlainTextEdit()
            note.setFixedHeight(48)
            note.setTabChangesFocus(True)
            note.setPlaceholderText(pick(self.lang, "備註（可不填）", "Note (optional)"))
            note.setAccessibleName(f"{indicator} " + pick(self.lang, "備註", "note"))
            self.grid.addWidget(note, row, 0, 1, 6)
            self.notes[indicator] = note
            row += 1
            self.groups[indicator] = group
        self.grid.setColumnStretch(5, 1)

    def set_rating(self, indicator: str, value: int) -> None:
        button = self.groups[indicator].button(value)
        if button is not None:
            button.setChecked(True)

    def _save(self) -> None:
        ratings = {i: g.checkedId() for i, g in self.groups.items() if g.checkedId() > 0}
        missing = [i for i in RATED_INDICATORS if i not in ratings]
        observer = self.observer.text().strip()
        if not observer:
            self.error.setText(pick(self.lang, "請填寫觀察員姓名。", "Name the observer."))
            return
        if missing:
            self.error.setText(
                pick(self.lang, "請為 {ids} 評分。", "Rate {ids}.").format(ids=", ".join(missing))
            )
            return
        self.error.clear()
        notes = {k: e.toPlainText().strip() for k, e in self.notes.items()}
        self.saved.emit(
            ratings, {k: v for k, v in notes.items() if v}, observer, self.customer.text().strip()
        )

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._save()
            return
        super().keyPressEvent(event)
