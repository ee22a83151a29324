"""The policy panel: a strip of figures (transaction value and margin, authority,
cost so far, the simulated clock against the target), plus the policy texts card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.widgets.common import card, plain, restyle, set_bar

if TYPE_CHECKING:
    from trainer.core.model import Case


def money(value: int) -> str:
    return f"NT${value:,}"


class Caption(QLabel):
    """A one-line caption that ends in "…" when narrow (longer English, large text
    scale) instead of being cut off; the full text is its tooltip."""

    def __init__(self, wrap: bool = False) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "metricCaption")
        self.wrap = wrap
        if wrap:  # a narrow side column: the caption gets its own line and wraps
            self.setWordWrap(True)
            self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        else:
            self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.full = ""

    def set_caption(self, text: str) -> None:
        self.full = text
        self.setToolTip(text)
        self.updateGeometry()
        self._elide()

    def _elide(self) -> None:
        if self.wrap:
            self.setText(self.full)
            return
        self.setText(
            self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, self.width())
        )

    def sizeHint(self) -> QSize:
        if self.wrap:
            return super().sizeHint()
        return QSize(
            self.fontMetrics().horizontalAdvance(self.full) + 2, super().sizeHint().height()
        )

    def minimumSizeHint(self) -> QSize:
        if self.wrap:
            return super().minimumSizeHint()
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()


class Metric(QFrame):
    def __init__(
        self, title: str, with_bar: bool, parent: QWidget | None = None, stacked: bool = False
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "metric")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 5, 12, 6)
        layout.setSpacing(1)
        layout.addWidget(plain(title, "metricLabel", wrap=False))
        line = QHBoxLayout()
        line.setSpacing(8)
        self.value: QLabel = plain("", "metricValue", wrap=False)
        line.addWidget(self.value)
        self.caption = Caption(wrap=stacked)
        if stacked:
            line.addStretch(1)
            layout.addLayout(line)
            layout.addWidget(self.caption)
        else:
            line.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignVCenter)
            layout.addLayout(line)
        self.bar: QProgressBar | None = None
        if with_bar:
            self.bar = QProgressBar()
            self.bar.setTextVisible(False)
            self.bar.setFixedHeight(5)
            layout.addWidget(self.bar)
        self.setAccessibleName(title)


class PolicyPanel(QWidget):
    """The four figures, in one row (`columns=4`) or a 2×2 block for a side column."""

    def __init__(self, parent: QWidget | None = None, columns: int = 4) -> None:
        super().__init__(parent)
        self.setObjectName("policyPanel")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        stacked = columns < 4
        self.value = Metric(self.tr("交易金額"), False, stacked=stacked)
        self.limit = Metric(self.tr("個人權限"), False, stacked=stacked)
        self.cost = Metric(self.tr("目前補償成本"), True, stacked=stacked)
        self.clock = Metric(self.tr("處理時間（模擬）"), True, stacked=stacked)
        self.grid = grid
        self.columns = 0
        self.set_columns(columns)
        self.countdown = False
        self.target = 1
        self.limit_value = 0
        self.base_limit = 0
        self.margin = 0

    def metrics(self) -> tuple[Metric, ...]:
        return (self.value, self.limit, self.cost, self.clock)

    def set_columns(self, columns: int) -> None:
        """Lay the four figures out in `columns` columns (the side column reflows to
        one at large text sizes or narrow widths instead of being cut off)."""
        if columns == self.columns:
            return
        for metric in self.metrics():
            self.grid.removeWidget(metric)
        for index, metric in enumerate(self.metrics()):
            self.grid.addWidget(metric, index // columns, index % columns)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.columns = columns

    def fit(self, width: int) -> None:
        """Two columns when two figures fit side by side in `width`, else one."""
        need = 2 * max(m.minimumSizeHint().width() for m in self.metrics()) + 8
        self.set_columns(2 if width >= need else 1)

    def set_case(self, case: Case, lang: str, countdown: bool) -> None:
        b = case.business
        self.countdown = countdown
        self.target = b.target_minutes
        self.base_limit = b.authority_limit
        self.margin = b.margin_value
        self.value.value.setText(money(b.transaction_value))
        self.value.caption.set_caption(
            self.tr("毛利 {m}（{p}%）").format(m=money(b.margin_value), p=f"{b.margin_pct:g}")
        )
        assert self.clock.bar is not None
        self.clock.bar.setRange(0, b.target_minutes)
        del lang

    def update_state(self, cost: int, authority: int, minutes: int) -> None:
        self.limit_value = authority
        self.limit.value.setText(money(authority))
        self.limit.caption.set_caption(
            self.tr("主管已授權提高") if authority > self.base_limit else self.tr("超過需請示主管")
        )
        self.cost.value.setText(money(cost))
        over_cost = cost > authority
        self.cost.caption.set_caption(
            self.tr("超過個人權限！")
            if over_cost
            else self.tr("權限內，剩 {m}").format(m=money(authority - cost))
        )
        restyle(self.cost.value, level="bad" if over_cost else "ok")
        bar = self.cost.bar
        assert bar is not None
        bar.setRange(0, max(1, authority))
        set_bar(bar, min(cost, max(1, authority)))
        restyle(bar, level="bad" if over_cost else "ok")
        over = minutes > self.target
        left = self.target - minutes
        clock_bar = self.clock.bar
        assert clock_bar is not None
        if self.countdown:
            value = (
                self.tr("剩 {n} 分鐘").format(n=left)
                if left >= 0
                else self.tr("超時 {n} 分鐘").format(n=-left)
            )
            set_bar(clock_bar, max(0, left))
        else:
            value = self.tr("{n} 分鐘").format(n=minutes)
            set_bar(clock_bar, min(minutes, self.target))
        self.clock.value.setText(value)
        self.clock.caption.set_caption(self.tr("目標 {t} 分鐘內解決").format(t=self.target))
        restyle(self.clock.value, level="bad" if over else "ok")
        restyle(clock_bar, level="bad" if over else "ok")


class PoliciesCard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, body = card("card")
        outer.addWidget(frame)
        body.addWidget(plain(self.tr("公司政策"), "cardTitle"))
        self.text = plain("", "small")
        body.addWidget(self.text)

    def set_case(self, case: Case, lang: str) -> None:
        policies = case.business.policies
        self.text.setText("\n".join(f"• {p.get(lang)}" for p in policies))
        self.setVisible(bool(policies))
