"""Choosing a good Traditional Chinese font per platform, and noticing when none exists."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from trainer.render.fonts import pick_family
from trainer.render.fonts import platform_key as _platform_key
from trainer.ui.labels import QT_TRANSLATE_NOOP

__all__ = ["FIX_HINT", "fix_hint", "pick_family", "ui_font"]

FIX_HINT = {
    "win": QT_TRANSLATE_NOOP(
        "Fonts",
        "請安裝「微軟正黑體 Microsoft JhengHei」（Windows 設定 → 時間與語言 → 語言 → 新增中文（台灣））。",
    ),
    "darwin": QT_TRANSLATE_NOOP("Fonts", "請在「字體簿」啟用「蘋方-繁 PingFang TC」。"),
    "linux": QT_TRANSLATE_NOOP(
        "Fonts",
        "請安裝 Noto CJK 字型，例如：sudo apt install fonts-noto-cjk（Fedora：sudo dnf install google-noto-sans-cjk-fonts）。",
    ),
}


def fix_hint() -> str:
    return QCoreApplication.translate("Fonts", FIX_HINT[_platform_key()])


def ui_font(family: str | None, point_size: float) -> QFont:
    font = QFont()
    if family:
        # Keep a Latin-friendly fallback first in the list only when the CJK font lacks it.
        font.setFamilies([family, "Noto Sans", "Segoe UI", "Helvetica Neue", "Arial"])
    font.setPointSizeF(point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
