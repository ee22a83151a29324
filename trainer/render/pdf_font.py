"""A PDF-safe copy of the CJK font, so a PDF's text layer holds the real characters.

Qt's PDF writer builds each embedded font's ToUnicode map by walking the font's
cmap from U+0000 upwards and keeping the first code point that reaches a glyph.
CJK fonts such as Noto Sans CJK and Microsoft JhengHei map the Kangxi radicals
(U+2F00–U+2FDF) and the CJK radicals supplement (U+2E80–U+2EFF) to the very glyphs
of the unified ideographs, and those blocks come first: 小 was written as ⼩, 日 as ⽇,
so copying, searching and screen readers got the wrong characters.

The fix is at the source: a copy of the installed font whose cmap leaves those two
blocks out (and nothing else), under its own family name, registered with Qt as an
application font and used only for PDFs. The tables are read through QRawFont (the
exact face Qt would use, on every platform), the cmap is edited with fontTools, and
the result is cached by the original's checksum, so it is built once per machine.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
from pathlib import Path

import platformdirs
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

log = logging.getLogger(__name__)

#: The blocks whose code points share glyphs with unified ideographs.
RADICAL_BLOCKS = (0x2E80, 0x2FDF)
PDF_FAMILY = "Trainer PDF CJK"
CACHE_ENV = "TRAINER_FONT_CACHE"
_TAGS = (
    "BASE", "CFF ", "CFF2", "GDEF", "GPOS", "GSUB", "OS/2", "VORG", "cmap", "head",
    "hhea", "hmtx", "maxp", "name", "post", "vhea", "vmtx", "glyf", "loca", "cvt ",
    "fpgm", "prep", "gasp", "kern", "STAT", "fvar", "gvar", "avar", "HVAR", "MVAR",
)  # fmt: skip
_registered: dict[str, str | None] = {}


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir("complaint-trainer", appauthor=False)) / "fonts"


def pdf_family(family: str) -> str | None:
    """The family name of a PDF-safe copy of `family` (regular and bold), or None.

    None when the copy cannot be made (no such font, fontTools missing, cache not
    writable): the caller then uses `family` itself.
    """
    if family in _registered:
        return _registered[family]
    result: str | None = None
    try:
        for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
            path = _derived_file(family, weight)
            if path is None:
                break
            ids = QFontDatabase.addApplicationFont(str(path))
            if ids < 0:
                log.warning("Qt refused the PDF font copy %s", path)
                break
            result = QFontDatabase.applicationFontFamilies(ids)[0]
    except Exception:  # a broken font must never stop an export; the text still renders
        log.exception("cannot make a PDF-safe copy of %s", family)
        result = None
    _registered[family] = result
    return result


def _tables(family: str, weight: QFont.Weight) -> dict[str, bytes]:
    font = QFont(family)
    font.setWeight(weight)
    font.setPixelSize(32)
    raw = QRawFont.fromFont(font)
    if not raw.isValid() or raw.familyName() != family:
        return {}
    tables = {}
    for tag in _TAGS:
        data = raw.fontTable(tag)
        if data.size():
            tables[tag] = bytes(data.data())
    return tables


def _derived_file(family: str, weight: QFont.Weight) -> Path | None:
    tables = _tables(family, weight)
    if "cmap" not in tables or "name" not in tables:
        return None
    digest = hashlib.sha256()
    for tag in sorted(tables):
        digest.update(tag.encode() + len(tables[tag]).to_bytes(8, "big"))
    digest.update(tables["cmap"] + tables["name"] + tables.get("head", b""))
    bold = weight >= QFont.Weight.Bold
    out = cache_dir() / f"pdf-cjk-{digest.hexdigest()[:16]}{'-bold' if bold else ''}.otf"
    if out.is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    data = _without_radicals(tables, "Bold" if bold else "Regular")
    fd, tmp = tempfile.mkstemp(prefix=".font-", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def _without_radicals(tables: dict[str, bytes], style: str) -> bytes:
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.sfnt import SFNTWriter

    raw = io.BytesIO()
    flavor = b"OTTO" if "CFF " in tables or "CFF2" in tables else b"\0\1\0\0"
    writer = SFNTWriter(raw, len(tables), sfntVersion=flavor.decode("latin-1"))
    for tag in sorted(tables):
        writer[tag] = tables[tag]
    writer.close()
    raw.seek(0)
    font = TTFont(raw, lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    lo, hi = RADICAL_BLOCKS
    for subtable in font["cmap"].tables:
        for code in [c for c in subtable.cmap if lo <= c <= hi]:
            del subtable.cmap[code]
    names = font["name"]
    full = f"{PDF_FAMILY} {style}"
    for record in list(names.names):
        if record.nameID in (1, 16, 21):
            record.string = PDF_FAMILY
        elif record.nameID in (2, 17, 22):
            record.string = style
        elif record.nameID in (4, 18):
            record.string = full
        elif record.nameID == 6:
            record.string = full.replace(" ", "-")
        elif record.nameID == 3:
            record.string = f"{full};derived for PDF text"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
