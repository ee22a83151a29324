"""Test-wise players: they never read the case, and a valid case makes them fail.

Each takes what the form of an option list suggests (its position, its length, what
just appeared), fills the internal report the same way, and pastes one stock generic
reflection into every prompt with honest self-ratings. `cases lint` plays each over
many option orders (docs/scoring.md, "Baseline players").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from trainer.core.autoplay import accurate_self_ratings, play_through
from trainer.core.engine import Action, Session, condition_holds
from trainer.core.model import Case, Option
from trainer.core.scoring import score_session

#: One generic sentence a student might paste into every prompt of every case.
STOCK_REFLECTIONS: dict[str, str] = {
    "zh-TW": "這次我學到處理客訴要先冷靜傾聽，理解顧客的感受並表達同理心，再盡快提出解決方案，下次我會做得更好。",
    "en": "I learned that I should listen calmly, understand how the customer feels and show "
    "empathy, then offer a solution quickly; next time I will do better.",
}
STOCK_REPORT = {
    "preventive": "加強員工訓練與溝通，避免同樣的問題再次發生。",
    "profile_note": "顧客對這次服務不滿意，下次要特別注意。",
}

Chooser = Callable[[Session, list[Option]], Option]


def _length(option: Option, lang: str = "zh-TW") -> int:
    return len(option.text.get(lang))


class FormPolicy:
    """Chooses by the form of the list; reports and reflects like a student in a hurry."""

    def __init__(self, choose: Chooser) -> None:
        self.choose = choose

    def next_action(self, session: Session) -> Action:
        case = session.case
        if session.needs_reflection():
            stock = STOCK_REFLECTIONS["zh-TW"]
            answers = {p.id: stock for p in case.steps.reflecting.prompts}
            return Action.reflect(answers, accurate_self_ratings(session))
        options = session.available_options()
        if session.needs_report() and not options:
            roots = list(session.order("root_causes"))
            root = self.choose(session, roots)
            recipients = [r.id for r in case.steps.feedback.recipients]  # everyone, to be safe
            return Action.report(
                root.id, recipients, STOCK_REPORT["preventive"], STOCK_REPORT["profile_note"]
            )
        if not options and session.can_advance():
            return Action.advance()
        return Action.choose(self.choose(session, options).id)


def first_shown(session: Session, options: list[Option]) -> Option:
    return options[0]


def longest(session: Session, options: list[Option], lang: str = "zh-TW") -> Option:
    # max keeps the first of equals: screen order
    return max(options, key=lambda o: _length(o, lang))


def shortest(session: Session, options: list[Option], lang: str = "zh-TW") -> Option:
    return min(options, key=lambda o: _length(o, lang))


def last_shown(session: Session, options: list[Option]) -> Option:
    return options[-1]


def second_longest(session: Session, options: list[Option], lang: str = "zh-TW") -> Option:
    # stable: screen order among equals
    ranked = sorted(options, key=lambda o: _length(o, lang), reverse=True)
    return ranked[1] if len(ranked) > 1 else ranked[0]


def middle_length(session: Session, options: list[Option], lang: str = "zh-TW") -> Option:
    """The median length (the shorter of the two middles): "not too short, not too long"."""
    ranked = sorted(options, key=lambda o: _length(o, lang))
    return ranked[(len(ranked) - 1) // 2]


# A student in English mode sees the English text; its lengths rank differently.
longest_en: Chooser = partial(longest, lang="en")
shortest_en: Chooser = partial(shortest, lang="en")
second_longest_en: Chooser = partial(second_longest, lang="en")
middle_length_en: Chooser = partial(middle_length, lang="en")


#: Courtesy and empathy markers a student takes for the "right register".
POLITE_MARKERS: dict[str, tuple[str, ...]] = {
    "zh-TW": ("您", "請", "抱歉", "不好意思", "謝謝", "理解", "辛苦", "感謝", "確認"),
    "en": ("sorry", "please", "thank", "understand", "appreciate"),
}


def politeness(option: Option) -> int:
    """How many courtesy markers the option's text carries (zh-TW and en)."""
    zh = option.text.get("zh-TW")
    en = (option.text.en or "").casefold()
    return sum(zh.count(m) for m in POLITE_MARKERS["zh-TW"]) + sum(
        en.count(m) for m in POLITE_MARKERS["en"]
    )


def politest(session: Session, options: list[Option]) -> Option:
    return max(options, key=politeness)


def least_polite(session: Session, options: list[Option]) -> Option:
    """The mirror cue: once the key stops being the politest, it may be the plainest."""
    return min(options, key=politeness)


_NOT_CONTENT = re.compile(r"[\s\W_]", re.UNICODE)


def _characters(text: str) -> set[str]:
    """The distinct content characters of a zh-TW text (punctuation and spaces dropped)."""
    return set(_NOT_CONTENT.sub("", text))


def convergent(session: Session, options: list[Option]) -> Option:
    """The option sharing the most characters with the other options of its list."""
    sets = {o.id: _characters(o.text.get("zh-TW")) for o in options}

    def shared(option: Option) -> int:
        mine = sets[option.id]
        return sum(len(mine & sets[o.id]) for o in options if o.id != option.id)

    return max(options, key=shared)


def _context(session: Session) -> str:
    """What the customer said last (or their opening line) and the step's intro."""
    case, state = session.case, session.state
    parts = []
    said = [c for c in state.chosen if case.option(c).reply is not None]
    if said:
        last = case.option(said[-1])
        reply = last.reply
        for variant in last.variants:
            if variant.reply is not None and condition_holds(variant.when, state):
                reply = variant.reply
                break
        parts.append(reply.get("zh-TW") if reply else "")
    else:
        parts.append(case.customer.opening_line.get("zh-TW"))
    intro = session.step_intro()
    if intro is not None:
        parts.append(intro.get("zh-TW"))
    return "".join(parts)


def echoes_context(session: Session, options: list[Option]) -> Option:
    """The option sharing the most characters with the customer's last words and the intro."""
    context = _characters(_context(session))
    return max(options, key=lambda o: len(_characters(o.text.get("zh-TW")) & context))


class MoveOnAtOnce(FormPolicy):
    """Asks one question, moves on at once, then chooses by form like the others.

    The other players never move on (they ask every question): between them they
    bracket what a student who does not read the case does in 3.1.
    """

    def next_action(self, session: Session) -> Action:
        if session.state.step == "questioning" and session.can_advance():
            return Action.advance()
        return super().next_action(session)


class UnlockChaser(FormPolicy):
    """Takes whatever just appeared (an option newly unlocked), else the first shown."""

    def __init__(self) -> None:
        super().__init__(self._pick)
        self.seen: set[str] = set()
        self.step = ""

    def _pick(self, session: Session, options: list[Option]) -> Option:
        if session.state.step != self.step:
            # A new step: everything is new, nothing "just appeared".
            self.step = session.state.step
            self.seen = {o.id for o in options}
        fresh = [o for o in options if o.id not in self.seen]
        self.seen.update(o.id for o in options)
        return fresh[0] if fresh else options[0]


BASELINE_POLICIES: dict[str, Callable[[], FormPolicy]] = {
    "first_option": lambda: FormPolicy(first_shown),
    "longest_option": lambda: FormPolicy(longest),
    "newly_unlocked": UnlockChaser,
    # Two more a test-wise student tries once the first three stop working:
    "shortest_option": lambda: FormPolicy(shortest),
    "last_option": lambda: FormPolicy(last_shown),
    # Rank and register cues (docs/scoring.md, shared/design/item-writing.md):
    "second_longest": lambda: FormPolicy(second_longest),
    "middle_length": lambda: FormPolicy(middle_length),
    "politest": lambda: FormPolicy(politest),
    "least_polite": lambda: FormPolicy(least_polite),
    "convergent": lambda: FormPolicy(convergent),
    "echoes_customer": lambda: FormPolicy(echoes_context),
    # One question, then straight on (the others never move on before the list is empty):
    "move_on_first": lambda: MoveOnAtOnce(first_shown),
    "move_on_politest": lambda: MoveOnAtOnce(politest),
    "move_on_least_polite": lambda: MoveOnAtOnce(least_polite),
    "move_on_second_longest": lambda: MoveOnAtOnce(second_longest),
    "move_on_convergent": lambda: MoveOnAtOnce(convergent),
    # The same one-question hurry with the position, length and wording cues:
    "move_on_last": lambda: MoveOnAtOnce(last_shown),
    "move_on_longest": lambda: MoveOnAtOnce(longest),
    "move_on_shortest": lambda: MoveOnAtOnce(shortest),
    "move_on_middle": lambda: MoveOnAtOnce(middle_length),
    "move_on_echo": lambda: MoveOnAtOnce(echoes_context),
    # The length cues again, for a student playing in English:
    "longest_option_en": lambda: FormPolicy(longest_en),
    "shortest_option_en": lambda: FormPolicy(shortest_en),
    "move_on_longest_en": lambda: MoveOnAtOnce(longest_en),
    "move_on_shortest_en": lambda: MoveOnAtOnce(shortest_en),
    "second_longest_en": lambda: FormPolicy(second_longest_en),
    "middle_length_en": lambda: FormPolicy(middle_length_en),
    "move_on_second_longest_en": lambda: MoveOnAtOnce(second_longest_en),
    "move_on_middle_en": lambda: MoveOnAtOnce(middle_length_en),
}

BASELINE_SEEDS = 20
MAX_RESOLVED_SHARE = 0.10
MAX_MEAN_TOTAL = 40


@dataclass(frozen=True)
class BaselineResult:
    policy: str
    seeds: int
    resolved: int
    mean_total: float
    outcomes: dict[str, int]

    @property
    def resolved_share(self) -> float:
        return self.resolved / self.seeds

    @property
    def passed(self) -> bool:
        return self.resolved_share <= MAX_RESOLVED_SHARE and self.mean_total <= MAX_MEAN_TOTAL

    def as_dict(self) -> dict[str, object]:
        return {
            "policy": self.policy,
            "seeds": self.seeds,
            "resolved": self.resolved,
            "resolved_share": round(self.resolved_share, 3),
            "mean_total": round(self.mean_total, 1),
            "outcomes": dict(self.outcomes),
            "passed": self.passed,
        }


def run_baseline(
    case: Case,
    policy: str,
    seeds: int = BASELINE_SEEDS,
    observe: Callable[[Session], None] | None = None,
) -> BaselineResult:
    """Play `policy` once per option order (seeds 1..N) and summarise.

    Players that choose by form often take the same path whatever the order; a path's
    score is computed once (the state without its order seed is the key: scoring
    never reads the order).
    """
    totals: list[int] = []
    outcomes: dict[str, int] = {}
    scored: dict[str, int] = {}
    for seed in range(1, seeds + 1):
        session = play_through(
            case, BASELINE_POLICIES[policy](), Session(case, order_seed=seed), observe
        )
        key = repr(replace(session.state, order_seed=None))
        if key not in scored:
            scored[key] = score_session(case, session.state).total
        totals.append(scored[key])
        outcome = session.state.outcome or "none"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return BaselineResult(
        policy=policy,
        seeds=seeds,
        resolved=outcomes.get("resolved", 0),
        mean_total=sum(totals) / len(totals),
        outcomes=outcomes,
    )


def run_baselines(
    case: Case,
    seeds: int = BASELINE_SEEDS,
    observe: Callable[[Session], None] | None = None,
) -> list[BaselineResult]:
    return [run_baseline(case, name, seeds, observe) for name in BASELINE_POLICIES]
