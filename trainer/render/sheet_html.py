"""The reflection sheet (反思單) as HTML for QTextDocument: screen, print and PDF.

Qt-free on purpose: the same text is shown in the sheet page, printed, and written
to PDF, so they always agree. Every author- or learner-written string goes through
`esc()` (html.escape), so markup in a name, a case or free text stays literal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from trainer.core.vocab import indicator_text
from trainer.render.html_basics import MUTED as MUTED
from trainer.render.html_basics import PRIMARY as PRIMARY
from trainer.render.html_basics import esc as esc

if TYPE_CHECKING:
    from trainer.core.sheet import ReflectionSheet, SheetRow

QUALITY_COLORS = {"best": "#1f8a4c", "good": "#3a9d5d", "fair": "#c27c0e", "poor": "#c8402f"}

_LABELS: dict[str, tuple[str, str]] = {
    "title": ("反思單", "Reflection sheet"),
    "unit": (
        "iCAP TRM3R0182v2 三、解決顧客投訴",
        "iCAP TRM3R0182v2 III. Resolve customer complaints",
    ),
    "learner": ("學習者", "Learner"),
    "student_no": ("學號", "Student no."),
    "class": ("班級", "Class"),
    "case": ("個案", "Case"),
    "mode": ("模式", "Mode"),
    "practice": ("練習", "Practice"),
    "assessment": ("評量", "Assessment"),
    "roleplay": ("觀察角色扮演", "Observed role-play"),
    "date": ("日期", "Date"),
    "outcome": ("結果", "Outcome"),
    "total": ("總分", "Total"),
    "indicator": ("指標", "Indicator"),
    "score": ("得分", "Score"),
    "reason": ("評分理由", "Reason"),
    "self": ("自評", "Self-rating"),
    "evidence": ("證據（選擇與思考時間）", "Evidence (choices and time taken)"),
    "no_evidence": ("（沒有紀錄）", "(nothing recorded)"),
    "own_words": ("自己的說法", "Own words"),
    "facts": ("找到與遺漏的事實", "Facts found and missed"),
    "found": ("已找到", "Found"),
    "missed": ("遺漏", "Missed"),
    "none": ("（無）", "(none)"),
    "key": ("關鍵", "key"),
    "mood": ("顧客情緒變化", "Customer mood over the conversation"),
    "money": ("成本、權限與毛利", "Cost, authority and margin"),
    "cost": ("補償成本", "Compensation cost"),
    "authority": ("可用權限", "Authority"),
    "limit": ("個人權限上限", "Personal authority limit"),
    "value": ("交易金額", "Transaction value"),
    "margin": ("本筆毛利", "Margin on this sale"),
    "time": ("處理時間（模擬）", "Handling time (simulated)"),
    "target": ("目標", "target"),
    "minutes": ("分鐘", "min"),
    "over_auth": ("超過個人權限", "above personal authority"),
    "over_margin": ("超過本筆毛利", "above the margin"),
    "paths": ("專家路徑與你的路徑", "Expert path and your path"),
    "step": ("步驟", "Step"),
    "expert": ("專家", "Expert"),
    "you": ("你", "You"),
    "parted": ("你在第 {n} 步與專家路徑分開。", "You parted from the expert path at step {n}."),
    "same": ("你的路徑與專家路徑一致。", "Your path matches the expert path."),
    "purpose": ("目的", "Purpose"),
    "made_at": ("你在第 {n} 步做了", "You did this at decision {n}"),
    "not_made": ("你沒有做", "You did not"),
    "instead": ("你改選", "You chose instead"),
    "moves_made": (
        "專家的 {total} 步中你做了 {made} 步。",
        "You made {made} of the expert's {total} moves.",
    ),
    "concepts": ("反思涵蓋的本案重點", "Key points of this case in your reflection"),
    "covered": ("已提到", "covered"),
    "missing": ("未提到", "missing"),
    "report": ("內部回饋報告", "Internal feedback report"),
    "root_cause": ("根本原因", "Root cause"),
    "recipients": ("通報對象", "Who was told"),
    "preventive": ("預防建議", "Preventive suggestion"),
    "profile_note": ("顧客檔案備註", "Customer profile note"),
    "reflection": ("我的反思", "My reflection"),
    "model": ("參考答案", "Model answer"),
    "escalated": ("已升級給主管處理", "Escalated to a manager"),
    "unfinished": ("（未完成）", "(not finished)"),
    "seconds": ("秒", "s"),
}

QUALITY_LABELS: dict[str, tuple[str, str]] = {
    "best": ("最佳", "best"),
    "good": ("良好", "good"),
    "fair": ("尚可", "fair"),
    "poor": ("待改進", "poor"),
}


def colon(lang: str) -> str:
    """The colon after a caption: full-width in Chinese, ': ' in English."""
    return ": " if lang == "en" else "："


def aside(text: str, lang: str) -> str:
    """`text` in brackets: full-width in Chinese, ' (text)' in English."""
    return f" ({text})" if lang == "en" else f"（{text}）"


def listed(items: Sequence[str], lang: str) -> str:
    return (", " if lang == "en" else "、").join(items)


def label(key: str, lang: str) -> str:
    zh, en = _LABELS[key]
    return en if lang == "en" else zh


def quality_label(quality: str | None, lang: str) -> str:
    if not quality:
        return ""
    zh, en = QUALITY_LABELS.get(quality, (quality, quality))
    return en if lang == "en" else zh


def stars_text(n: int | None) -> str:
    if n is None:
        return "—"
    return "★" * n + "☆" * (5 - n)


def money(value: int) -> str:
    return f"NT${value:,}"


def nobreak(text: str) -> str:
    """A date or number that must never break across lines."""
    return f'<span style="white-space:nowrap;">{esc(text)}</span>'


def _h2(text: str) -> str:
    return (
        f'<h2 style="color:{PRIMARY}; font-size:13pt; margin-top:16px; margin-bottom:6px;">'
        f"{esc(text)}</h2>"
    )


def _header(sheet: ReflectionSheet, lang: str) -> str:
    L = functools.partial(label, lang=lang)
    who = esc(sheet.learner_name)
    extra = []
    if sheet.student_no:
        extra.append(f"{L('student_no')} {esc(sheet.student_no)}")
    if sheet.class_name:
        extra.append(f"{L('class')} {esc(sheet.class_name)}")
    if extra:
        joined = (", " if lang == "en" else "，").join(extra)
        who += f' <span style="color:{MUTED};">{aside(joined, lang)}</span>'
    outcome = esc(sheet.outcome_label if sheet.finished or sheet.outcome else L("unfinished"))
    if sheet.escalated and sheet.outcome == "escalated":
        outcome = esc(L("escalated"))  # "escalated · Escalated to a manager" said it twice
    elif sheet.escalated:
        outcome += f" · {L('escalated')}"
    rows = [
        (L("learner"), who),
        (L("case"), esc(sheet.case_title)),
        (
            L("mode"),
            L(sheet.mode)
            if sheet.mode in ("practice", "assessment", "roleplay")
            else esc(sheet.mode),
        ),
        (L("date"), nobreak((sheet.finished_at or sheet.started_at)[:16].replace("T", " "))),
        (L("outcome"), outcome),
    ]
    cells = "".join(
        f'<tr><td style="color:{MUTED};" width="18%">{k}</td><td>{v}</td></tr>' for k, v in rows
    )
    return (
        f'<p style="color:{MUTED}; font-size:9pt; margin:0;">{esc(L("unit"))}</p>'
        f'<h1 style="font-size:18pt; margin-top:2px; margin-bottom:6px;">{esc(L("title"))}'
        f' <span style="color:{PRIMARY};">{sheet.total}</span>'
        f'<span style="font-size:11pt; color:{MUTED};"> / 100 {esc(L("total"))}</span></h1>'
        f'<table cellspacing="0" cellpadding="3" width="100%">{cells}</table>'
    )


def _evidence(row: SheetRow, lang: str) -> str:
    if not row.evidence:
        return f'<span style="color:{MUTED};">{esc(label("no_evidence", lang))}</span>'
    items = []
    for ev in row.evidence:
        quality = ""
        if ev.quality:
            color = QUALITY_COLORS.get(ev.quality, MUTED)
            quality = (
                f' <span style="color:{color};">[{esc(quality_label(ev.quality, lang))}]</span>'
            )
        secs = f"{ev.think_ms / 1000:.0f} {label('seconds', lang)}"
        line = f'#{ev.seq} {esc(ev.text)}{quality} <span style="color:{MUTED};">· {secs}</span>'
        if ev.action == "tick":  # an observed behaviour: its clock time is in the text
            line = f"#{ev.seq} {esc(ev.text)}"
        if ev.free_text:
            line += (
                f'<br/><span style="color:{MUTED};">{esc(label("own_words", lang))}{colon(lang)}</span>'
                f"{esc(ev.free_text)}"
            )
        items.append(line)
    return "<br/>".join(items)


#: Column widths of the indicator table (the reason column takes the rest).
_ROW_WIDTHS = ("24%", "12%", "15%")


def _row_table(cells: str, shade: str = "") -> str:
    """One logical row as its own table, so pagination can keep it whole."""
    bg = f' style="background-color:{shade};"' if shade else ""
    return f'<table cellspacing="0" cellpadding="6" width="100%" border="0"{bg}>{cells}</table>'


def _rows(sheet: ReflectionSheet, lang: str) -> str:
    L = functools.partial(label, lang=lang)
    keys = ("indicator", "score", "self", "reason")
    widths = (*_ROW_WIDTHS, "")
    head = "".join(
        f'<th align="left"{f" width={w!r}" if w else ""} '
        f'style="background-color:{PRIMARY}; color:white;">{esc(L(k))}</th>'
        for k, w in zip(keys, widths, strict=True)
    )
    body = [_row_table(f"<tr>{head}</tr>")]
    for index, row in enumerate(sheet.rows):
        shade = "#f3f6fc" if index % 2 == 0 else "#ffffff"
        behaviour = indicator_text(row.indicator, lang)
        w1, w2, w3 = _ROW_WIDTHS
        body.append(
            _row_table(
                f'<tr><td width="{w1}"><b>{esc(row.indicator)} {esc(row.label)}</b><br/>'
                f'<span style="color:{MUTED}; font-size:8pt;">{esc(behaviour)}</span></td>'
                f'<td width="{w2}" nowrap><b style="font-size:13pt;">{row.score}</b><br/>'
                f'<span style="color:#d49a00; font-size:8pt;">{stars_text(row.system_stars)}</span></td>'
                f'<td width="{w3}" nowrap style="font-size:8pt;">{stars_text(row.self_rating)}</td>'
                f"<td>{esc(row.reason)}</td></tr>"
                f'<tr><td colspan="4" style="font-size:9pt;">'
                f'<span style="color:{MUTED};">{esc(L("evidence"))}{colon(lang)}</span><br/>'
                f"{_evidence(row, lang)}</td></tr>",
                shade,
            )
        )
    return "".join(body)


def _facts(sheet: ReflectionSheet, lang: str) -> str:
    L = functools.partial(label, lang=lang)
    from trainer.core.vocab import FACT_KINDS

    def items(facts: Sequence[Any], color: str) -> str:
        if not facts:
            return f'<span style="color:{MUTED};">{esc(L("none"))}</span>'
        lines = []
        for fact in facts:
            kind = FACT_KINDS.get(fact.kind, fact.kind) if lang != "en" else fact.kind.capitalize()
            key = f" · {L('key')}" if fact.key else ""
            lines.append(
                f'<span style="color:{color};">■</span> [{esc(kind)}{key}] {esc(fact.text.get(lang))}'
            )
        return "<br/>".join(lines)

    return (
        _h2(L("facts")) + '<table cellspacing="0" cellpadding="5" width="100%"><tr>'
        f'<td width="50%" style="background-color:#eef8f1;"><b>{esc(L("found"))}'
        f" ({len(sheet.facts_found)})</b><br/>{items(sheet.facts_found, '#1f8a4c')}</td>"
        f'<td width="50%" style="background-color:#fdf1ee;"><b>{esc(L("missed"))}'
        f" ({len(sheet.facts_missed)})</b><br/>{items(sheet.facts_missed, '#c8402f')}</td>"
        "</tr></table>"
    )


def _money(sheet: ReflectionSheet, lang: str) -> str:
    L = functools.partial(label, lang=lang)
    notes = []
    if sheet.cost > sheet.authority_limit:
        notes.append(L("over_auth"))
    if sheet.cost > sheet.margin_value:
        notes.append(L("over_margin"))
    warn = (
        f' <span style="color:#c8402f;">{aside(listed(notes, lang), lang)}</span>' if notes else ""
    )
    over_time = sheet.sim_minutes > sheet.target_minutes
    time_color = "#c8402f" if over_time else "#1f8a4c"
    rows = [
        (L("cost"), f"<b>{money(sheet.cost)}</b>{warn}"),
        (
            L("limit"),
            money(sheet.authority_limit)
            + aside(f"{L('authority')} {money(sheet.authority)}", lang),
        ),
        (L("value"), money(sheet.transaction_value)),
        (L("margin"), money(sheet.margin_value)),
        (
            L("time"),
            f'<span style="color:{time_color};"><b>{sheet.sim_minutes}</b></span> {L("minutes")}'
            + aside(f"{L('target')} {sheet.target_minutes} {L('minutes')}", lang),
        ),
    ]
    cells = "".join(
        f'<tr><td width="30%" style="color:{MUTED};">{k}</td><td>{v}</td></tr>' for k, v in rows
    )
    return _h2(L("money")) + f'<table cellspacing="0" cellpadding="3">{cells}</table>'


def _paths(sheet: ReflectionSheet, lang: str) -> str:
    """The expert's moves compared by purpose: made or not, when, and what instead."""
    L = functools.partial(label, lang=lang)

    def step_html(step: Any) -> str:
        color = QUALITY_COLORS.get(step.quality, MUTED)
        return (
            f'{esc(step.text)} <span style="color:{color};">'
            f"[{esc(quality_label(step.quality, lang))}]</span>"
        )

    rows = []
    for i, move in enumerate(sheet.expert_moves):
        bg = "#ffffff" if i % 2 else "#f7f8fb"
        if move.made_at is not None:
            mine = f'<span style="color:{QUALITY_COLORS["best"]};">✓ {esc(L("made_at").format(n=move.made_at))}</span>'
        else:
            bg = "#fff6e5"
            mine = f"<b>{esc(L('not_made'))}</b>"
            if move.instead:
                mine += "<br>" + esc(L("instead")) + colon(lang)
                mine += "<br>".join(step_html(step) for step in move.instead)
        rows.append(
            '<table cellspacing="0" cellpadding="4" width="100%" '
            f'style="font-size:9pt; background-color:{bg}; page-break-inside:avoid;">'
            f'<tr><td width="18%">{esc(move.purpose)}</td>'
            f'<td width="41%">{step_html(move.expert)}</td><td>{mine}</td></tr></table>'
        )
    made = sum(1 for m in sheet.expert_moves if m.made_at is not None)
    summary = L("moves_made").format(made=made, total=len(sheet.expert_moves))
    head = "".join(
        f'<th align="left"{f" width={w!r}" if w else ""} style="background-color:#e8edf8;">'
        f"{esc(L(k))}</th>"
        for k, w in (("purpose", "18%"), ("expert", "41%"), ("you", ""))
    )
    return (
        _h2(L("paths"))
        + f"<p>{esc(summary)}</p>"
        + f'<table cellspacing="0" cellpadding="4" width="100%" style="font-size:9pt;">'
        f"<tr>{head}</tr></table>{''.join(rows)}"
    )


def _report(sheet: ReflectionSheet, lang: str) -> str:
    L = functools.partial(label, lang=lang)
    if not sheet.report:
        return ""
    report = sheet.report
    rows = [
        (L("root_cause"), esc(report.get("root_cause"))),
        (L("recipients"), esc(listed(report.get("recipients") or [], lang)) or esc(L("none"))),
        (L("preventive"), esc(report.get("preventive")) or esc(L("none"))),
        (L("profile_note"), esc(report.get("profile_note")) or esc(L("none"))),
    ]
    cells = "".join(
        f'<tr><td width="22%" style="color:{MUTED};">{k}</td><td>{v}</td></tr>' for k, v in rows
    )
    return _h2(L("report")) + f'<table cellspacing="0" cellpadding="3" width="100%">{cells}</table>'


def _reflection(sheet: ReflectionSheet, lang: str) -> str:
    L = functools.partial(label, lang=lang)
    if not sheet.reflections:
        return ""
    parts = [_h2(L("reflection"))]
    for prompt, answer, model in sheet.reflections:
        parts.append(
            f'<p style="margin-bottom:2px;"><b>{esc(prompt)}</b></p>'
            f'<p style="margin-top:0; margin-bottom:2px;">{esc(answer) or esc(L("none"))}</p>'
        )
        if model:
            parts.append(
                f'<p style="margin-top:0; color:{MUTED}; font-size:9pt;">'
                f"{esc(L('model'))}{colon(lang)}{esc(model)}</p>"
            )
    if sheet.concepts:
        items = "".join(
            f'<li><span style="color:{QUALITY_COLORS["best" if c.covered else "poor"]};">'
            f"{'✓' if c.covered else '✗'} {esc(L('covered' if c.covered else 'missing'))}</span>"
            f" {esc(c.label)}</li>"
            for c in sheet.concepts
        )
        parts.append(f"<p><b>{esc(L('concepts'))}</b></p><ul>{items}</ul>")
    return "".join(parts)


def sheet_html(
    sheet: ReflectionSheet, mood_src: str | None = None, page_break: bool = False
) -> str:
    """The whole sheet as one HTML fragment (a `<div>`)."""
    lang = sheet.lang
    mood = ""
    if mood_src:
        mood = (
            _h2(label("mood", lang))
            + f'<p><img src="{esc(mood_src)}" width="600" height="160"/></p>'
        )
    style = ' style="page-break-before:always;"' if page_break else ""
    if sheet.observation is not None:  # an observed role-play (issue 18)
        from trainer.render.observed_html import observed_html

        return (
            f"<div{style}>"
            + _header(sheet, lang)
            + observed_html(sheet, lang)
            + _h2(label("title", lang) + " 3.1–3.5")
            + _rows(sheet, lang)
            + _facts(sheet, lang)
            + _report(sheet, lang)
            + _reflection(sheet, lang)
            + "</div>"
        )
    return (
        f"<div{style}>"
        + _header(sheet, lang)
        + _h2(label("title", lang) + " 3.1–3.5")
        + _rows(sheet, lang)
        + _facts(sheet, lang)
        + mood
        + _money(sheet, lang)
        + _paths(sheet, lang)
        + _report(sheet, lang)
        + _reflection(sheet, lang)
        + "</div>"
    )


_FONT_SIZE = re.compile(r"font-size:(\d+(?:\.\d+)?)pt")


def scale_font_sizes(html: str, scale: float) -> str:
    """Multiply every `font-size:Npt` of the sheet's own markup by `scale`.

    Author and learner text is escaped before it gets here, so only the sheet's
    style attributes can match.
    """
    if scale == 1.0:
        return html
    return _FONT_SIZE.sub(lambda m: f"font-size:{float(m.group(1)) * scale:.1f}pt", html)


def document_html(body: str) -> str:
    return f"<html><body>{body}</body></html>"
