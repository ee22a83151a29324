"""Automatic players: the expert path, the least helpful path, and seeded random play.

They drive the same `Session` as a learner does, one `Action` at a time, and are used
by `python -m trainer play --auto ...`, the tests, the linter and the benchmark.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Protocol

from trainer.core.engine import Action, Session
from trainer.core.model import QUALITY_POINTS, Case, Kind, Option
from trainer.core.scoring import provisional_scores, stars


class Policy(Protocol):
    def next_action(self, session: Session) -> Action: ...


class ExpertPathError(ValueError):
    pass


def model_reflection(case: Case, lang: str = "zh-TW") -> dict[str, str]:
    model = case.steps.reflecting.model_reflection
    return {p.id: model[p.id].get(lang) for p in case.steps.reflecting.prompts if p.id in model}


def accurate_self_ratings(session: Session) -> dict[str, int]:
    return {k: stars(v.score) for k, v in provisional_scores(session.case, session.state).items()}


def expert_report(case: Case, root_cause: str | None = None, lang: str = "zh-TW") -> Action:
    feedback = case.steps.feedback
    if root_cause is None:
        root_cause = max(feedback.root_causes, key=lambda o: QUALITY_POINTS[o.rated_quality]).id
    return Action.report(
        root_cause,
        [r.id for r in feedback.recipients if r.required],
        feedback.model_report.preventive.get(lang),
        feedback.model_report.profile_note.get(lang),
    )


class ExpertPolicy:
    """Follows `expert_path`; writes the model report and reflection."""

    def __init__(self, lang: str = "zh-TW") -> None:
        self.lang = lang

    def next_action(self, session: Session) -> Action:
        case = session.case
        if session.needs_reflection():
            return Action.reflect(model_reflection(case, self.lang), accurate_self_ratings(session))
        root_ids = {o.id for o in case.steps.feedback.root_causes}
        chosen = set(session.state.chosen)
        pending = [i for i in case.expert_path if i not in chosen and i not in root_ids]
        available = _ids(session)
        if pending and pending[0] in available:
            return Action.choose(pending[0])
        if session.can_advance():
            return Action.advance()
        if session.needs_report():
            root = next((i for i in case.expert_path if i in root_ids), None)
            return expert_report(case, root, self.lang)
        want = pending[0] if pending else "(nothing left on the expert path)"
        raise ExpertPathError(
            f"expert path: '{want}' is not available in step {session.state.step}"
        )


def _ids(session: Session) -> set[str]:
    return {o.id for o in session.available_options()}


def _badness(option: Option) -> tuple[float, int, int]:
    # Lower is worse: quality first, then the mood it costs, then time it wastes.
    return (QUALITY_POINTS[option.rated_quality], option.mood, -option.sim_minutes)


class WorstPolicy:
    """Takes the least helpful option at each point and writes nothing."""

    def next_action(self, session: Session) -> Action:
        case = session.case
        if session.needs_reflection():
            return Action.reflect({}, {i: 5 for i in ("3.1", "3.2", "3.3", "3.4")})
        options = session.available_options()
        if session.needs_report() and not options:
            worst_root = min(case.steps.feedback.root_causes, key=_badness)
            wrong = [r.id for r in case.steps.feedback.recipients if not r.required][:1]
            return Action.report(worst_root.id, wrong, "", "")
        if session.state.step == "questioning":
            poor = [o for o in options if QUALITY_POINTS[o.rated_quality] == 0.0]
            if poor:
                return Action.choose(min(poor, key=_badness).id)
            if session.can_advance():
                return Action.advance()
        if session.state.step == "resolving":
            # Prefer anything but an offer while a poor action remains.
            poor_actions = [
                o
                for o in options
                if o.kind is not Kind.offer and QUALITY_POINTS[o.rated_quality] == 0
            ]
            if poor_actions:
                return Action.choose(min(poor_actions, key=_badness).id)
            offers = [o for o in options if o.kind is Kind.offer]
            if offers:
                return Action.choose(min(offers, key=_badness).id)
        return Action.choose(min(options, key=_badness).id)


class RandomPolicy:
    """Reproducible random play: the same seed gives the same attempt."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def next_action(self, session: Session) -> Action:
        case = session.case
        rng = self.rng
        if session.needs_reflection():
            model = model_reflection(case)
            answers = {k: v if rng.random() < 0.5 else "" for k, v in model.items()}
            ratings = {i: rng.randint(1, 5) for i in ("3.1", "3.2", "3.3", "3.4")}
            return Action.reflect(answers, ratings)
        legal = session.legal_actions()
        if session.needs_report() and (not legal or rng.random() < 0.5):
            feedback = case.steps.feedback
            root = rng.choice(feedback.root_causes).id
            recipients = [r.id for r in feedback.recipients if rng.random() < 0.5]
            report = feedback.model_report
            preventive = report.preventive.get() if rng.random() < 0.5 else ""
            note = report.profile_note.get() if rng.random() < 0.5 else ""
            return Action.report(root, recipients, preventive, note)
        return rng.choice(legal)


def policy_for(name: str, seed: int = 0, lang: str = "zh-TW") -> Policy:
    if name == "expert":
        return ExpertPolicy(lang)
    if name == "worst":
        return WorstPolicy()
    if name == "random":
        return RandomPolicy(seed)
    raise ValueError(f"unknown policy '{name}' (expert, worst or random)")


MAX_ACTIONS = 500


def play_through(
    case: Case,
    policy: Policy,
    session: Session | None = None,
    observe: Callable[[Session], None] | None = None,
) -> Session:
    """Play a whole attempt in memory (no store); used by lint and tests.

    `observe` sees the session before every action (lint checks what is offered).
    """
    session = session or Session(case)
    for _ in range(MAX_ACTIONS):
        if session.state.finished:
            return session
        if observe is not None:
            observe(session)
        session.apply(policy.next_action(session))
    raise RuntimeError(f"case {case.id}: attempt did not finish within {MAX_ACTIONS} actions")
