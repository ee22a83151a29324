"""The role-play kit (trainer.roleplay.kit) as HTML for QTextDocument, and as PDF.

One sheet per page: customer brief, agent brief, observer sheet, so the three can
be printed together and handed to the three students. Every string is escaped.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.render.sheet_html import MUTED, PRIMARY, document_html, esc

if TYPE_CHECKING:
    from trainer.roleplay.kit import Block, Kit, KitSheet

ROLE_COLORS = {"customer": "#c8402f", "agent": "#2a5bd7", "observer": "#1f8a4c"}


def _block(block: Block) -> str:
    # Bold paragraphs, not <h3>: paginate.keep_together moves headings across the
    # sheets' explicit page breaks and loses a whole sheet (seen with Qt 6 offscreen).
    head = (
        '<p style="font-size:11pt; margin-top:10px; margin-bottom:3px;">'
        f"<b>{esc(block.heading)}</b></p>"
    )
    if block.kind == "text":
        return head + "".join(f"<p>{esc(line)}</p>" for line in block.lines)
    if block.kind == "check":
        rows = "".join(
            f'<tr><td width="6%" style="font-size:13pt;">☐</td><td>{esc(line)}</td></tr>'
            for line in block.lines
        )
        return head + f'<table cellspacing="0" cellpadding="2" width="100%">{rows}</table>'
    if block.kind == "rubric":
        rows = "".join(
            f'<tr><td width="6%"><b>{n}</b></td><td>{esc(line)}</td></tr>'
            for n, line in enumerate(block.lines, 1)
        )
        return (
            head + f'<table cellspacing="0" cellpadding="2" width="100%" style="font-size:9pt;">'
            f"{rows}</table>"
        )
    if block.kind == "notes":
        line = "＿" * 40
        return head + "".join(f'<p style="color:{MUTED};">{line}</p>' for _ in block.lines)
    items = "".join(f"<li>{esc(line)}</li>" for line in block.lines if line)
    return head + f"<ul>{items}</ul>"


def kit_sheet_html(kit: Kit, sheet: KitSheet, page_break: bool) -> str:
    color = ROLE_COLORS.get(sheet.role, PRIMARY)
    style = ' style="page-break-before:always;"' if page_break else ""
    return (
        f"<div{style}>"
        f'<p style="color:{MUTED}; font-size:9pt; margin:0;">{esc(kit.case_title)} · {esc(kit.case_id)}</p>'
        f'<p style="font-size:17pt; color:{color}; margin-top:2px;"><b>{esc(sheet.title)}</b></p>'
        + "".join(_block(b) for b in sheet.blocks)
        + "</div>"
    )


def kit_html(kit: Kit, roles: tuple[str, ...] = ("customer", "agent", "observer")) -> str:
    """The chosen sheets of the kit, one per page, as a whole HTML document."""
    sheets = [kit.sheet(role) for role in roles]
    return document_html(
        "".join(kit_sheet_html(kit, s, page_break=i > 0) for i, s in enumerate(sheets))
    )


def write_kit_pdf(kit: Kit, out: Path) -> None:
    """The three sheets as one PDF, written atomically (report_pdf's writer)."""
    from trainer.render.report_pdf import _new_document, _render_pdf, ensure_gui_app, write_atomic

    ensure_gui_app()
    doc = _new_document(None)
    doc.setHtml(kit_html(kit))
    title = ("Role-play kit" if kit.lang == "en" else "角色扮演套件") + " — " + kit.case_title
    write_atomic(Path(out), _render_pdf(doc, html.unescape(title)))
