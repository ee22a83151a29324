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
from trainer.ui.widgets.common import plain, restyle

if TYPE_CHECKING:
    from trainer.service import Workspace

log = logging.getLogger(__name__)

TABLE_NAMES = {
    "learners": "學習者 learners",
    "attempts": "作答 attempts",
    "decisions": "決策 decisions",
    "internal_reports": "內部報告 reports",
    "reflections": "反思 reflections",
    "self_ratings": "自評 self-ratings",
    "scores": "分數 scores",
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
        text = plain(
            "把學習紀錄檔（.db / .sqlite）拖放到這裡\nDrop learner log files (.db / .sqlite) here",
            "heroSub",
        )
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
                "合併學生交來的學習紀錄檔到這台電腦的資料庫。重複合併不會重複計算；"
                "有任何一個檔案有問題，就整批不合併，資料庫維持原狀。合併前會先自動備份。\n"
                "Merge learner logs into this computer's database. Merging twice adds nothing; "
                "one bad file and nothing is merged. A backup is made first.",
                "body",
            )
        )
        self.drop = DropZone()
        self.drop.dropped.connect(self.merge)
        root.addWidget(self.drop)
        row = QHBoxLayout()
        self.choose_button = QPushButton("選擇檔案… Choose files…")
        self.choose_button.setProperty("role", "primary")
        self.choose_button.clicked.connect(self.choose)
        row.addWidget(self.choose_button)
        # Issue 14 item 3: a folder of hand-ins, and a preview per file before merging.
        self.folder_button = QPushButton("選擇資料夾… Choose a folder…")
        self.folder_button.clicked.connect(self.choose_folder)
        row.addWidget(self.folder_button)
        self.preview_button = QPushButton("先預覽… Preview first…")
        self.preview_button.setToolTip(
            "只檢查並列出每個檔案會新增什麼，不合併 / Check and list what each file would add; merge nothing"
        )
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
            ["資料表 Table", "新增 Added", "已存在 Already there", "更新 Updated"],
            "合併結果 Merge summary",
            stretch=0,
        )
        root.addWidget(self.table, 1)
        self.files_table = make_table(
            [
                "檔案 File",
                "學習者 Learner",
                "新作答 New",
                "延續 Taken further",
                "已合併 Already merged",
                "較舊 Older",
                "注意 Notes",
            ],
            "每個檔案 Per file",
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
        folder = QFileDialog.getExistingDirectory(
            self, "選擇繳交資料夾 Choose a folder of hand-ins"
        )
        if folder:
            self.merge([Path(folder)])

    def choose_preview(self) -> None:
        files = prompts.choose_log_files(self)
        if files:
            self.preview(files)

    def preview(self, paths: list[Path]) -> bool:
        """Show per file what merging would do (trainer.exchange.collect); merge nothing."""
        self._show_status("正在檢查 Checking…", ok=None)
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
                        f"拒絕 Refused: {f.refused}" if f.refused else " / ".join(f.warnings),
                    ],
                )
                for f in preview.files
            ),
        )
        verdict = (
            "可以合併 Ready to merge."
            if preview.ok
            else "這批會被拒絕 This batch would be refused."
        )
        self._show_status(
            f"預覽 Preview: {len(preview.files)} 個檔案 file(s). {verdict}", ok=preview.ok
        )

    def merge(self, files: list[Path]) -> bool:
        names = ", ".join(f.name for f in files)
        self._show_status(f"正在合併 Merging {names}…", ok=None)
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
                (t, [TABLE_NAMES.get(t, t), c.added, c.present, c.updated])
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
                        f"新增決策 {c.decisions} decision(s) added",
                    ],
                )
                for name, learners in summary.file_learners.items()
                for c in learners.values()
            ),
        )
        added = sum(c.added for c in summary.totals.values())
        files = len(summary.files)
        self._show_status(
            f"已合併 {files} 個檔案，新增 {added} 筆資料。 Merged {files} file(s), {added} rows added.",
            ok=True,
        )
        self.merged.emit(summary)

    def _failed(self, exc: BaseException, details: str) -> None:
        log.error("merge refused: %s\n%s", exc, details)
        self._show_status(
            f"沒有合併任何資料，資料庫維持原狀。 Nothing was merged; the database is unchanged.\n{exc}",
            ok=False,
        )

    def _show_status(self, text: str, ok: bool | None) -> None:
        self.status.setText(text)
        restyle(self.status, role="error" if ok is False else "body")
