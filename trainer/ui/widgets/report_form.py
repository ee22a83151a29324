"""The internal feedback form of 3.4: root cause, who must hear, prevention, profile note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.widgets.common import (
    NoteEdit,
    WrapChoice,
    clear_layout,
    plain,
    scrolling_form,
    submit_row,
    tab_chain,
)

if TYPE_CHECKING:
    from trainer.core.model import Case


class ReportForm(QWidget):
    submitted = Signal(str, list, str, str)
    #: Any field changed (the page saves a draft, debounced).
    edited = Signal()

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
        self.preventive = NoteEdit(3)
        self.preventive.setAccessibleDescription(self.tr("寫下避免再發生的做法"))
        self.preventive.setAccessibleName(self.tr("預防建議"))
        self.preventive.setPlaceholderText(self.tr("例如：流程要怎麼改、誰要先通知誰"))
        self.preventive.textChanged.connect(self.edited.emit)
        body.addWidget(self.preventive)
        body.addWidget(plain(self.tr("4. 顧客檔案備註"), "sectionLabel"))
        self.profile_note = NoteEdit(2)
        self.profile_note.setAccessibleDescription(self.tr("寫下下次服務這位顧客要注意的事"))
        self.profile_note.setAccessibleName(self.tr("顧客檔案備註"))
        self.profile_note.setPlaceholderText(self.tr("下次服務這位顧客時需要知道的事"))
        self.profile_note.textChanged.connect(self.edited.emit)
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
        # Long root causes wrap (a QRadioButton's text would not, and was cut off).
        for option in feedback.root_causes:
            button = QRadioButton()
            button.setAccessibleDescription(self.tr("根本原因（單選）"))
            self.cause_group.addButton(button)
            self.cause_buttons[option.id] = button
            self.causes.addWidget(WrapChoice(button, option.text.get(lang)))
            button.toggled.connect(lambda _on: self.edited.emit())
        for recipient in feedback.recipients:
            box = QCheckBox()
            box.setAccessibleDescription(self.tr("需要通知的對象（可複選）"))
            self.recipient_boxes[recipient.id] = box
            self.recipients.addWidget(WrapChoice(box, recipient.label.get(lang)))
            box.toggled.connect(lambda _on: self.edited.emit())
        # Tab follows the screen: causes, recipients, the two notes, submit.
        tab_chain(
            [
                *self.cause_buttons.values(),
                *self.recipient_boxes.values(),
                self.preventive,
                self.profile_note,
                self.submit,
            ]
        )
        self.preventive.blockSignals(True)
        self.profile_note.blockSignals(True)
        self.preventive.clear()
        self.profile_note.clear()
        self.preventive.blockSignals(False)
        self.profile_note.blockSignals(False)
        self.error.clear()

    def reset(self) -> None:
        """Empty the form for a new attempt of the same case."""
        self.cause_group.setExclusive(False)
        for button in self.cause_buttons.values():
            button.setChecked(False)
        self.cause_group.setExclusive(True)
        for box in self.recipient_boxes.values():
            box.setChecked(False)
        self.preventive.clear()
        self.profile_note.clear()
        self.error.clear()

    def draft(self) -> dict[str, object]:
        """The form as it is now (saved as a draft while the learner works)."""
        return {
            "root_cause": next((k for k, b in self.cause_buttons.items() if b.isChecked()), None),
            "recipients": [k for k, b in self.recipient_boxes.items() if b.isChecked()],
            "preventive": self.preventive.toPlainText(),
            "profile_note": self.profile_note.toPlainText(),
        }

    def restore(self, draft: dict[str, object]) -> None:
        """Fill the form from a draft (unknown ids are ignored)."""
        root = draft.get("root_cause")
        if isinstance(root, str) and root in self.cause_buttons:
            self.cause_buttons[root].setChecked(True)
        recipients = draft.get("recipients")
        for key, box in self.recipient_boxes.items():
            box.setChecked(isinstance(recipients, list) and key in recipients)
        for edit, key in ((self.preventive, "preventive"), (self.profile_note, "profile_note")):
            value = draft.get(key)
            if isinstance(value, str):
                edit.setPlainText(value)

    def focus_first(self) -> None:
        """Put the keyboard in the form: the chosen root cause, else the first one."""
        checked = self.cause_group.checkedButton()
        target = checked or next(iter(self.cause_buttons.values()), None) or self.preventive
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        root = next((k for k, b in self.cause_buttons.items() if b.isChecked()), None)
        if root is None:
            self.error.setText(self.tr("請先選擇根本原因。"))
            self.focus_first()  # to the causes, which may be scrolled out of view
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
