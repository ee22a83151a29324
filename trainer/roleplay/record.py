"""Recording a whole observation from a JSON document (docs/roleplay.md).

Used by `python -m trainer roleplay record`: the ticks, the observer's ratings and
notes, and optionally the agent's report and reflection, each logged as the
observer mode and the agent's screens log them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from trainer.core.loader import LoadedCase
from trainer.roleplay.observed import ObservedAttempt
from trainer.roleplay.state import RoleplayError
from trainer.store.db import Store


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise RoleplayError(f"cannot read {path}: {exc}") from None
    if not isinstance(data, dict):
        raise RoleplayError(f"{path}: the top level must be a JSON object")
    return data


def ticks_of(data: dict[str, Any]) -> list[tuple[str, int]]:
    """(behaviour id, second) pairs; a tick is an id or {"behaviour", "at_s"}."""
    ticks = data.get("ticks") or []
    if not isinstance(ticks, list):
        raise RoleplayError('"ticks" must be a list')
    out: list[tuple[str, int]] = []
    for item in ticks:
        if isinstance(item, str):
            out.append((item, 0))
        elif isinstance(item, dict) and isinstance(item.get("behaviour"), str):
            at = item.get("at_s", 0)
            if not isinstance(at, int) or at < 0:
                raise RoleplayError(f"tick {item!r}: at_s must be a whole number of seconds")
            out.append((item["behaviour"], at))
        else:
            raise RoleplayError(f'tick {item!r}: give an id or {{"behaviour": id, "at_s": n}}')
    return out


def complete_agent_part(observed: ObservedAttempt, data: dict[str, Any]) -> None:
    """The agent's report and reflection, when the document has them."""
    report = data.get("report")
    if report is not None:
        if not isinstance(report, dict):
            raise RoleplayError('"report" must be an object')
        observed.report(
            str(report.get("root_cause") or ""),
            list(report.get("recipients") or []),
            str(report.get("preventive") or ""),
            str(report.get("profile_note") or ""),
        )
    reflection = data.get("reflection")
    if reflection is not None:
        if not isinstance(reflection, dict):
            raise RoleplayError('"reflection" must be an object')
        observed.reflect(
            dict(reflection.get("answers") or {}), dict(reflection.get("self_ratings") or {})
        )


def record_observation(
    store: Store,
    loaded: LoadedCase,
    agent_id: str,
    customer: str,
    observer: str,
    data: dict[str, Any],
    lang: str = "zh-TW",
) -> ObservedAttempt:
    """Start an observed attempt and log everything in `data` (validated first)."""
    from trainer.roleplay.checklist import behaviour_ids
    from trainer.roleplay.state import clean_ratings

    ticks = ticks_of(data)
    unknown = sorted({b for b, _ in ticks} - behaviour_ids(loaded.case))
    if unknown:
        raise RoleplayError(
            f"unknown behaviours for case {loaded.case.id}: {', '.join(unknown)} "
            f"(list them with `python -m trainer roleplay checklist {loaded.case.id}`)"
        )
    ratings = clean_ratings(data.get("ratings") or {})
    notes = data.get("notes") or {}
    if not isinstance(notes, dict):
        raise RoleplayError('"notes" must map "general" or an indicator to text')
    elapsed = data.get("elapsed_s", max((at for _, at in ticks), default=0))
    if not isinstance(elapsed, int) or elapsed < 0:
        raise RoleplayError('"elapsed_s" must be a whole number of seconds')
    if not observer.strip():
        raise RoleplayError("the observer's name is required")
    observed = ObservedAttempt.start(store, loaded, agent_id, lang)
    for behaviour, at in sorted(ticks, key=lambda t: t[1]):
        if behaviour not in observed.state.ticked:
            observed.tick(behaviour, at)
    observed.observe(
        ratings, {str(k): str(v) for k, v in notes.items()}, observer, customer, elapsed
    )
    complete_agent_part(observed, data)
    return observed
