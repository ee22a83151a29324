"""Portfolios for a whole class in one go, and a class summary PDF.

`write_portfolios` writes one portfolio PDF (評量證據作品集) per learner chosen by a
`Filters` into a folder, named `<class>-<student no>-<name>-portfolio.pdf`, with a
progress callback and a cancel flag checked between learners. A learner's merged
profiles (trainer.store.roster) are one person: their attempts are in one file.

`write_class_summary` writes the dashboard (indicator means and spread, the learner
x indicator heatmap, learners below the threshold, case difficulty, common
mistakes) as a PDF for a department meeting.

Drawing goes through the window-free layer trainer.render (QtGui only, offscreen),
imported inside the functions so importing this module stays Qt-free.
"""

from __future__ import annotations

import html
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from trainer.core.vocab import INDICATOR_LABELS, INDICATORS, UNIT_ID, UNIT_TITLE
from trainer.exchange import dashboard
from trainer.exchange.atomic import ExportError
from trainer.exchange.filters import Filters
from trainer.exchange.handin import safe_part
from trainer.store.roster import person_sql, settle_identities

Progress = Callable[[int, int, str], None]  # (done, total, learner name)


def guard_none_refcount() -> None:
    """Keep Python 3.11's None from being deallocated by PySide6 6.12.

    With Python 3.11 (where None is not yet immortal, PEP 683) PySide6 6.12.0 drops
    one reference to None on every call of a void method (QPainter.drawLine,
    setPen...; measured with sys.getrefcount). Drawing a class's portfolios makes
    hundreds of thousands of such calls, and the process dies with "Fatal Python
    error: none_dealloc". Raising None's count once by 2**40 makes it unreachable.
    Python 3.12+ needs nothing (None is immortal there).
    """
    global _GUARDED
    if _GUARDED or sys.version_info >= (3, 12):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _GUARDED = True


_GUARDED = False


@dataclass
class BatchResult:
    folder: Path
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # learners with no finished attempt
    cancelled: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "written": [p.name for p in self.written],
            "skipped": self.skipped,
            "cancelled": self.cancelled,
        }


def _people(conn: Any, filters: Filters) -> list[tuple[dict[str, Any], list[str]]]:
    """(learner, finished attempt ids oldest first) per person matching `filters`."""
    where, params = filters.where()
    cursor = conn.execute(
        f"select l.*, a.id as attempt_id from attempts a join learners l on l.id = "
        f"{person_sql('a')} where a.status = 'completed' and {where} "
        "order by l.class_name, l.student_no, l.display_name, l.id, a.started_at, a.id",
        params,
    )
    columns = [d[0] for d in cursor.description]
    people: dict[str, tuple[dict[str, Any], list[str]]] = {}
    for row in cursor:
        record = dict(zip(columns, row, strict=True))
        attempt_id = record.pop("attempt_id")
        entry = people.setdefault(record["id"], (record, []))
        entry[1].append(attempt_id)
    return list(people.values())


def portfolio_name(learner: dict[str, Any]) -> str:
    return (
        "-".join(
            (
                safe_part(learner.get("class_name"), "noclass"),
                safe_part(learner.get("student_no"), "nono"),
                safe_part(learner.get("display_name"), "learner"),
            )
        )
        + "-portfolio.pdf"
    )


def _write_one(
    workspace: Any, learner: dict[str, Any], ids: list[str], out: Path, lang: str
) -> None:
    """write_portfolio_pdf, for a person whose attempts may sit under merged profiles."""
    from trainer.render import report_pdf
    from trainer.render.sheet_html import document_html, sheet_html

    sheets = [report_pdf._load_sheet(workspace, attempt_id, lang) for attempt_id in ids]
    doc = report_pdf._new_document(None)
    parts = [report_pdf._cover_html(workspace, learner, sheets, lang)]
    for sheet in sheets:
        parts.append(sheet_html(sheet, report_pdf._add_mood(doc, sheet), page_break=True))
    doc.setHtml(document_html("".join(parts)))
    title = ("Portfolio of evidence" if lang == "en" else "評量證據作品集") + " — "
    title += str(learner.get("display_name") or "")
    report_pdf.write_atomic(out, report_pdf._render_pdf(doc, html.unescape(title)))


def write_portfolios(
    root: Path,
    folder: Path,
    filters: Filters | None = None,
    lang: str = "zh-TW",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    workspace: Any | None = None,
) -> BatchResult:
    """One portfolio PDF per learner into `folder` (see the module docstring)."""
    from trainer.render.report_pdf import PdfExportError, ensure_gui_app
    from trainer.service import Workspace

    guard_none_refcount()
    folder = Path(folder)
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist")
    filters = filters or Filters()
    ensure_gui_app()
    own = workspace is None
    ws = workspace or Workspace.open(Path(root))
    result = BatchResult(folder)
    try:
        filters.check(ws.store.db.conn)
        settle_identities(ws.store.db)  # one portfolio per person
        people = _people(ws.store.db.conn, filters)
        total = len(people)
        if progress is not None:
            progress(0, total, "")
        used: set[str] = set()
        for n, (learner, ids) in enumerate(people, 1):
            if cancel is not None and cancel.is_set():
                result.cancelled = True
                break
            name = portfolio_name(learner)
            if name in used:  # two learners with the same class, number and name
                name = name.replace("-portfolio.pdf", f"-{str(learner['id'])[:8]}-portfolio.pdf")
            used.add(name)
            out = folder / name
            try:
                _write_one(ws, learner, ids, out, lang)
            except PdfExportError as exc:
                raise ExportError(f"{learner['display_name']}: {exc}") from None
            result.written.append(out)
            if progress is not None:
                progress(n, total, str(learner["display_name"]))
    finally:
        if own:
            ws.close()
    return result


# -- the class summary ---------------------------------------------------------------


def _e(value: Any) -> str:
    return html.escape("—" if value is None else str(value))


def _heat_color(value: float | None, threshold: float) -> str:
    if value is None:
        return "#ffffff"
    if value < threshold:
        return "#f6c9c0" if value < threshold - 20 else "#fbe3cf"
    return "#cdebd3" if value >= 80 else "#eef6d8"


def _table(headers: list[str], rows: list[list[str]], widths: list[str] | None = None) -> str:
    head = "".join(
        f'<th align="left" style="background-color:#2a5bd7; color:white;"'
        f"{f' width={w!r}' if widths and w else ''}>{_e(h)}</th>"
        for h, w in zip(headers, widths or [""] * len(headers), strict=True)
    )
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return (
        '<table cellspacing="0" cellpadding="4" width="100%" border="1" '
        f'style="border-collapse:collapse; font-size:8.5pt; border-color:#c8d0dc;">'
        f"<tr>{head}</tr>{body}</table>"
    )


def _td(value: Any, color: str | None = None, align: str = "left") -> str:
    style = f' style="background-color:{color};"' if color else ""
    return f'<td align="{align}"{style}>{_e(value)}</td>'


def summary_html(
    source: Any, filters: Filters, threshold: float, library: Any, lang: str, title: str
) -> str:
    en = lang == "en"
    stats = dashboard.indicator_stats(source, filters)
    heat = dashboard.heatmap(source, filters)
    below = dashboard.learners_below(source, threshold, filters)
    cases = dashboard.case_difficulty(source, filters)
    mistakes = dashboard.common_mistakes(source, filters, dashboard.expert_options(library), 15)
    label = "en" if en else "zh-TW"
    parts = [
        f'<p style="color:#5f6b7a;">{_e(UNIT_ID)} {_e(UNIT_TITLE[label])}</p>',
        f'<h1 style="font-size:20pt;">{_e(title)}</h1>',
        f'<p style="color:#5f6b7a;">{_e(datetime.now().strftime("%Y-%m-%d"))} · '
        f"{len(heat)} {'learners' if en else '位學習者'} · "
        f"{sum(c.attempts for c in cases)} {'attempts' if en else '次作答'} · "
        f"{'threshold' if en else '門檻'} {threshold:.0f}</p>",
        f"<h2>{'Indicator means and spread' if en else '各指標平均與分布'}</h2>",
    ]
    bars = []
    for ind in INDICATORS:
        s = stats[ind]
        mean = s.mean or 0
        width = max(1, round(mean))
        color = "#c8402f" if mean < threshold else ("#1f8a4c" if mean >= 80 else "#c27c0e")
        bar = (
            f'<table cellspacing="0" cellpadding="0" width="100%"><tr>'
            f'<td width="{width}%" style="background-color:{color};">&nbsp;</td>'
            f'<td width="{100 - width}%">&nbsp;</td></tr></table>'
        )
        spread = " / ".join(str(c) for c in s.distribution.values())
        bars.append(
            [
                _td(f"{ind} {INDICATOR_LABELS[ind][label]}"),
                f"<td>{bar}</td>",
                _td(s.mean, align="right"),
                _td(s.n, align="right"),
                _td(spread),
            ]
        )
    parts.append(
        _table(
            [
                "Indicator" if en else "指標",
                "Mean" if en else "平均",
                "",
                "n",
                "0-19 / 20-39 / 40-59 / 60-79 / 80-100",
            ],
            bars,
            ["16%", "44%", "8%", "6%", "26%"],
        )
    )
    parts.append(
        f"<h2>{'Learner × indicator (latest attempt per case)' if en else '學習者 × 指標（每個案最近一次）'}</h2>"
    )
    parts.append(
        _table(
            [
                "Learner" if en else "學習者",
                "No." if en else "學號",
                "Class" if en else "班級",
                *INDICATORS,
            ],
            [
                [
                    _td(e["display_name"]),
                    _td(e["student_no"]),
                    _td(e["class_name"]),
                    *(
                        _td(e["means"].get(i), _heat_color(e["means"].get(i), threshold), "center")
                        for i in INDICATORS
                    ),
                ]
                for e in heat
            ],
        )
    )
    parts.append(
        f"<h2>{'Learners below the threshold (recent mean)' if en else '低於門檻的學習者（最近平均）'}</h2>"
    )
    parts.append(
        _table(
            ["Learner" if en else "學習者", "No." if en else "學號", *INDICATORS],
            [
                [
                    _td(e["display_name"]),
                    _td(e["student_no"]),
                    *(
                        _td(e["means"].get(i), "#f6c9c0" if i in e["below"] else None, "center")
                        for i in INDICATORS
                    ),
                ]
                for e in below
            ],
        )
        if below
        else f"<p>{'None.' if en else '無。'}</p>"
    )
    parts.append(f"<h2>{'Case difficulty' if en else '個案難度'}</h2>")
    parts.append(
        _table(
            [
                "Case" if en else "個案",
                "Attempts" if en else "作答",
                "Done" if en else "完成",
                "Mean" if en else "平均",
                "Escalated" if en else "升級率",
            ],
            [
                [
                    _td(c.case_title or c.case_id),
                    _td(c.attempts, align="right"),
                    _td(c.completed, align="right"),
                    _td(c.mean_total, align="right"),
                    _td(
                        None if c.escalation_rate is None else f"{c.escalation_rate * 100:.0f}%",
                        align="right",
                    ),
                ]
                for c in cases
            ],
        )
    )
    parts.append(f"<h2>{'Common mistakes' if en else '常見錯誤選擇'}</h2>")

    def option_text(case_id: str, option_id: str) -> str:
        loaded = getattr(library, "cases", {}).get(case_id)
        try:
            return str(loaded.case.option(option_id).text.get(lang)) if loaded else option_id
        except (KeyError, LookupError):
            return option_id

    parts.append(
        _table(
            [
                "Case" if en else "個案",
                "Step" if en else "步驟",
                "Option" if en else "選項",
                "Times" if en else "次數",
                "Learners" if en else "人數",
            ],
            [
                [
                    _td(m["case_id"]),
                    _td(m["step"]),
                    _td(option_text(m["case_id"], m["option_id"])),
                    _td(m["times"], align="right"),
                    _td(m["learners"], align="right"),
                ]
                for m in mistakes
            ],
        )
    )
    return "".join(parts)


def write_class_summary(
    root: Path,
    out: Path,
    filters: Filters | None = None,
    threshold: float = 60,
    lang: str = "zh-TW",
    workspace: Any | None = None,
) -> int:
    """The class summary PDF; returns how many learners it covers."""
    from trainer.render import report_pdf
    from trainer.render.sheet_html import document_html
    from trainer.service import Workspace

    guard_none_refcount()
    filters = filters or Filters()
    report_pdf.ensure_gui_app()
    own = workspace is None
    ws = workspace or Workspace.open(Path(root))
    try:
        filters.check(ws.store.db.conn)
        name = filters.class_name or ("Class" if lang == "en" else "全班")
        title = ("Class summary — " if lang == "en" else "班級摘要 — ") + name
        body = summary_html(ws.store, filters, threshold, ws.library, lang, title)
        learners = len(dashboard.heatmap(ws.store, filters))
    finally:
        if own:
            ws.close()
    doc = report_pdf._new_document(None)
    doc.setHtml(document_html(body))
    try:
        report_pdf.write_atomic(Path(out), report_pdf._render_pdf(doc, title))
    except report_pdf.PdfExportError as exc:
        raise ExportError(str(exc)) from None
    return learners
