"""Static and dynamic checks on a valid case: the things a schema cannot see.

- ids that point nowhere (facts, options, prompts);
- facts that no option reveals;
- options whose prerequisites can never be met, and steps that cannot be completed;
- an expert path that is not legal, escalates, or scores below 90 on an indicator;
- a worst path that neither escalates nor stays at or below 50 in total;
- English promised in `languages` but missing from some strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from trainer.core.autoplay import ExpertPathError, ExpertPolicy, WorstPolicy, play_through
from trainer.core.engine import IllegalAction
from trainer.core.loader import CaseProblem, LoadedCase, Path_
from trainer.core.model import Case, LText, Option
from trainer.core.scoring import score_session

EXPERT_MIN = 90
WORST_MAX_TOTAL = 50

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


def lint_case(loaded: LoadedCase) -> list[CaseProblem]:
    case = loaded.case
    name = loaded.source
    problems: list[CaseProblem] = []

    def report(path: Path_, message: str) -> None:
        problems.append(CaseProblem(name, loaded.line_of(path), message))

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

    if not problems:
        problems.extend(_path_problems(loaded, name))
    return problems


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


def _path_problems(loaded: LoadedCase, name: str) -> list[CaseProblem]:
    case = loaded.case
    problems: list[CaseProblem] = []
    line = loaded.line_of(("expert_path",))
    try:
        expert = play_through(case, ExpertPolicy())
    except (ExpertPathError, IllegalAction, RuntimeError) as exc:
        return [CaseProblem(name, line, f"expert path is not legal: {exc}")]
    if expert.state.escalated:
        problems.append(
            CaseProblem(name, line, f"expert path escalates ({expert.state.escalation_reason})")
        )
    if expert.state.outcome != "resolved":
        problems.append(
            CaseProblem(name, line, f"expert path ends '{expert.state.outcome}', not 'resolved'")
        )
    card = score_session(case, expert.state)
    for indicator, score in card.scores.items():
        if score.score < EXPERT_MIN:
            problems.append(
                CaseProblem(
                    name,
                    line,
                    f"expert path scores {score.score} on {indicator} (< {EXPERT_MIN}): {score.reason_en}",
                )
            )
    worst = play_through(case, WorstPolicy())
    worst_card = score_session(case, worst.state)
    if not worst.state.escalated and worst_card.total > WORST_MAX_TOTAL:
        problems.append(
            CaseProblem(
                name,
                loaded.line_of(("steps",)),
                f"worst path totals {worst_card.total} (> {WORST_MAX_TOTAL}) without escalating: "
                "poor options are too forgiving",
            )
        )
    return problems


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
