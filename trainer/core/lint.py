"""Static and dynamic checks on a valid case: the things a schema cannot see.

- ids that point nowhere (facts, options, prompts, conditions);
- facts that no option reveals;
- options whose prerequisites can never be met, and steps that cannot be completed;
- follow-ups that do not say which outcomes they fit; key facts and offers without
  keywords; prompts without rubric points, or with points a stock reflection matches;
- cues in the form: a locked best option standing alone, a best option much longer
  than the rest (warning), no reply that varies with mood (warning);
- by playing (trainer.core.lint_play): the expert path (legal, resolved within the
  target time, >= 90 on every indicator), the worst path, poor moves that never
  escalate (warning), test-wise players over 20 option orders, and a full-credit
  follow-up for every outcome that can happen;
- English promised in `languages` but missing from some strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from trainer.core.baseline import STOCK_REFLECTIONS, BaselineResult
from trainer.core.cues import LANGUAGES, LONGEST_MARGIN, list_cues
from trainer.core.generic_terms import STUFFED_REFLECTIONS
from trainer.core.lint_play import play_checks
from trainer.core.loader import CaseProblem, LoadedCase, Path_
from trainer.core.model import Case, Condition, LText, Option, Quality
from trainer.core.reflection import fold, mentions, normalise, specific
from trainer.core.scoring import ScoreCard

# Steps in order, with the option groups that belong to each.
_STEP_GROUPS = (
    ("questioning", ("questions",)),
    ("clarifying", ("paraphrases", "tones")),
    ("resolving", ("actions", "offers")),
    ("feedback", ("follow_ups", "root_causes")),
)
_GROUP_PATH = {
    "questions": ("steps", "questioning", "questions"),
    "paraphrases": ("steps", "clarifying", "paraphrases"),
    "tones": ("steps", "clarifying", "tones"),
    "actions": ("steps", "resolving", "actions"),
    "offers": ("steps", "resolving", "offers"),
    "follow_ups": ("steps", "feedback", "follow_ups"),
    "root_causes": ("steps", "feedback", "root_causes"),
}


@dataclass
class LintReport:
    """Everything `cases lint` found for one case, with the players' figures."""

    problems: list[CaseProblem] = field(default_factory=list)
    baselines: list[BaselineResult] = field(default_factory=list)
    expert: ScoreCard | None = None

    @property
    def errors(self) -> list[CaseProblem]:
        return [p for p in self.problems if p.is_error]


def lint_case(loaded: LoadedCase) -> list[CaseProblem]:
    """Errors and warnings for one case (see `lint_report` for the players' figures)."""
    return lint_report(loaded).problems


def lint_report(loaded: LoadedCase) -> LintReport:
    case = loaded.case
    name = loaded.source
    problems: list[CaseProblem] = []
    result = LintReport(problems)

    def report(path: Path_, message: str, severity: str = "error") -> None:
        problems.append(CaseProblem(name, loaded.line_of(path), message, severity))

    fact_ids = {f.id for f in case.facts}
    option_path: dict[str, Path_] = {}
    option_rank: dict[str, int] = {}
    for rank, (_, groups) in enumerate(_STEP_GROUPS):
        for group in groups:
            for i, option in enumerate(case.option_groups()[group]):
                option_path[option.id] = (*_GROUP_PATH[group], i)
                option_rank[option.id] = rank

    revealed_by: dict[str, int] = {}
    for option in case.all_options():
        where = option_path[option.id]
        for fact_id in option.reveals:
            if fact_id not in fact_ids:
                report(
                    (*where, "reveals"), f"option '{option.id}' reveals unknown fact '{fact_id}'"
                )
            else:
                rank = option_rank[option.id]
                revealed_by[fact_id] = min(revealed_by.get(fact_id, 99), rank)
    for i, fact in enumerate(case.facts):
        if fact.id not in revealed_by:
            report(("facts", i), f"fact '{fact.id}' is never revealed by any option")

    for option in case.all_options():
        for key, message in _prerequisite_problems(case, option, option_rank, revealed_by):
            report((*option_path[option.id], key), message)

    for group in ("questions", "paraphrases", "tones", "follow_ups"):
        options = case.option_groups()[group]
        if not any(not o.requires and not o.requires_facts for o in options):
            report(
                _GROUP_PATH[group],
                f"every option in {group} has prerequisites: the step can get stuck",
            )

    prompts = {p.id for p in case.steps.reflecting.prompts}
    model = case.steps.reflecting.model_reflection
    for key in model:
        if key not in prompts:
            report(
                ("steps", "reflecting", "model_reflection", key),
                f"model reflection for unknown prompt '{key}'",
            )
    for i, prompt in enumerate(case.steps.reflecting.prompts):
        if prompt.id not in model:
            report(
                ("steps", "reflecting", "prompts", i),
                f"prompt '{prompt.id}' has no model reflection",
            )
        elif len(model[prompt.id].get().strip()) < prompt.min_chars:
            report(
                ("steps", "reflecting", "model_reflection", prompt.id),
                f"model reflection for '{prompt.id}' is shorter than min_chars ({prompt.min_chars})",
            )
    if not any(r.required for r in case.steps.feedback.recipients):
        report(("steps", "feedback", "recipients"), "no recipient is marked required")

    for i, option_id in enumerate(case.expert_path):
        if option_id not in option_path:
            report(("expert_path", i), f"expert path names unknown option '{option_id}'")

    if "en" in case.languages:
        for path in _missing_english(case):
            report(path, "languages lists 'en' but this text has no English")

    for path, message, severity in _format_problems(case, option_path):
        report(path, message, severity)

    if not any(p.is_error for p in problems):
        line = loaded.line_of(("expert_path",))
        found = play_checks(case)
        problems.extend(CaseProblem(name, line, m) for m in found.errors)
        problems.extend(CaseProblem(name, line, m, "warning") for m in found.warnings)
        result.baselines = found.baselines
        result.expert = found.expert
    return result


def _conditions(case: Case) -> Iterator[tuple[Path_, Condition]]:
    for group, options in case.option_groups().items():
        for i, option in enumerate(options):
            where = (*_GROUP_PATH[group], i)
            if option.when is not None:
                yield (*where, "when"), option.when
            for j, variant in enumerate(option.variants):
                yield (*where, "variants", j, "when"), variant.when
    for step_name in ("questioning", "clarifying", "resolving", "feedback", "reflecting"):
        step = getattr(case.steps, step_name)
        for j, variant in enumerate(step.intro_variants):
            yield ("steps", step_name, "intro_variants", j, "when"), variant.when


def _format_problems(case: Case, option_path: dict[str, Path_]) -> Iterator[tuple[Path_, str, str]]:
    """Conditions, follow-ups per outcome, keywords, rubric points, cues in the form."""
    fact_ids = {f.id for f in case.facts}
    for path, condition in _conditions(case):
        for ref in condition.option_refs():
            if ref not in option_path:
                yield path, f"condition names unknown option '{ref}'", "error"
        for ref in condition.fact_refs():
            if ref not in fact_ids:
                yield path, f"condition names unknown fact '{ref}'", "error"
        if (
            condition.mood_min is not None
            and condition.mood_max is not None
            and condition.mood_min > condition.mood_max
        ):
            yield path, "condition has mood_min above mood_max: it never holds", "error"

    for option in case.steps.feedback.follow_ups:
        if option.when is None or not option.when.outcome:
            yield (
                option_path[option.id],
                f"follow-up '{option.id}' does not say which outcomes it fits: add "
                "when: {outcome: [...]} (resolved, partially_resolved, escalated, lost)",
                "error",
            )

    generic_only = "has only generic keywords, so a 3.5 reference to it never counts"
    for i, fact in enumerate(case.facts):
        if fact.key and not fact.keywords:
            yield ("facts", i), f"key fact '{fact.id}' has no keywords (for 3.5)", "error"
        elif fact.key and not specific(fact.keywords):
            yield ("facts", i), f"key fact '{fact.id}' {generic_only}", "warning"
    for option in case.steps.resolving.offers:
        if not option.keywords:
            yield option_path[option.id], f"offer '{option.id}' has no keywords (for 3.5)", "error"
        elif not specific(option.keywords):
            yield option_path[option.id], f"offer '{option.id}' {generic_only}", "warning"

    for path, phrase in _keyword_phrases(case, option_path):
        short = phrase.isascii() and len(normalise(phrase)) < 2
        if _SPLIT_NUMBER.search(phrase) or short:
            yield (
                path,
                f"keyword '{phrase}' looks cut off: a comma inside [...] splits a phrase "
                "(quote it: 'NT$4,000 cheaper'); a one-letter phrase matches too much",
                "error",
            )

    stock = [fold(text) for text in (*STOCK_REFLECTIONS.values(), *STUFFED_REFLECTIONS.values())]
    for i, prompt in enumerate(case.steps.reflecting.prompts):
        where: Path_ = ("steps", "reflecting", "prompts", i)
        if len(prompt.rubric) < 2:
            yield where, f"prompt '{prompt.id}' needs at least 2 rubric points", "error"
        for point in prompt.rubric:
            if not point.any:
                yield where, f"rubric point '{point.id}' has no phrases", "error"
            elif not specific(point.any):
                yield (
                    where,
                    f"rubric point '{point.id}' has only generic phrases (refund, supervisor, "
                    "training, 道歉, 主管…), which fit every case and are ignored: add a "
                    "phrase specific to this case",
                    "error",
                )
            elif any(mentions(text, point.any) for text in stock):
                yield (
                    where,
                    f"rubric point '{point.id}' is matched by a generic stock reflection: "
                    "use phrases specific to this case",
                    "error",
                )

    for group, options in case.option_groups().items():
        for option in options:
            if option.rated_quality is not Quality.best:
                continue
            if not (option.requires or option.requires_facts or option.when):
                continue
            gate = (set(option.requires), set(option.requires_facts), option.when)
            decoys = [
                o
                for o in options
                if o.rated_quality is not Quality.best
                and (set(o.requires), set(o.requires_facts), o.when) == gate
            ]
            if not decoys and group != "follow_ups":
                yield (
                    option_path[option.id],
                    f"locked best option '{option.id}' is the only option behind its "
                    "prerequisites: lock a plausible weak option behind the same ones",
                    "error",
                )

    for lang in LANGUAGES:
        for cue in list_cues(case, lang):
            if cue.glaring:
                yield (
                    option_path[cue.best_id],
                    f"the best {cue.group[:-1].replace('_', ' ')} '{cue.best_id}' is longer "
                    f"than every other option by more than {LONGEST_MARGIN:.0%} in {lang} "
                    f"({cue.best_len} vs {cue.longest_other} characters): length gives it away",
                    "warning",
                )

    if not any(v for o in case.all_options() for v in o.variants if _is_mood_band(v.when)):
        yield (
            ("steps",),
            "no customer reply varies with mood: add mood-band variants at the key moments",
            "warning",
        )


#: "000 cheaper": the tail of "NT$4,000 cheaper" written unquoted in a flow list.
_SPLIT_NUMBER = re.compile(r"^\d{3}\s+[a-z]{3,}", re.IGNORECASE)


def _keyword_phrases(case: Case, option_path: dict[str, Path_]) -> Iterator[tuple[Path_, str]]:
    for i, fact in enumerate(case.facts):
        for phrase in fact.keywords.all():
            yield ("facts", i, "keywords"), phrase
    for option in case.all_options():
        for phrase in option.keywords.all():
            yield (*option_path[option.id], "keywords"), phrase
    for i, prompt in enumerate(case.steps.reflecting.prompts):
        for point in prompt.rubric:
            for phrase in point.any.all():
                yield ("steps", "reflecting", "prompts", i, "rubric"), phrase


def _is_mood_band(condition: Condition) -> bool:
    return condition.mood_min is not None or condition.mood_max is not None


def _prerequisite_problems(
    case: Case, option: Option, option_rank: dict[str, int], revealed_by: dict[str, int]
) -> Iterator[tuple[str, str]]:
    """(field, message) for each prerequisite of `option` that can never be met."""
    rank = option_rank[option.id]
    offer_ids = {o.id for o in case.steps.resolving.offers}
    for required in option.requires:
        if required not in option_rank:
            yield "requires", f"option '{option.id}' requires unknown option '{required}'"
        elif option_rank[required] > rank or required in offer_ids or required == option.id:
            yield (
                "requires",
                f"option '{option.id}' requires '{required}', which can never be chosen before it",
            )
    for fact in option.requires_facts:
        if fact not in revealed_by:
            yield (
                "requires_facts",
                f"option '{option.id}' requires fact '{fact}', which nothing reveals",
            )
        elif revealed_by[fact] > rank:
            yield (
                "requires_facts",
                f"option '{option.id}' requires fact '{fact}', which is only revealed in a later step",
            )


def _missing_english(case: Case) -> Iterator[Path_]:
    def walk(value: Any, path: Path_) -> Iterator[Path_]:
        if isinstance(value, LText):
            if not value.en:
                yield path
        elif isinstance(value, BaseModel):
            for field_name in type(value).model_fields:
                key = "zh-TW" if field_name == "zh" else field_name
                yield from walk(getattr(value, field_name), (*path, key))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                yield from walk(item, (*path, i))
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*path, key))

    yield from walk(case, ())
