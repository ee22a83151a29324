"""The reflection sheet of an observed role-play, in the same structure as a played
attempt's (trainer.core.sheet.ReflectionSheet), so the sheet page, the PDF, the
portfolio and the exports render it unchanged; `observation` carries the observer's
part (who observed, who played the customer, ratings beside self-ratings, notes,
ticks) and marks the sheet "observed role-play"."""

from __future__ import annotations

import json
from typing import Any

from trainer.core.model import Case
from trainer.core.sheet import (
    Evidence,
    ReflectionSheet,
    concepts,
    header_fields,
    indicator_rows,
    reflection_rows,
    report_rows_view,
)
from trainer.core.vocab import INDICATOR_LABELS, INDICATORS
from trainer.roleplay.checklist import checklist
from trainer.roleplay.rubric import RATED_INDICATORS, descriptor
from trainer.roleplay.scoring import score_roleplay, session_state
from trainer.roleplay.state import RoleplayState


def clock(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def observation_view(case: Case, state: RoleplayState, lang: str) -> dict[str, Any]:
    """What the sheet shows of the observation (plain data)."""
    obs = state.observation or {}
    ratings: dict[str, int] = obs.get("ratings") or {}
    self_ratings: dict[str, int] = (state.reflection or {}).get("self_ratings") or {}
    rows = [
        {
            "indicator": i,
            "label": INDICATOR_LABELS[i]["en" if lang == "en" else "zh-TW"],
            "observer": ratings.get(i),
            "descriptor": descriptor(case, i, ratings[i], lang) if i in ratings else "",
            "self": self_ratings.get(i),
        }
        for i in RATED_INDICATORS
    ]
    return {
        "observer": obs.get("observer") or "",
        "customer_player": obs.get("customer_player") or "",
        "elapsed_s": int(obs.get("elapsed_s") or 0),
        "saved": state.observed,
        "ratings": rows,
        "notes": dict(obs.get("notes") or {}),
        "ticked": len(state.ticked),
        "behaviours": sum(1 for b in checklist(case) if b.source == "observer"),
    }


def build_roleplay_sheet(
    case: Case,
    state: RoleplayState,
    decisions: list[dict[str, Any]],
    attempt: dict[str, Any],
    learner: dict[str, Any],
    lang: str = "zh-TW",
) -> ReflectionSheet:
    card = score_roleplay(case, state)
    behaviours = {b.id: b for b in checklist(case)}
    evidence: dict[str, list[Evidence]] = {i: [] for i in INDICATORS}
    for row in decisions:
        if row["action"] != "tick":
            continue
        payload = json.loads(row.get("payload") or "{}")
        behaviour = behaviours.get(str(payload.get("behaviour")))
        if behaviour is None or behaviour.id not in state.ticked:
            continue  # unticked later
        evidence[behaviour.indicator].append(
            Evidence(
                seq=int(row["seq"]),
                indicator=behaviour.indicator,
                action="tick",
                option_id=None,
                text=f"[{clock(int(payload.get('at_s') or 0))}] {behaviour.label(lang)}",
                quality=None,
                think_ms=0,
                free_text=None,
            )
        )
    self_ratings: dict[str, int] = (state.reflection or {}).get("self_ratings") or {}
    rows = indicator_rows(card, self_ratings, evidence, lang)
    found_ids = set(state.facts(case))
    reflections = reflection_rows(case, state.reflection or {}, lang)
    report_view = report_rows_view(case, state.report or {}, lang)
    obs = state.observation or {}
    elapsed_min = int(obs.get("elapsed_s") or 0) // 60
    label = "Observed role-play" if lang == "en" else "觀察角色扮演"
    return ReflectionSheet(
        **header_fields(case, attempt, learner, lang),
        mode="roleplay",
        finished=state.finished,
        outcome=None,
        outcome_label=label,
        escalated=False,
        escalation_reason=None,
        total=card.total,
        rows=rows,
        facts_found=[f for f in case.facts if f.id in found_ids],
        facts_missed=[f for f in case.facts if f.id not in found_ids],
        mood_curve=[case.customer.mood],
        cost=0,
        authority=case.business.authority_limit,
        authority_limit=case.business.authority_limit,
        transaction_value=case.business.transaction_value,
        margin_value=case.business.margin_value,
        sim_minutes=elapsed_min,
        target_minutes=case.business.target_minutes,
        learner_path=[],
        expert_path=[],
        divergence=None,
        reflections=reflections if state.reflection else [],
        report=report_view,
        lang=lang,
        expert_moves=[],
        concepts=concepts(case, session_state(case, state), lang) if state.reflection else [],
        observation=observation_view(case, state, lang),
    )
