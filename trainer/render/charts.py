"""QPainter charts drawn without a window: the mood curve of one attempt and the
per-indicator trend. The same painting functions serve the screen widgets
(trainer.ui.charts) and images for the printed / PDF sheet.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

GRID = QColor("#dfe4ee")
AXIS_TEXT = QColor("#5f6b7a")
MOOD_LINE = QColor("#2a5bd7")
SERIES_COLORS = ["#2a5bd7", "#1f8a4c", "#c27c0e", "#8e44ad", "#c8402f"]


def _plot_rect(rect: QRectF) -> QRectF:
    return rect.adjusted(38, 12, -14, -26)


def _grid(painter: QPainter, plot: QRectF, lo: int, hi: int, ticks: Sequence[int]) -> None:
    painter.setPen(QPen(GRID, 1))
    font = QFont(painter.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
    painter.setFont(font)
    for value in ticks:
        y = plot.bottom() - (value - lo) / (hi - lo) * plot.height()
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(AXIS_TEXT)
        painter.drawText(
            QRectF(0, y - 8, plot.left() - 6, 16),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            str(value),
        )


def _points(values: Sequence[float], plot: QRectF, lo: float, hi: float) -> list[QPointF]:
    n = len(values)
    step = plot.width() / max(1, n - 1)
    return [
        QPointF(plot.left() + i * step, plot.bottom() - (v - lo) / (hi - lo) * plot.height())
        for i, v in enumerate(values)
    ]


def paint_mood_curve(painter: QPainter, rect: QRectF, curve: Sequence[int]) -> None:
    """Mood 0–100 per decision; the band under 30 is tinted as a warning."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    plot = _plot_rect(rect)
    danger = QRectF(
        plot.left(), plot.bottom() - 0.3 * plot.height(), plot.width(), 0.3 * plot.height()
    )
    painter.fillRect(danger, QColor("#fdf1ee"))
    _grid(painter, plot, 0, 100, (0, 25, 50, 75, 100))
    if not curve:
        return
    points = _points(list(curve), plot, 0, 100)
    area = QPainterPath(QPointF(points[0].x(), plot.bottom()))
    for p in points:
        area.lineTo(p)
    area.lineTo(QPointF(points[-1].x(), plot.bottom()))
    fill = QColor(MOOD_LINE)
    fill.setAlpha(40)
    painter.fillPath(area, fill)
    painter.setPen(QPen(MOOD_LINE, 2.5))
    for a, b in pairwise(points):
        painter.drawLine(a, b)
    painter.setBrush(QColor("white"))
    for p in points:
        painter.drawEllipse(p, 3.2, 3.2)
    painter.setPen(AXIS_TEXT)
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + 4, plot.width(), 18),
        int(Qt.AlignmentFlag.AlignHCenter),
        "→",
    )


def paint_trend(
    painter: QPainter, rect: QRectF, series: Mapping[str, Sequence[int]], labels: dict[str, str]
) -> None:
    """One line per indicator over attempts (oldest left); legend at the bottom."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    plot = _plot_rect(rect).adjusted(0, 0, 0, -20)
    _grid(painter, plot, 0, 100, (0, 50, 100))
    legend_x = plot.left()
    for index, (key, values) in enumerate(series.items()):
        color = QColor(SERIES_COLORS[index % len(SERIES_COLORS)])
        if values:
            points = _points(list(values), plot, 0, 100)
            painter.setPen(QPen(color, 2.2))
            for a, b in pairwise(points):
                painter.drawLine(a, b)
            painter.setBrush(color)
            for p in points:
                painter.drawEllipse(p, 3, 3)
        painter.setPen(color)
        text = labels.get(key, key)
        painter.fillRect(QRectF(legend_x, rect.bottom() - 16, 10, 10), color)
        painter.drawText(QPointF(legend_x + 14, rect.bottom() - 7), text)
        legend_x += 14 + painter.fontMetrics().horizontalAdvance(text) + 16


MOOD_IMAGE_SIZE = (1280, 340)


def mood_image(
    curve: Sequence[int], size: QSize | None = None, font: QFont | None = None
) -> QImage:
    """The mood curve as an image for the printed sheet (drawn at 2x for print)."""
    size = size or QSize(*MOOD_IMAGE_SIZE)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    if font is not None:
        scaled = QFont(font)
        scaled.setPointSizeF(18)
        painter.setFont(scaled)
    paint_mood_curve(
        painter, QRectF(0, 0, size.width(), size.height()).adjusted(30, 0, 0, 0), curve
    )
    painter.end()
    return image
