"""Step 1 of observer mode: the case, the agent, the customer player and the observer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from trainer.core.loader import Library
from trainer.ui.roleplay.text import pick
from trainer.ui.widgets.common import plain


class SetupPage(QWidget):
    #: case id, agent name, customer name, observer name
    start = Signal(str, str, str, str)
    kit = Signal(str)
    show_kit = Signal(str)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

        def t(zh: str, en: str) -> str:
            return pick(lang, zh, en)

        layout = QVBoxLayout(self)
        layout.addWidget(plain(t("觀察角色扮演：設定", "Observed role-play: set up"), "formTitle"))
        layout.addWidget(
            plain(
                t(
                    "選擇個案與三位同學：服務人員（受評者）、顧客扮演者、觀察員。",
                    "Pick the case and the three people: the agent (assessed), the customer "
                    "player and the observer.",
                ),
                "muted",
            )
        )
        form = QFormLayout()
        self.case = QComboBox()
        self.case.setAccessibleName(t("個案", "Case"))
        self.agent = self._names(t("服務人員（受評者）", "Agent (assessed)"))
        self.customer = self._names(t("顧客扮演者", "Customer player"))
        self.observer = self._names(t("觀察員", "Observer"))
        form.addRow(t("個案", "Case"), self.case)
        form.addRow(t("服務人員（受評者）", "Agent (assessed)"), self.agent)
        form.addRow(t("顧客扮演者", "Customer player"), self.customer)
        form.addRow(t("觀察員", "Observer"), self.observer)
        layout.addLayout(form)
        self.error = plain("", "error")
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.kit_button = QPushButton(t("列印角色扮演套件 PDF…", "Print the role-play kit PDF…"))
        self.kit_button.clicked.connect(lambda: self.kit.emit(self.case.currentData() or ""))
        self.start_button = QPushButton(t("開始計時與觀察", "Start the clock and observe"))
        self.start_button.setProperty("role", "primary")
        self.start_button.setMinimumHeight(48)
        self.start_button.clicked.connect(self._start)
        self.view_button = QPushButton(t("在螢幕上看角色扮演套件", "Show the role-play kit"))
        self.view_button.clicked.connect(lambda: self.show_kit.emit(self.case.currentData() or ""))
        row.addWidget(self.view_button)
        row.addWidget(self.kit_button)
        row.addStretch(1)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def _names(self, accessible: str) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.setAccessibleName(accessible)
        box.setMinimumHeight(36)
        return box

    def fill(self, library: Library, learners: list[dict[str, Any]]) -> None:
        self.case.clear()
        for case_id, loaded in sorted(library.cases.items()):
            self.case.addItem(f"{loaded.case.title.get(self.lang)}  ({case_id})", case_id)
        names = [str(row["display_name"]) for row in learners]
        for box in (self.agent, self.customer, self.observer):
            box.clear()
            box.addItems(names)
            box.setCurrentIndex(-1)
            box.setEditText("")

    def _start(self) -> None:
        def t(zh: str, en: str) -> str:
            return pick(self.lang, zh, en)

        case_id = self.case.currentData()
        agent, customer, observer = (
            b.currentText().strip() for b in (self.agent, self.customer, self.observer)
        )
        if not case_id:
            self.error.setText(t("請選擇個案。", "Pick a case."))
        elif not agent or not observer:
            self.error.setText(t("請填寫服務人員與觀察員。", "Name the agent and the observer."))
        elif agent in (customer, observer):
            self.error.setText(
                t("三個角色要由不同的人擔任。", "Three different people take the three roles.")
            )
        else:
            self.error.clear()
            self.start.emit(str(case_id), agent, customer, observer)
