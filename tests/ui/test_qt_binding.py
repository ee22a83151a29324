"""The Qt binding in use must not leak references to None (PySide6 6.12.0 does).

On Python 3.11, None is an ordinary object: a binding that decrements its count on
every void call (QPainter.drawLine, setPen...) kills the app with "none_dealloc" after
a few thousand calls, e.g. while drawing a class's portfolios.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter


def test_void_painter_calls_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(2_000):
            painter.drawLine(0, 0, 10, 10)
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after >= before - 50, f"None lost {before - after} references in 2,000 calls"
