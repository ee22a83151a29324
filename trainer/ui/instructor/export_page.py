"""Exports from the app: csv (a folder), xlsx, xAPI, SQLite, PDF portfolio.

The same function as `python -m trainer export` (trainer.exchange.export), with the same
filters (learner, class, since) and pseudonyms; they run in a worker.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trainer.exchange.atomic import ExportError
from trainer.exchange.export import export
from trainer.exchange.filters import Filters
from trainer.store.db import db_path_of
from trainer.ui.instructor import prompts
from trainer.ui.instructor.filter_bar import FilterBar
from trainer.ui.instructor.workers import Runner
from trainer.ui.labels import QT_TRANSLATE_NOOP
from trainer.ui.widgets.common import card, plain, restyle

if TYPE_CHECKING:
    from trainer.service import Workspace

log = logging.getLogger(__name__)

FORMAT_TEXT = {
    "csv": (
        QT_TRANSLATE_NOOP("ExportPage", "CSV 資料夾"),
        QT_TRANSLATE_NOOP(
            "ExportPage", "完整紀錄，每個資料表一個 CSV（UTF-8 BOM，Excel 可直接開）"
        ),
    ),
    "xlsx": (
        QT_TRANSLATE_NOOP("ExportPage", "Excel 活頁簿 .xlsx"),
        QT_TRANSLATE_NOOP(
            "ExportPage", "摘要、練習次數（含 3.1–3.5 分數）、決策、反思等分頁；完整紀錄請用 CSV"
        ),
    ),
    "xapi": (
        QT_TRANSLATE_NOOP("ExportPage", "xAPI 陳述 .json"),
        QT_TRANSLATE_NOOP("ExportPage", "給 LRS 使用；學習者一律以代號表示"),
    ),
    "sqlite": (
        QT_TRANSLATE_NOOP("ExportPage", "SQLite 複本 .db"),
        QT_TRANSLATE_NOOP("ExportPage", "可在別台電腦合併，或用 Datasette 檢視"),
    ),
    "pdf": (
        QT_TRANSLATE_NOOP("ExportPage", "PDF 評量證據作品集"),
        QT_TRANSLATE_NOOP("ExportPage", "選一位學習者；含每次完成的反思單"),
    ),
}


class ExportPage(QWidget):
    exported = Signal(str, object)  # format, counts

    def __init__(self, workspace: Workspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        self.last_result: dict[str, int] | None = None
        self.last_path: Path | None = None
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(10)
        frame, body = card()
        body.addWidget(plain(self.tr("格式"), "cardTitle"))
        grid = QGridLayout()
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for row, (fmt, (title, hint)) in enumerate(FORMAT_TEXT.items()):
            button = QRadioButton(self.tr(title))
            button.setAccessibleName(self.tr(title))
            self.format_group.addButton(button)
            self.format_buttons[fmt] = button
            button.toggled.connect(self._format_changed)
            grid.addWidget(button, row, 0)
            grid.addWidget(plain(self.tr(hint), "muted"), row, 1)
        grid.setColumnStretch(1, 1)
        body.addLayout(grid)
        root.addWidget(frame)

        frame, body = card()
        body.addWidget(plain(self.tr("範圍"), "cardTitle"))
        self.filters = FilterBar(learner=True, case=False, until=False)
        body.addWidget(self.filters)
        options = QHBoxLayout()
        self.pseudonymize = QCheckBox(self.tr("以代號取代姓名"))
        options.addWidget(self.pseudonymize)
        options.addSpacing(24)
        options.addWidget(QLabel(self.tr("匯出語言")))
        self.language = QComboBox()
        self.language.addItem("中文（台灣）", "zh-TW")
        self.language.addItem("English", "en")
        self.language.setAccessibleName(self.tr("匯出語言"))
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        options.addWidget(self.language)
        options.addStretch(1)
        body.addLayout(options)
        root.addWidget(frame)

        actions = QHBoxLayout()
        self.export_button = QPushButton(self.tr("匯出…"))
        self.export_button.setProperty("role", "primary")
        self.export_button.clicked.connect(self.choose_and_export)
        actions.addWidget(self.export_button)
        self.busy = QProgressBar()
        self.busy.setMaximumWidth(220)
        actions.addWidget(self.busy)
        actions.addStretch(1)
        root.addLayout(actions)
        self.status = plain("", "body")
        root.addWidget(self.status)
        root.addStretch(1)
        self.runner = Runner(self.busy, [self.export_button], self)
        self.format_buttons["xlsx"].setChecked(True)

    @property
    def fmt(self) -> str:
        return next(f for f, b in self.format_buttons.items() if b.isChecked())

    def _format_changed(self) -> None:
        fmt = self.fmt
        # a PDF carries the learner's name by design; xAPI is always pseudonymous
        self.pseudonymize.setEnabled(fmt not in ("pdf", "xapi"))
        if fmt == "pdf":
            self.pseudonymize.setChecked(False)
        if fmt == "xapi":
            self.pseudonymize.setChecked(True)

    def reload_choices(self) -> None:
        self.filters.reload(self.workspace, self.lang)

    def suggested(self, fmt: str) -> Path:
        stem = f"complaint-trainer-{date.today().isoformat()}"
        suffix = "" if fmt == "csv" else prompts.SUFFIX[fmt]
        return Path.home() / f"{stem}{suffix}"

    def choose_and_export(self) -> bool:
        fmt = self.fmt
        out = prompts.choose_export_path(self, fmt, self.suggested(fmt))
        if out is None:
            return False
        return self.export(fmt, out, self.filters.filters())

    def export(
        self, fmt: str, out: Path, filters: Filters, pseudonymize: bool | None = None
    ) -> bool:
        pseudo = self.pseudonymize.isChecked() if pseudonymize is None else pseudonymize
        if fmt == "pdf" and not (filters.learner or filters.attempt_id):
            self._show(self.tr("PDF 作品集需要先選一位學習者。"), ok=False)
            return False
        lang = str(self.language.currentData())
        root, database = self.workspace.root, Path(db_path_of(self.workspace.store.db))
        self.last_path = out
        self._show(self.tr("正在匯出到 {path}…").format(path=out), ok=None)
        return self.runner.start(
            lambda: export(fmt, root, database, out, filters, pseudo, lang),
            lambda counts: self._done(fmt, out, counts),
            self._failed,
        )

    def _done(self, fmt: str, out: Path, counts: dict[str, int]) -> None:
        self.last_result = counts
        detail = ", ".join(f"{k} {v:,}" for k, v in counts.items())
        log.info("exported %s to %s (%s)", fmt, out, detail)
        self._show(self.tr("已匯出：{path}").format(path=out) + f"\n{detail}", ok=True)
        self.exported.emit(fmt, counts)

    def _failed(self, exc: BaseException, details: str) -> None:
        self.last_result = None
        log.error("export failed: %s\n%s", exc, details)
        reason = str(exc) if isinstance(exc, ExportError) else f"{type(exc).__name__}: {exc}"
        self._show(self.tr("匯出失敗，沒有寫入任何檔案。") + f"\n{reason}", ok=False)

    def _show(self, text: str, ok: bool | None) -> None:
        self.status.setText(text)
        restyle(self.status, role="error" if ok is False else "body")
