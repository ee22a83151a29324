"""Every bundled case validates, lints clean, and plays on expert, worst and random paths."""

from __future__ import annotations

import pytest

from tests.conftest import CASES_DIR
from trainer.core.autoplay import ExpertPolicy, RandomPolicy, WorstPolicy, play_through
from trainer.core.coverage import Coverage, render_report
from trainer.core.lint import lint_case
from trainer.core.loader import case_files, load_case_file, load_library
from trainer.core.scoring import score_session

FILES = case_files([CASES_DIR])


def test_library_loads_without_broken_files() -> None:
    library = load_library([CASES_DIR])
    assert not library.broken, {k: str(v) for k, v in library.broken.items()}
    assert len(library.cases) == len(FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_case_lints_clean(path) -> None:  # type: ignore[no-untyped-def]
    loaded = load_case_file(path)
    assert [str(p) for p in lint_case(loaded)] == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_case_paths(path) -> None:  # type: ignore[no-untyped-def]
    """Expert ≥ 90 everywhere and resolved; worst ≤ 50 or escalated; seeds reproducible."""
    case = load_case_file(path).case
    expert = play_through(case, ExpertPolicy())
    card = score_session(case, expert.state)
    assert expert.state.outcome == "resolved" and not expert.state.escalated
    assert min(card.as_numbers().values()) >= 90, card.as_numbers()

    worst = play_through(case, WorstPolicy())
    assert worst.state.escalated or score_session(case, worst.state).total <= 50

    for seed in range(10):
        first = play_through(case, RandomPolicy(seed))
        again = play_through(case, RandomPolicy(seed))
        assert first.state.finished
        assert first.snapshot() == again.snapshot()


def test_case_quality_minimums() -> None:
    """Each case has the depth the library issue asks for."""
    for path in FILES:
        case = load_case_file(path).case
        s = case.steps
        kinds = {o.kind.value for o in s.questioning.questions}
        assert len(case.facts) >= 6, case.id
        assert len(case.key_facts) >= 3, case.id
        assert {f.kind for f in case.facts} == {"nature", "cause", "detail"}, case.id
        assert len(s.questioning.questions) >= 8, case.id
        for kind in (
            "open_question",
            "closed_question",
            "leading_question",
            "blaming_question",
            "irrelevant_question",
        ):
            assert kind in kinds, (case.id, kind)
        assert len(s.clarifying.paraphrases) >= 3, case.id
        tones = {o.kind.value for o in s.clarifying.tones}
        assert {"tone_empathetic", "tone_defensive", "tone_over_promising"} <= tones, case.id
        contacts = [
            o for o in case.all_options() if o.kind.value in ("contact_team", "contact_partner")
        ]
        assert len(contacts) >= 2, case.id
        assert len(s.resolving.offers) >= 4, case.id
        assert any(o.cost > case.business.authority_limit for o in s.resolving.offers), case.id
        assert len(s.feedback.root_causes) >= 3, case.id
        assert s.reflecting.prompts and s.reflecting.model_reflection, case.id


def test_library_coverage_has_no_gaps() -> None:
    """The coverage minimums of the case-library issue hold (see `cases report`)."""
    coverage = Coverage.of([c.case for c in load_library([CASES_DIR]).sorted_cases()])
    assert coverage.gaps() == [], render_report(coverage)


def test_coverage_detects_a_shrunken_library() -> None:
    """Dropping cases shows up as gaps, so the test above can fail."""
    cases = [c.case for c in load_library([CASES_DIR]).sorted_cases()]
    without_pricing = [c for c in cases if c.complaint_type != "pricing_error"]
    gaps = Coverage.of(without_pricing).gaps()
    assert any("pricing_error" in g for g in gaps)
    assert any("pricing / quotation" in g for g in gaps)


def test_cases_report_command(cli, data_dir) -> None:  # type: ignore[no-untyped-def]
    result = cli("cases", "report", data=data_dir)
    assert result.returncode == 0
    assert "expectation_gap" in result.stdout and "No gaps" in result.stdout


def test_follows_names_an_existing_earlier_case() -> None:
    library = load_library([CASES_DIR])
    follows = {c.case.id: c.case.follows for c in library.sorted_cases() if c.case.follows}
    assert follows, "at least one case continues an earlier one (a repeat complaint)"
    for case_id, earlier in follows.items():
        assert earlier in library.cases and earlier != case_id, (case_id, earlier)


def test_second_edition_topics_are_covered() -> None:
    """The formats and customers the second edition added are each in the library."""
    cases = {c.case.id: c.case for c in load_library([CASES_DIR]).sorted_cases()}
    assert len(cases) >= 34
    assert all("en" in c.languages for c in cases.values())
    segments = {c.customer.segment for c in cases.values()}
    assert {"manager", "other_department", "media"} <= segments
    targets = sorted(c.business.target_minutes for c in cases.values())
    assert targets[-1] >= 15 * 24 * 60  # a 15-day written-response standard
    assert any(24 * 60 <= t < 15 * 24 * 60 for t in targets)  # a 24-hour written reply
    needs = {n for c in cases.values() for n in c.customer.needs}
    assert "emergency_help" in needs
    tags = {t for c in cases.values() for t in c.tags}
    assert "foreign_visitor" in tags
    assert {"hearing_impaired", "visually_impaired"} & tags
    for case_id in (
        "guide-dog-restaurant-refusal",
        "cruise-two-families-conflict",
        "rental-car-late-return-fee",
        "beitou-hot-spring-repeat",
        "online-review-written-reply",
    ):
        assert case_id in cases, case_id
