"""Choosing a good Traditional Chinese font per platform, and noticing when none exists."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase

from trainer.ui.labels import QT_TRANSLATE_NOOP

#: Preferred families, best first, per platform (sys.platform prefix).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "win": ("Microsoft JhengHei UI", "Microsoft JhengHei", "PMingLiU"),
    "darwin": ("PingFang TC", "Heiti TC", "Apple LiGothic"),
    "linux": ("Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "WenQuanYi Zen Hei"),
}
ALL_CANDIDATES = tuple(dict.fromkeys(f for fams in CANDIDATES.values() for f in fams))

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


def _platform_key() -> str:
    if sys.platform.startswith("win"):
        return "win"
    if sys.platform == "darwin":
        return "darwin"
    return "linux"


def pick_family() -> str | None:
    """The best installed CJK family for this platform, or any CJK family, or None."""
    families = set(QFontDatabase.families())
    ordered = CANDIDATES[_platform_key()] + ALL_CANDIDATES
    for family in ordered:
        if family in families:
            return family
    tc = QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese)
    return tc[0] if tc else None


#: Latin fonts put before the CJK font in PDFs: Qt's PDF writer maps the digits of
#: some CJK OpenType fonts to wrong Unicode, which breaks copying and searching.
LATIN_FOR_PDF: dict[str, tuple[str, ...]] = {
    "win": ("Segoe UI", "Arial"),
    "darwin": ("Helvetica Neue", "Helvetica", "Arial"),
    "linux": ("Noto Sans", "DejaVu Sans", "Liberation Sans"),
}


def pdf_families() -> list[str]:
    """Font families for generated PDFs: a Latin font first, then the CJK font."""
    families = set(QFontDatabase.families())
    latin = next((f for f in LATIN_FOR_PDF[_platform_key()] if f in families), None)
    cjk = pick_family()
    return [f for f in (latin, cjk) if f]


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
