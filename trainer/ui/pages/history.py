"""History: past attempts, open a sheet, resume, replay, and the per-indicator trend."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.core.vocab import INDICATORS
from trainer.ui import labels
from trainer.ui.charts import TrendChart
from trainer.ui.labels import QT_TRANSLATE_NOOP
from trainer.ui.widgets.common import card, plain

STATUS = {
    "in_progress": QT_TRANSLATE_NOOP("HistoryPage", "進行中"),
    "completed": QT_TRANSLATE_NOOP("HistoryPage", "已完成"),
    "abandoned": QT_TRANSLATE_NOOP("HistoryPage", "已放棄"),
}
MODE = {
    "practice": QT_TRANSLATE_NOOP("HistoryPage", "練習"),
    "assessment": QT_TRANSLATE_NOOP("HistoryPage", "評量"),
    "roleplay": "觀察角色扮演 Role-play",  # bilingual: not in the .ts
}


class HistoryPage(QWidget):
    open_sheet = Signal(str)
    resume = Signal(str)
    replay = Signal(str)
    leave = Signal()
    portfolio = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 20, 32, 20)
        root.setSpacing(12)
        head = QHBoxLayout()
        back = QPushButton(self.tr("← 個案庫"))
        back.setAccessibleDescription(self.tr("回到個案庫"))
        back.setProperty("role", "ghost")
        back.setAccessibleName(self.tr("回到個案庫"))
        back.clicked.connect(self.leave.emit)
        head.addWidget(back)
        self.title = plain(self.tr("學習歷程"), "pageTitle")
        head.addWidget(self.title, 1)
        self.portfolio_button = QPushButton(self.tr("匯出評量證據作品集 PDF…"))
        self.portfolio_button.setAccessibleDescription(
            self.tr("把所有完成的作答與各指標分數存成一份 PDF")
        )
        self.portfolio_button.setAccessibleName(self.tr("匯出評量證據作品集 PDF"))
        self.portfolio_button.clicked.connect(self.portfolio.emit)
        head.addWidget(self.portfolio_button)
        root.addLayout(head)
        chart_card, chart_body = card("card")
        chart_body.addWidget(
            plain(self.tr("各指標成績趨勢（已完成的作答，由舊到新）"), "cardTitle")
        )
        self.trend = TrendChart()
        self.trend.setAccessibleName(self.tr("各指標成績趨勢圖"))
        chart_body.addWidget(self.trend)
        root.addWidget(chart_card)
        headers = [self.tr("日期"), self.tr("個案"), self.tr("模式"), self.tr("狀態")]
        # Score columns are headed "3.1" (the full name in the tooltip and in the trend
        # legend above): "3.1 Questioning" headers made them so wide that the case
        # title shrank to "Bei…" at 1280 px with larger text.
        headers += [*INDICATORS, self.tr("總分")]
        self.table = QTableWidget(0, len(headers))
        self.table.setAccessibleDescription(
            self.tr("每一列是一次作答；方向鍵選擇，Enter 開啟反思單")
        )
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("作答紀錄"))
        self.table.setHorizontalHeaderLabels(headers)
        for column, indicator in enumerate(INDICATORS, start=4):
            head_item = self.table.horizontalHeaderItem(column)
            if head_item is not None:
                head_item.setToolTip(labels.indicator(indicator))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table for the buttons below (it walked cell by cell, 40+ presses);
        # the arrow keys move between rows
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda *_: self._default_action())
        self.table.itemSelectionChanged.connect(self._sync)
        root.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.empty = plain(self.tr("還沒有作答紀錄。"), "muted")
        buttons.addWidget(self.empty, 1)
        self.replay_button = QPushButton(self.tr("重播"))
        self.replay_button.setAccessibleDescription(self.tr("一步一步重看選取的作答（唯讀）"))
        self.resume_button = QPushButton(self.tr("繼續作答"))
        self.resume_button.setAccessibleDescription(self.tr("從中斷的地方繼續選取的作答"))
        self.sheet_button = QPushButton(self.tr("開啟反思單  ⏎"))
        self.sheet_button.setAccessibleDescription(self.tr("開啟選取作答的反思單"))
        self.sheet_button.setProperty("role", "primary")
        for button, signal in (
            (self.replay_button, self.replay),
            (self.resume_button, self.resume),
            (self.sheet_button, self.open_sheet),
        ):
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _=False, s=signal: self._emit(s))
            buttons.addWidget(button)
        root.addLayout(buttons)
        self.attempts: list[dict[str, Any]] = []

    def set_attempts(
        self, attempts: list[dict[str, Any]], scores: dict[str, dict[str, int]]
    ) -> None:
        self.attempts = attempts
        self.table.setRowCount(len(attempts))
        for r, attempt in enumerate(attempts):
            mine = scores.get(attempt["id"], {})
            cells = [
                str(attempt.get("started_at") or "")[:16].replace("T", " "),
                str(attempt.get("case_title") or attempt["case_id"]),
                self.tr(MODE.get(attempt.get("mode") or "", str(attempt.get("mode")))),
                self.tr(STATUS.get(attempt["status"], attempt["status"])),
                *[str(mine[i]) if i in mine else "—" for i in INDICATORS],
                str(attempt["total"]) if attempt.get("total") is not None else "—",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setToolTip(text)  # the whole title when the column cuts it
                if c >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        done = [a for a in reversed(attempts) if a["status"] == "completed" and a["id"] in scores]
        series = {i: [scores[a["id"]].get(i, 0) for a in done] for i in INDICATORS}
        names = {i: labels.indicator(i) for i in INDICATORS}
        self.trend.set_series(series, names)
        self.empty.setVisible(not attempts)
        if attempts:
            self.table.selectRow(0)
        self._sync()
        self.table.setFocus()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.attempts[rows[0].row()]

    def _sync(self) -> None:
        attempt = self.selected()
        status = attempt["status"] if attempt else None
        self.sheet_button.setEnabled(status == "completed")
        self.resume_button.setEnabled(status == "in_progress")
        self.replay_button.setEnabled(attempt is not None)

    def _emit(self, signal: Any) -> None:
        attempt = self.selected()
        if attempt is not None:
            signal.emit(attempt["id"])

    def _default_action(self) -> None:
        attempt = self.selected()
        if attempt is None:
            return
        if attempt["status"] == "completed":
            self.open_sheet.emit(attempt["id"])
        elif attempt["status"] == "in_progress":
            self.resume.emit(attempt["id"])
        else:
            self.replay.emit(attempt["id"])
