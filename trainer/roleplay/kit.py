"""The role-play kit of a case: customer brief, agent brief and observer sheet.

Plain data (titles, blocks of lines) in one language, rendered by
trainer.render.kit_html for the screen and the PDF. The agent brief never carries a
hidden fact: only what the agent knows at the start (role, policies, money, time).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.core.model import QUESTION_KINDS, Case, Kind, LText, Option
from trainer.core.vocab import (
    EXTERNAL_SEGMENTS,
    INDICATOR_LABELS,
    INTERNAL_SEGMENTS,
    NEEDS,
    NEEDS_EN,
)
from trainer.roleplay.checklist import checklist
from trainer.roleplay.rubric import RATED_INDICATORS, descriptors

#: How many calming / angering moves the customer brief lists.
MOVES_LISTED = 4


@dataclass(frozen=True)
class Block:
    heading: str
    lines: tuple[str, ...] = ()
    #: "list" (bullets), "text" (paragraphs), "check" (tick boxes), "rubric"
    #: (levels 1–5), "notes" (empty lines to write on)
    kind: str = "list"


@dataclass(frozen=True)
class KitSheet:
    role: str  # customer, agent, observer
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def text(self) -> str:
        return "\n".join([self.title, *(ln for b in self.blocks for ln in (b.heading, *b.lines))])


@dataclass(frozen=True)
class Kit:
    case_id: str
    case_title: str
    lang: str
    sheets: tuple[KitSheet, KitSheet, KitSheet]

    def sheet(self, role: str) -> KitSheet:
        return next(s for s in self.sheets if s.role == role)


def _g(text: LText | None, lang: str) -> str:
    return text.get(lang) if text is not None else ""


def _tr(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


KIND_ASKED: dict[Kind, tuple[str, str]] = {
    Kind.open_question: ("開放式問題", "an open question"),
    Kind.closed_question: ("封閉式問題（確認細節）", "a closed question (checking a detail)"),
    Kind.leading_question: ("誘導式問題", "a leading question"),
    Kind.contact_team: ("向內部同事查證", "a check with the team"),
    Kind.contact_partner: ("向合作廠商查證", "a check with the partner"),
    Kind.consult_manager: ("請示主管", "asking the manager"),
    Kind.ask_wants: ("詢問顧客期望", "asking what you want"),
}


def _mood_acting(mood: int, lang: str) -> str:
    if mood < 30:
        return _tr(
            lang,
            f"開場情緒很差（{mood}/100）：音量偏大、說話急促、不太讓對方插話。",
            f"Start very upset ({mood}/100): loud, fast, hardly letting the agent speak.",
        )
    if mood < 55:
        return _tr(
            lang,
            f"開場不滿（{mood}/100）：語氣緊繃，但願意回答好的問題。",
            f"Start annoyed ({mood}/100): tense, but you answer good questions.",
        )
    return _tr(
        lang,
        f"開場尚算冷靜但失望（{mood}/100）：有禮貌，但清楚表達不滿。",
        f"Start calm but disappointed ({mood}/100): polite, clearly unhappy.",
    )


def _revealers(case: Case, fact_id: str) -> list[Option]:
    found = [o for o in case.all_options() if fact_id in o.reveals]
    order = {"best": 0, "good": 1, "fair": 2, "poor": 3}
    return sorted(found, key=lambda o: order[o.rated_quality.value])


def customer_sheet(case: Case, lang: str) -> KitSheet:
    c = case.customer
    segments = INTERNAL_SEGMENTS if c.internal else EXTERNAL_SEGMENTS
    persona = [f"{_tr(lang, '姓名', 'Name')}: {_g(c.name, lang)}"]
    if c.age is not None:
        persona.append(f"{_tr(lang, '年齡', 'Age')}: {c.age}")
    if c.gender is not None:
        persona.append(f"{_tr(lang, '性別', 'Gender')}: {_g(c.gender, lang)}")
    if c.culture is not None:
        persona.append(f"{_tr(lang, '文化背景', 'Background')}: {_g(c.culture, lang)}")
    segment = segments.get(c.segment, c.segment) if lang != "en" else c.segment.replace("_", " ")
    persona.append(f"{_tr(lang, '顧客類型', 'Customer type')}: {segment}")
    if c.regular:
        persona.append(_tr(lang, "你是常客。", "You are a regular customer."))
    if c.profile is not None:
        persona.append(_g(c.profile, lang))
    persona += [_g(n, lang) for n in c.special_needs]
    persona.append(f"{_tr(lang, '你期待的是', 'What you expect')}: {_g(c.expectations, lang)}")
    needs = ", ".join(NEEDS[n] if lang != "en" else NEEDS_EN[n] for n in c.needs)
    persona.append(f"{_tr(lang, '你真正需要', 'What you really need')}: {needs}")
    acting = [_mood_acting(c.mood, lang), *(_g(cue, lang) for cue in c.nonverbal_cues)]
    facts: list[str] = []
    for fact in case.facts:
        star = "★ " if fact.key else ""
        line = f"{star}{fact.text.get(lang)}"
        options = _revealers(case, fact.id)
        asked = [o for o in options if o.kind in QUESTION_KINDS or o.kind is Kind.ask_wants]
        if options and not asked:
            # Found by checking with a colleague or partner: the customer does not know it.
            line += _tr(
                lang,
                f" —— 你（顧客）不知道這件事；服務人員去查證時（例如：「{options[0].text.get(lang)}」），"
                "由觀察員扮演同事或廠商告訴他。",
                " — you (the customer) do not know this; when the agent checks "
                f"(e.g. “{options[0].text.get(lang)}”), the observer, playing the colleague "
                "or partner, tells them.",
            )
            facts.append(line)
            continue
        options = asked or options
        if options:
            kind = KIND_ASKED.get(options[0].kind, (options[0].kind.value,) * 2)
            line += _tr(
                lang,
                f" —— 當對方用{kind[0]}問到時才說，例如：「{options[0].text.get(lang)}」",
                f" — say it only when drawn out by {kind[1]}, e.g. “{options[0].text.get(lang)}”",
            )
        else:
            line += _tr(lang, " —— 只在被直接問到時才說。", " — say it only when asked directly.")
        facts.append(line)
    moves = [o for o in case.all_options() if o.mood]
    good = ("best", "good")
    calms = sorted(
        (o for o in moves if o.mood > 0 and o.rated_quality.value in good), key=lambda o: -o.mood
    )[:MOVES_LISTED]
    angers = sorted((o for o in moves if o.mood < 0), key=lambda o: o.mood)[:MOVES_LISTED]
    e = case.escalation
    limit = round(case.business.target_minutes * e.overrun_factor)
    manager = [
        _tr(
            lang,
            f"對方責備你、敷衍你或答非所問超過 {c.patience} 次時",
            f"When the agent blames, stalls or ignores you more than {c.patience} times",
        ),
        _tr(
            lang,
            f"你的怒氣到了極點（情緒低於 {e.mood_below}/100）時",
            f"When your anger peaks (mood below {e.mood_below}/100)",
        ),
        _tr(
            lang,
            f"處理超過 {limit} 分鐘仍沒有方案時",
            f"When there is still no solution after {limit} minutes",
        ),
        _tr(lang, f"這時說：「{e.reply.get(lang)}」", f"Then say: “{e.reply.get(lang)}”"),
    ]
    return KitSheet(
        "customer",
        _tr(lang, "顧客角色說明（僅限扮演顧客者閱讀）", "Customer brief (for the customer only)"),
        (
            Block(_tr(lang, "你是誰", "Who you are"), tuple(persona)),
            Block(
                _tr(lang, "開場白", "Your opening line"),
                (_tr(lang, f"「{c.opening_line.get(lang)}」", f"“{c.opening_line.get(lang)}”"),),
                "text",
            ),
            Block(_tr(lang, "情緒與肢體表現", "Mood and non-verbal cues"), tuple(acting)),
            Block(
                _tr(
                    lang,
                    "隱藏的事實（被問到才說；★ 為關鍵事實）",
                    "Hidden facts (reveal each only when asked; ★ = key fact)",
                ),
                tuple(facts),
            ),
            Block(
                _tr(lang, "讓你平靜下來的做法", "What calms you"),
                tuple(o.text.get(lang) for o in calms),
            ),
            Block(
                _tr(lang, "讓你更生氣的做法", "What angers you"),
                tuple(o.text.get(lang) for o in angers),
            ),
            Block(_tr(lang, "何時要求找主管", "When to demand a manager"), tuple(manager)),
        ),
    )


def agent_sheet(case: Case, lang: str) -> KitSheet:
    b = case.business
    c = case.customer
    role = [_g(case.learner_role, lang)]
    if case.partner is not None:
        role.append(f"{_tr(lang, '合作廠商', 'Partner')}: {_g(case.partner, lang)}")
    start = [
        f"{_tr(lang, '個案', 'Case')}: {case.title.get(lang)}",
        f"{_tr(lang, '顧客', 'Customer')}: {_g(c.name, lang)}",
        _tr(
            lang,
            "顧客會先開口；其他事情要靠你提問、複述與查證才會知道。",
            "The customer speaks first; anything else you learn by asking, "
            "paraphrasing and checking.",
        ),
    ]
    money = [
        f"{_tr(lang, '個人權限上限', 'Your authority limit')}: NT${b.authority_limit:,}",
        f"{_tr(lang, '本筆交易金額', 'Transaction value')}: NT${b.transaction_value:,}",
        f"{_tr(lang, '本筆毛利', 'Margin on this sale')}: NT${b.margin_value:,} ({b.margin_pct:g}%)",
        f"{_tr(lang, '目標處理時間', 'Target time')}: {b.target_minutes} "
        + _tr(lang, "分鐘", "min"),
        _tr(
            lang,
            "超過權限或毛利的補償，必須先請示主管並說明理由。",
            "Compensation above your authority or the margin needs the manager's approval "
            "and a stated reason.",
        ),
    ]
    task = [
        f"3.1 {INDICATOR_LABELS['3.1'][lang if lang == 'en' else 'zh-TW']}: "
        + _tr(lang, "找出投訴的性質、原因與細節", "find the nature, causes and details"),
        f"3.2 {INDICATOR_LABELS['3.2'][lang if lang == 'en' else 'zh-TW']}: "
        + _tr(lang, "複述並確認，回應感受", "paraphrase and check; acknowledge feelings"),
        f"3.3 {INDICATOR_LABELS['3.3'][lang if lang == 'en' else 'zh-TW']}: "
        + _tr(
            lang, "詢問期望，在權限內迅速解決", "ask what they want; resolve fast within authority"
        ),
        f"3.4 {INDICATOR_LABELS['3.4'][lang if lang == 'en' else 'zh-TW']}: "
        + _tr(
            lang,
            "說明後續追蹤；結束後在系統填寫內部報告",
            "agree the follow-up; afterwards write the internal report in the app",
        ),
        f"3.5 {INDICATOR_LABELS['3.5'][lang if lang == 'en' else 'zh-TW']}: "
        + _tr(
            lang, "結束後在系統完成反思與自評", "afterwards write the reflection and self-rating"
        ),
    ]
    return KitSheet(
        "agent",
        _tr(lang, "服務人員角色說明（受評者）", "Agent brief (the person assessed)"),
        (
            Block(_tr(lang, "你的角色", "Your role"), tuple(role), "text"),
            Block(_tr(lang, "開始時你知道的", "What you know at the start"), tuple(start)),
            Block(
                _tr(lang, "公司政策", "Policies"),
                tuple(p.get(lang) for p in b.policies)
                or (_tr(lang, "（無特別政策）", "(no special policy)"),),
            ),
            Block(_tr(lang, "權限、毛利與時間", "Authority, margin and time"), tuple(money)),
            Block(_tr(lang, "你的任務", "Your task"), tuple(task)),
        ),
    )


def observer_sheet(case: Case, lang: str) -> KitSheet:
    blocks = [
        Block(
            _tr(lang, "紀錄", "Record"),
            (
                _tr(lang, "觀察員：＿＿＿＿＿＿", "Observer: ____________"),
                _tr(lang, "服務人員（受評者）：＿＿＿＿＿＿", "Agent (assessed): ____________"),
                _tr(lang, "顧客扮演者：＿＿＿＿＿＿", "Customer played by: ____________"),
                _tr(lang, "開始時間：＿＿　結束時間：＿＿", "Start: ______  End: ______"),
            ),
            "text",
        )
    ]
    items = checklist(case)
    for indicator in RATED_INDICATORS:
        label = INDICATOR_LABELS[indicator]["en" if lang == "en" else "zh-TW"]
        lines = tuple(
            b.label(lang)
            + (
                _tr(lang, "（看內部報告）", " (from the internal report)")
                if b.source == "report"
                else ""
            )
            for b in items
            if b.indicator == indicator
        )
        blocks.append(Block(f"{indicator} {label}", lines, "check"))
        blocks.append(
            Block(
                _tr(lang, f"{indicator} 評分（圈選 1–5）", f"{indicator} rating (circle 1–5)"),
                tuple(descriptors(case, indicator, lang)),
                "rubric",
            )
        )
    blocks.append(
        Block(
            "3.5 " + INDICATOR_LABELS["3.5"]["en" if lang == "en" else "zh-TW"],
            (
                _tr(
                    lang,
                    "受評者在系統內完成反思與自評；系統依反思重點評分，並把自評列在你的評分旁。",
                    "The agent writes the reflection and self-rating in the app; it is scored "
                    "on the case's key points and the self-rating is shown beside your rating.",
                ),
            ),
            "text",
        )
    )
    blocks.append(Block(_tr(lang, "備註", "Notes"), ("",) * 6, "notes"))
    return KitSheet(
        "observer",
        _tr(lang, "觀察員評分表", "Observer sheet"),
        tuple(blocks),
    )


def build_kit(case: Case, lang: str = "zh-TW") -> Kit:
    return Kit(
        case.id,
        case.title.get(lang),
        lang,
        (customer_sheet(case, lang), agent_sheet(case, lang), observer_sheet(case, lang)),
    )
