"""The internal feedback form of 3.4: root cause, who must hear, prevention, profile note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.widgets.common import clear_layout, plain, scrolling_form, submit_row

if TYPE_CHECKING:
    from trainer.core.model import Case


class ReportForm(QWidget):
    submitted = Signal(str, list, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer, body = scrolling_form(self)
        body.addWidget(plain(self.tr("內部回饋報告（3.4）"), "formTitle"))
        body.addWidget(plain(self.tr("把這次投訴回報給內部，避免同樣的問題再發生。"), "muted"))
        body.addWidget(plain(self.tr("1. 根本原因是什麼？"), "sectionLabel"))
        self.causes = QVBoxLayout()
        body.addLayout(self.causes)
        body.addWidget(plain(self.tr("2. 需要通知誰？"), "sectionLabel"))
        self.recipients = QVBoxLayout()
        body.addLayout(self.recipients)
        body.addWidget(plain(self.tr("3. 預防建議"), "sectionLabel"))
        self.preventive = QPlainTextEdit()
        self.preventive.setAccessibleName(self.tr("預防建議"))
        self.preventive.setPlaceholderText(self.tr("例如：流程要怎麼改、誰要先通知誰"))
        self.preventive.setFixedHeight(70)
        self.preventive.setTabChangesFocus(True)
        body.addWidget(self.preventive)
        body.addWidget(plain(self.tr("4. 顧客檔案備註"), "sectionLabel"))
        self.profile_note = QPlainTextEdit()
        self.profile_note.setAccessibleName(self.tr("顧客檔案備註"))
        self.profile_note.setPlaceholderText(self.tr("下次服務這位顧客時需要知道的事"))
        self.profile_note.setFixedHeight(60)
        self.profile_note.setTabChangesFocus(True)
        body.addWidget(self.profile_note)
        self.error, self.submit = submit_row(
            outer, self.tr("提交報告  Ctrl+⏎"), self.tr("提交內部回饋報告")
        )
        self.submit.clicked.connect(self._submit)
        self.cause_group = QButtonGroup(self)
        self.cause_buttons: dict[str, QRadioButton] = {}
        self.recipient_boxes: dict[str, QCheckBox] = {}

    def set_case(self, case: Case, lang: str) -> None:
        for button in self.cause_buttons.values():
            self.cause_group.removeButton(button)
        clear_layout(self.causes)
        clear_layout(self.recipients)
        self.cause_buttons.clear()
        self.recipient_boxes.clear()
        feedback = case.steps.feedback
        for option in feedback.root_causes:
            button = QRadioButton(option.text.get(lang))  # button text is never rich text
            button.setAccessibleName(option.text.get(lang))
            self.cause_group.addButton(button)
            self.cause_buttons[option.id] = button
            self.causes.addWidget(button)
        for recipient in feedback.recipients:
            box = QCheckBox(recipient.label.get(lang))
            box.setAccessibleName(recipient.label.get(lang))
            self.recipient_boxes[recipient.id] = box
            self.recipients.addWidget(box)
        self.preventive.clear()
        self.profile_note.clear()
        self.error.clear()

    def _submit(self) -> None:
        root = next((k for k, b in self.cause_buttons.items() if b.isChecked()), None)
        if root is None:
            self.error.setText(self.tr("請先選擇根本原因。"))
            return
        recipients = [k for k, b in self.recipient_boxes.items() if b.isChecked()]
        self.error.clear()
        self.submitted.emit(
            root,
            recipients,
            self.preventive.toPlainText().strip(),
            self.profile_note.toPlainText().strip(),
        )

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
            return
        super().keyPressEvent(event)
