"""The role-play kit on screen: the three sheets in tabs (the same HTML as the PDF)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from trainer.core.model import Case
from trainer.render.kit_html import kit_sheet_html
from trainer.render.sheet_html import document_html
from trainer.roleplay.kit import build_kit
from trainer.ui.roleplay.text import pick


class KitView(QWidget):
    def __init__(self, case: Case, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(
            pick(lang, "角色扮演套件", "Role-play kit") + " — " + case.title.get(lang)
        )
        self.resize(900, 680)
        kit = build_kit(case, lang)
        self.tabs = QTabWidget()
        names = {
            "customer": pick(lang, "顧客", "Customer"),
            "agent": pick(lang, "服務人員", "Agent"),
            "observer": pick(lang, "觀察員", "Observer"),
        }
        for sheet in kit.sheets:
            browser = QTextBrowser()
            browser.setOpenLinks(False)
            browser.setHtml(document_html(kit_sheet_html(kit, sheet, page_break=False)))
            browser.setAccessibleName(sheet.title)
            self.tabs.addTab(browser, names[sheet.role])
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
