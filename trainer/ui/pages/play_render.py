"""Turning engine events into conversation entries (shared by play, resume and replay)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from trainer.core.vocab import INDICATOR_LABELS, OUTCOMES, STEP_INDICATOR
from trainer.render.sheet_html import quality_label
from trainer.ui.labels import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from trainer.core.engine import Event, Session
    from trainer.core.model import Case
    from trainer.ui.widgets.conversation import Conversation


def _t(text: str) -> str:
    return QCoreApplication.translate("PlayRender", text)


OUTCOME_EN = {
    "resolved": "resolved",
    "partially_resolved": "partly resolved",
    "escalated": "escalated",
    "lost": "customer lost",
}

QUALITY_TITLE = {
    "best": QT_TRANSLATE_NOOP("PlayRender", "很好的選擇"),
    "good": QT_TRANSLATE_NOOP("PlayRender", "不錯"),
    "fair": QT_TRANSLATE_NOOP("PlayRender", "還可以更好"),
    "poor": QT_TRANSLATE_NOOP("PlayRender", "這一步有風險"),
}


def step_title(step: str, lang: str) -> str:
    indicator = STEP_INDICATOR[step]
    return f"{indicator} {INDICATOR_LABELS[indicator]['en' if lang == 'en' else 'zh-TW']}"


def step_intro(case: Case, step: str, lang: str) -> str:
    intro = getattr(case.steps, step).intro
    return intro.get(lang) if intro else ""


def render_intro(conv: Conversation, case: Case, lang: str) -> None:
    conv.add_note(case.summary.get(lang), "scene")
    conv.add_note(
        QCoreApplication.translate("PlayRender", "你的角色：") + case.learner_role.get(lang), "info"
    )
    conv.add_step(step_title("questioning", lang), step_intro(case, "questioning", lang))
    conv.add_customer(case.customer.name.get(lang), case.customer.opening_line.get(lang))


def _consequence(case: Case, option_id: str, cost_before: int, lang: str) -> str:
    option = case.option(option_id)
    bits = [QCoreApplication.translate("PlayRender", "+{n} 分鐘").format(n=option.sim_minutes)]
    if option.cost:
        bits.append(QCoreApplication.translate("PlayRender", "成本 NT${n:,}").format(n=option.cost))
    del cost_before, lang
    return " · ".join(bits)


def render_events(
    conv: Conversation,
    case: Case,
    events: list[Event],
    lang: str,
    show_feedback: bool,
    session: Session | None = None,
) -> None:
    """Add what happened to the conversation; feedback only when `show_feedback`.

    With the `session` the events came from, a step's header shows the intro that
    fits the attempt so far (after an escalation, not "now the problem is handled").
    """
    customer = case.customer.name.get(lang)
    for event in events:
        d = event.data
        kind = event.kind
        if kind == "say":
            text = case.option(d["option_id"]).text.get(lang)
            footer = _consequence(case, d["option_id"], 0, lang)
            conv.add_learner(
                QCoreApplication.translate("PlayRender", "你"), text, d.get("free_text"), footer
            )
        elif kind == "reply":
            conv.add_customer(customer, _ltext(d["text"], lang))
        elif kind == "fact":
            fact = case.fact(d["fact_id"])
            conv.add_note(
                QCoreApplication.translate("PlayRender", "記到筆記本：") + fact.text.get(lang),
                "fact",
            )
        elif kind == "authority":
            conv.add_note(
                QCoreApplication.translate(
                    "PlayRender", "主管授權：你的權限提高到 NT${n:,}"
                ).format(n=d["authority"]),
                "info",
            )
        elif kind == "feedback" and show_feedback:
            quality = d.get("quality") or "fair"
            coach = QCoreApplication.translate("PlayRender", "教練回饋")
            title = (
                f"{coach} · {quality_label(quality, _ui_lang()).capitalize()} · "
                f"{_t(QUALITY_TITLE.get(quality, ''))}"
            )
            conv.add_feedback(quality, title, _ltext(d["text"], lang))
        elif kind == "overrun":
            conv.add_note(
                QCoreApplication.translate("PlayRender", "已超過目標處理時間，顧客更不耐煩了。"),
                "warn",
            )
        elif kind == "escalated":
            conv.add_customer(customer, _ltext(d["reply"], lang))
            conv.add_note(
                QCoreApplication.translate("PlayRender", "投訴升級：")
                + _ltext(d["consequence"], lang),
                "bad",
            )
        elif kind == "offer_refused":
            conv.add_note(QCoreApplication.translate("PlayRender", "顧客拒絕了這個方案。"), "warn")
        elif kind == "outcome":
            outcome = d["outcome"]
            label = (  # the window's words, like the "Outcome:" before it
                OUTCOME_EN.get(outcome, outcome)
                if _ui_lang() == "en"
                else OUTCOMES.get(outcome, outcome)
            )
            conv.add_note(
                QCoreApplication.translate("PlayRender", "結果：") + label,
                "good" if outcome == "resolved" else "warn",
            )
        elif kind == "step":
            step = d["step"]
            intro = step_intro(case, step, lang)
            if "intro" in d:  # the intro that fitted when the log was replayed
                intro = _ltext(d["intro"], lang) if d["intro"] is not None else ""
            elif session is not None and session.state.step == step:
                fitting = session.step_intro()
                intro = fitting.get(lang) if fitting is not None else ""
            conv.add_step(step_title(step, lang), intro)
        elif kind == "report":
            conv.add_note(QCoreApplication.translate("PlayRender", "已提交內部回饋報告。"), "info")
        elif kind == "finished":
            conv.add_note(
                QCoreApplication.translate("PlayRender", "完成！正在產生反思單。"), "good"
            )


def _ui_lang() -> str:
    """The language of the window's own words (the installed translation), which can
    differ from the case's: a Chinese-only case played with the English UI."""
    marker = "結果："
    return "zh-TW" if QCoreApplication.translate("PlayRender", marker) == marker else "en"


def _ltext(value: object, lang: str) -> str:
    # Event payloads carry LText models (or plain strings from older logs).
    get = getattr(value, "get", None)
    if callable(get) and not isinstance(value, dict):
        return str(get(lang))
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("zh-TW") or value.get("zh") or "")
    return str(value)
