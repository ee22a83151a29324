"""The session engine: a deterministic state machine over the five steps of 三.

`Session.apply(action)` validates one learner action against the current state and
returns the events it caused. The state is plain data (`SessionState`), so it can be
snapshotted to JSON and restored, and replaying the same actions always gives the
same state: the decision log in the store is enough to resume an attempt.
"""

from __future__ import annotations

import copy
import random
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from trainer.core.model import (
    QUALITY_POINTS,
    Case,
    Condition,
    Kind,
    LText,
    Option,
    Quality,
    TextVariant,
)
from trainer.core.vocab import INDICATORS, STEP_INDICATOR, STEPS

ActionName = Literal["choose", "advance", "report", "reflect"]
ADVANCE = "advance"


class IllegalAction(ValueError):
    """The action is not allowed in the current state (the UI should not offer it)."""


@dataclass(frozen=True)
class Action:
    """One learner decision, exactly as it is logged."""

    name: ActionName
    option_id: str | None = None
    free_text: str | None = None
    # report: root_cause, recipients, preventive, profile_note
    # reflect: answers {prompt_id: text}, self_ratings {"3.1": 1..5, ...}
    payload: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def choose(option_id: str, free_text: str | None = None) -> Action:
        return Action("choose", option_id=option_id, free_text=free_text or None)

    @staticmethod
    def advance() -> Action:
        return Action("advance")

    @staticmethod
    def report(
        root_cause: str, recipients: list[str], preventive: str, profile_note: str
    ) -> Action:
        return Action(
            "report",
            option_id=root_cause,
            payload={
                "root_cause": root_cause,
                "recipients": list(recipients),
                "preventive": preventive,
                "profile_note": profile_note,
            },
        )

    @staticmethod
    def reflect(answers: dict[str, str], self_ratings: dict[str, int]) -> Action:
        return Action(
            "reflect", payload={"answers": dict(answers), "self_ratings": dict(self_ratings)}
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "option_id": self.option_id,
            "free_text": self.free_text,
            "payload": self.payload,
        }

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Action:
        return Action(
            name=data["name"],
            option_id=data.get("option_id"),
            free_text=data.get("free_text"),
            payload=dict(data.get("payload") or {}),
        )


@dataclass(frozen=True)
class Event:
    """Something that happened because of an action; the UI renders these."""

    kind: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OptionSlot:
    """One row of an option list as the learner sees it.

    `asked` rows (chosen earlier, or a refused offer) stay in place, marked, so the
    numbers of the other rows never shift.
    """

    option: Option
    group: str
    asked: bool
    number: int


@dataclass
class SessionState:
    step: str = "questioning"
    mood: int = 50
    minutes: int = 0
    cost: int = 0
    authority: int = 0
    facts: list[str] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    refused_offers: list[str] = field(default_factory=list)
    poor_moves: int = 0
    escalated: bool = False
    escalation_reason: str | None = None
    outcome: str | None = None
    offer_id: str | None = None
    resolved_at_minute: int | None = None
    follow_up_id: str | None = None
    report: dict[str, Any] | None = None
    reflection: dict[str, Any] | None = None
    finished: bool = False
    decisions: int = 0
    mood_curve: list[int] = field(default_factory=list)
    #: Seed of the per-attempt option order; None keeps the authored order.
    order_seed: int | None = None
    #: Closed questions that confirmed facts already found (counted as best practice).
    confirmed: list[str] = field(default_factory=list)

    def copy(self) -> SessionState:
        """An independent copy (cheaper than a deep copy: only the containers)."""
        return replace(
            self,
            facts=list(self.facts),
            chosen=list(self.chosen),
            confirmed=list(self.confirmed),
            refused_offers=list(self.refused_offers),
            mood_curve=list(self.mood_curve),
            report=copy.deepcopy(self.report),
            reflection=copy.deepcopy(self.reflection),
        )


def condition_holds(condition: Condition | None, state: SessionState) -> bool:
    """Whether every key given in `condition` holds for the attempt so far."""
    if condition is None:
        return True
    c = condition
    if c.outcome and state.outcome not in c.outcome:
        return False
    if c.mood_min is not None and state.mood < c.mood_min:
        return False
    if c.mood_max is not None and state.mood > c.mood_max:
        return False
    chosen = set(state.chosen) | set(state.refused_offers)
    if any(o not in chosen for o in c.chosen) or any(o in chosen for o in c.not_chosen):
        return False
    facts = set(state.facts)
    return all(f in facts for f in c.facts) and not any(f in facts for f in c.missing_facts)


def shuffled_order(case: Case, group: str, seed: int | None) -> tuple[Option, ...]:
    """A group's options in the order one attempt shows them.

    The permutation depends only on (seed, case id, group): resume, replay, the sheet
    and every export of the attempt see the same order. `random.Random` seeded with a
    string is stable across Python versions and platforms.
    """
    options = case.option_groups()[group]
    if seed is None:
        return options
    order = list(options)
    random.Random(f"{seed}:{case.id}:{group}").shuffle(order)
    return tuple(order)


def new_order_seed() -> int:
    """A fresh seed for an attempt's option order (53 bits: exact in JSON and SQLite)."""
    return random.SystemRandom().getrandbits(53)


class Session:
    """Runs one attempt at one case.

    `order_seed` shuffles every option list of the attempt (stored with the attempt);
    None keeps the authored order (attempts logged before option shuffling).
    """

    def __init__(
        self, case: Case, state: SessionState | None = None, *, order_seed: int | None = None
    ) -> None:
        self.case = case
        if state is None:
            state = SessionState(
                mood=case.customer.mood,
                authority=case.business.authority_limit,
                mood_curve=[case.customer.mood],
                order_seed=order_seed,
            )
        self.state = state
        self._orders: dict[str, tuple[Option, ...]] = {}

    # -- snapshot / restore ---------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        return copy.deepcopy(asdict(self.state))

    @classmethod
    def restore(cls, case: Case, snapshot: dict[str, Any]) -> Session:
        return cls(case, SessionState(**copy.deepcopy(snapshot)))

    @classmethod
    def replay(cls, case: Case, actions: list[Action], *, order_seed: int | None = None) -> Session:
        session = cls(case, order_seed=order_seed)
        for action in actions:
            session.apply(action)
        return session

    # -- queries ----------------------------------------------------------------

    @property
    def indicator(self) -> str:
        return STEP_INDICATOR[self.state.step]

    def _groups_now(self) -> list[str]:
        s = self.state
        if s.finished:
            return []
        if s.step == "questioning":
            return ["questions"]
        if s.step == "clarifying":
            groups = []
            if not self._chosen_in("paraphrases"):
                groups.append("paraphrases")
            if not self._chosen_in("tones"):
                groups.append("tones")
            return groups
        if s.step == "resolving":
            return ["actions", "offers"]
        if s.step == "feedback":
            return [] if s.follow_up_id else ["follow_ups"]
        return []

    def _chosen_in(self, group: str) -> list[str]:
        ids = {o.id for o in self.case.option_groups()[group]}
        return [c for c in self.state.chosen if c in ids]

    def _unlocked(
        self,
        option: Option,
        chosen: set[str] | None = None,
        facts: set[str] | None = None,
    ) -> bool:
        if chosen is None:
            chosen = set(self.state.chosen)
        if facts is None:
            facts = set(self.state.facts)
        return (
            all(r in chosen for r in option.requires)
            and all(f in facts for f in option.requires_facts)
            and (option.when is None or condition_holds(option.when, self.state))
        )

    def order(self, group: str) -> tuple[Option, ...]:
        """All options of `group` in this attempt's order."""
        if group not in self._orders:
            self._orders[group] = shuffled_order(self.case, group, self.state.order_seed)
        return self._orders[group]

    def option_slots(self) -> list[OptionSlot]:
        """The option rows on screen now, in screen order, numbered from 1.

        Chosen options and refused offers stay in place as `asked`; locked options are
        not shown at all (showing them singled out the best one).
        """
        chosen, facts = set(self.state.chosen), set(self.state.facts)
        done = chosen | set(self.state.refused_offers)
        slots: list[OptionSlot] = []
        for group in self._groups_now():
            for option in self.order(group):
                asked = option.id in done
                if asked or self._unlocked(option, chosen, facts):
                    slots.append(OptionSlot(option, group, asked, len(slots) + 1))
        return slots

    def available_options(self) -> list[Option]:
        """Options the learner can pick right now, in on-screen order."""
        return [slot.option for slot in self.option_slots() if not slot.asked]

    def locked_options(self) -> list[Option]:
        """Options of the current step that need something first (never shown)."""
        chosen = set(self.state.chosen)
        return [
            o
            for g in self._groups_now()
            for o in self.order(g)
            if o.id not in chosen and not self._unlocked(o)
        ]

    def step_intro(self) -> LText | None:
        """The current step's intro, or the first of its variants that fits the attempt."""
        step = getattr(self.case.steps, self.state.step)
        variants: tuple[TextVariant, ...] = step.intro_variants
        for variant in variants:
            if condition_holds(variant.when, self.state):
                return variant.text
        intro: LText | None = step.intro
        return intro

    def quality_of(self, option_id: str) -> Quality:
        """The quality an option was given in this attempt (confirming counts as best)."""
        if option_id in self.state.confirmed:
            return Quality.best
        return self.case.option(option_id).rated_quality

    def can_advance(self) -> bool:
        s = self.state
        return s.step == "questioning" and not s.finished and bool(self._chosen_in("questions"))

    def needs_report(self) -> bool:
        return self.state.step == "feedback" and self.state.report is None

    def needs_reflection(self) -> bool:
        return self.state.step == "reflecting" and not self.state.finished

    def legal_actions(self) -> list[Action]:
        """Every option action legal now (report/reflect need input, listed by name)."""
        actions = [Action.choose(o.id) for o in self.available_options()]
        if self.can_advance():
            actions.append(Action.advance())
        return actions

    # -- applying actions ---------------------------------------------------------

    def apply(self, action: Action) -> list[Event]:
        if self.state.finished:
            raise IllegalAction("the attempt is already finished")
        before = self.state.mood
        if action.name == "choose":
            events = self._choose(action)
        elif action.name == "advance":
            if not self.can_advance():
                raise IllegalAction("cannot move on from this step yet")
            events = self._enter(self._next_step())
        elif action.name == "report":
            events = self._report(action.payload)
        elif action.name == "reflect":
            events = self._reflect(action.payload)
        else:
            raise IllegalAction(f"unknown action '{action.name}'")
        self.state.decisions += 1
        self.state.mood_curve.append(self.state.mood)
        if self.state.mood != before:
            events.insert(0, Event("mood", {"before": before, "after": self.state.mood}))
        return events

    def _choose(self, action: Action) -> list[Event]:
        option_id = action.option_id or ""
        if option_id not in {o.id for o in self.available_options()}:
            raise IllegalAction(f"option '{option_id}' is not available now")
        option = self.case.option(option_id)
        s = self.state
        events: list[Event] = [
            Event(
                "say", {"option_id": option.id, "text": option.text, "free_text": action.free_text}
            )
        ]
        if (
            option.kind is Kind.closed_question
            and option.reveals
            and all(f in s.facts for f in option.reveals)
        ):
            # Confirming a fact already found is what 3.1 and 3.2 ask for.
            s.confirmed.append(option.id)
        s.chosen.append(option.id)
        s.minutes += option.sim_minutes
        refused = option.kind is Kind.offer and option.outcome == "refused"
        if not refused:  # a refused offer costs nothing
            s.cost += option.cost
        if option.rated_quality is Quality.poor and s.step in (
            "questioning",
            "clarifying",
            "resolving",
        ):
            s.poor_moves += 1
        s.mood = _clamp(s.mood + option.mood)
        reply, feedback = option.reply, option.feedback
        for variant in option.variants:
            if condition_holds(variant.when, s):
                reply = variant.reply or reply
                feedback = variant.feedback or feedback
                break
        if reply is not None:
            events.append(Event("reply", {"text": reply}))
        for fact_id in option.reveals:
            if fact_id not in s.facts:
                s.facts.append(fact_id)
                events.append(Event("fact", {"fact_id": fact_id}))
        if option.grants_authority:
            s.authority += option.grants_authority
            events.append(Event("authority", {"authority": s.authority}))
        if option.cost and not refused:
            events.append(Event("cost", {"cost": s.cost, "authority": s.authority}))
        events.append(
            Event(
                "feedback",
                {
                    "option_id": option.id,
                    "quality": self.quality_of(option.id).value,
                    "text": feedback,
                    "indicator": option.indicator or self.indicator,
                    "confirmed": option.id in s.confirmed,
                },
            )
        )
        events.append(Event("clock", {"minutes": s.minutes}))
        events.extend(self._after_choice(option))
        return events

    def _after_choice(self, option: Option) -> list[Event]:
        s = self.state
        events: list[Event] = []
        in_conversation = s.step in ("questioning", "clarifying", "resolving")
        if in_conversation and s.minutes > self.case.business.target_minutes:
            penalty = self.case.escalation.overrun_mood_penalty
            if penalty:
                s.mood = _clamp(s.mood - penalty)
                events.append(Event("overrun", {"minutes": s.minutes, "penalty": penalty}))

        if option.kind is Kind.escalate:
            return events + self._escalate("handed_over")
        if option.kind is Kind.offer:
            assert option.outcome is not None
            if option.outcome == "refused":
                s.chosen.remove(option.id)
                s.refused_offers.append(option.id)
                events.append(Event("offer_refused", {"option_id": option.id}))
            else:
                s.offer_id = option.id
                s.resolved_at_minute = s.minutes
                s.outcome = (
                    "resolved"
                    if option.outcome == "accepted" and s.mood >= 50
                    else "partially_resolved"
                )
                events.append(Event("outcome", {"outcome": s.outcome}))
                return events + self._enter("feedback")

        if in_conversation:
            reason = self._escalation_reason()
            if reason:
                return events + self._escalate(reason)

        if s.step == "questioning" and not self.available_options():
            events.extend(self._enter("clarifying"))
        elif s.step == "clarifying" and not self._groups_now():
            events.extend(self._enter("resolving"))
        elif s.step == "resolving" and self._no_way_to_resolve():
            s.outcome = "lost"
            events.append(Event("outcome", {"outcome": "lost"}))
            events.extend(self._enter("feedback"))
        elif s.step == "feedback" and s.follow_up_id is None and option.kind is Kind.follow_up:
            s.follow_up_id = option.id
            if s.report is not None:
                events.extend(self._enter("reflecting"))
        return events

    def _no_way_to_resolve(self) -> bool:
        # Every offer refused, or nothing left to do at all: the customer walks away.
        refused = set(self.state.refused_offers)
        offers_left = [o for o in self.case.steps.resolving.offers if o.id not in refused]
        return not offers_left or not self.available_options()

    def _escalation_reason(self) -> str | None:
        s = self.state
        rule = self.case.escalation
        if s.mood < rule.mood_below:
            return "mood"
        if s.minutes > self.case.business.target_minutes * rule.overrun_factor:
            return "time"
        if s.poor_moves > self.case.customer.patience:
            return "patience"
        return None

    def _escalate(self, reason: str) -> list[Event]:
        s = self.state
        s.escalated = True
        s.escalation_reason = reason
        s.outcome = "escalated"
        events = [
            Event(
                "escalated",
                {
                    "reason": reason,
                    "reply": self.case.escalation.reply,
                    "consequence": self.case.escalation.consequence,
                },
            ),
            Event("outcome", {"outcome": "escalated"}),
        ]
        return events + self._enter("feedback")

    def _next_step(self) -> str:
        return STEPS[STEPS.index(self.state.step) + 1]

    def _enter(self, step: str) -> list[Event]:
        self.state.step = step
        return [Event("step", {"step": step, "indicator": STEP_INDICATOR[step]})]

    def _report(self, payload: dict[str, Any]) -> list[Event]:
        s = self.state
        if not self.needs_report():
            raise IllegalAction("the internal report is not due now")
        feedback = self.case.steps.feedback
        root = payload.get("root_cause")
        if root not in {o.id for o in feedback.root_causes}:
            raise IllegalAction(f"unknown root cause '{root}'")
        known = {r.id for r in feedback.recipients}
        recipients = payload.get("recipients") or []
        if not isinstance(recipients, list) or any(r not in known for r in recipients):
            raise IllegalAction("unknown recipient in the internal report")
        report = {
            "root_cause": root,
            "recipients": list(dict.fromkeys(recipients)),
            "preventive": str(payload.get("preventive") or ""),
            "profile_note": str(payload.get("profile_note") or ""),
        }
        s.report = report
        option = self.case.option(str(root))
        events = [
            Event("report", dict(report)),
            Event(
                "feedback",
                {
                    "option_id": option.id,
                    "quality": option.rated_quality.value,
                    "text": option.feedback,
                    "indicator": "3.4",
                },
            ),
        ]
        if s.follow_up_id is not None or not self.available_options():
            # No follow-up fits this outcome: the report alone closes step 3.4.
            events.extend(self._enter("reflecting"))
        return events

    def _reflect(self, payload: dict[str, Any]) -> list[Event]:
        if not self.needs_reflection():
            raise IllegalAction("the reflection is not due now")
        prompts = {p.id for p in self.case.steps.reflecting.prompts}
        answers = payload.get("answers") or {}
        ratings = payload.get("self_ratings") or {}
        if not isinstance(answers, dict) or any(k not in prompts for k in answers):
            raise IllegalAction("unknown reflection prompt")
        if not isinstance(ratings, dict):
            raise IllegalAction("self-ratings must be a mapping")
        clean_ratings: dict[str, int] = {}
        for indicator, value in ratings.items():
            if indicator not in INDICATORS[:4] or not isinstance(value, int) or not 0 <= value <= 5:
                raise IllegalAction("self-ratings are 0–5 stars for indicators 3.1–3.4")
            clean_ratings[indicator] = value
        self.state.reflection = {
            "answers": {k: str(v) for k, v in answers.items()},
            "self_ratings": clean_ratings,
        }
        self.state.finished = True
        return [Event("finished", {"outcome": self.state.outcome})]


def _clamp(value: int) -> int:
    return max(0, min(100, value))


def quality_points(option: Option) -> float:
    return QUALITY_POINTS[option.rated_quality]
