"""Lint by playing: the expert, the worst player, random players and test-wise players.

Every run is watched at the moment the customer's follow-up is chosen, so lint knows
which outcomes can happen and whether each has a fitting, full-credit follow-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.core.autoplay import (
    ExpertPathError,
    ExpertPolicy,
    RandomPolicy,
    WorstPolicy,
    _badness,
    play_through,
)
from trainer.core.baseline import BaselineResult, run_baselines
from trainer.core.engine import Action, IllegalAction, Session
from trainer.core.model import Case, Kind, Quality
from trainer.core.scoring import ScoreCard, score_session

EXPERT_MIN = 90
WORST_MAX_TOTAL = 50
RANDOM_SEEDS = 20


@dataclass
class FollowUpWatch:
    """Per outcome reached: was a follow-up offered every time, and a best one?"""

    offered: dict[str, bool] = field(default_factory=dict)
    best: dict[str, bool] = field(default_factory=dict)

    def __call__(self, session: Session) -> None:
        s = session.state
        if s.step != "feedback" or s.follow_up_id is not None:
            return
        outcome = s.outcome or "none"
        options = session.available_options()
        has_best = any(session.quality_of(o.id) is Quality.best for o in options)
        self.offered[outcome] = self.offered.get(outcome, True) and bool(options)
        self.best[outcome] = self.best.get(outcome, True) and has_best


class PoorOnlyPolicy(WorstPolicy):
    """The worst player without the explicit hand-over: do poor moves alone escalate?"""

    def next_action(self, session: Session) -> Action:
        action = super().next_action(session)
        if action.option_id and session.case.option(action.option_id).kind is Kind.escalate:
            others = [o for o in session.available_options() if o.kind is not Kind.escalate]
            if others:
                return Action.choose(min(others, key=_badness).id)
        return action


@dataclass
class PlayFindings:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    expert: ScoreCard | None = None
    baselines: list[BaselineResult] = field(default_factory=list)


def play_checks(case: Case) -> PlayFindings:
    found = PlayFindings()
    watch = FollowUpWatch()
    try:
        expert = play_through(case, ExpertPolicy(), Session(case, order_seed=1), watch)
    except (ExpertPathError, IllegalAction, RuntimeError) as exc:
        found.errors.append(f"expert path is not legal: {exc}")
        return found
    state = expert.state
    if state.escalated:
        found.errors.append(f"expert path escalates ({state.escalation_reason})")
    if state.outcome != "resolved":
        found.errors.append(f"expert path ends '{state.outcome}', not 'resolved'")
    target = case.business.target_minutes
    if state.resolved_at_minute is not None and state.resolved_at_minute > target:
        found.errors.append(
            f"expert path resolves at minute {state.resolved_at_minute}, after the "
            f"target of {target} minutes"
        )
    found.expert = score_session(case, state)
    for indicator, score in found.expert.scores.items():
        if score.score < EXPERT_MIN:
            found.errors.append(
                f"expert path scores {score.score} on {indicator} (< {EXPERT_MIN}): "
                f"{score.reason_en}"
            )

    worst = play_through(case, WorstPolicy(), Session(case, order_seed=1), watch)
    worst_total = score_session(case, worst.state).total
    if not worst.state.escalated and worst_total > WORST_MAX_TOTAL:
        found.errors.append(
            f"worst path totals {worst_total} (> {WORST_MAX_TOTAL}) without escalating: "
            "poor options are too forgiving"
        )
    poor = play_through(case, PoorOnlyPolicy(), Session(case, order_seed=1), watch)
    if poor.state.escalation_reason in (None, "handed_over"):
        found.warnings.append(
            "poor moves alone never make the customer escalate (only the explicit "
            "hand-over does): raise their mood cost or lower the patience"
        )
    for seed in range(1, RANDOM_SEEDS + 1):
        play_through(case, RandomPolicy(seed), Session(case, order_seed=seed), watch)

    found.baselines = run_baselines(case, observe=watch)
    for result in found.baselines:
        if not result.passed:
            found.errors.append(
                f"test-wise player '{result.policy}' resolves {result.resolved}/{result.seeds} "
                f"option orders and averages {result.mean_total:.0f} (limits: 10% and 40): "
                "the form of the options gives the answer away"
            )

    for outcome, offered in sorted(watch.offered.items()):
        if not offered:
            found.errors.append(f"after outcome '{outcome}' no follow-up is offered")
        elif not watch.best[outcome]:
            found.errors.append(
                f"after outcome '{outcome}' no best-quality follow-up is offered on some "
                "paths: 3.4 cannot be earned in full"
            )
    return found
