"""The "observed role-play" part of a reflection sheet (issue 18), as HTML.

Qt-free, like sheet_html: who observed and who played the customer, the observer's
1–5 rating with its descriptor beside the agent's self-rating, and the observer's
notes (third-party evidence for the portfolio). Every string is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.render.html_basics import MUTED, PRIMARY, esc

if TYPE_CHECKING:
    from trainer.core.sheet import ReflectionSheet

_L: dict[str, tuple[str, str]] = {
    "title": ("觀察角色扮演：第三方觀察紀錄", "Observed role-play: third-party observation"),
    "observer": ("觀察員", "Observer"),
    "customer": ("顧客扮演者", "Customer played by"),
    "duration": ("角色扮演時間", "Role-play time"),
    "ticked": ("觀察到的行為", "Behaviours observed"),
    "indicator": ("指標", "Indicator"),
    "rating": ("觀察員評分", "Observer's rating"),
    "self": ("受評者自評", "Agent's self-rating"),
    "notes": ("觀察員備註", "Observer's notes"),
    "general": ("整體", "Overall"),
    "pending": ("（尚未儲存觀察）", "(observation not saved yet)"),
    "none": ("—", "—"),
}


def _t(key: str, lang: str) -> str:
    zh, en = _L[key]
    return en if lang == "en" else zh


def observed_html(sheet: ReflectionSheet, lang: str) -> str:
    obs = sheet.observation or {}

    def t(key: str) -> str:
        return esc(_t(key, lang))

    head = (
        f'<h2 style="color:{PRIMARY}; font-size:13pt; margin-top:16px; margin-bottom:6px;">'
        f"{t('title')}</h2>"
    )
    if not obs.get("saved"):
        return head + f'<p style="color:{MUTED};">{t("pending")}</p>'
    seconds = int(obs.get("elapsed_s") or 0)
    info = [
        (t("observer"), esc(obs.get("observer"))),
        (t("customer"), esc(obs.get("customer_player")) or t("none")),
        (t("duration"), f"{seconds // 60:02d}:{seconds % 60:02d}"),
        (t("ticked"), f"{obs.get('ticked', 0)} / {obs.get('behaviours', 0)}"),
    ]
    cells = "".join(
        f'<tr><td width="22%" style="color:{MUTED};">{k}</td><td>{v}</td></tr>' for k, v in info
    )
    rows = [
        f'<tr><th align="left" width="22%" style="background-color:#e8edf8;">{t("indicator")}</th>'
        f'<th align="left" style="background-color:#e8edf8;">{t("rating")}</th>'
        f'<th align="left" width="18%" style="background-color:#e8edf8;">{t("self")}</th></tr>'
    ]
    for row in obs.get("ratings") or []:
        rating = row.get("observer")
        shown = f"<b>{rating}/5</b> {esc(row.get('descriptor'))}" if rating else t("none")
        own = row.get("self")
        rows.append(
            f"<tr><td>{esc(row['indicator'])} {esc(row['label'])}</td><td>{shown}</td>"
            f"<td>{f'{own}/5' if own else t('none')}</td></tr>"
        )
    notes = obs.get("notes") or {}
    note_lines = "".join(
        f"<p><b>{esc(k if k != 'general' else _t('general', lang))}</b>"
        f"{'：' if lang != 'en' else ': '}{esc(v)}</p>"
        for k, v in sorted(notes.items())
        if str(v).strip()
    )
    return (
        head
        + f'<table cellspacing="0" cellpadding="3" width="100%">{cells}</table>'
        + '<table cellspacing="0" cellpadding="4" width="100%" style="font-size:9pt;">'
        + "".join(rows)
        + "</table>"
        + (f"<p><b>{t('notes')}</b></p>{note_lines}" if note_lines else "")
    )
