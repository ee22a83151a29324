"""An observed attempt's state, replayed from its logged decisions.

The decisions table is append-only: `tick`/`untick` (payload {"behaviour", "at_s"}),
one `observe` (ratings, notes, observer, customer_player, elapsed_s), then the
agent's `report` and `reflect`, exactly as a played attempt logs them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from trainer.core.model import Case
from trainer.core.vocab import INDICATORS
from trainer.roleplay.checklist import behaviour_ids
from trainer.roleplay.rubric import RATED_INDICATORS


class RoleplayError(ValueError):
    """An observation that does not fit the case or comes in the wrong order."""


@dataclass
class RoleplayState:
    #: behaviour id -> second of the role-play when it was (last) ticked
    ticked: dict[str, int] = field(default_factory=dict)
    observation: dict[str, Any] | None = None
    report: dict[str, Any] | None = None
    reflection: dict[str, Any] | None = None
    decisions: int = 0

    @property
    def observed(self) -> bool:
        return self.observation is not None

    @property
    def finished(self) -> bool:
        return self.reflection is not None

    @property
    def step(self) -> str:
        if self.reflection is not None or self.report is not None:
            return "reflecting"
        return "feedback" if self.observation is not None else "questioning"

    def facts(self, case: Case) -> list[str]:
        return [f.id for f in case.facts if f"fact-{f.id}" in self.ticked]


def _payload(row: dict[str, Any]) -> dict[str, Any]:
    raw = row.get("payload")
    if isinstance(raw, dict):
        return raw
    value = json.loads(raw or "{}")
    return value if isinstance(value, dict) else {}


def clean_ratings(ratings: Any) -> dict[str, int]:
    if not isinstance(ratings, dict):
        raise RoleplayError("ratings must map indicators to 1–5")
    clean: dict[str, int] = {}
    for indicator, value in ratings.items():
        if indicator not in RATED_INDICATORS or not isinstance(value, int) or not 1 <= value <= 5:
            raise RoleplayError(
                f"rating {indicator!r}={value!r}: the observer rates 3.1–3.4 from 1 to 5"
            )
        clean[indicator] = value
    return clean


def clean_report(case: Case, payload: dict[str, Any]) -> dict[str, Any]:
    feedback = case.steps.feedback
    root = payload.get("root_cause")
    if root not in {o.id for o in feedback.root_causes}:
        raise RoleplayError(f"unknown root cause {root!r}")
    known = {r.id for r in feedback.recipients}
    recipients = payload.get("recipients") or []
    if not isinstance(recipients, list) or any(r not in known for r in recipients):
        raise RoleplayError(f"unknown recipient in {recipients!r}; use {sorted(known)}")
    return {
        "root_cause": root,
        "recipients": list(dict.fromkeys(recipients)),
        "preventive": str(payload.get("preventive") or ""),
        "profile_note": str(payload.get("profile_note") or ""),
    }


def clean_reflection(case: Case, payload: dict[str, Any]) -> dict[str, Any]:
    prompts = {p.id for p in case.steps.reflecting.prompts}
    answers = payload.get("answers") or {}
    if not isinstance(answers, dict) or any(k not in prompts for k in answers):
        raise RoleplayError(f"reflection answers must use the prompts {sorted(prompts)}")
    ratings = payload.get("self_ratings") or {}
    if not isinstance(ratings, dict) or any(
        k not in INDICATORS[:4] or not isinstance(v, int) or not 1 <= v <= 5
        for k, v in ratings.items()
    ):
        raise RoleplayError("self-ratings are 1–5 for indicators 3.1–3.4")
    return {"answers": {k: str(v) for k, v in answers.items()}, "self_ratings": dict(ratings)}


def apply(case: Case, state: RoleplayState, action: str, payload: dict[str, Any]) -> None:
    """Apply one logged action to `state`; RoleplayError if it does not fit."""
    if action in ("tick", "untick"):
        if state.observed:
            raise RoleplayError("the observation is already saved; ticks are closed")
        behaviour = payload.get("behaviour")
        if behaviour not in behaviour_ids(case):
            raise RoleplayError(f"unknown behaviour {behaviour!r} for case {case.id}")
        if action == "tick":
            state.ticked[str(behaviour)] = max(0, int(payload.get("at_s") or 0))
        else:
            state.ticked.pop(str(behaviour), None)
    elif action == "observe":
        if state.observed:
            raise RoleplayError("the observation is already saved")
        state.observation = {
            "ratings": clean_ratings(payload.get("ratings") or {}),
            "notes": {str(k): str(v) for k, v in (payload.get("notes") or {}).items()},
            "observer": str(payload.get("observer") or "").strip(),
            "customer_player": str(payload.get("customer_player") or "").strip(),
            "elapsed_s": max(0, int(payload.get("elapsed_s") or 0)),
        }
        if not state.observation["observer"]:
            raise RoleplayError("the observation needs the observer's name")
    elif action == "report":
        if not state.observed or state.report is not None:
            raise RoleplayError("the internal report comes once, after the observation")
        state.report = clean_report(case, payload)
    elif action == "reflect":
        if state.report is None or state.reflection is not None:
            raise RoleplayError("the reflection comes once, after the internal report")
        state.reflection = clean_reflection(case, payload)
    else:
        raise RoleplayError(f"action {action!r} is not part of a role-play")
    state.decisions += 1


def replay(case: Case, rows: list[dict[str, Any]]) -> RoleplayState:
    """The state after the logged decision rows (ordered by seq)."""
    state = RoleplayState()
    for row in rows:
        apply(case, state, str(row["action"]), _payload(row))
    return state
