"""The case model: an immutable, validated description of one complaint case.

A case file (YAML, see docs/case-format.md) is parsed by `trainer.core.loader` and
validated into these pydantic models. Nothing here knows about Qt or SQLite.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from trainer.core.vocab import (
    COMPLAINT_TYPES,
    EXTERNAL_SEGMENTS,
    FACT_KINDS,
    INDICATORS,
    INTERNAL_SEGMENTS,
    NEEDS,
    SETTINGS,
)

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]{0,63}$", strict=True)]
LangCode = Literal["zh-TW", "en"]


def _known_need(value: str) -> str:
    if value not in NEEDS:
        raise ValueError(f"unknown need id '{value}'; use one of {sorted(NEEDS)}")
    return value


#: A customer need or expectation from the unit's 註1 vocabulary.
NeedId = Annotated[str, AfterValidator(_known_need)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class LText(Frozen):
    """A user-visible string, per language. zh-TW is required."""

    zh: str = Field(alias="zh-TW", min_length=1)
    en: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        # A bare string is the zh-TW text.
        if isinstance(value, str):
            return {"zh-TW": value}
        return value

    def get(self, lang: str = "zh-TW") -> str:
        if lang == "en" and self.en:
            return self.en
        return self.zh

    def has(self, lang: str) -> bool:
        return lang == "zh-TW" or (lang == "en" and bool(self.en))


class Quality(StrEnum):
    best = "best"
    good = "good"
    fair = "fair"
    poor = "poor"


QUALITY_POINTS: dict[Quality, float] = {
    Quality.best: 1.0,
    Quality.good: 0.75,
    Quality.fair: 0.4,
    Quality.poor: 0.0,
}


class Kind(StrEnum):
    # 3.1 questioning
    open_question = "open_question"
    closed_question = "closed_question"
    leading_question = "leading_question"
    blaming_question = "blaming_question"
    irrelevant_question = "irrelevant_question"
    # 3.2 clarifying
    paraphrase_accurate = "paraphrase_accurate"
    paraphrase_incomplete = "paraphrase_incomplete"
    paraphrase_distorted = "paraphrase_distorted"
    tone_empathetic = "tone_empathetic"
    tone_neutral = "tone_neutral"
    tone_defensive = "tone_defensive"
    tone_over_promising = "tone_over_promising"
    tone_cold = "tone_cold"
    # 3.3 resolving
    ask_wants = "ask_wants"
    contact_team = "contact_team"
    contact_partner = "contact_partner"
    consult_manager = "consult_manager"
    update_customer = "update_customer"
    escalate = "escalate"
    stall = "stall"
    offer = "offer"
    # 3.4 feedback
    follow_up = "follow_up"
    root_cause = "root_cause"


#: Default quality for kinds whose quality follows from the kind itself.
DEFAULT_QUALITY: dict[Kind, Quality] = {
    Kind.open_question: Quality.best,
    Kind.closed_question: Quality.good,
    Kind.leading_question: Quality.poor,
    Kind.blaming_question: Quality.poor,
    Kind.irrelevant_question: Quality.poor,
    Kind.paraphrase_accurate: Quality.best,
    Kind.paraphrase_incomplete: Quality.fair,
    Kind.paraphrase_distorted: Quality.poor,
    Kind.tone_empathetic: Quality.best,
    Kind.tone_neutral: Quality.fair,
    Kind.tone_defensive: Quality.poor,
    Kind.tone_over_promising: Quality.poor,
    Kind.tone_cold: Quality.poor,
    Kind.escalate: Quality.poor,
    Kind.stall: Quality.poor,
}

QUESTION_KINDS = frozenset(
    {
        Kind.open_question,
        Kind.closed_question,
        Kind.leading_question,
        Kind.blaming_question,
        Kind.irrelevant_question,
    }
)
PARAPHRASE_KINDS = frozenset(
    {Kind.paraphrase_accurate, Kind.paraphrase_incomplete, Kind.paraphrase_distorted}
)
TONE_KINDS = frozenset(
    {
        Kind.tone_empathetic,
        Kind.tone_neutral,
        Kind.tone_defensive,
        Kind.tone_over_promising,
        Kind.tone_cold,
    }
)
ACTION_KINDS = frozenset(
    {
        Kind.ask_wants,
        Kind.contact_team,
        Kind.contact_partner,
        Kind.consult_manager,
        Kind.update_customer,
        Kind.escalate,
        Kind.stall,
    }
)

#: Which kinds each option list of a step accepts.
GROUP_KINDS: dict[str, frozenset[Kind]] = {
    # Calling a colleague to check the cause is part of 3.1's investigation.
    "questions": QUESTION_KINDS | {Kind.contact_team},
    "paraphrases": PARAPHRASE_KINDS,
    "tones": TONE_KINDS,
    "actions": ACTION_KINDS,
    "offers": frozenset({Kind.offer}),
    "follow_ups": frozenset({Kind.follow_up}),
    "root_causes": frozenset({Kind.root_cause}),
}

#: Default simulated minutes an option takes, by kind.
DEFAULT_MINUTES: dict[Kind, int] = {
    Kind.contact_team: 4,
    Kind.contact_partner: 6,
    Kind.consult_manager: 4,
    Kind.escalate: 3,
    Kind.stall: 8,
    Kind.offer: 3,
    Kind.root_cause: 0,
}


#: Outcomes a case can end in (trainer.core.vocab.OUTCOMES).
OutcomeId = Literal["resolved", "partially_resolved", "escalated", "lost"]

#: Longest simulated time a case may use: 30 days, for written-reply standards.
MAX_SIM_MINUTES = 30 * 24 * 60


class Keywords(Frozen):
    """Phrases, per language, that show a learner's text mentions something."""

    zh: tuple[str, ...] = Field(default=(), alias="zh-TW")
    en: tuple[str, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @field_validator("zh", "en")
    @classmethod
    def _not_blank(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not phrase.strip() for phrase in value):
            raise ValueError("keywords must not be empty strings")
        return value

    def all(self) -> tuple[str, ...]:
        # Either language counts: a learner may write in the other one.
        return self.zh + self.en

    def __bool__(self) -> bool:
        return bool(self.zh or self.en)


class Condition(Frozen):
    """A test on the attempt so far; all given keys must hold (see docs/case-format.md)."""

    outcome: tuple[OutcomeId, ...] = ()
    mood_min: int | None = Field(default=None, ge=0, le=100)
    mood_max: int | None = Field(default=None, ge=0, le=100)
    chosen: tuple[Identifier, ...] = ()
    not_chosen: tuple[Identifier, ...] = ()
    facts: tuple[Identifier, ...] = ()
    missing_facts: tuple[Identifier, ...] = ()

    def option_refs(self) -> tuple[str, ...]:
        return self.chosen + self.not_chosen

    def fact_refs(self) -> tuple[str, ...]:
        return self.facts + self.missing_facts


class Variant(Frozen):
    """A reply and/or feedback that replaces the option's own when `when` holds."""

    when: Condition
    reply: LText | None = None
    feedback: LText | None = None

    @model_validator(mode="after")
    def _replaces_something(self) -> Variant:
        if self.reply is None and self.feedback is None:
            raise ValueError("a variant needs a 'reply' or a 'feedback'")
        return self


class TextVariant(Frozen):
    """A step intro used instead of the step's own when `when` holds."""

    when: Condition
    text: LText


class Option(Frozen):
    """Something the learner can say or do, and what follows from it."""

    id: Identifier
    kind: Kind
    text: LText
    reply: LText | None = None
    feedback: LText
    hint: LText | None = None
    quality: Quality | None = None
    reveals: tuple[Identifier, ...] = ()
    mood: int = Field(default=0, ge=-100, le=100)
    minutes: int | None = Field(default=None, ge=0, le=MAX_SIM_MINUTES)
    cost: int = Field(default=0, ge=0)
    refund: int = Field(default=0, ge=0)
    cost_note: LText | None = None
    justifies_cost: LText | None = None
    requires: tuple[Identifier, ...] = ()
    requires_facts: tuple[Identifier, ...] = ()
    when: Condition | None = None
    variants: tuple[Variant, ...] = ()
    keywords: Keywords = Keywords()
    meets_needs: tuple[NeedId, ...] = ()
    grants_authority: int = Field(default=0, ge=0)
    outcome: Literal["accepted", "partial", "refused"] | None = None
    indicator: Literal["3.1", "3.2", "3.3", "3.4"] | None = None

    @model_validator(mode="after")
    def _kind_rules(self) -> Option:
        if self.quality is None and self.kind not in DEFAULT_QUALITY:
            raise ValueError(f"option '{self.id}' of kind {self.kind.value} needs a 'quality'")
        if self.kind is Kind.offer and self.outcome is None:
            raise ValueError(f"offer '{self.id}' needs an 'outcome' (accepted, partial or refused)")
        if self.kind is not Kind.offer and self.outcome is not None:
            raise ValueError(f"only offers have an 'outcome' (option '{self.id}')")
        return self

    @property
    def rated_quality(self) -> Quality:
        return self.quality or DEFAULT_QUALITY[self.kind]

    @property
    def sim_minutes(self) -> int:
        if self.minutes is not None:
            return self.minutes
        return DEFAULT_MINUTES.get(self.kind, 1)


class Fact(Frozen):
    id: Identifier
    kind: Literal["nature", "cause", "detail"]
    key: bool = False
    text: LText
    keywords: Keywords = Keywords()

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        assert value in FACT_KINDS
        return value


class Customer(Frozen):
    name: LText
    age: int | None = Field(default=None, ge=0, le=120)
    gender: LText | None = None
    culture: LText | None = None
    segment: str
    internal: bool = False
    regular: bool = False
    special_needs: tuple[LText, ...] = ()
    needs: tuple[NeedId, ...] = Field(min_length=1)
    expectations: LText
    profile: LText | None = None
    nonverbal_cues: tuple[LText, ...] = ()
    opening_line: LText
    mood: int = Field(ge=0, le=100)
    patience: int = Field(default=3, ge=0, le=20)

    @model_validator(mode="after")
    def _segment_matches(self) -> Customer:
        segments = INTERNAL_SEGMENTS if self.internal else EXTERNAL_SEGMENTS
        if self.segment not in segments:
            side = "internal" if self.internal else "external"
            raise ValueError(
                f"segment '{self.segment}' is not an {side} customer segment; "
                f"use one of {sorted(segments)}"
            )
        return self


class Business(Frozen):
    transaction_value: int = Field(ge=0)
    margin_pct: float = Field(ge=0, le=100)
    authority_limit: int = Field(ge=0)
    target_minutes: int = Field(ge=1, le=MAX_SIM_MINUTES)
    policies: tuple[LText, ...] = ()

    @property
    def margin_value(self) -> int:
        return round(self.transaction_value * self.margin_pct / 100)


class Escalation(Frozen):
    mood_below: int = Field(default=10, ge=0, le=100)
    overrun_factor: float = Field(default=2.0, ge=1.0, le=10.0)
    overrun_mood_penalty: int = Field(default=4, ge=0, le=50)
    reply: LText
    consequence: LText


class QuestioningStep(Frozen):
    intro: LText | None = None
    intro_variants: tuple[TextVariant, ...] = ()
    questions: tuple[Option, ...] = Field(min_length=1)


class ClarifyingStep(Frozen):
    intro: LText | None = None
    intro_variants: tuple[TextVariant, ...] = ()
    paraphrases: tuple[Option, ...] = Field(min_length=1)
    tones: tuple[Option, ...] = Field(min_length=1)


class ResolvingStep(Frozen):
    intro: LText | None = None
    intro_variants: tuple[TextVariant, ...] = ()
    actions: tuple[Option, ...] = ()
    offers: tuple[Option, ...] = Field(min_length=1)


class Recipient(Frozen):
    id: Identifier
    label: LText
    required: bool = False
    why: LText | None = None


class ModelReport(Frozen):
    preventive: LText
    profile_note: LText


class FeedbackStep(Frozen):
    intro: LText | None = None
    intro_variants: tuple[TextVariant, ...] = ()
    follow_ups: tuple[Option, ...] = Field(min_length=1)
    root_causes: tuple[Option, ...] = Field(min_length=1)
    recipients: tuple[Recipient, ...] = Field(min_length=1)
    model_report: ModelReport


class RubricPoint(Frozen):
    """A concept a good 3.5 answer to one prompt addresses, found by its phrases."""

    id: Identifier
    label: LText
    any: Keywords


class Prompt(Frozen):
    id: Identifier
    text: LText
    min_chars: int = Field(default=20, ge=1, le=2000)
    rubric: tuple[RubricPoint, ...] = ()


class ReflectingStep(Frozen):
    intro: LText | None = None
    intro_variants: tuple[TextVariant, ...] = ()
    prompts: tuple[Prompt, ...] = Field(min_length=1)
    model_reflection: dict[Identifier, LText]


class Steps(Frozen):
    questioning: QuestioningStep
    clarifying: ClarifyingStep
    resolving: ResolvingStep
    feedback: FeedbackStep
    reflecting: ReflectingStep


class Case(Frozen):
    id: Identifier
    version: int = Field(default=1, ge=1)
    title: LText
    summary: LText
    setting: str
    complaint_type: str
    difficulty: int = Field(ge=1, le=3)
    languages: tuple[LangCode, ...] = ("zh-TW",)
    learner_role: LText
    partner: LText | None = None
    tags: tuple[str, ...] = ()
    #: An earlier case this one continues (e.g. the customer is back after a failed fix).
    follows: Identifier | None = None
    customer: Customer
    business: Business
    facts: tuple[Fact, ...] = Field(min_length=1)
    steps: Steps
    escalation: Escalation
    expert_path: tuple[Identifier, ...] = Field(min_length=1)

    @field_validator("setting")
    @classmethod
    def _setting(cls, value: str) -> str:
        if value not in SETTINGS:
            raise ValueError(f"unknown setting '{value}'; use one of {sorted(SETTINGS)}")
        return value

    @field_validator("complaint_type")
    @classmethod
    def _complaint_type(cls, value: str) -> str:
        if value not in COMPLAINT_TYPES:
            raise ValueError(
                f"unknown complaint_type '{value}'; use one of {sorted(COMPLAINT_TYPES)}"
            )
        return value

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if "zh-TW" not in value:
            raise ValueError("languages must include zh-TW")
        return value

    @model_validator(mode="after")
    def _groups_and_ids(self) -> Case:
        for group, options in self.option_groups().items():
            allowed = GROUP_KINDS[group]
            for option in options:
                if option.kind not in allowed:
                    names = ", ".join(sorted(k.value for k in allowed))
                    raise ValueError(
                        f"option '{option.id}' in {group} has kind {option.kind.value}; "
                        f"{group} take {names}"
                    )
        seen: set[str] = set()
        for option in self.all_options():
            if option.id in seen:
                raise ValueError(f"option id '{option.id}' is used twice")
            seen.add(option.id)
        fact_ids = [f.id for f in self.facts]
        if len(set(fact_ids)) != len(fact_ids):
            raise ValueError("fact ids must be unique")
        return self

    # -- lookups -----------------------------------------------------------

    def option_groups(self) -> dict[str, tuple[Option, ...]]:
        s = self.steps
        return {
            "questions": s.questioning.questions,
            "paraphrases": s.clarifying.paraphrases,
            "tones": s.clarifying.tones,
            "actions": s.resolving.actions,
            "offers": s.resolving.offers,
            "follow_ups": s.feedback.follow_ups,
            "root_causes": s.feedback.root_causes,
        }

    def all_options(self) -> list[Option]:
        return [o for options in self.option_groups().values() for o in options]

    @cached_property
    def options_by_id(self) -> dict[str, Option]:
        # Looked up several times per decision; a case is frozen, so this never goes stale.
        return {option.id: option for option in self.all_options()}

    def option(self, option_id: str) -> Option:
        return self.options_by_id[option_id]

    def fact(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)

    @property
    def key_facts(self) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if f.key)

    def text_languages(self) -> list[str]:
        return list(self.languages)


GROUP_STEP: dict[str, str] = {
    "questions": "questioning",
    "paraphrases": "clarifying",
    "tones": "clarifying",
    "actions": "resolving",
    "offers": "resolving",
    "follow_ups": "feedback",
    "root_causes": "feedback",
}

__all__ = [
    "GROUP_KINDS",
    "GROUP_STEP",
    "INDICATORS",
    "QUALITY_POINTS",
    "Case",
    "Fact",
    "Kind",
    "LText",
    "Option",
    "Quality",
]
