"""Every modal prompt of the app, behind small helpers a test can monkeypatch.

Tests replace these functions (e.g. `monkeypatch.setattr(dialogs, "ask", ...)`) so
no test ever waits on a real modal dialog.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

log = logging.getLogger(__name__)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/no question; returns True for yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes = box.addButton(QCoreApplication.translate("Dialogs", "是"), QMessageBox.ButtonRole.YesRole)
    box.addButton(QCoreApplication.translate("Dialogs", "否"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def error(parent: QWidget | None, text: str, details: str | None = None) -> None:
    """A short message in the learner's language; details go to the log file."""
    if details:
        log.error("%s\n%s", text, details)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Dialogs", "發生問題"),
        text,
        parent=parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        QCoreApplication.translate("Dialogs", "詳細資訊已寫入記錄檔 logs/trainer.log。")
    )
    box.exec()


def save_pdf_path(parent: QWidget | None, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "匯出 PDF"), suggested, "PDF (*.pdf)"
    )
    if not path:
        return None
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    return Path(path)


def print_document(parent: QWidget | None, document: QTextDocument) -> bool:
    """Show the system print dialog and print; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Dialogs", "列印反思單"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True
