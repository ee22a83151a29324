"""QPainter charts of the class dashboard (QtCharts is not in PySide6-Essentials).

Left: the mean effective score per indicator as bars, with the threshold line.
Right: how the attempts spread over the score bands, one stacked bar per indicator.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from trainer.core.vocab import INDICATOR_LABELS, INDICATORS
from trainer.exchange.dashboard import IndicatorStats
from trainer.ui.labels import QT_TRANSLATE_NOOP

GRID = QColor("#dfe4ee")
TEXT = QColor("#2b3440")
MUTED = QColor("#5f6b7a")
THRESHOLD = QColor("#c8402f")
LEVELS = {"high": QColor("#1f8a4c"), "mid": QColor("#c27c0e"), "low": QColor("#c8402f")}
#: score bands 0-19 ... 80-100, from red to green
BAND_COLORS = ["#c8402f", "#e07b39", "#e3b33b", "#7dbb6a", "#1f8a4c"]
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
MEAN = QT_TRANSLATE_NOOP("IndicatorChart", "平均")
NO_DATA = QT_TRANSLATE_NOOP("IndicatorChart", "尚無資料")


def level(score: float, threshold: float) -> str:
    return "high" if score >= 80 else ("mid" if score >= threshold else "low")


def indicator_label(indicator: str, lang: str) -> str:
    return f"{indicator} {INDICATOR_LABELS[indicator].get(lang, indicator)}"


def _t(text: str) -> str:
    return QCoreApplication.translate("IndicatorChart", text)


def _small(painter: QPainter, factor: float = 0.85) -> None:
    font = QFont(painter.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * factor))
    painter.setFont(font)


def paint_means(
    painter: QPainter,
    rect: QRectF,
    stats: Mapping[str, IndicatorStats],
    threshold: float,
    lang: str = "zh-TW",
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _small(painter)
    metrics = painter.fontMetrics()
    line = metrics.height()
    plot = rect.adjusted(34, line + 8, -8, -(2 * line + 10))
    for value in (0, 20, 40, 60, 80, 100):
        y = plot.bottom() - value / 100 * plot.height()
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        painter.drawText(QRectF(rect.left(), y - line / 2, 28, line), ALIGN_RIGHT, str(value))
    slot = plot.width() / len(INDICATORS)
    for i, ind in enumerate(INDICATORS):
        item = stats.get(ind)
        x = plot.left() + i * slot
        bar_w = min(46.0, slot * 0.55)
        bar_x = x + (slot - bar_w) / 2
        if item is not None and item.mean is not None:
            h = item.mean / 100 * plot.height()
            painter.fillRect(
                QRectF(bar_x, plot.bottom() - h, bar_w, h), LEVELS[level(item.mean, threshold)]
            )
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(x, plot.bottom() - h - line - 2, slot, line),
                ALIGN_CENTER,
                f"{item.mean:.0f}",
            )
        else:
            painter.setPen(MUTED)
            painter.drawText(QRectF(x, plot.bottom() - line - 2, slot, line), ALIGN_CENTER, "—")
        painter.setPen(TEXT)
        caption = indicator_label(ind, lang)
        if metrics.horizontalAdvance(caption) > slot - 2:  # a narrow chart: the number only
            caption = ind
        painter.drawText(QRectF(x, plot.bottom() + 4, slot, line), ALIGN_CENTER, caption)
        painter.setPen(MUTED)
        n = item.n if item is not None else 0
        painter.drawText(QRectF(x, plot.bottom() + 4 + line, slot, line), ALIGN_CENTER, f"n={n}")
    y = plot.bottom() - threshold / 100 * plot.height()
    pen = QPen(THRESHOLD, 1.5, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
    painter.setPen(THRESHOLD)
    painter.drawText(
        QRectF(plot.left(), rect.top(), plot.width(), line),
        ALIGN_RIGHT,
        QCoreApplication.translate("IndicatorChart", "門檻 {n}").format(n=f"{threshold:.0f}"),
    )
    painter.setPen(TEXT)
    painter.drawText(QRectF(plot.left(), rect.top(), plot.width(), line), ALIGN_LEFT, _t(MEAN))
    painter.restore()


def paint_distribution(
    painter: QPainter, rect: QRectF, stats: Mapping[str, IndicatorStats], lang: str = "zh-TW"
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _small(painter)
    metrics = painter.fontMetrics()
    line = metrics.height()
    label_w = max(metrics.horizontalAdvance(indicator_label(i, lang)) for i in INDICATORS) + 10
    painter.setPen(TEXT)
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), line),
        ALIGN_LEFT,
        QCoreApplication.translate("IndicatorChart", "分數分布"),
    )
    body = rect.adjusted(0, line + 8, 0, -(line + 12))
    row_h = body.height() / len(INDICATORS)
    bar_h = min(26.0, row_h * 0.62)
    left = body.left() + label_w
    width = max(10.0, body.right() - left - 44)
    for i, ind in enumerate(INDICATORS):
        item = stats.get(ind)
        y = body.top() + i * row_h + (row_h - bar_h) / 2
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(body.left(), y, label_w - 8, bar_h), ALIGN_RIGHT, indicator_label(ind, lang)
        )
        total = item.n if item is not None else 0
        if not total or item is None:
            painter.fillRect(QRectF(left, y, width, bar_h), GRID)
            painter.setPen(MUTED)
            painter.drawText(QRectF(left, y, width, bar_h), ALIGN_CENTER, _t(NO_DATA))
            continue
        x = left
        for color, count in zip(BAND_COLORS, item.distribution.values(), strict=True):
            if not count:
                continue
            w = count / total * width
            segment = QRectF(x, y, w, bar_h)
            painter.fillRect(segment, QColor(color))
            if w >= metrics.horizontalAdvance(str(count)) + 6:
                painter.setPen(QColor("white"))
                painter.drawText(segment, ALIGN_CENTER, str(count))
            x += w
        painter.setPen(MUTED)
        painter.drawText(QRectF(left + width + 6, y, 40, bar_h), ALIGN_LEFT, f"{total}")
    # legend: one swatch per score band
    first = next(iter(stats.values()), None)
    bands = list(first.distribution) if first else []
    needed = sum(14 + metrics.horizontalAdvance(band) + 10 for band in bands)
    x = left if left + needed <= rect.right() else rect.left()  # a narrow chart: from the edge
    legend_y = rect.bottom() - line
    for color, band in zip(BAND_COLORS, bands, strict=False):
        painter.fillRect(QRectF(x, legend_y + (line - 10) / 2, 10, 10), QColor(color))
        painter.setPen(MUTED)
        painter.drawText(QPointF(x + 14, legend_y + metrics.ascent()), band)
        x += 14 + metrics.horizontalAdvance(band) + 10
    painter.restore()


class IndicatorChart(QWidget):
    """Means and distributions side by side; `set_stats` redraws."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stats: dict[str, IndicatorStats] = {}
        self.threshold = 60.0
        self.lang = "zh-TW"
        self.setMinimumHeight(250)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("各指標的平均與分數分布"))

    def sizeHint(self) -> QSize:
        return QSize(900, 270)

    def set_stats(self, stats: Mapping[str, IndicatorStats], threshold: float, lang: str) -> None:
        self.stats = dict(stats)
        self.threshold = threshold
        self.lang = lang
        summary = ", ".join(
            f"{i} {s.mean if s.mean is not None else '—'}" for i, s in self.stats.items()
        )
        self.setAccessibleDescription(summary)
        self.update()

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        area = QRectF(self.rect()).adjusted(12, 10, -12, -8)
        split = area.width() * 0.46
        paint_means(
            painter,
            QRectF(area.left(), area.top(), split - 16, area.height()),
            self.stats,
            self.threshold,
            self.lang,
        )
        paint_distribution(
            painter,
            QRectF(area.left() + split + 16, area.top(), area.width() - split - 16, area.height()),
            self.stats,
            self.lang,
        )
        painter.end()
