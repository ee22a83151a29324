"""Render resources/icons/complaint-trainer.svg to the PNG, ICO and ICNS the app and
the installers use: `uv run python scripts/make_icons.py` (after changing the SVG)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAME = "complaint-trainer"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        print("the SVG does not render", file=sys.stderr)
        return 1
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    for suffix in ("png", "ico", "icns"):
        path = ICONS / f"{NAME}.{suffix}"
        if not image.save(str(path)):
            print(f"could not write {path} (no Qt image plugin for it?)", file=sys.stderr)
            return 1
        print(f"wrote {path}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
