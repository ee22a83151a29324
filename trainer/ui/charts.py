"""Chart widgets: the mood curve of one attempt and the per-indicator trend.

The painting lives in trainer.render.charts, shared with the printed / PDF sheet,
so screen and paper look the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from trainer.render.charts import paint_mood_curve, paint_trend


class MoodCurveWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.curve: list[int] = []
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_curve(self, curve: Sequence[int]) -> None:
        self.curve = list(curve)
        self.update()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        paint_mood_curve(painter, QRectF(self.rect()), self.curve)
        painter.end()


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: dict[str, list[int]] = {}
        self.labels: dict[str, str] = {}
        self.setMinimumHeight(180)

    def set_series(self, series: dict[str, list[int]], labels: dict[str, str]) -> None:
        self.series = {k: list(v) for k, v in series.items()}
        self.labels = dict(labels)
        self.update()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        paint_trend(painter, QRectF(self.rect()), self.series, self.labels)
        painter.end()
