"""Merging learner logs into this computer's database: drop files or choose them.

Every file is checked before anything is merged; one bad file refuses the whole
merge and the database is unchanged (trainer.exchange.merge). The merge runs in a
worker so the window stays responsive.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.exchange.collect import MergePreview, expand, preview_merge
from trainer.exchange.merge import MergeSummary
from trainer.store.db import db_path_of
from trainer.ui.instructor import jobs, prompts
from trainer.ui.instructor.tables import fill, make_table
from trainer.ui.instructor.workers import Runner
from trainer.ui.labels import QT_TRANSLATE_NOOP
from trainer.ui.widgets.common import plain, restyle

if TYPE_CHECKING:
    from trainer.service import Workspace

log = logging.getLogger(__name__)

TABLE_NAMES = {
    "learners": QT_TRANSLATE_NOOP("ImportPage", "學習者"),
    "attempts": QT_TRANSLATE_NOOP("ImportPage", "作答"),
    "decisions": QT_TRANSLATE_NOOP("ImportPage", "決策"),
    "internal_reports": QT_TRANSLATE_NOOP("ImportPage", "內部報告"),
    "reflections": QT_TRANSLATE_NOOP("ImportPage", "反思"),
    "self_ratings": QT_TRANSLATE_NOOP("ImportPage", "自評"),
    "scores": QT_TRANSLATE_NOOP("ImportPage", "分數"),
}


class DropZone(QFrame):
    dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setObjectName("dropZone")
        self.setStyleSheet(
            "#dropZone { border: 2px dashed #9aa8bd; border-radius: 10px; background: #f7f9fc; }"
            '#dropZone[hover="true"] { border-color: #2a5bd7; background: #eef3fd; }'
        )
        self.setMinimumHeight(120)
        column = QVBoxLayout(self)
        text = plain(self.tr("把學習紀錄檔（.db / .sqlite）拖放到這裡"), "heroSub")
        self.setAccessibleName(self.tr("學習紀錄檔拖放區"))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            restyle(self, hover=True)
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:
        restyle(self, hover=False)

    def dropEvent(self, event: QDropEvent) -> None:
        restyle(self, hover=False)
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.dropped.emit(files)


class ImportPage(QWidget):
    merged = Signal(object)  # MergeSummary

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.last_summary: MergeSummary | None = None
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(10)
        root.addWidget(
            plain(
                self.tr(
                    "合併學生交來的學習紀錄檔到這台電腦的資料庫。重複合併不會重複計算；"
                    "有任何一個檔案有問題，就整批不合併，資料庫維持原狀。合併前會先自動備份。"
                ),
                "body",
            )
        )
        self.drop = DropZone()
        self.drop.dropped.connect(self.merge)
        root.addWidget(self.drop)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("選擇檔案…"))
        self.choose_button.setProperty("role", "primary")
        self.choose_button.clicked.connect(self.choose)
        row.addWidget(self.choose_button)
        # Issue 14 item 3: a folder of hand-ins, and a preview per file before merging.
        self.folder_button = QPushButton(self.tr("選擇資料夾…"))
        self.folder_button.clicked.connect(self.choose_folder)
        row.addWidget(self.folder_button)
        self.preview_button = QPushButton(self.tr("先預覽…"))
        self.preview_button.setToolTip(self.tr("只檢查並列出每個檔案會新增什麼，不合併"))
        self.preview_button.clicked.connect(self.choose_preview)
        row.addWidget(self.preview_button)
        self.busy = QProgressBar()
        self.busy.setMaximumWidth(220)
        row.addWidget(self.busy)
        row.addStretch(1)
        root.addLayout(row)
        self.status = plain("", "body")
        root.addWidget(self.status)
        self.table = make_table(
            [self.tr("資料表"), self.tr("新增"), self.tr("已存在"), self.tr("更新")],
            self.tr("合併結果"),
            stretch=0,
        )
        root.addWidget(self.table, 1)
        self.files_table = make_table(
            [
                self.tr("檔案"),
                self.tr("學習者"),
                self.tr("新作答"),
                self.tr("延續"),
                self.tr("已合併"),
                self.tr("較舊"),
                self.tr("注意"),
            ],
            self.tr("每個檔案"),
            stretch=6,
        )
        root.addWidget(self.files_table, 1)
        self.last_preview: MergePreview | None = None
        self.runner = Runner(
            self.busy,
            [self.choose_button, self.folder_button, self.preview_button, self.drop],
            self,
        )

    @property
    def database(self) -> Path:
        return Path(db_path_of(self.workspace.store.db))

    def choose(self) -> None:
        files = prompts.choose_log_files(self)
        if files:
            self.merge(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("選擇繳交資料夾"))
        if folder:
            self.merge([Path(folder)])

    def choose_preview(self) -> None:
        files = prompts.choose_log_files(self)
        if files:
            self.preview(files)

    def preview(self, paths: list[Path]) -> bool:
        """Show per file what merging would do (trainer.exchange.collect); merge nothing."""
        self._show_status(self.tr("正在檢查…"), ok=None)
        database = self.database
        return self.runner.start(
            lambda: preview_merge(database, paths), self._previewed, self._failed
        )

    def _previewed(self, preview: MergePreview) -> None:
        self.last_preview = preview
        fill(
            self.files_table,
            (
                (
                    str(f.path),
                    [
                        f.path.name,
                        ", ".join(c.name for c in f.learners),
                        f.count("new"),
                        f.count("extended"),
                        f.count("present"),
                        f.count("stale"),
                        self.tr("拒絕：{reason}").format(reason=f.refused)
                        if f.refused
                        else " / ".join(f.warnings),
                    ],
                )
                for f in preview.files
            ),
        )
        verdict = self.tr("可以合併。") if preview.ok else self.tr("這批會被拒絕。")
        self._show_status(
            self.tr("預覽：%n 個檔案。", "", len(preview.files)) + " " + verdict, ok=preview.ok
        )

    def merge(self, files: list[Path]) -> bool:
        names = ", ".join(f.name for f in files)
        self._show_status(self.tr("正在合併 {names}…").format(names=names), ok=None)
        database = self.database
        return self.runner.start(
            lambda: jobs.merge_logs(database, expand(files)[0] or files), self._done, self._failed
        )

    def _done(self, summary: MergeSummary) -> None:
        self.last_summary = summary
        log.info("merge done\n%s", summary.text())
        fill(
            self.table,
            (
                (
                    t,
                    [
                        self.tr(TABLE_NAMES[t]) if t in TABLE_NAMES else t,
                        c.added,
                        c.present,
                        c.updated,
                    ],
                )
                for t, c in summary.totals.items()
            ),
        )
        fill(
            self.files_table,
            (
                (
                    name,
                    [
                        Path(name).name,
                        c.name,
                        c.new,
                        c.extended,
                        c.present,
                        c.stale,
                        self.tr("新增 %n 個決策", "", c.decisions),
                    ],
                )
                for name, learners in summary.file_learners.items()
                for c in learners.values()
            ),
        )
        added = sum(c.added for c in summary.totals.values())
        files = len(summary.files)
        self._show_status(
            self.tr("已合併 %n 個檔案，", "", files) + self.tr("新增 %n 筆資料。", "", added),
            ok=True,
        )
        self.merged.emit(summary)

    def _failed(self, exc: BaseException, details: str) -> None:
        log.error("merge refused: %s\n%s", exc, details)
        self._show_status(
            self.tr("沒有合併任何資料，資料庫維持原狀。") + f"\n{exc}",
            ok=False,
        )

    def _show_status(self, text: str, ok: bool | None) -> None:
        self.status.setText(text)
        restyle(self.status, role="error" if ok is False else "body")
