"""Instructor settings: hide the mood meter from learners; change the PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from trainer.exchange.instructor import MAX_PIN, MIN_PIN, PinError, set_pin
from trainer.ui.widgets.common import card, plain, restyle

if TYPE_CHECKING:
    from trainer.service import Workspace
    from trainer.settings import Settings


class SettingsPage(QWidget):
    def __init__(
        self, workspace: Workspace, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(12)

        frame, body = card()
        body.addWidget(plain("學習者畫面 Learner screen", "cardTitle"))
        self.mood = QCheckBox("顯示顧客情緒量表 Show the customer's mood meter to learners")
        self.mood.setChecked(bool(settings["show_mood_meter"]))
        self.mood.toggled.connect(self._mood_toggled)
        body.addWidget(self.mood)
        body.addWidget(
            plain("下一次開始或繼續作答時生效。 Applies from the next case started.", "muted")
        )
        root.addWidget(frame)

        frame, body = card()
        body.addWidget(plain("變更教師 PIN Change the PIN", "cardTitle"))
        form = QFormLayout()
        self.old_pin, self.new_pin, self.again = (
            self._pin_field(n)
            for n in (
                "目前的 PIN Current",
                f"新的 PIN New ({MIN_PIN}–{MAX_PIN})",
                "再輸入一次 Again",
            )
        )
        for field in (self.old_pin, self.new_pin, self.again):
            form.addRow(field.accessibleName(), field)
        body.addLayout(form)
        self.change_button = QPushButton("變更 PIN Change")
        self.change_button.clicked.connect(self.change_pin)
        body.addWidget(self.change_button)
        self.pin_status = plain("", "body")
        body.addWidget(self.pin_status)
        root.addWidget(frame)
        root.addStretch(1)

    @staticmethod
    def _pin_field(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        edit.setMaxLength(MAX_PIN)
        return edit

    def _mood_toggled(self, on: bool) -> None:
        self.settings["show_mood_meter"] = on  # saved at once (trainer.settings)

    def change_pin(self) -> bool:
        ok = False
        if self.new_pin.text() != self.again.text():
            message = "兩次輸入的新 PIN 不一樣。 The two new PINs differ."
        else:
            try:
                set_pin(self.workspace.store, self.new_pin.text(), old_pin=self.old_pin.text())
            except PinError as exc:
                message = f"PIN 沒有變更 Not changed: {exc}"
            else:
                ok, message = True, "已變更 PIN。 The PIN was changed."
        for field in (self.old_pin, self.new_pin, self.again):
            field.clear()
        self.pin_status.setText(message)
        restyle(self.pin_status, role="body" if ok else "error")
        return ok
