"""Each learner's history: pick a learner, see their attempts (original and
effective scores), open any attempt's reflection sheet and review it."""

from __future__ import annotations

import logging
import traceback
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trainer.core.vocab import INDICATORS
from trainer.exchange.dashboard import learner_history
from trainer.store.roster import canonical_learners
from trainer.ui.instructor.review_panel import ReviewPanel
from trainer.ui.instructor.tables import cell, fill, make_table, row_id, row_of
from trainer.ui.labels import QT_TRANSLATE_NOOP
from trainer.ui.widgets.common import card, plain, show_document

if TYPE_CHECKING:
    from trainer.service import Workspace

log = logging.getLogger(__name__)

STATUS = {
    "in_progress": QT_TRANSLATE_NOOP("AttemptsPage", "進行中"),
    "completed": QT_TRANSLATE_NOOP("AttemptsPage", "已完成"),
    "abandoned": QT_TRANSLATE_NOOP("AttemptsPage", "已放棄"),
}
MODE = {
    "practice": QT_TRANSLATE_NOOP("AttemptsPage", "練習"),
    "assessment": QT_TRANSLATE_NOOP("AttemptsPage", "評量"),
    "roleplay": QT_TRANSLATE_NOOP("AttemptsPage", "觀察角色扮演"),
}


def learner_text(row: dict[str, Any]) -> str:
    extra = " · ".join(str(x) for x in (row.get("student_no"), row.get("class_name")) if x)
    return f"{row['display_name']}\n{extra}" if extra else str(row["display_name"])


def score_cell(entry: dict[str, Any], key: str) -> Any:
    """The effective score; an adjusted one shows its original too (never hidden)."""
    original = entry["total"] if key == "total" else entry["scores"].get(key)
    if key in entry["adjusted"]:
        shown = original if original is not None else "—"
        return cell(f"{entry['adjusted'][key]}* ({shown})")
    return original


class AttemptsPage(QWidget):
    export_sheet = Signal(str)  # attempt id
    reviewed = Signal(str)

    def __init__(self, workspace: Workspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        self.learner_id: str | None = None
        root = QHBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        split = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(split)

        self.learners = QListWidget()
        self.learners.setAccessibleName(self.tr("學習者名單"))
        self.learners.setStyleSheet(
            "QListWidget::item:selected { background: #2a5bd7; color: white; }"
        )
        self.learners.currentItemChanged.connect(self._learner_changed)
        split.addWidget(self.learners)

        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        self.heading = plain("", "pageTitle")
        mid.addWidget(self.heading)
        mid.addWidget(plain(self.tr("* 教師調整後的分數，括號內為原始分數。"), "muted"))
        self.table = make_table(
            [
                self.tr("日期"),
                self.tr("個案"),
                self.tr("模式"),
                self.tr("狀態"),
                self.tr("總分"),
                *INDICATORS,
            ],
            self.tr("作答歷程"),
            stretch=1,
        )
        self.table.currentCellChanged.connect(
            lambda row, *_: self.show_attempt(row_id(self.table, row))
        )
        # history above, sheet below, in a splitter: eight history rows at 1366x768
        column = QSplitter(Qt.Orientation.Vertical)
        column.setChildrenCollapsible(False)
        column.addWidget(self.table)
        lower = QWidget()
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 4, 0, 0)
        sheet_head = QHBoxLayout()
        sheet_head.addWidget(plain(self.tr("反思單"), "cardTitle"), 1)
        self.pdf_button = QPushButton(self.tr("匯出這張反思單 PDF…"))
        self.pdf_button.clicked.connect(self._export_clicked)
        sheet_head.addWidget(self.pdf_button)
        low.addLayout(sheet_head)
        self.sheet = QTextBrowser()
        self.sheet.setOpenLinks(False)
        self.sheet.setAccessibleName(self.tr("反思單內容"))
        low.addWidget(self.sheet, 1)
        column.addWidget(lower)
        column.setStretchFactor(0, 1)
        column.setStretchFactor(1, 1)
        column.setSizes([300, 300])
        mid.addWidget(column, 1)
        split.addWidget(middle)

        frame, body = card()
        self.review = ReviewPanel(workspace)
        self.review.changed.connect(self._after_review)
        # scrolls on a 768-pixel-high laptop screen instead of making the window taller
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.review)
        body.addWidget(scroller)
        split.addWidget(frame)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 2)
        split.setSizes([200, 700, 340])
        self.attempt_id: str | None = None
        self.pdf_button.setEnabled(False)

    def reload(self) -> None:
        current = self.learner_id
        self.learners.blockSignals(True)
        self.learners.clear()
        for row in canonical_learners(self.workspace.store.db):  # one entry per person
            item = QListWidgetItem(learner_text(row))  # list items are plain text
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setSizeHint(QSize(0, 58))  # two lines, also when selected
            self.learners.addItem(item)
        self.learners.blockSignals(False)
        if current:
            self.select_learner(current)
        elif self.learners.count():
            self.learners.setCurrentRow(0)

    def select_attempt(self, learner_id: str, attempt_id: str) -> None:
        """Show a learner's history with one attempt (and its sheet) selected."""
        self.attempt_id = attempt_id  # kept by show_learner
        self.select_learner(learner_id)
        row = row_of(self.table, attempt_id)
        if row >= 0:
            self.table.setCurrentCell(row, 0)

    def select_learner(self, learner_id: str) -> None:
        for i in range(self.learners.count()):
            if self.learners.item(i).data(Qt.ItemDataRole.UserRole) == learner_id:
                if self.learners.currentRow() == i:
                    self.show_learner(learner_id)
                else:
                    self.learners.setCurrentRow(i)
                return

    def _learner_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.show_learner(str(item.data(Qt.ItemDataRole.UserRole)))

    def show_learner(self, learner_id: str) -> None:
        self.learner_id = learner_id
        learner = self.workspace.store.learner(learner_id)
        self.heading.setText(self.tr("{name} · 作答歷程").format(name=learner["display_name"]))
        keep = self.attempt_id
        history = list(reversed(learner_history(self.workspace.store, learner_id)))
        self.table.blockSignals(True)
        fill(
            self.table,
            (
                (
                    h["attempt_id"],
                    [
                        str(h["started_at"])[:16].replace("T", " "),
                        self._case_title(h["case_id"], h["case_title"]),
                        self.tr(MODE[h["mode"]]) if h["mode"] in MODE else h["mode"],
                        self.tr(STATUS[h["status"]]) if h["status"] in STATUS else h["status"],
                        score_cell(h, "total"),
                        *(score_cell(h, i) for i in INDICATORS),
                    ],
                )
                for h in history
            ),
        )
        ids = [h["attempt_id"] for h in history]
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        if row >= 0:
            self.table.setCurrentCell(row, 0)
        self.table.blockSignals(False)
        self.show_attempt(ids[row] if row >= 0 else None)

    def _case_title(self, case_id: str, logged: str | None) -> str:
        """The installed case's title in the UI language, else the title in the log."""
        loaded = self.workspace.library.cases.get(case_id)
        return loaded.case.title.get(self.lang) if loaded else str(logged or case_id)

    def show_attempt(self, attempt_id: str | None) -> None:
        self.attempt_id = attempt_id
        self.review.set_attempt(attempt_id)
        self.pdf_button.setEnabled(attempt_id is not None)
        if attempt_id is None:
            self.sheet.clear()
            return
        from trainer.render.report_pdf import sheet_document
        from trainer.service import load_sheet

        try:
            sheet = load_sheet(self.workspace, attempt_id, self.lang)
        except Exception as exc:  # e.g. the case is not installed on this computer
            log.warning("cannot show sheet of %s: %s\n%s", attempt_id, exc, traceback.format_exc())
            self.sheet.setPlainText(self.tr("無法顯示這張反思單：{reason}").format(reason=exc))
            return
        doc = sheet_document(sheet)
        doc.setDocumentMargin(18)
        show_document(self.sheet, doc)

    def _export_clicked(self) -> None:
        if self.attempt_id:
            self.export_sheet.emit(self.attempt_id)

    def _after_review(self, attempt_id: str) -> None:
        if self.learner_id:
            self.show_learner(self.learner_id)
        self.reviewed.emit(attempt_id)
