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
from trainer.ui.labels import QT_TRANSLATE_NOOP
from trainer.ui.widgets.common import card, plain, restyle

if TYPE_CHECKING:
    from trainer.service import Workspace

KINDS = {
    "auth": QT_TRANSLATE_NOOP("LrsPage", "帳號或密碼錯誤"),
    "unreachable": QT_TRANSLATE_NOOP("LrsPage", "連不到 LRS"),
    "rejected": QT_TRANSLATE_NOOP("LrsPage", "LRS 拒收一筆紀錄"),
    "server": QT_TRANSLATE_NOOP("LrsPage", "LRS 發生錯誤"),
    "cancelled": QT_TRANSLATE_NOOP("LrsPage", "已取消"),
    "config": QT_TRANSLATE_NOOP("LrsPage", "設定有誤"),
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
        body.addWidget(plain(self.tr("推送到 LRS（學習紀錄庫）"), "cardTitle"))
        body.addWidget(
            plain(
                self.tr("以 xAPI 1.0.3 送出（學習者以代號表示）。已確認收到的紀錄不會重送。"),
                "muted",
            )
        )
        form = QFormLayout()
        self.endpoint = QLineEdit()
        self.endpoint.setPlaceholderText("https://lrs.school.example/xAPI/")
        self.endpoint.setAccessibleName(self.tr("LRS 端點"))
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("LRS 帳號"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("LRS 密碼"))
        self.password.setPlaceholderText(self.tr("只用於這次推送"))
        self.remember = QCheckBox(self.tr("存在系統鑰匙圈"))
        self.remember.setEnabled(lrs.keyring_available())
        if not lrs.keyring_available():
            self.remember.setToolTip(self.tr("需要安裝 keyring 套件"))
        form.addRow(self.tr("端點"), self.endpoint)
        form.addRow(self.tr("帳號"), self.user)
        form.addRow(self.tr("密碼"), self.password)
        form.addRow("", self.remember)
        body.addLayout(form)
        self.filters = FilterBar(learner=False, case=False, until=False)
        body.addWidget(self.filters)
        buttons = QHBoxLayout()
        self.push_button = QPushButton(self.tr("推送"))
        self.push_button.setProperty("role", "primary")
        self.push_button.clicked.connect(self.push)
        buttons.addWidget(self.push_button)
        self.bar = QProgressBar()
        buttons.addWidget(self.bar, 1)
        self.cancel_button = QPushButton(self.tr("取消"))
        buttons.addWidget(self.cancel_button)
        body.addLayout(buttons)
        self.status = plain("", "body")
        body.addWidget(self.status)
        row.addWidget(frame, 3)

        frame, body = card()
        body.addWidget(plain(self.tr("xAPI 識別設定"), "cardTitle"))
        form = QFormLayout()
        self.base_iri = QLineEdit()
        self.base_iri.setAccessibleName("Base IRI")
        self.home_page = QLineEdit()
        self.home_page.setAccessibleName(self.tr("帳號 homePage"))
        form.addRow("Base IRI", self.base_iri)
        form.addRow("homePage", self.home_page)
        body.addLayout(form)
        self.save_button = QPushButton(self.tr("儲存"))
        self.save_button.clicked.connect(self.save_identifiers)
        body.addWidget(self.save_button)
        self.config_status = plain("", "muted")
        body.addWidget(self.config_status)
        body.addStretch(1)
        row.addWidget(frame, 2)
        root.addLayout(row)
        self.outbox = make_table(
            [self.tr("端點"), self.tr("已確認"), self.tr("最後一次")],
            self.tr("LRS 已送達紀錄"),
            stretch=0,
        )
        root.addWidget(plain(self.tr("已送達的紀錄"), "cardTitle"))
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
            self.config_status.setText(self.tr("沒有儲存：{reason}").format(reason=exc))
            restyle(self.config_status, role="error")
            return False
        self.config_status.setText(self.tr("已儲存"))
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

        self._show(self.tr("正在推送…"), ok=None)
        return self.runner.start(work, self._done, self._failed)

    def _done(self, result: lrs.PushResult) -> None:
        self.last_result = result
        self._show(
            self.tr("已送出 %n 筆", "", result.sent)
            + self.tr("（%n 批），", "", result.batches)
            + self.tr("%n 筆先前已送達。", "", result.already),
            ok=True,
        )
        self.reload()

    def _failed(self, exc: BaseException, details: str) -> None:
        key = getattr(exc, "kind", "")
        kind = self.tr(KINDS[key]) if key in KINDS else self.tr("推送失敗")
        sent = int(getattr(exc, "sent", 0))
        self._show(
            f"{kind}\n{exc}\n" + self.tr("已送達並記錄 %n 筆。", "", sent),
            ok=False,
        )
        self.reload()

    def _show(self, text: str, ok: bool | None) -> None:
        self.status.setText(text)
        restyle(self.status, role="error" if ok is False else "body")
