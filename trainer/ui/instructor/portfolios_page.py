"""Portfolios for the whole class (or a filter) into a folder, with progress and
cancel; and the class summary PDF for a department meeting."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.exchange.portfolios import BatchResult, write_class_summary, write_portfolios
from trainer.ui.instructor import prompts
from trainer.ui.instructor.filter_bar import FilterBar
from trainer.ui.instructor.progress_runner import ProgressRunner
from trainer.ui.widgets.common import card, plain, restyle

if TYPE_CHECKING:
    from trainer.service import Workspace


def choose_folder(parent: QWidget | None) -> Path | None:
    """The folder for the portfolios (monkeypatched in tests)."""
    path = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("PortfoliosPage", "選擇資料夾")
    )
    return Path(path) if path else None


class PortfoliosPage(QWidget):
    def __init__(self, workspace: Workspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        self.last: BatchResult | None = None
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(10)
        frame, body = card()
        body.addWidget(plain(self.tr("全班作品集"), "cardTitle"))
        body.addWidget(
            plain(
                self.tr(
                    "每位學習者一個 PDF（評量證據作品集），檔名：班級-學號-姓名-portfolio.pdf。"
                ),
                "muted",
            )
        )
        self.filters = FilterBar(learner=True, case=False, until=False)
        body.addWidget(self.filters)
        row = QHBoxLayout()
        self.batch_button = QPushButton(self.tr("產生作品集…"))
        self.batch_button.setProperty("role", "primary")
        self.batch_button.clicked.connect(self.choose_and_write)
        row.addWidget(self.batch_button)
        self.summary_button = QPushButton(self.tr("班級摘要 PDF…"))
        self.summary_button.clicked.connect(self.choose_and_summarize)
        row.addWidget(self.summary_button)
        self.bar = QProgressBar()
        row.addWidget(self.bar, 1)
        self.cancel_button = QPushButton(self.tr("取消"))
        row.addWidget(self.cancel_button)
        body.addLayout(row)
        self.status = plain("", "body")
        body.addWidget(self.status)
        root.addWidget(frame)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("已產生的檔案"))
        root.addWidget(self.files, 1)
        self.runner = ProgressRunner(
            self.bar, self.cancel_button, [self.batch_button, self.summary_button], self
        )

    def reload(self) -> None:
        self.filters.reload(self.workspace, self.lang)

    def choose_and_write(self) -> bool:
        folder = choose_folder(self)
        return self.write(folder) if folder else False

    def write(self, folder: Path) -> bool:
        root, chosen, lang = self.workspace.root, self.filters.filters(), self.lang
        names: list[str] = []

        def work(report: Callable[[int, int], None], cancel: threading.Event) -> Any:
            def progress(done: int, total: int, name: str) -> None:
                names.append(name)
                report(done, total)

            return write_portfolios(root, folder, chosen, lang, progress, cancel)

        self.files.clear()
        self._say(self.tr("正在產生到 {folder}…").format(folder=folder), ok=None)
        return self.runner.start(work, self._done, self._failed)

    def _done(self, result: Any) -> None:
        if isinstance(result, BatchResult):
            self.last = result
            for path in result.written:
                self.files.addItem(path.name)  # plain text items
            n = len(result.written)
            text = (
                self.tr("已取消：%n 份作品集 → {folder}", "", n)
                if result.cancelled
                else self.tr("完成：%n 份作品集 → {folder}", "", n)
            )
            self._say(text.format(folder=result.folder), ok=True)
        else:
            self._say(self.tr("已寫入：{path}").format(path=result), ok=True)

    def _failed(self, exc: BaseException, details: str) -> None:
        self._say(self.tr("沒有完成：{reason}").format(reason=exc), ok=False)

    def choose_and_summarize(self) -> bool:
        out = prompts.choose_export_path(self, "pdf", Path.home() / "class-summary.pdf")
        return self.summarize(out) if out else False

    def summarize(self, out: Path) -> bool:
        root, chosen, lang = self.workspace.root, self.filters.filters(), self.lang

        def work(report: Callable[[int, int], None], cancel: threading.Event) -> Any:
            report(0, 1)
            write_class_summary(root, out, chosen, 60, lang)
            report(1, 1)
            return out

        self._say(self.tr("正在產生班級摘要…"), ok=None)
        return self.runner.start(work, self._done, self._failed)

    def _say(self, text: str, ok: bool | None) -> None:
        self.status.setText(text)
        restyle(self.status, role="error" if ok is False else "body")
