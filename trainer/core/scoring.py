"""Scores 0–100 for indicators 3.1–3.5, each with a one-line reason.

The model is documented in docs/scoring.md. Every component is computed from the
session state and the case's authored ratings; nothing depends on wall-clock time,
so the same actions always give the same scores.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.core.engine import SessionState
from trainer.core.model import QUALITY_POINTS, Case, Kind, Option
from trainer.core.reflection import ReflectionCheck, check_reflection, names_the_case
from trainer.core.vocab import INDICATORS, NEEDS, NEEDS_EN

# Component weights per indicator; each indicator's weights sum to 100.
W_KEY_FACTS, W_FACT_KINDS, W_QUESTION_QUALITY, W_OPEN_FIRST = 45, 10, 35, 10
#: Points lost per poor question (leading, blaming, irrelevant): asking every question
#: finds every fact, so finding facts alone must not make shotgun questioning score well.
POOR_QUESTION_PENALTY = 8
W_PARAPHRASE, W_TONE = 50, 50
W_NEEDS, W_OFFER, W_ASKED, W_AUTHORITY, W_MARGIN, W_SPEED, W_NO_ESCALATION = (
    25,
    20,
    10,
    10,
    10,
    15,
    10,
)
W_FOLLOW_UP, W_ROOT_CAUSE, W_RECIPIENTS, W_REPORT_TEXT = 35, 35, 20, 10
W_CONCEPTS, W_OWN_ATTEMPT, W_CALIBRATION, W_FLOOR = 55, 15, 20, 10
MIN_REPORT_CHARS = 8
#: Share of credit for a partial resolution (3.3) and for a root cause named without
#: having found any cause (3.4).
PARTIAL_CREDIT = 0.5


@dataclass(frozen=True)
class IndicatorScore:
    indicator: str
    score: int
    reason_zh: str
    reason_en: str

    def reason(self, lang: str = "zh-TW") -> str:
        return self.reason_en if lang == "en" else self.reason_zh


@dataclass(frozen=True)
class ScoreCard:
    scores: dict[str, IndicatorScore]
    total: int
    outcome: str | None

    def as_numbers(self) -> dict[str, int]:
        return {k: v.score for k, v in self.scores.items()}


def stars(score: int) -> int:
    """Map a 0–100 score to the 0–5 scale learners also use to rate themselves.

    `round(score / 20)` with halves rounded up (not to even): 50 is 3 stars, 90 is 5.
    """
    return (max(0, min(100, score)) + 10) // 20


def _chosen(case: Case, state: SessionState, group: str) -> list[Option]:
    ids = {o.id: o for o in case.option_groups()[group]}
    return [ids[c] for c in state.chosen if c in ids]


def _q(option: Option | None, state: SessionState | None = None) -> float:
    if option is None:
        return 0.0
    if state is not None and option.id in state.confirmed:
        return 1.0  # a closed question confirming a fact already found
    return QUALITY_POINTS[option.rated_quality]


def score_questioning(case: Case, state: SessionState) -> IndicatorScore:
    key = case.key_facts
    found = set(state.facts)
    key_found = sum(1 for f in key if f.id in found)
    key_part = key_found / len(key) if key else 1.0
    kinds_all = {f.kind for f in case.facts}
    kinds_found = {case.fact(f).kind for f in state.facts}
    kinds_part = len(kinds_found & kinds_all) / len(kinds_all)
    questions = _chosen(case, state, "questions")
    quality = sum(_q(o, state) for o in questions) / len(questions) if questions else 0.0
    open_first = bool(questions) and questions[0].kind is Kind.open_question
    poor = sum(1 for o in questions if _q(o, state) == 0.0)
    score = max(
        0,
        round(
            W_KEY_FACTS * key_part
            + W_FACT_KINDS * kinds_part
            # Good questions count as far as they found what mattered: one open
            # question and straight on is not good questioning.
            + W_QUESTION_QUALITY * quality * key_part
            + W_OPEN_FIRST * open_first
            - POOR_QUESTION_PENALTY * poor
        ),
    )
    zh = f"找出關鍵事實 {key_found}/{len(key)}；提問 {len(questions)} 題，其中不當提問 {poor} 題"
    asked = f"{len(questions)} question" + ("" if len(questions) == 1 else "s")
    en = f"Found {key_found}/{len(key)} key facts; asked {asked}, {poor} poor"
    confirmed = sum(1 for o in questions if o.id in state.confirmed)
    if confirmed:
        zh += f"；以封閉式問題確認已知事實 {confirmed} 次"
        en += f"; confirmed known facts with closed questions {confirmed}x"
    if not open_first and questions:
        zh += "；未先用開放式問題"
        en += "; did not open with an open question"
    return IndicatorScore("3.1", score, zh, en)


def score_clarifying(case: Case, state: SessionState) -> IndicatorScore:
    paraphrase = next(iter(_chosen(case, state, "paraphrases")), None)
    tone = next(iter(_chosen(case, state, "tones")), None)
    score = round(W_PARAPHRASE * _q(paraphrase) + W_TONE * _q(tone))
    if paraphrase is None and tone is None:
        return IndicatorScore(
            "3.2", 0, "未進行釐清（投訴已先升級）", "No clarifying done (escalated first)"
        )
    p_zh = {
        "paraphrase_accurate": "複述正確",
        "paraphrase_incomplete": "複述遺漏事實",
        "paraphrase_distorted": "複述扭曲事實",
    }
    t_zh = {
        "tone_empathetic": "語氣同理且守政策",
        "tone_neutral": "語氣平淡",
        "tone_defensive": "語氣防衛",
        "tone_over_promising": "過度承諾",
        "tone_cold": "語氣冷淡",
    }
    parts_zh = [p_zh[paraphrase.kind.value]] if paraphrase else ["未複述"]
    parts_zh.append(t_zh[tone.kind.value] if tone else "未選擇語氣")
    parts_en = [paraphrase.kind.value.replace("_", " ") if paraphrase else "no paraphrase"]
    parts_en.append(tone.kind.value.replace("_", " ") if tone else "no tone chosen")
    return IndicatorScore("3.2", score, "；".join(parts_zh), "; ".join(parts_en))


def needs_met(case: Case, state: SessionState) -> tuple[list[str], list[str]]:
    """The customer's needs met by anything the learner did, and those still unmet."""
    met: set[str] = set()
    for option_id in state.chosen:
        met.update(case.option(option_id).meets_needs)
    needs = list(case.customer.needs)
    return [n for n in needs if n in met], [n for n in needs if n not in met]


def score_resolving(case: Case, state: SessionState) -> IndicatorScore:
    met, unmet = needs_met(case, state)
    needs_part = len(met) / len(case.customer.needs)
    offer = case.option(state.offer_id) if state.offer_id else None
    actions = _chosen(case, state, "actions")
    asked = any(o.kind is Kind.ask_wants for o in actions)
    within = offer is not None and state.cost <= state.authority
    margin = case.business.margin_value
    reason = next(
        (case.option(c).justifies_cost for c in state.chosen if case.option(c).justifies_cost),
        None,
    )
    within_margin = offer is not None and (state.cost <= margin or reason is not None)
    target = case.business.target_minutes
    limit = target * case.escalation.overrun_factor
    minute = state.resolved_at_minute if state.resolved_at_minute is not None else state.minutes
    if offer is None:
        speed = 0.0
    elif minute <= target:
        speed = 1.0
    else:
        speed = max(0.0, (limit - minute) / (limit - target)) if limit > target else 0.0
    # A partial resolution meets the needs, and counts the offer and the speed, by half.
    settled = PARTIAL_CREDIT if state.outcome == "partially_resolved" else 1.0
    score = round(
        W_NEEDS * needs_part * settled
        + W_OFFER * _q(offer) * settled
        + W_ASKED * asked
        + W_AUTHORITY * within
        + W_MARGIN * within_margin
        + W_SPEED * speed * settled
        + W_NO_ESCALATION * (not state.escalated)
    )
    zh_needs = "、".join(NEEDS[n] for n in unmet) or "無"
    zh = f"滿足需求 {len(met)}/{len(case.customer.needs)}（未滿足：{zh_needs}）"
    en = f"Met {len(met)}/{len(case.customer.needs)} needs"
    if unmet:
        en += f" (unmet: {', '.join(NEEDS_EN[n] for n in unmet)})"
    zh += "；有詢問顧客期望" if asked else "；未詢問顧客想要什麼"
    en += "; asked what the customer wants" if asked else "; never asked what the customer wants"
    if offer is not None and not within:
        zh += f"；補償 NT${state.cost:,} 超出權限 NT${state.authority:,}"
        en += f"; compensation NT${state.cost:,} exceeds authority NT${state.authority:,}"
    if offer is not None and state.cost > margin:
        if reason is None:
            zh += f"；補償 NT${state.cost:,} 超過此筆交易毛利 NT${margin:,}，未經核准也未說明理由"
            en += (
                f"; compensation NT${state.cost:,} exceeds this transaction's margin "
                f"NT${margin:,} with no approval or stated reason"
            )
        else:
            zh += f"；補償 NT${state.cost:,} 超過毛利 NT${margin:,}，理由：{reason.get('zh-TW')}"
            en += (
                f"; compensation NT${state.cost:,} exceeds the margin NT${margin:,}, "
                f"justified: {reason.get('en')}"
            )
    if offer is not None:
        zh += f"；{minute} 分鐘解決（目標 {target} 分鐘）"
        en += f"; resolved at minute {minute} (target {target})"
    if state.outcome == "partially_resolved":
        zh += "；只部分解決（需求、方案與速度各計一半）"
        en += "; only partly resolved (needs, offer and speed count half)"
    if state.escalated:
        zh += "；投訴升級"
        en += "; the complaint escalated"
    elif offer is None:
        zh += "；沒有達成解決方案"
        en += "; no resolution reached"
    return IndicatorScore("3.3", score, zh, en)


def score_feedback(case: Case, state: SessionState) -> IndicatorScore:
    follow_up = case.option(state.follow_up_id) if state.follow_up_id else None
    report = state.report or {}
    root = case.option(report["root_cause"]) if report.get("root_cause") else None
    required = {r.id for r in case.steps.feedback.recipients if r.required}
    picked = set(report.get("recipients") or [])
    if required or picked:
        hits = len(required & picked)
        precision = hits / len(picked) if picked else 0.0
        recall = hits / len(required) if required else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    else:
        f1 = 1.0
    texts = [str(report.get("preventive") or ""), str(report.get("profile_note") or "")]
    short = [len(t.strip()) < MIN_REPORT_CHARS for t in texts]
    # Length alone let a stock sentence earn these points in every case.
    generic = [not s and not names_the_case(case, t) for t, s in zip(texts, short, strict=True)]
    text_part = sum(not (s or g) for s, g in zip(short, generic, strict=True)) / 2
    cause_facts = [f for f in case.key_facts if f.kind == "cause"]
    found = set(state.facts)
    guessed = bool(cause_facts) and not any(f.id in found for f in cause_facts)
    # Naming the right root cause without having found any cause is a guess.
    root_credit = _q(root) * (PARTIAL_CREDIT if guessed else 1.0)
    score = round(
        W_FOLLOW_UP * _q(follow_up)
        + W_ROOT_CAUSE * root_credit
        + W_RECIPIENTS * f1
        + W_REPORT_TEXT * text_part
    )
    quality_zh = {"best": "最佳", "good": "良好", "fair": "普通", "poor": "不當"}
    fu = quality_zh[follow_up.rated_quality.value] if follow_up else "無"
    rc = quality_zh[root.rated_quality.value] if root else "無"
    zh = (
        f"顧客後續回覆：{fu}；根本原因判斷：{rc}；通報對象 {len(required & picked)}/{len(required)}"
    )
    en = (
        f"Follow-up: {follow_up.rated_quality.value if follow_up else 'none'}; "
        f"root cause: {root.rated_quality.value if root else 'none'}; "
        f"recipients {len(required & picked)}/{len(required)}"
    )
    if guessed and root is not None:
        zh += "；未查出任何原因就判斷根本原因（半分）"
        en += "; root cause named without having found any cause (half credit)"
    if any(short):
        zh += "；改善建議或顧客檔案記錄不完整"
        en += "; preventive suggestion or profile note missing"
    if any(generic):
        zh += "；改善建議或顧客檔案記錄沒有寫到本案的具體情況"
        en += "; preventive suggestion or profile note names nothing specific to this case"
    return IndicatorScore("3.4", score, zh, en)


def calibration(state: SessionState, system: dict[str, int]) -> float:
    """How well the self-ratings (0–5) match the system's stars, 0–1; missing counts 0."""
    ratings: dict[str, int] = (state.reflection or {}).get("self_ratings") or {}
    gaps = [abs(ratings[i] - stars(system[i])) for i in INDICATORS[:4] if i in ratings]
    if not gaps:
        return 0.0
    return (1 - sum(gaps) / (5 * len(gaps))) * (len(gaps) / 4)


def score_reflecting(case: Case, state: SessionState, system: dict[str, int]) -> IndicatorScore:
    check: ReflectionCheck = check_reflection(case, state)
    calib = calibration(state, system)
    score = round(
        W_CONCEPTS * check.concept_part
        + W_OWN_ATTEMPT * check.own_part
        + W_CALIBRATION * calib
        + W_FLOOR * check.floor_part
    )
    covered, total = len(check.covered), len(check.points)
    zh = (
        f"涵蓋本案重點 {covered}/{total}；"
        + ("有" if check.own_part else "未")
        + f"連結自己這次的作答；完整回答 {check.answered}/{check.prompts} 題；"
        f"自評相符度 {round(calib * 100)}%"
    )
    en = (
        f"Covered {covered}/{total} key points of this case; "
        + ("referred" if check.own_part else "did not refer")
        + f" to your own attempt; answered {check.answered}/{check.prompts} prompts fully; "
        f"self-rating agreement {round(calib * 100)}%"
    )
    missing = [p.label for p in check.missing][:3]
    if missing:
        zh += "；未提到：" + "、".join(m.get("zh-TW") for m in missing)
        en += "; missing: " + ", ".join(m.get("en") for m in missing)
    return IndicatorScore("3.5", score, zh, en)


def provisional_scores(case: Case, state: SessionState) -> dict[str, IndicatorScore]:
    """Scores for 3.1–3.4, available before the reflection."""
    return {
        "3.1": score_questioning(case, state),
        "3.2": score_clarifying(case, state),
        "3.3": score_resolving(case, state),
        "3.4": score_feedback(case, state),
    }


def score_session(case: Case, state: SessionState) -> ScoreCard:
    scores = provisional_scores(case, state)
    numbers = {k: v.score for k, v in scores.items()}
    scores["3.5"] = score_reflecting(case, state, numbers)
    total = round(sum(s.score for s in scores.values()) / len(scores))
    return ScoreCard(scores=scores, total=total, outcome=state.outcome)
