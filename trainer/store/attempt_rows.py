"""The rows a decision writes beside itself: the internal report, and on completion
the reflection, self-ratings, scores and the attempt's final status.

Played attempts (trainer.service) and observed role-plays (trainer.roleplay) commit
these the same way, in the decision's one transaction (Store.record_decision).
"""

from __future__ import annotations

from typing import Any

from trainer.core.scoring import ScoreCard
from trainer.store.db import now_iso

Rows = dict[str, list[dict[str, object]]]


def report_rows(attempt_id: str, report: dict[str, Any]) -> Rows:
    return {
        "internal_reports": [
            {
                "attempt_id": attempt_id,
                "root_cause": report["root_cause"],
                "recipients": ",".join(report["recipients"]),
                "preventive": report["preventive"],
                "profile_note": report["profile_note"],
                "created_at": now_iso(),
            }
        ]
    }


def completion_rows(
    attempt_id: str, reflection: dict[str, Any], card: ScoreCard
) -> tuple[Rows, dict[str, object]]:
    """(rows to insert, attempt columns to update) when an attempt is completed."""
    stamp = now_iso()
    rows: Rows = {
        "reflections": [
            {"attempt_id": attempt_id, "prompt_id": k, "text": v, "created_at": stamp}
            for k, v in reflection["answers"].items()
        ],
        "self_ratings": [
            {"attempt_id": attempt_id, "indicator": k, "rating": v}
            for k, v in reflection["self_ratings"].items()
        ],
        "scores": [
            {
                "attempt_id": attempt_id,
                "indicator": s.indicator,
                "score": s.score,
                "reason_zh": s.reason_zh,
                "reason_en": s.reason_en,
            }
            for s in card.scores.values()
        ],
    }
    return rows, {"status": "completed", "finished_at": stamp, "total": card.total}
