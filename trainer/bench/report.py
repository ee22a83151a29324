"""The human-readable table printed by `bench` without --json."""

from __future__ import annotations

import math
from typing import Any

from trainer.bench.run import GOALS


def _fmt(value: Any, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "rows":
        return f"{int(value):,}"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def _verdict(key: str, value: Any, quick: bool) -> str:
    _unit, goal, full_only = GOALS[key]
    if value is None:
        return "-"
    if isinstance(goal, float) and math.isnan(goal):
        return ""
    if full_only and quick:
        return "(goal is for a full run)"
    return "ok" if value <= goal else "MISSED"


def table(report: dict[str, Any]) -> str:
    quick = bool(report.get("quick"))
    lines = [
        f"trainer bench ({'quick' if quick else 'full'} run)",
        f"{'figure':<22}{'value':>12}  {'goal':<20}verdict",
    ]
    for key, (unit, goal, full_only) in GOALS.items():
        goal_text = "" if isinstance(goal, float) and math.isnan(goal) else "<= " + _fmt(goal, unit)
        if full_only and goal_text:
            goal_text += " (full)"
        value = report.get(key)
        lines.append(
            f"{key:<22}{_fmt(value, unit):>12}  {goal_text:<20}{_verdict(key, value, quick)}"
        )
    base = report.get("baselines", {})
    if base:
        lines.append("baselines (same run): " + ", ".join(f"{k}={v}" for k, v in base.items()))
    for key, note in report.get("notes", {}).items():
        lines.append(f"note: {key}: {note}")
    return "\n".join(lines)
