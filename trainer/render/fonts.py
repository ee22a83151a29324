"""Choosing an installed Traditional Chinese font per platform (QtGui only)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase

#: Preferred families, best first, per platform (sys.platform prefix).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "win": ("Microsoft JhengHei UI", "Microsoft JhengHei", "PMingLiU"),
    "darwin": ("PingFang TC", "Heiti TC", "Apple LiGothic"),
    "linux": ("Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "WenQuanYi Zen Hei"),
}
ALL_CANDIDATES = tuple(dict.fromkeys(f for fams in CANDIDATES.values() for f in fams))


def platform_key() -> str:
    if sys.platform.startswith("win"):
        return "win"
    if sys.platform == "darwin":
        return "darwin"
    return "linux"


def pick_family() -> str | None:
    """The best installed CJK family for this platform, or any CJK family, or None."""
    families = set(QFontDatabase.families())
    ordered = CANDIDATES[platform_key()] + ALL_CANDIDATES
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
    """Font families for generated PDFs: a Latin font first, then the CJK font.

    The CJK font is its PDF-safe copy (trainer.render.pdf_font) whenever one can be
    made, so the text layer holds unified ideographs rather than Kangxi radicals;
    the original follows as a fallback for anything the copy lacks.
    """
    from trainer.render.pdf_font import pdf_family

    families = set(QFontDatabase.families())
    latin = next((f for f in LATIN_FOR_PDF[platform_key()] if f in families), None)
    cjk = pick_family()
    safe = pdf_family(cjk) if cjk else None
    return [f for f in (latin, safe, cjk) if f]
