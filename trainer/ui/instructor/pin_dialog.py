"""The PIN gate of the instructor area: set a PIN on first use, then ask for it.

Only a salted scrypt hash is stored (trainer.exchange.instructor). The modal
prompts are the module functions `ask_pin` / `ask_new_pin`, which tests replace.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from trainer.exchange.instructor import MAX_PIN, MIN_PIN, PinError, has_pin, set_pin, verify_pin
from trainer.exchange.source import Source
from trainer.ui import dialogs
from trainer.ui.widgets.common import plain


def _title() -> str:
    return QCoreApplication.translate("PinDialog", "教師專區")


class PinDialog(QDialog):
    """Enter the PIN, or (first use) choose one and type it twice."""

    def __init__(self, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(_title())
        self.setMinimumWidth(420)
        column = QVBoxLayout(self)
        column.setSpacing(10)
        if new:
            intro = self.tr(
                "第一次使用教師專區：請設定教師 PIN（{lo}–{hi} 個字元）。\n"
                "共用這台電腦的學習者沒有 PIN 就無法開啟教師專區。"
            ).format(lo=MIN_PIN, hi=MAX_PIN)
        else:
            intro = self.tr("請輸入教師 PIN。")
        column.addWidget(plain(intro, "body"))
        form = QFormLayout()
        self.pin = self._field(self.tr("PIN"))
        form.addRow(self.tr("PIN"), self.pin)
        self.again = self._field(self.tr("再輸入一次 PIN"))
        if new:
            form.addRow(self.tr("再輸入一次"), self.again)
        column.addLayout(form)
        self.error = plain("", "error")
        self.error.setVisible(False)
        column.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        column.addWidget(buttons)

    def _field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(MAX_PIN)
        edit.setAccessibleName(name)
        return edit

    def problem(self) -> str | None:
        pin = self.pin.text()
        if not self.new:
            return None if pin else self.tr("請輸入 PIN。")
        if not MIN_PIN <= len(pin) <= MAX_PIN or pin.strip() != pin:
            return self.tr("PIN 需要 {lo}–{hi} 個字元，前後不可有空白。").format(
                lo=MIN_PIN, hi=MAX_PIN
            )
        if pin != self.again.text():
            return self.tr("兩次輸入的 PIN 不一樣。")
        return None

    def check_and_accept(self) -> None:
        problem = self.problem()
        self.error.setText(problem or "")
        self.error.setVisible(bool(problem))
        if problem is None:
            self.accept()


def ask_pin(parent: QWidget | None) -> str | None:
    dialog = PinDialog(new=False, parent=parent)
    return dialog.pin.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_new_pin(parent: QWidget | None) -> str | None:
    dialog = PinDialog(new=True, parent=parent)
    return dialog.pin.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def unlock(parent: QWidget | None, source: Source) -> bool:
    """True when the instructor set a PIN now or typed the right one."""
    if not has_pin(source):
        pin = ask_new_pin(parent)
        if pin is None:
            return False
        try:
            set_pin(source, pin)
        except PinError as exc:
            dialogs.error(
                parent,
                QCoreApplication.translate("PinDialog", "無法設定 PIN：{m}").format(m=str(exc)),
            )
            return False
        dialogs.info(
            parent,
            _title(),
            QCoreApplication.translate("PinDialog", "已設定教師 PIN。請記住它。"),
        )
        return True
    pin = ask_pin(parent)
    if pin is None:
        return False
    if verify_pin(source, pin):
        return True
    dialogs.error(parent, QCoreApplication.translate("PinDialog", "PIN 不正確，無法開啟教師專區。"))
    return False
