"""The observer's behaviour checklist, drawn from a case.

Each behaviour belongs to one indicator (3.1–3.4) and one engine step. Most are
ticked by the observer during the live role-play; two (root cause, recipients) are
judged from the agent's internal report (`source == "report"`).
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.core.model import Case, Kind

#: Option kinds that contact someone: shown when the expert path contacts them.
CONTACT_KINDS = (Kind.consult_manager, Kind.contact_partner, Kind.contact_team)
#: Weight of a fact that is not a key fact (a key fact weighs 1).
MINOR_FACT_WEIGHT = 0.5
INDICATOR_STEP = {"3.1": "questioning", "3.2": "clarifying", "3.3": "resolving", "3.4": "feedback"}


@dataclass(frozen=True)
class Behaviour:
    id: str
    indicator: str
    zh: str
    en: str
    weight: float = 1.0
    #: "observer" (ticked live) or "report" (judged from the agent's internal report).
    source: str = "observer"
    fact_id: str | None = None

    @property
    def step(self) -> str:
        return INDICATOR_STEP[self.indicator]

    def label(self, lang: str = "zh-TW") -> str:
        return self.en if lang == "en" else self.zh


def _money(value: int) -> str:
    return f"NT${value:,}"


def checklist(case: Case) -> list[Behaviour]:
    """Every behaviour of the case, in indicator order."""
    b = case.business
    items: list[Behaviour] = [
        Behaviour(
            "open_questions",
            "3.1",
            "先用開放式問題讓顧客說明經過",
            "Opened with open questions so the customer could tell what happened",
        ),
        Behaviour(
            "no_blaming",
            "3.1",
            "沒有誘導或責備顧客的提問",
            "Asked no leading or blaming questions",
        ),
    ]
    for fact in case.facts:
        star = "★" if fact.key else ""
        items.append(
            Behaviour(
                f"fact-{fact.id}",
                "3.1",
                f"{star}問出事實：{fact.text.get('zh-TW')}",
                f"{star}Found the fact: {fact.text.get('en')}",
                weight=1.0 if fact.key else MINOR_FACT_WEIGHT,
                fact_id=fact.id,
            )
        )
    items += [
        Behaviour(
            "paraphrase",
            "3.2",
            "用自己的話複述問題，並向顧客確認是否正確",
            "Paraphrased the problem and checked with the customer that it was right",
        ),
        Behaviour(
            "feelings",
            "3.2",
            "回應顧客的感受（同理），語氣不防衛、不過度承諾",
            "Acknowledged the customer's feelings; not defensive, no over-promising",
        ),
        Behaviour(
            "ask_wants",
            "3.3",
            "詢問顧客希望如何解決",
            "Asked what the customer wants",
        ),
        Behaviour(
            "authority",
            "3.3",
            f"補償不超過個人權限 {_money(b.authority_limit)} 與本筆毛利 "
            f"{_money(b.margin_value)}（超過時先請示主管）",
            f"Kept compensation within the authority limit {_money(b.authority_limit)} "
            f"and the margin {_money(b.margin_value)} (or asked the manager first)",
        ),
    ]
    seen: set[str] = set()
    for option_id in case.expert_path:
        option = case.options_by_id.get(option_id)
        if option is None or option.kind not in CONTACT_KINDS or option.kind in seen:
            continue
        seen.add(option.kind)
        who_zh = {
            Kind.consult_manager: "請示主管",
            Kind.contact_partner: "聯絡合作廠商",
            Kind.contact_team: "聯絡內部同事",
        }[option.kind]
        who_en = {
            Kind.consult_manager: "Consulted the manager",
            Kind.contact_partner: "Contacted the partner",
            Kind.contact_team: "Contacted the team",
        }[option.kind]
        items.append(
            Behaviour(
                f"contact-{option.kind.value}",
                "3.3",
                f"{who_zh}（如：{option.text.get('zh-TW')}）",
                f"{who_en} (e.g. {option.text.get('en')})",
            )
        )
    items += [
        Behaviour(
            "offer_in_time",
            "3.3",
            f"在目標時間 {b.target_minutes} 分鐘內提出顧客接受的方案",
            f"Made an offer the customer accepted within the target time ({b.target_minutes} min)",
        ),
        Behaviour(
            "no_escalation",
            "3.3",
            "顧客沒有要求找主管（投訴未升級）",
            "The customer never demanded a manager (no escalation)",
        ),
        Behaviour(
            "follow_up",
            "3.4",
            "向顧客說明後續追蹤（何時、由誰、如何回覆）",
            "Told the customer about the follow-up (when, who, how)",
        ),
    ]
    best_root = next(
        (o for o in case.steps.feedback.root_causes if o.rated_quality.value == "best"),
        case.steps.feedback.root_causes[0],
    )
    required = [r for r in case.steps.feedback.recipients if r.required]
    items += [
        Behaviour(
            "report_root_cause",
            "3.4",
            f"內部報告寫出根本原因（{best_root.text.get('zh-TW')}）",
            f"The internal report names the root cause ({best_root.text.get('en')})",
            source="report",
        ),
        Behaviour(
            "report_recipients",
            "3.4",
            "內部報告通報正確對象（" + "、".join(r.label.get("zh-TW") for r in required) + "）",
            "The internal report goes to the right people ("
            + ", ".join(r.label.get("en") for r in required)
            + ")",
            source="report",
        ),
    ]
    return items


def observer_behaviours(case: Case) -> list[Behaviour]:
    """The behaviours the observer ticks live (not those judged from the report)."""
    return [b for b in checklist(case) if b.source == "observer"]


def behaviour_ids(case: Case) -> set[str]:
    return {b.id for b in observer_behaviours(case)}
