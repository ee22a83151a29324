"""Class dashboard: indicator means and spread, case difficulty, common mistakes,
learners below a threshold. Filters: class, case, date range."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trainer.core.vocab import INDICATOR_LABELS, INDICATORS
from trainer.exchange import dashboard
from trainer.ui.instructor.charts import IndicatorChart
from trainer.ui.instructor.filter_bar import FilterBar
from trainer.ui.instructor.tables import cell, fill, make_table, row_id
from trainer.ui.widgets.common import card, plain

if TYPE_CHECKING:
    from trainer.service import Workspace

STEP_NAMES = {
    "questioning": "提問",
    "clarifying": "釐清",
    "resolving": "解決",
    "feedback": "回饋",
    "reflecting": "反思",
}


def minutes(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class DashboardPage(QWidget):
    open_learner = Signal(str)

    def __init__(self, workspace: Workspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(10)
        top = QHBoxLayout()
        self.filters = FilterBar(learner=False, case=True, until=True)
        top.addWidget(self.filters, 1)
        top.addWidget(QLabel("門檻 Threshold"))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setValue(60)
        self.threshold.setAccessibleName("門檻 Threshold")
        top.addWidget(self.threshold)
        self.apply_button = QPushButton("套用 Apply")
        self.apply_button.setProperty("role", "primary")
        self.apply_button.clicked.connect(self.refresh)
        top.addWidget(self.apply_button)
        root.addLayout(top)
        self.summary = plain("", "muted")
        root.addWidget(self.summary)

        frame, body = card()
        self.chart = IndicatorChart()
        body.addWidget(self.chart)
        root.addWidget(frame, 0)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.cases = make_table(
            [
                "個案 Case",
                "作答\nAttempts",
                "完成\nDone",
                "平均\nMean",
                "升級率\nEscalated",
                "中位時間\nMedian time",
            ],
            "個案難度 Case difficulty",
            stretch=0,
        )
        self.mistakes = make_table(
            ["個案 Case", "步驟\nStep", "選項 Option", "次數\nTimes", "人數\nLearners"],
            "常見錯誤選擇 Common mistakes",
            stretch=2,
        )
        self.mistakes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.mistakes.setColumnWidth(0, 170)
        headers = ["學習者 Learner", "學號 No.", "班級 Class", *INDICATORS, "低於門檻 Below"]
        self.below = make_table(
            headers, "低於門檻的學習者 Learners below threshold", stretch=len(headers) - 1
        )
        self.below.cellDoubleClicked.connect(self._open_learner)
        for col, (title, table) in enumerate(
            (
                ("個案難度 Case difficulty", self.cases),
                ("專家不會選的常見選擇 Options chosen where the expert would not", self.mistakes),
            )
        ):
            grid.addWidget(self._boxed(title, table), 0, col)
        grid.addWidget(
            self._boxed(
                "低於門檻的學習者（雙擊看歷程）Learners below the threshold (double-click for history)",
                self.below,
            ),
            1,
            0,
            1,
            2,
        )
        root.addLayout(grid, 1)

    @staticmethod
    def _boxed(title: str, table: QWidget) -> QWidget:
        frame, body = card()
        body.addWidget(plain(title, "cardTitle"))
        body.addWidget(table, 1)
        return frame

    def reload_choices(self) -> None:
        self.filters.reload(self.workspace, self.lang)

    def refresh(self) -> None:
        source = self.workspace.store
        chosen = self.filters.filters()
        threshold = float(self.threshold.value())
        stats = dashboard.indicator_stats(source, chosen)
        self.chart.set_stats(stats, threshold, self.lang)
        cases = dashboard.case_difficulty(source, chosen)
        fill(
            self.cases,
            (
                (
                    c.case_id,
                    [
                        c.case_title or c.case_id,
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
            source, chosen, dashboard.expert_options(self.workspace.library)
        )
        fill(
            self.mistakes,
            (
                (
                    None,
                    [
                        self._case_title(m["case_id"]),
                        STEP_NAMES.get(m["step"], m["step"]),
                        self._option_text(m["case_id"], m["option_id"]),
                        m["times"],
                        m["learners"],
                    ],
                )
                for m in mistakes
            ),
        )
        below = dashboard.learners_below(source, threshold, chosen)
        fill(
            self.below,
            (
                (
                    e["learner_id"],
                    [
                        e["display_name"],
                        e["student_no"],
                        e["class_name"],
                        *(cell(e["means"].get(i), i in e["below"]) for i in INDICATORS),
                        "、".join(f"{i} {INDICATOR_LABELS[i][self.lang]}" for i in e["below"]),
                    ],
                )
                for e in below
            ),
        )
        n_attempts = sum(c.attempts for c in cases)
        n_learners = source.db.execute(
            "select count(distinct a.learner_id) from attempts a join learners l "
            f"on l.id = a.learner_id where {chosen.where()[0]}",
            chosen.where()[1],
        ).fetchone()[0]
        self.summary.setText(
            f"{n_learners} 位學習者 learners · {n_attempts} 次作答 attempts · "
            f"{len(below)} 位低於門檻 below {threshold:.0f}"
        )

    def _case_title(self, case_id: str) -> str:
        loaded = self.workspace.library.cases.get(case_id)
        return loaded.case.title.get(self.lang) if loaded else case_id

    def _option_text(self, case_id: str, option_id: str) -> str:
        loaded = self.workspace.library.cases.get(case_id)
        if loaded is None:
            return option_id
        try:
            return loaded.case.option(option_id).text.get(self.lang)
        except (KeyError, LookupError):
            return option_id

    def _open_learner(self, row: int, _column: int) -> None:
        learner_id = row_id(self.below, row)
        if learner_id:
            self.open_learner.emit(learner_id)
