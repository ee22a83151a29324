"""Class dashboard: indicator means and spread, a learner x indicator heatmap with each
learner's trend, learners below a threshold (recent mean), case difficulty and
common mistakes. Filters: class, case, date range.

Laid out for a 1366x768 laptop: the charts on the left, one table at a time on the
right (tabs), so every table shows at least eight rows; cut-off text has a tooltip.
Double-clicking (or Enter on) any row opens that row's attempt's reflection sheet.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.core.vocab import INDICATOR_LABELS, INDICATORS, STEP_INDICATOR
from trainer.exchange import dashboard
from trainer.render.charts import _plot_rect, _points, paint_trend
from trainer.ui.instructor.charts import IndicatorChart
from trainer.ui.instructor.filter_bar import FilterBar
from trainer.ui.instructor.tables import cell, fill, heat_cell, make_table, row_id
from trainer.ui.labels import label
from trainer.ui.widgets.common import card, plain, plain_tip

if TYPE_CHECKING:
    from trainer.service import Workspace

LEARNER_ROLE = Qt.ItemDataRole.UserRole + 1
TOTAL_COLOR = QColor("#1b232d")


def minutes(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class TrendChart(QWidget):
    """One learner's effective total and indicator scores over their attempts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[dict[str, Any]] = []
        self.title = ""
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("學習者的分數趨勢"))

    def sizeHint(self) -> QSize:
        return QSize(360, 260)

    def set_trend(self, title: str, points: list[dict[str, Any]]) -> None:
        self.title = title
        self.points = points
        totals = ", ".join(str(p["total"]) for p in points)
        self.setAccessibleDescription(f"{title}: {totals}")
        self.setToolTip(
            plain_tip(
                "\n".join(
                    f"{str(p['started_at'])[:10]}  {p['case_title'] or p['case_id']}  {p['total']}"
                    for p in points
                )
            )
        )
        self.update()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        area = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        painter.drawText(area.adjusted(0, 0, 0, -area.height() + 20), self.title)
        if not self.points:
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), "—")
            painter.end()
            return
        series: dict[str, list[int]] = {
            i: [int(p["scores"][i]) for p in self.points if i in p["scores"]] for i in INDICATORS
        }
        chart = area.adjusted(0, 22, 0, 0)
        paint_trend(painter, chart, series, {i: i for i in INDICATORS})
        # the effective total on top, thick and dark, so it stands out from 3.1-3.5
        totals = [float(p["total"]) for p in self.points if p["total"] is not None]
        plot = _plot_rect(chart).adjusted(0, 0, 0, -20)
        points = _points(totals, plot, 0, 100)
        painter.setPen(QPen(TOTAL_COLOR, 3.2))
        for a, b in pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(TOTAL_COLOR)
        for p in points:
            painter.drawEllipse(p, 4, 4)
        painter.drawText(
            QRectF(plot.left(), chart.top() - 2, plot.width(), 16),
            int(Qt.AlignmentFlag.AlignRight),
            self.tr("━ 總分"),
        )
        painter.end()


class DashboardPage(QWidget):
    open_learner = Signal(str)
    open_attempt = Signal(str)

    def __init__(self, workspace: Workspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 8, 12, 8)
        root.setSpacing(6)
        self.filters = FilterBar(learner=False, case=True, until=True)
        root.addWidget(self.filters)
        # the summary, the threshold and Apply on a second row: a 1280-pixel screen fits
        top = QHBoxLayout()
        self.summary = plain("", "muted")
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("門檻")))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setValue(60)
        self.threshold.setAccessibleName(self.tr("門檻分數"))
        top.addWidget(self.threshold)
        self.apply_button = QPushButton(self.tr("套用"))
        self.apply_button.setProperty("role", "primary")
        self.apply_button.clicked.connect(self.refresh)
        top.addWidget(self.apply_button)
        root.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        left, body = card()
        self.chart = IndicatorChart()
        self.chart.setMinimumHeight(200)
        body.addWidget(plain(self.tr("各指標平均與分布"), "cardTitle"))
        body.addWidget(self.chart, 1)
        self.trend = TrendChart()
        body.addWidget(self.trend, 1)
        split.addWidget(left)

        self.tabs = QTabWidget()
        self.heat = make_table(
            [self.tr("學習者"), self.tr("學號"), self.tr("班級"), *INDICATORS, self.tr("個案數")],
            self.tr("學習者 × 指標"),
            stretch=0,
        )
        headers = [
            self.tr("學習者"),
            self.tr("學號"),
            self.tr("班級"),
            *INDICATORS,
            self.tr("低於門檻"),
        ]
        self.below = make_table(headers, self.tr("低於門檻的學習者"), stretch=len(headers) - 1)
        self.cases = make_table(
            [
                self.tr("個案"),
                self.tr("作答"),
                self.tr("完成"),
                self.tr("平均"),
                self.tr("升級率"),
                self.tr("中位時間"),
            ],
            self.tr("個案難度"),
            stretch=0,
        )
        self.mistakes = make_table(
            [self.tr("個案"), self.tr("步驟"), self.tr("選項"), self.tr("次數"), self.tr("人數")],
            self.tr("常見錯誤選擇"),
            stretch=2,
        )
        self.mistakes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.mistakes.setColumnWidth(0, 190)
        for table, title in (
            (self.heat, self.tr("熱圖")),
            (self.below, self.tr("低於門檻")),
            (self.cases, self.tr("個案難度")),
            (self.mistakes, self.tr("常見錯誤")),
        ):
            table.setMinimumHeight(8 * 26 + 30)
            table.cellDoubleClicked.connect(lambda r, _c, t=table: self._open_row(t, r))
            table.activated.connect(lambda index, t=table: self._open_row(t, index.row()))
            table.currentCellChanged.connect(lambda r, *_rest, t=table: self._row_changed(t, r))
            self.tabs.addTab(table, title)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 780])
        root.addWidget(split, 1)
        root.addWidget(
            plain(
                self.tr(
                    "雙擊任一列開啟該次作答的反思單；「低於門檻」以每位學習者最近 %n 次作答的平均判斷。",
                    "",
                    dashboard.RECENT,
                ),
                "muted",
            )
        )

    def reload_choices(self) -> None:
        self.filters.reload(self.workspace, self.lang)

    def refresh(self) -> None:
        source = self.workspace.store
        chosen = self.filters.filters()
        threshold = float(self.threshold.value())
        stats = dashboard.indicator_stats(source, chosen)
        self.chart.set_stats(stats, threshold, self.lang)
        heat = dashboard.heatmap(source, chosen)
        self._fill_learners(
            self.heat,
            heat,
            lambda e: [
                e["display_name"],
                e["student_no"],
                e["class_name"],
                *(heat_cell(e["means"].get(i), threshold) for i in INDICATORS),
                e["cases"],
            ],
        )
        below = dashboard.learners_below(source, threshold, chosen)
        self._fill_learners(
            self.below,
            below,
            lambda e: [
                e["display_name"],
                e["student_no"],
                e["class_name"],
                *(cell(e["means"].get(i), i in e["below"]) for i in INDICATORS),
                self.tr("、").join(f"{i} {INDICATOR_LABELS[i][self.lang]}" for i in e["below"]),
            ],
        )
        cases = dashboard.case_difficulty(source, chosen)
        fill(
            self.cases,
            (
                (
                    c.latest_attempt_id,
                    [
                        self._case_title(c.case_id, c.case_title),
                        c.attempts,
                        c.completed,
                        c.mean_total,
                        None if c.escalation_rate is None else f"{c.escalation_rate * 100:.0f}%",
                        minutes(c.median_seconds),
                    ],
                )
                for c in cases
            ),
        )
        mistakes = dashboard.common_mistakes(
            source, chosen, dashboard.expert_options(self.workspace.library), limit=30
        )
        fill(
            self.mistakes,
            (
                (
                    m["attempt_id"],
                    [
                        self._case_title(m["case_id"]),
                        self._step_name(m["step"]),
                        self._option_text(m["case_id"], m["option_id"]),
                        m["times"],
                        m["learners"],
                    ],
                )
                for m in mistakes
            ),
        )
        n_attempts = sum(c.attempts for c in cases)
        n_learners = len(heat) if heat else self._learner_count(chosen)
        self.summary.setText(
            " · ".join(
                (
                    self.tr("%n 位學習者", "", n_learners),
                    self.tr("%n 次作答", "", n_attempts),
                    self.tr("%n 位低於 {threshold}", "", len(below)).format(
                        threshold=f"{threshold:.0f}"
                    ),
                )
            )
        )
        if heat:
            self.show_trend(heat[0]["learner_id"], heat[0]["display_name"])
        else:
            self.trend.set_trend("", [])

    def _learner_count(self, chosen: Any) -> int:
        where, params = chosen.where()
        return int(
            self.workspace.store.db.execute(
                "select count(distinct l.id) from attempts a join learners l "
                f"on l.id = {dashboard.PERSON} where {where}",
                params,
            ).fetchone()[0]
        )

    def _fill_learners(
        self, table: QTableWidget, entries: list[dict[str, Any]], cells: Any
    ) -> None:
        fill(table, ((e["attempt_id"], cells(e)) for e in entries))
        for r, e in enumerate(entries):
            item = table.item(r, 0)
            if item is not None:
                item.setData(LEARNER_ROLE, e["learner_id"])

    def show_trend(self, learner_id: str, name: str) -> None:
        points = dashboard.trend(self.workspace.store, learner_id, self.filters.filters())
        self.trend.set_trend(
            self.tr("{name} · 趨勢（%n 次作答）", "", len(points)).format(name=name), points
        )

    def _row_changed(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0) if row >= 0 else None
        learner_id = item.data(LEARNER_ROLE) if item is not None else None
        if learner_id:
            self.show_trend(str(learner_id), item.text() if item is not None else "")

    def _open_row(self, table: QTableWidget, row: int) -> None:
        attempt_id = row_id(table, row)
        if attempt_id:
            self.open_attempt.emit(str(attempt_id))

    @staticmethod
    def _step_name(step: str) -> str:
        indicator = STEP_INDICATOR.get(step)
        return label(INDICATOR_LABELS[indicator]["zh-TW"]) if indicator else step

    def _case_title(self, case_id: str, logged: str | None = None) -> str:
        """The installed case's title in the UI language, else the title in the log."""
        loaded = self.workspace.library.cases.get(case_id)
        return loaded.case.title.get(self.lang) if loaded else str(logged or case_id)

    def _option_text(self, case_id: str, option_id: str) -> str:
        loaded = self.workspace.library.cases.get(case_id)
        if loaded is None:
            return option_id
        try:
            return loaded.case.option(option_id).text.get(self.lang)
        except (KeyError, LookupError):
            return option_id
