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
        body.addWidget(plain(self.tr("學習者畫面"), "cardTitle"))
        self.mood = QCheckBox(self.tr("讓學習者看到顧客情緒量表"))
        self.mood.setChecked(bool(settings["show_mood_meter"]))
        self.mood.toggled.connect(self._mood_toggled)
        body.addWidget(self.mood)
        body.addWidget(plain(self.tr("下一次開始或繼續作答時生效。"), "muted"))
        root.addWidget(frame)

        frame, body = card()
        body.addWidget(plain(self.tr("變更教師 PIN"), "cardTitle"))
        form = QFormLayout()
        self.old_pin, self.new_pin, self.again = (
            self._pin_field(n)
            for n in (
                self.tr("目前的 PIN"),
                self.tr("新的 PIN（{lo}–{hi} 個字元）").format(lo=MIN_PIN, hi=MAX_PIN),
                self.tr("再輸入一次新的 PIN"),
            )
        )
        for field in (self.old_pin, self.new_pin, self.again):
            form.addRow(field.accessibleName(), field)
        body.addLayout(form)
        self.change_button = QPushButton(self.tr("變更 PIN"))
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
            message = self.tr("兩次輸入的新 PIN 不一樣。")
        else:
            try:
                set_pin(self.workspace.store, self.new_pin.text(), old_pin=self.old_pin.text())
            except PinError as exc:
                message = self.tr("PIN 沒有變更：{reason}").format(reason=exc)
            else:
                ok, message = True, self.tr("已變更 PIN。")
        for field in (self.old_pin, self.new_pin, self.again):
            field.clear()
        self.pin_status.setText(message)
        restyle(self.pin_status, role="body" if ok else "error")
        return ok
