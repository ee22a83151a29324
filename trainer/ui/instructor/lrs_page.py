"""Push to the school's Learning Record Store (xAPI), with a progress bar.

The password is typed here for this push only, or read from / saved to the system
keyring when the `keyring` package is installed; it is never written to a file or
to the database. What the LRS acknowledged is kept in the outbox, so pushing again
sends only what is new.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.exchange import lrs
from trainer.exchange.atomic import ExportError
from trainer.exchange.xapi import XapiConfig, load_config, save_config
from trainer.store.db import db_path_of
from trainer.store.outbox import summary
from trainer.ui.instructor.filter_bar import FilterBar
from trainer.ui.instructor.progress_runner import ProgressRunner
from trainer.ui.instructor.tables import fill, make_table
from trainer.ui.widgets.common import card, plain, restyle

if TYPE_CHECKING:
    from trainer.service import Workspace

KINDS = {
    "auth": "帳號或密碼錯誤 Wrong user or password",
    "unreachable": "連不到 LRS Cannot reach the LRS",
    "rejected": "LRS 拒收一筆紀錄 The LRS rejected a statement",
    "server": "LRS 發生錯誤 The LRS failed",
    "cancelled": "已取消 Cancelled",
    "config": "設定有誤 Settings",
}


class LrsPage(QWidget):
    def __init__(self, workspace: Workspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        self.last_result: lrs.PushResult | None = None
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(10)
        row = QHBoxLayout()
        frame, body = card()
        body.addWidget(plain("推送到 LRS Push to a Learning Record Store", "cardTitle"))
        body.addWidget(
            plain(
                "以 xAPI 1.0.3 送出（學習者以代號表示）。已確認收到的紀錄不會重送。\n"
                "Sent as xAPI 1.0.3 (learners as pseudonyms). What the LRS acknowledged is "
                "never sent again.",
                "muted",
            )
        )
        form = QFormLayout()
        self.endpoint = QLineEdit()
        self.endpoint.setPlaceholderText("https://lrs.school.example/xAPI/")
        self.endpoint.setAccessibleName("LRS 端點 Endpoint")
        self.user = QLineEdit()
        self.user.setAccessibleName("帳號 User")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("密碼 Password")
        self.password.setPlaceholderText("只用於這次推送 used for this push only")
        self.remember = QCheckBox("存在系統鑰匙圈 Save in the system keyring")
        self.remember.setEnabled(lrs.keyring_available())
        if not lrs.keyring_available():
            self.remember.setToolTip("需要 keyring 套件 The keyring package is not installed")
        form.addRow("端點 Endpoint", self.endpoint)
        form.addRow("帳號 User", self.user)
        form.addRow("密碼 Password", self.password)
        form.addRow("", self.remember)
        body.addLayout(form)
        self.filters = FilterBar(learner=False, case=False, until=False)
        body.addWidget(self.filters)
        buttons = QHBoxLayout()
        self.push_button = QPushButton("推送 Push")
        self.push_button.setProperty("role", "primary")
        self.push_button.clicked.connect(self.push)
        buttons.addWidget(self.push_button)
        self.bar = QProgressBar()
        buttons.addWidget(self.bar, 1)
        self.cancel_button = QPushButton("取消 Cancel")
        buttons.addWidget(self.cancel_button)
        body.addLayout(buttons)
        self.status = plain("", "body")
        body.addWidget(self.status)
        row.addWidget(frame, 3)

        frame, body = card()
        body.addWidget(plain("xAPI 設定 Identifiers", "cardTitle"))
        form = QFormLayout()
        self.base_iri = QLineEdit()
        self.base_iri.setAccessibleName("Base IRI")
        self.home_page = QLineEdit()
        self.home_page.setAccessibleName("帳號 homePage")
        form.addRow("Base IRI", self.base_iri)
        form.addRow("homePage", self.home_page)
        body.addLayout(form)
        self.save_button = QPushButton("儲存 Save")
        self.save_button.clicked.connect(self.save_identifiers)
        body.addWidget(self.save_button)
        self.config_status = plain("", "muted")
        body.addWidget(self.config_status)
        body.addStretch(1)
        row.addWidget(frame, 2)
        root.addLayout(row)
        self.outbox = make_table(
            ["端點 Endpoint", "已確認 Acknowledged", "最後 Last"], "LRS 紀錄 Outbox", stretch=0
        )
        root.addWidget(plain("已送達的紀錄 Acknowledged so far", "cardTitle"))
        root.addWidget(self.outbox, 1)
        self.runner = ProgressRunner(
            self.bar, self.cancel_button, [self.push_button, self.endpoint, self.user], self
        )
        self.reload()

    def reload(self) -> None:
        self.filters.reload(self.workspace, self.lang)
        config = load_config(self.workspace.store.db.conn)
        self.base_iri.setText(config.base_iri)
        self.home_page.setText(config.home_page)
        fill(
            self.outbox,
            (
                (str(r["endpoint"]), [r["endpoint"], r["statements"], r["last_acked"]])
                for r in summary(self.workspace.store.db)
            ),
        )

    def save_identifiers(self) -> bool:
        try:
            config = XapiConfig(self.base_iri.text().strip(), self.home_page.text().strip())
            save_config(self.workspace.store.db.conn, config)
        except ExportError as exc:
            self.config_status.setText(f"沒有儲存 Not saved: {exc}")
            restyle(self.config_status, role="error")
            return False
        self.config_status.setText("已儲存 Saved")
        restyle(self.config_status, role="muted")
        return True

    def _password(self) -> str:
        typed = self.password.text()
        if typed:
            return typed
        return lrs.keyring_password(self.endpoint.text(), self.user.text().strip()) or ""

    def push(self) -> bool:
        endpoint, user = self.endpoint.text().strip(), self.user.text().strip()
        target = lrs.LrsTarget(endpoint, user, self._password())
        if self.remember.isChecked() and self.password.text():
            lrs.save_keyring_password(endpoint, user, self.password.text())
        self.password.clear()  # not kept in the window either
        database = Path(db_path_of(self.workspace.store.db))
        chosen = self.filters.filters()
        library = self.workspace.library

        def work(report: Callable[[int, int], None], cancel: threading.Event) -> Any:
            return lrs.push(
                database, target, chosen, library=library, progress=report, cancel=cancel
            )

        self._show("正在推送 Pushing…", ok=None)
        return self.runner.start(work, self._done, self._failed)

    def _done(self, result: lrs.PushResult) -> None:
        self.last_result = result
        self._show(
            f"已送出 {result.sent} 筆（{result.batches} 批），{result.already} 筆先前已送達。\n"
            f"Sent {result.sent} statements in {result.batches} batches; "
            f"{result.already} were already there.",
            ok=True,
        )
        self.reload()

    def _failed(self, exc: BaseException, details: str) -> None:
        kind = KINDS.get(getattr(exc, "kind", ""), "推送失敗 Push failed")
        sent = getattr(exc, "sent", 0)
        self._show(
            f"{kind}\n{exc}\n已送達並記錄 {sent} 筆 {sent} statements were acknowledged and kept.",
            ok=False,
        )
        self.reload()

    def _show(self, text: str, ok: bool | None) -> None:
        self.status.setText(text)
        restyle(self.status, role="error" if ok is False else "body")
