"""What a 3.5 reflection addresses: the case's rubric points and the learner's own attempt.

Length is only a floor. A point counts when an answer that meets its prompt's
`min_chars` contains one of the point's phrases. Matching folds full- and half-width
forms (NFKC), case and whitespace, so "Seat Map", "seat-map" and "ｓｅａｔ map" all find
"seat map". References to the learner's own attempt are matched through the keywords
of what that attempt did: the offer made, the move that made the customer escalate,
the key facts missed. See docs/scoring.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from trainer.core.engine import SessionState
from trainer.core.model import Case, Keywords, Kind, LText, Quality, RubricPoint

_SPACE_OR_DASH = re.compile(r"[\s\-‐‑–—_·・]+")


def normalise(text: str) -> str:
    """Fold width, case, spaces and dashes so phrases match however they are typed."""
    return _SPACE_OR_DASH.sub("", unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=4096)
def _phrases(keywords: Keywords) -> tuple[str, ...]:
    # Keywords are frozen and hashable: normalise each case's phrases once.
    return tuple(p for p in (normalise(phrase) for phrase in keywords.all()) if p)


def mentions(text: str, keywords: Keywords) -> bool:
    """Whether `text` (already normalised) contains any phrase of `keywords`."""
    return any(phrase in text for phrase in _phrases(keywords))


@dataclass(frozen=True)
class ReflectionCheck:
    points: tuple[RubricPoint, ...]
    covered: tuple[RubricPoint, ...]
    own_targets: int
    own_hits: int
    prompts: int
    answered: int

    @property
    def missing(self) -> tuple[RubricPoint, ...]:
        # by identity: comparing pydantic models field by field was a seventh of
        # the scoring time of a completing click
        covered = {id(p) for p in self.covered}
        return tuple(p for p in self.points if id(p) not in covered)

    @property
    def concept_part(self) -> float:
        return len(self.covered) / len(self.points) if self.points else 0.0

    @property
    def own_part(self) -> float:
        if not self.own_targets:
            return 0.0
        return min(1.0, self.own_hits / min(2, self.own_targets))

    @property
    def floor_part(self) -> float:
        return self.answered / self.prompts if self.prompts else 0.0


def own_attempt_keywords(case: Case, state: SessionState) -> list[Keywords]:
    """Keywords of what this attempt did or missed, for references to it."""
    targets: list[Keywords] = []
    if state.offer_id:
        targets.append(case.option(state.offer_id).keywords)
    if state.escalated:
        trigger = _escalating_move(case, state)
        if trigger is not None:
            targets.append(case.option(trigger).keywords)
    found = set(state.facts)
    targets.extend(f.keywords for f in case.key_facts if f.id not in found)
    targets = [k for k in targets if k]
    if not targets:
        # Nothing attempt-specific to name: any key fact of the case will do.
        targets = [f.keywords for f in case.key_facts if f.keywords]
    return targets


def _escalating_move(case: Case, state: SessionState) -> str | None:
    conversation = [
        c for c in state.chosen if case.option(c).kind not in (Kind.follow_up, Kind.root_cause)
    ]
    for option_id in reversed(conversation):
        option = case.option(option_id)
        if option.kind is Kind.escalate or option.rated_quality is Quality.poor:
            return option_id
    return conversation[-1] if conversation else None


#: Copied runs this long (normalised characters) are blanked before matching: a
#: Chinese clause of 10 characters, an English phrase of about 5 words.
COPY_RUN_ZH, COPY_RUN_EN = 10, 28


def _shown_texts(case: Case) -> Iterator[LText]:
    """Everything the screen shows the learner before the reflection."""
    c = case.customer
    yield from (case.title, case.summary, c.opening_line, c.expectations)
    if c.profile is not None:
        yield c.profile
    for step_name in ("questioning", "clarifying", "resolving", "feedback", "reflecting"):
        step = getattr(case.steps, step_name)
        if step.intro is not None:
            yield step.intro
        yield from (v.text for v in step.intro_variants)
    yield from (p.text for p in case.steps.reflecting.prompts)
    yield from (f.text for f in case.facts)
    for option in case.all_options():
        # The coach's feedback; the option's own words and the replies are left out:
        # naming what you chose (and what you heard) in its words is a fair reference.
        yield option.feedback
        yield from (v.feedback for v in option.variants if v.feedback is not None)


_COPY_GRAMS: dict[int, tuple[Case, dict[int, frozenset[str]]]] = {}


def _copy_grams(case: Case) -> dict[int, frozenset[str]]:
    """The case's shown text as runs of COPY_RUN_ZH / COPY_RUN_EN characters."""
    cached = _COPY_GRAMS.get(id(case))
    if cached is not None and cached[0] is case:
        return cached[1]
    grams: dict[int, set[str]] = {COPY_RUN_ZH: set(), COPY_RUN_EN: set()}
    for text in _shown_texts(case):
        for lang, n in (("zh-TW", COPY_RUN_ZH), ("en", COPY_RUN_EN)):
            if not text.has(lang):
                continue
            shown = normalise(text.get(lang))
            grams[n].update(shown[i : i + n] for i in range(len(shown) - n + 1))
    frozen = {n: frozenset(g) for n, g in grams.items()}
    if len(_COPY_GRAMS) > 64:
        _COPY_GRAMS.clear()
    _COPY_GRAMS[id(case)] = (case, frozen)
    return frozen


def prepare(case: Case) -> None:
    """Build the case's copied-text index now (a few ms), so the click that completes
    an attempt does not wait for it (AttemptRunner calls this when a case opens)."""
    _copy_grams(case)


def without_copies(case: Case, text: str) -> str:
    """`text` (normalised) with every run copied from the case's shown text blanked.

    Pasting the fact cards or the coach's feedback into a reflection names every
    concept without thinking about any; only the learner's own words count.
    """
    keep = [True] * len(text)
    for n, grams in _copy_grams(case).items():
        for i in range(len(text) - n + 1):
            if text[i : i + n] in grams:
                keep[i : i + n] = [False] * n
    return "".join(ch if k else "\x00" for ch, k in zip(text, keep, strict=True))


def check_reflection(case: Case, state: SessionState) -> ReflectionCheck:
    answers: dict[str, str] = (state.reflection or {}).get("answers") or {}
    prompts = case.steps.reflecting.prompts
    full = [p for p in prompts if len(answers.get(p.id, "").strip()) >= p.min_chars]
    text = without_copies(case, normalise("\n".join(answers[p.id] for p in full)))
    points = tuple(point for p in prompts for point in p.rubric)
    covered = tuple(point for point in points if text and mentions(text, point.any))
    targets = own_attempt_keywords(case, state)
    hits = sum(1 for k in targets if text and mentions(text, k))
    return ReflectionCheck(
        points=points,
        covered=covered,
        own_targets=len(targets),
        own_hits=hits,
        prompts=len(prompts),
        answered=len(full),
    )
