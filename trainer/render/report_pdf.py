"""Reflection sheets as PDF, with Qt's own PDF writer; works headless (offscreen).

`write_attempt_pdf` writes one attempt's sheet; `write_portfolio_pdf` writes a
learner's portfolio of evidence (評量證據作品集): a cover page of scores per
indicator, then every attempt's sheet. Files are written atomically: the PDF is
rendered into memory, written to a temp file in the target folder, fsynced, and
moved into place, so a failure never leaves a partial file.
"""

from __future__ import annotations

import html
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication, QTextDocument

    from trainer.core.sheet import ReflectionSheet
    from trainer.service import Workspace

_APP: QGuiApplication | None = None


class PdfExportError(RuntimeError):
    """The PDF could not be written; the message says why."""


def ensure_gui_app() -> None:
    """Create a QGuiApplication when none exists (offscreen without a display)."""
    global _APP
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    app = QCoreApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise PdfExportError("PDF export needs a QGuiApplication, not a QCoreApplication")
        return
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _APP = QGuiApplication(sys.argv[:1])


def document_font_families() -> list[str]:
    from trainer.render.fonts import pdf_families

    return pdf_families()


def sheet_document(
    sheet: ReflectionSheet, doc: QTextDocument | None = None, scale: float = 1.0
) -> QTextDocument:
    """A QTextDocument holding the sheet, with its mood-curve image attached.

    `scale` enlarges every font size for the screen (the learner's text size);
    print and PDF use 1.0, the size the sheet is laid out for on paper.
    """
    from trainer.render.sheet_html import document_html, scale_font_sizes, sheet_html

    doc = _new_document(doc, scale)
    src = _add_mood(doc, sheet)
    doc.setHtml(scale_font_sizes(document_html(sheet_html(sheet, src)), scale))
    return doc


def _new_document(doc: QTextDocument | None, scale: float = 1.0) -> QTextDocument:
    from PySide6.QtGui import QFont, QTextDocument

    if doc is None:
        doc = QTextDocument()
    font = QFont()
    families = document_font_families()
    if families:
        font.setFamilies(families)
    font.setPointSizeF(10 * scale)
    # No ligatures: a PDF's text layer would carry U+FB01/U+FB02 for "fi"/"fl", so
    # "Reflection" could not be found by searching for it.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(4)
    return doc


def _add_mood(doc: QTextDocument, sheet: ReflectionSheet) -> str:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from trainer.render.charts import mood_image

    src = f"mood-{sheet.attempt_id}.png"
    doc.addResource(
        QTextDocument.ResourceType.ImageResource,
        QUrl(src),
        mood_image(sheet.mood_curve, font=doc.defaultFont()),
    )
    return src


def _render_pdf(doc: QTextDocument, title: str) -> bytes:
    """Lay `doc` out at the PDF's page size, fix the page breaks, and paint each page.

    Painting page by page (rather than QTextDocument.print_) lets `keep_together`
    see the real pagination before anything is drawn; page numbers go in the footer.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    from trainer.render.paginate import keep_together

    data = QByteArray()
    buffer = QBuffer(data)
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise PdfExportError("cannot open an in-memory buffer for the PDF")
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Complaint trainer (TRM3R0182v2)")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    footer = writer.resolution() * 0.3  # 0.3 inch for the page number
    width, height = float(writer.width()), float(writer.height()) - footer
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(QSizeF(width, height))
    keep_together(doc)
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfExportError("Qt could not start the PDF")
    number_font = QFont(doc.defaultFont())
    number_font.setPointSizeF(8)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(0, -page * height)
        doc.drawContents(painter, QRectF(0, page * height, width, height))
        painter.restore()
        painter.setFont(number_font)
        painter.setPen(QColor("#5f6b7a"))
        painter.drawText(
            QRectF(0, height, width, footer),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
            f"{page + 1} / {pages}",
        )
    painter.end()
    del writer
    buffer.close()
    pdf = bytes(data.data())
    if not pdf.startswith(b"%PDF"):
        raise PdfExportError("Qt produced no PDF output")
    return pdf


def write_atomic(out: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, os.replace; no partial file on failure."""
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise PdfExportError(f"folder does not exist: {folder}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise PdfExportError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PdfExportError(f"cannot write {out}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _load_sheet(workspace: Workspace, attempt_id: str, lang: str) -> ReflectionSheet:
    from trainer.service import load_sheet
    from trainer.store.db import StoreError

    try:
        return load_sheet(workspace, attempt_id, lang)
    except StoreError as exc:
        raise PdfExportError(str(exc)) from exc


def write_attempt_pdf(
    workspace: Workspace, attempt_id: str, out: Path, lang: str = "zh-TW"
) -> None:
    """Write the reflection sheet of one attempt to `out` as a PDF."""
    ensure_gui_app()
    sheet = _load_sheet(workspace, attempt_id, lang)
    doc = sheet_document(sheet)
    write_atomic(Path(out), _render_pdf(doc, f"{sheet.case_title} — {sheet.learner_name}"))


def _cover_html(
    workspace: Workspace, learner: dict[str, object], sheets: list[ReflectionSheet], lang: str
) -> str:
    from trainer.core.vocab import INDICATOR_LABELS, INDICATORS, UNIT_ID, UNIT_TITLE
    from trainer.render.sheet_html import MUTED, PRIMARY, esc, nobreak

    en = lang == "en"
    title = "Portfolio of evidence" if en else "評量證據作品集"
    name = esc(learner.get("display_name"))
    details = []
    if learner.get("student_no"):
        details.append(("Student no." if en else "學號") + " " + esc(learner["student_no"]))
    if learner.get("class_name"):
        details.append(("Class" if en else "班級") + " " + esc(learner["class_name"]))
    unit = f"{UNIT_ID} {UNIT_TITLE['en' if en else 'zh-TW']}"
    # Fixed widths: every row is its own table (pagination keeps rows whole), and the
    # indicator columns carry only their number, explained in the legend below.
    widths = ["15%", "", "13%"] + ["8%"] * len(INDICATORS) + ["9%"]

    def row(cells: list[str], style: str, tag: str = "td") -> str:
        tds = "".join(
            f'<{tag} align="left"{f" width={w!r}" if w else ""}>{c}</{tag}>'
            for c, w in zip(cells, widths, strict=True)
        )
        return (
            f'<table cellspacing="0" cellpadding="5" width="100%" style="font-size:9pt; {style}">'
            f"<tr>{tds}</tr></table>"
        )

    head = row(
        [
            esc(t)
            for t in [
                "Date" if en else "日期",
                "Case" if en else "個案",
                "Mode" if en else "模式",
                *list(INDICATORS),
                "Total" if en else "總分",
            ]
        ],
        f"background-color:{PRIMARY}; color:white; font-weight:bold;",
    )
    rows = [head]
    mode = {
        "practice": "Practice" if en else "練習",
        "assessment": "Assessment" if en else "評量",
        "roleplay": "Observed role-play" if en else "觀察角色扮演",
    }
    for index, sheet in enumerate(sheets):
        shade = "#f3f6fc" if index % 2 == 0 else "#ffffff"
        cells = [
            nobreak((sheet.finished_at or sheet.started_at)[:10]),
            esc(sheet.case_title),
            esc(mode.get(sheet.mode, sheet.mode)),
            *[str(r.score) for r in sheet.rows],
            f"<b>{sheet.total}</b>",
        ]
        rows.append(row(cells, f"background-color:{shade};"))
    if sheets:
        avg = [
            round(sum(s.rows[i].score for s in sheets) / len(sheets))
            for i in range(len(INDICATORS))
        ]
        total = round(sum(s.total for s in sheets) / len(sheets))
        cells = ["", f"<b>{'Average' if en else '平均'}</b>", "", *[f"<b>{a}</b>" for a in avg]]
        rows.append(row([*cells, f"<b>{total}</b>"], "background-color:#e8edf8;"))
    legend = " · ".join(
        f"{i} {esc(INDICATOR_LABELS[i]['en' if en else 'zh-TW'])}" for i in INDICATORS
    )
    empty = "" if sheets else f"<p>{'No completed attempts.' if en else '尚無完成的個案。'}</p>"
    today = datetime.now().strftime("%Y-%m-%d")
    count = (
        f"{len(sheets)} attempt" + ("" if len(sheets) == 1 else "s")
        if en
        else f"{len(sheets)} 次作答"
    )
    sep = ", " if en else "　"
    return (
        f'<p style="color:{MUTED};">{esc(unit)}</p>'
        f'<h1 style="font-size:22pt;">{esc(title)}</h1>'
        f'<p style="font-size:14pt;"><b>{name}</b> {sep.join(details)}</p>'
        f'<p style="color:{MUTED};">{nobreak(today)} · {esc(count)}</p>'
        f"{''.join(rows)}"
        f'<p style="color:{MUTED}; font-size:8.5pt;">{legend}</p>{empty}'
    )


def write_portfolio_pdf(
    workspace: Workspace,
    learner_id: str,
    out: Path,
    lang: str = "zh-TW",
    attempt_ids: list[str] | None = None,
) -> None:
    """Cover page with scores per indicator, then every attempt's sheet (oldest first)."""
    from trainer.render.sheet_html import document_html, sheet_html
    from trainer.store.db import StoreError

    ensure_gui_app()
    store = workspace.store
    try:
        learner = store.learner(learner_id)
    except Exception as exc:  # sqlite-utils raises NotFoundError
        raise PdfExportError(f"no learner with id {learner_id}") from exc
    if attempt_ids is None:
        rows = [a for a in store.attempts(learner_id) if a["status"] == "completed"]
        attempt_ids = [a["id"] for a in sorted(rows, key=lambda a: a["started_at"])]
    sheets = []
    for attempt_id in attempt_ids:
        try:
            attempt = store.attempt(attempt_id)
        except StoreError as exc:
            raise PdfExportError(str(exc)) from exc
        if attempt["learner_id"] != learner_id:
            raise PdfExportError(f"attempt {attempt_id} belongs to another learner")
        sheets.append(_load_sheet(workspace, attempt_id, lang))
    doc = _new_document(None)
    parts = [_cover_html(workspace, learner, sheets, lang)]
    for sheet in sheets:
        parts.append(sheet_html(sheet, _add_mood(doc, sheet), page_break=True))
    doc.setHtml(document_html("".join(parts)))
    title = (
        ("Portfolio of evidence" if lang == "en" else "評量證據作品集")
        + " — "
        + str(learner.get("display_name") or "")
    )
    write_atomic(Path(out), _render_pdf(doc, html.unescape(title)))
