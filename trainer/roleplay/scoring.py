"""Scores 0–100 for 3.1–3.5 of an observed role-play, each with a reason (zh-TW, en).

3.1–3.4: the weighted share of the case's checklist behaviours seen (W_TICKS) plus
the observer's 1–5 rating on the rubric (W_RATING); without a rating the behaviours
count alone. The two 3.4 behaviours judged from the agent's internal report count the
root cause's authored quality and the recipients' F1, as played attempts do. 3.5 is
scored from the agent's reflection exactly as for played attempts (core.scoring).
"""

from __future__ import annotations

from trainer.core.engine import SessionState
from trainer.core.model import QUALITY_POINTS, Case
from trainer.core.scoring import IndicatorScore, ScoreCard, score_reflecting
from trainer.core.vocab import INDICATORS
from trainer.roleplay.checklist import Behaviour, checklist
from trainer.roleplay.state import RoleplayState

W_TICKS, W_RATING = 60, 40
#: Longest behaviour label quoted in a reason.
SHORT = 40


def _recipients_f1(case: Case, report: dict[str, object]) -> float:
    required = {r.id for r in case.steps.feedback.recipients if r.required}
    picked = set(report.get("recipients") or [])  # type: ignore[call-overload]
    if not required and not picked:
        return 1.0
    hits = len(required & picked)
    precision = hits / len(picked) if picked else 0.0
    recall = hits / len(required) if required else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def behaviour_value(case: Case, state: RoleplayState, behaviour: Behaviour) -> float:
    """0–1: ticked or not; report behaviours from the agent's internal report."""
    if behaviour.source == "observer":
        return 1.0 if behaviour.id in state.ticked else 0.0
    if state.report is None:
        return 0.0
    if behaviour.id == "report_root_cause":
        return QUALITY_POINTS[case.option(state.report["root_cause"]).rated_quality]
    return _recipients_f1(case, state.report)


def score_indicator(case: Case, state: RoleplayState, indicator: str) -> IndicatorScore:
    items = [b for b in checklist(case) if b.indicator == indicator]
    total_weight = sum(b.weight for b in items)
    values = {b.id: behaviour_value(case, state, b) for b in items}
    part = sum(b.weight * values[b.id] for b in items) / total_weight if total_weight else 0.0
    seen = sum(1 for b in items if values[b.id] >= 1.0)
    missing = [b for b in items if values[b.id] < 1.0]
    rating = (state.observation or {}).get("ratings", {}).get(indicator)
    if rating is None:
        score = round(100 * part)
    else:
        score = round(W_TICKS * part + W_RATING * (rating - 1) / 4)
    zh = f"觀察到 {seen}/{len(items)} 項行為"
    en = f"Observed {seen}/{len(items)} behaviours"

    def short(text: str) -> str:
        return text if len(text) <= SHORT else text[: SHORT - 1] + "…"

    if missing:
        zh += (
            "（未見："
            + "；".join(short(b.zh) for b in missing[:3])
            + ("…" if len(missing) > 3 else "")
            + "）"
        )
        en += " (not seen: " + "; ".join(short(b.en) for b in missing[:3])
        en += ("…" if len(missing) > 3 else "") + ")"
    if rating is None:
        zh += "；觀察員未評分"
        en += "; no observer rating"
    else:
        zh += f"；觀察員評 {rating}/5"
        en += f"; observer rated {rating}/5"
    if indicator == "3.4" and state.report is None:
        zh += "；內部報告尚未填寫"
        en += "; internal report not written yet"
    return IndicatorScore(indicator, max(0, min(100, score)), zh, en)


def session_state(case: Case, state: RoleplayState) -> SessionState:
    """A played-attempt state with what the role-play established (for 3.5)."""
    return SessionState(
        facts=state.facts(case),
        report=state.report,
        reflection=state.reflection,
        finished=state.finished,
        escalated="no_escalation" not in state.ticked and state.observed,
    )


def score_roleplay(case: Case, state: RoleplayState) -> ScoreCard:
    scores = {i: score_indicator(case, state, i) for i in INDICATORS[:4]}
    if state.reflection is None:
        scores["3.5"] = IndicatorScore(
            "3.5", 0, "受評者尚未完成反思", "The agent has not written the reflection yet"
        )
    else:
        numbers = {k: v.score for k, v in scores.items()}
        scores["3.5"] = score_reflecting(case, session_state(case, state), numbers)
    total = round(sum(s.score for s in scores.values()) / len(scores))
    return ScoreCard(scores=scores, total=total, outcome=None)
