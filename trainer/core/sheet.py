"""The reflection sheet (反思單) of one attempt, as plain data.

Built from the case, the replayed session state and the logged decisions; the Qt
view, the PDF and the exports all render this same structure, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trainer.core.engine import SessionState
from trainer.core.model import Case, Fact
from trainer.core.reflection import check_reflection
from trainer.core.scoring import IndicatorScore, ScoreCard, score_session, stars
from trainer.core.vocab import (
    GROUP_PURPOSE,
    INDICATOR_LABELS,
    INDICATORS,
    OUTCOMES,
    indicator_text,
)


@dataclass(frozen=True)
class Evidence:
    seq: int
    indicator: str
    action: str
    option_id: str | None
    text: str
    quality: str | None
    think_ms: int
    free_text: str | None


@dataclass(frozen=True)
class SheetRow:
    indicator: str
    label: str
    behaviour: str
    score: int
    reason: str
    self_rating: int | None
    system_stars: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class PathStep:
    option_id: str
    text: str
    quality: str


@dataclass(frozen=True)
class ExpertMove:
    """One move of the expert path, compared by purpose with what the learner did.

    `made_at` is the learner's decision number (seq) when they made the same move,
    None if they never did; `instead` lists what they chose for the same purpose.
    """

    purpose: str
    expert: PathStep
    made_at: int | None
    instead: tuple[PathStep, ...]


@dataclass(frozen=True)
class Concept:
    """A rubric point of a 3.5 prompt and whether the learner's reflection covered it."""

    prompt: str
    label: str
    covered: bool


@dataclass
class ReflectionSheet:
    attempt_id: str
    learner_name: str
    student_no: str | None
    class_name: str | None
    case_id: str
    case_title: str
    setting: str
    complaint_type: str
    mode: str
    started_at: str
    finished_at: str | None
    finished: bool
    outcome: str | None
    outcome_label: str
    escalated: bool
    escalation_reason: str | None
    total: int
    rows: list[SheetRow]
    facts_found: list[Fact]
    facts_missed: list[Fact]
    mood_curve: list[int]
    cost: int
    authority: int
    authority_limit: int
    transaction_value: int
    margin_value: int
    sim_minutes: int
    target_minutes: int
    learner_path: list[PathStep]
    expert_path: list[PathStep]
    divergence: int | None
    reflections: list[tuple[str, str, str]] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)
    lang: str = "zh-TW"
    expert_moves: list[ExpertMove] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    #: An observed role-play's observer part (trainer.roleplay.sheet.observation_view);
    #: None for played attempts.
    observation: dict[str, Any] | None = None


def _path_step(case: Case, option_id: str, lang: str) -> PathStep:
    option = case.option(option_id)
    return PathStep(option_id, option.text.get(lang), option.rated_quality.value)


def _decision_text(case: Case, row: dict[str, Any], lang: str) -> str:
    if row.get("option_id") and row["action"] == "choose":
        return case.option(str(row["option_id"])).text.get(lang)
    labels = {
        "advance": ("結束提問，進入釐清", "Finished questioning"),
        "report": ("提交內部回饋報告", "Submitted the internal report"),
        "reflect": ("提交反思與自評", "Submitted the reflection and self-ratings"),
    }
    name = str(row["action"])
    zh, en = labels.get(name, (name, name))
    return en if lang == "en" else zh


def _group_of(case: Case) -> dict[str, str]:
    return {o.id: g for g, options in case.option_groups().items() for o in options}


def expert_moves(case: Case, learner_seq: list[tuple[str, int]], lang: str) -> list[ExpertMove]:
    """For each expert move: did the learner make it, when, and what instead."""
    group_of = _group_of(case)
    when = {option_id: seq for option_id, seq in learner_seq}
    moves: list[ExpertMove] = []
    for option_id in case.expert_path:
        group = group_of.get(option_id)
        if group is None:
            continue
        instead = tuple(
            _path_step(case, other, lang)
            for other, _ in learner_seq
            if group_of.get(other) == group and other not in case.expert_path
        )
        moves.append(
            ExpertMove(
                purpose=GROUP_PURPOSE[group]["en" if lang == "en" else "zh-TW"],
                expert=_path_step(case, option_id, lang),
                made_at=when.get(option_id),
                instead=instead if option_id not in when else (),
            )
        )
    return moves


def concepts(case: Case, state: SessionState, lang: str) -> list[Concept]:
    covered = {p.id for p in check_reflection(case, state).covered}
    return [
        Concept(prompt.text.get(lang), point.label.get(lang), point.id in covered)
        for prompt in case.steps.reflecting.prompts
        for point in prompt.rubric
    ]


def header_fields(
    case: Case, attempt: dict[str, Any], learner: dict[str, Any], lang: str
) -> dict[str, Any]:
    """Who, which case and when: the sheet fields every kind of attempt shares."""
    return {
        "attempt_id": str(attempt["id"]),
        "learner_name": str(learner.get("display_name") or ""),
        "student_no": learner.get("student_no"),
        "class_name": learner.get("class_name"),
        "case_id": case.id,
        "case_title": case.title.get(lang),
        "setting": case.setting,
        "complaint_type": case.complaint_type,
        "started_at": str(attempt.get("started_at") or ""),
        "finished_at": attempt.get("finished_at"),
    }


def indicator_rows(
    card: ScoreCard,
    ratings: dict[str, int],
    evidence: dict[str, list[Evidence]],
    lang: str,
) -> list[SheetRow]:
    """One row per indicator 3.1–3.5 (played and observed attempts alike)."""
    return [
        SheetRow(
            indicator=i,
            label=INDICATOR_LABELS[i]["en" if lang == "en" else "zh-TW"],
            behaviour=indicator_text(i, lang),
            score=card.scores[i].score,
            reason=card.scores[i].reason(lang),
            self_rating=ratings.get(i),
            system_stars=stars(card.scores[i].score),
            evidence=tuple(evidence.get(i, [])),
        )
        for i in INDICATORS
    ]


def reflection_rows(
    case: Case, reflection: dict[str, Any], lang: str
) -> list[tuple[str, str, str]]:
    """(prompt, the learner's answer, the model answer) for each 3.5 prompt."""
    answers: dict[str, str] = reflection.get("answers") or {}
    model = case.steps.reflecting.model_reflection
    return [
        (p.text.get(lang), answers.get(p.id, ""), model[p.id].get(lang) if p.id in model else "")
        for p in case.steps.reflecting.prompts
    ]


def report_rows_view(case: Case, report: dict[str, Any], lang: str) -> dict[str, Any]:
    """The internal report in words (empty when none was filed)."""
    if not report:
        return {}
    recipients = {r.id: r.label.get(lang) for r in case.steps.feedback.recipients}
    return {
        "root_cause": case.option(report["root_cause"]).text.get(lang),
        "recipients": [recipients.get(r, r) for r in report.get("recipients", [])],
        "preventive": report.get("preventive", ""),
        "profile_note": report.get("profile_note", ""),
    }


def build_sheet(
    case: Case,
    state: SessionState,
    decisions: list[dict[str, Any]],
    attempt: dict[str, Any],
    learner: dict[str, Any],
    lang: str = "zh-TW",
    graded: dict[str, dict[str, Any]] | None = None,
) -> ReflectionSheet:
    """The sheet of one attempt.

    `graded` holds the scores stored when the attempt was completed (indicator ->
    row with score, reason_zh, reason_en). When given for every indicator they are
    shown as recorded: a graded record never changes because the scoring model or
    the case was revised later.
    """
    card = score_session(case, state)
    if graded and all(i in graded for i in INDICATORS):
        card = ScoreCard(
            scores={
                i: IndicatorScore(
                    i,
                    int(graded[i]["score"]),
                    str(graded[i].get("reason_zh") or ""),
                    str(graded[i].get("reason_en") or ""),
                )
                for i in INDICATORS
            },
            total=int(
                attempt.get("total") or round(sum(int(graded[i]["score"]) for i in INDICATORS) / 5)
            ),
            outcome=card.outcome,
        )
    reflection = state.reflection or {}
    ratings: dict[str, int] = reflection.get("self_ratings") or {}
    evidence: dict[str, list[Evidence]] = {i: [] for i in INDICATORS}
    for row in decisions:
        indicator = row.get("indicator") or "3.1"
        evidence.setdefault(indicator, []).append(
            Evidence(
                seq=int(row["seq"]),
                indicator=indicator,
                action=row["action"],
                option_id=row.get("option_id"),
                text=_decision_text(case, row, lang),
                quality=row.get("quality"),
                think_ms=int(row.get("think_ms") or 0),
                free_text=row.get("free_text"),
            )
        )
    rows = indicator_rows(card, ratings, evidence, lang)
    found = [case.fact(f) for f in state.facts]
    missed = [f for f in case.facts if f.id not in set(state.facts)]
    learner_seq = [
        (str(d["option_id"]), int(d["seq"]))
        for d in decisions
        if d["action"] in ("choose", "report") and d.get("option_id")
    ]
    learner_ids = [
        d["option_id"] for d in decisions if d["action"] == "choose" and d.get("option_id")
    ]
    report = state.report or {}
    if report.get("root_cause"):
        learner_ids.append(report["root_cause"])
    learner_path = [_path_step(case, i, lang) for i in learner_ids]
    expert_path = [_path_step(case, i, lang) for i in case.expert_path]
    divergence = None
    for index, expert_step in enumerate(expert_path):
        if index >= len(learner_path) or learner_path[index].option_id != expert_step.option_id:
            divergence = index
            break
    reflections = reflection_rows(case, reflection, lang)
    report_view = report_rows_view(case, report, lang)
    outcome = state.outcome
    outcome_label = OUTCOMES.get(outcome or "", "進行中" if lang != "en" else "in progress")
    if lang == "en":
        outcome_label = (outcome or "in progress").replace("_", " ")
    return ReflectionSheet(
        **header_fields(case, attempt, learner, lang),
        mode=str(attempt.get("mode") or "practice"),
        finished=state.finished,
        outcome=outcome,
        outcome_label=outcome_label,
        escalated=state.escalated,
        escalation_reason=state.escalation_reason,
        total=card.total,
        rows=rows,
        facts_found=found,
        facts_missed=missed,
        mood_curve=list(state.mood_curve),
        cost=state.cost,
        authority=state.authority,
        authority_limit=case.business.authority_limit,
        transaction_value=case.business.transaction_value,
        margin_value=case.business.margin_value,
        sim_minutes=state.minutes,
        target_minutes=case.business.target_minutes,
        learner_path=learner_path,
        expert_path=expert_path,
        divergence=divergence,
        reflections=reflections,
        report=report_view,
        lang=lang,
        expert_moves=expert_moves(case, learner_seq, lang),
        concepts=concepts(case, state, lang) if state.reflection else [],
    )
