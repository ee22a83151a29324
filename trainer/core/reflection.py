"""What a 3.5 reflection addresses: the case's rubric points and the learner's own attempt.

Length is only a floor. A point counts when an answer that meets its prompt's
`min_chars` contains one of the point's phrases. Matching folds full- and half-width
forms (NFKC), case, spaces and dashes, so "Seat Map", "seat-map" and "ｓｅａｔ map" all
find "seat map". Chinese phrases match anywhere; English phrases match whole words
(plus a plural or past ending), so "train" is not found in "training" nor "app" in
"apologise". Phrases that the generic vocabulary of complaint handling would match
(`trainer.core.generic_terms`) are ignored: they fit every case. References to the
learner's own attempt are matched through the keywords of what that attempt did: the
offer made, the move that made the customer escalate, the key facts missed. See
docs/scoring.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from trainer.core.engine import SessionState
from trainer.core.generic_terms import GENERIC_VOCABULARY
from trainer.core.model import Case, Keywords, Kind, LText, Quality, RubricPoint

_SPACE_OR_DASH = re.compile(r"[\s\-‐‑–—_·・]+")
#: Endings an English phrase may take and still match: "refund" finds "refunds",
#: "refunded"; "approv" finds "approve", "approval". Not "-ing": "train" ≠ "training".
_ENDINGS = "(?:s|es|e|ed|d|al)?"


def _fold_words(text: str) -> str:
    """Width and case folded; every run of spaces and dashes becomes one space."""
    return _SPACE_OR_DASH.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def normalise(text: str) -> str:
    """Fold width, case, spaces and dashes so phrases match however they are typed."""
    return _SPACE_OR_DASH.sub("", unicodedata.normalize("NFKC", text).casefold())


@dataclass(frozen=True)
class Folded:
    """A text ready for matching: `chars` without spaces (Chinese phrases match
    anywhere in it), `words` with one space between words (English phrases match
    whole words). Copied runs are blanked (NUL) in both."""

    chars: str
    words: str

    def __bool__(self) -> bool:
        return bool(self.chars.strip("\x00"))


def fold(text: str) -> Folded:
    words = _fold_words(text)
    return Folded(words.replace(" ", ""), words)


@dataclass(frozen=True)
class _Matcher:
    chars: tuple[str, ...]
    words: re.Pattern[str] | None

    def __bool__(self) -> bool:
        return bool(self.chars or self.words)

    def search(self, text: Folded) -> bool:
        if any(phrase in text.chars for phrase in self.chars):
            return True
        return self.words is not None and self.words.search(text.words) is not None


def _word_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    bodies = []
    for phrase in phrases:
        parts = [re.escape(part) for part in _fold_words(phrase).split(" ") if part]
        if parts:
            bodies.append(" ?".join(parts))  # "seat map" also finds "seatmap"
    if not bodies:
        return None
    return re.compile(rf"(?<![a-z0-9])(?:{'|'.join(bodies)}){_ENDINGS}(?![a-z0-9])")


def _build(phrases: tuple[str, ...]) -> _Matcher:
    chars = tuple(p for p in (normalise(x) for x in phrases if not x.isascii()) if p)
    return _Matcher(chars, _word_pattern([x for x in phrases if x.isascii()]))


_GENERIC_ZH = tuple(normalise(item) for item in GENERIC_VOCABULARY["zh-TW"])
# One line per item: a phrase may match within an item, never across two.
_GENERIC_EN = Folded("", "\n".join(fold(item).words for item in GENERIC_VOCABULARY["en"]))


@lru_cache(maxsize=16384)
def is_generic(phrase: str) -> bool:
    """Whether the generic vocabulary of complaint handling would match `phrase`."""
    if not phrase.isascii():
        folded = normalise(phrase)
        return any(folded in item for item in _GENERIC_ZH)
    return _build((phrase,)).search(_GENERIC_EN)


@lru_cache(maxsize=4096)
def _matcher(keywords: Keywords) -> _Matcher:
    # Keywords are frozen and hashable: build each case's matchers once.
    return _build(tuple(p for p in keywords.all() if not is_generic(p)))


def specific(keywords: Keywords) -> bool:
    """Whether `keywords` has a phrase that is not generic vocabulary."""
    return bool(_matcher(keywords))


def mentions(text: Folded, keywords: Keywords) -> bool:
    """Whether `text` contains a phrase of `keywords` that is specific to its case."""
    return _matcher(keywords).search(text)


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
    targets = [k for k in targets if specific(k)]
    if not targets:
        # Nothing attempt-specific to name: any key fact of the case will do.
        targets = [f.keywords for f in case.key_facts if specific(f.keywords)]
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


_T = TypeVar("_T")


class _PerCase(Generic[_T]):
    """What `build` derives from a case, kept while that case object lives (cases are
    frozen; a reloaded case is a new object and gets its own entry)."""

    def __init__(self, build: Callable[[Case], _T]) -> None:
        self.build = build
        self.cache: dict[int, tuple[Case, _T]] = {}

    def __call__(self, case: Case) -> _T:
        cached = self.cache.get(id(case))
        if cached is not None and cached[0] is case:
            return cached[1]
        value = self.build(case)
        if len(self.cache) > 64:
            self.cache.clear()
        self.cache[id(case)] = (case, value)
        return value


def _build_copy_grams(case: Case) -> dict[int, frozenset[str]]:
    """The case's shown text as runs of COPY_RUN_ZH / COPY_RUN_EN characters."""
    grams: dict[int, set[str]] = {COPY_RUN_ZH: set(), COPY_RUN_EN: set()}
    for text in _shown_texts(case):
        for lang, n in (("zh-TW", COPY_RUN_ZH), ("en", COPY_RUN_EN)):
            if not text.has(lang):
                continue
            shown = normalise(text.get(lang))
            grams[n].update(shown[i : i + n] for i in range(len(shown) - n + 1))
    return {n: frozenset(g) for n, g in grams.items()}


def _build_case_keywords(case: Case) -> tuple[Keywords, ...]:
    """Every keyword set of the case that has a phrase specific to it: its facts, its
    options and its rubric points (building it also builds each set's matcher)."""
    sets = [f.keywords for f in case.facts]
    sets += [o.keywords for o in case.all_options()]
    sets += [point.any for prompt in case.steps.reflecting.prompts for point in prompt.rubric]
    return tuple(k for k in sets if k and specific(k))


_copy_grams = _PerCase(_build_copy_grams)
_case_keywords = _PerCase(_build_case_keywords)


def names_the_case(case: Case, text: str) -> bool:
    """Whether `text` names something specific to this case (a fact, a move, a rubric
    concept), as any real 3.4 report does and a stock sentence never can."""
    folded = fold(text)
    return bool(folded) and any(mentions(folded, k) for k in _case_keywords(case))


def prepare(case: Case) -> None:
    """Build the case's copied-text index and phrase matchers now (a few ms), so the
    click that completes an attempt does not wait for them (AttemptRunner calls this
    when a case opens)."""
    _copy_grams(case)
    _case_keywords(case)


def without_copies(case: Case, text: Folded) -> Folded:
    """`text` with every run copied from the case's shown text blanked.

    Pasting the fact cards or the coach's feedback into a reflection names every
    concept without thinking about any; only the learner's own words count.
    """
    chars = text.chars
    keep = bytearray(b"\x01") * len(chars)
    for n, grams in _copy_grams(case).items():
        for i in range(len(chars) - n + 1):
            if chars[i : i + n] in grams:
                keep[i : i + n] = bytes(n)
    if all(keep):
        return text
    words = list(text.words)
    j = 0  # the j-th character of `chars` is the j-th non-space of `words`
    for i, ch in enumerate(words):
        if ch != " ":
            if not keep[j]:
                words[i] = "\x00"
            j += 1
    blanked = "".join(ch if k else "\x00" for ch, k in zip(chars, keep, strict=True))
    return Folded(blanked, "".join(words))


def check_reflection(case: Case, state: SessionState) -> ReflectionCheck:
    answers: dict[str, str] = (state.reflection or {}).get("answers") or {}
    prompts = case.steps.reflecting.prompts
    full = [p for p in prompts if len(answers.get(p.id, "").strip()) >= p.min_chars]
    text = without_copies(case, fold("\n".join(answers[p.id] for p in full)))
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
