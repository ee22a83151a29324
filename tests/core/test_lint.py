"""The linter finds what the schema cannot: dangling ids, dead facts, illegal paths."""

from __future__ import annotations

from tests.conftest import CASES_DIR
from trainer.core.lint import lint_case
from trainer.core.loader import load_case_bytes

TEXT = (CASES_DIR / "beitou-hot-spring-cold-water.yaml").read_text(encoding="utf-8")


def problems_for(text: str) -> list[str]:
    return [str(p) for p in lint_case(load_case_bytes(text.encode("utf-8"), "c.yaml"))]


def test_clean_case_has_no_problems() -> None:
    assert problems_for(TEXT) == []


def test_unknown_fact_in_reveals() -> None:
    text = TEXT.replace("reveals: [knee_pain]", "reveals: [knee_pains]", 1)
    found = problems_for(text)
    assert any("unknown fact 'knee_pains'" in p for p in found)
    assert any("'knee_pain' is never revealed" in p for p in found)


def test_prerequisite_that_cannot_be_met() -> None:
    text = TEXT.replace("requires: [q_call_engineering]", "requires: [fu_call_back]", 1)
    found = problems_for(text)
    assert any("can never be chosen before it" in p for p in found)


def test_unknown_option_in_expert_path() -> None:
    text = TEXT.replace("  - fu_call_back\n", "  - fu_call_bak\n", 1)
    assert any("unknown option 'fu_call_bak'" in p for p in problems_for(text))


def test_expert_path_that_is_not_legal() -> None:
    # The upgrade needs the manager's approval, which the path no longer asks for.
    text = TEXT.replace("  - a_consult_manager\n", "", 1)
    assert any("expert path is not legal" in p for p in problems_for(text))


def test_missing_english_is_reported_with_a_line() -> None:
    text = TEXT.replace("    en: Mr and Mrs Lin\n", "", 1)
    found = problems_for(text)
    assert any("no English" in p and p.startswith("c.yaml:") for p in found)


def test_step_that_can_get_stuck() -> None:
    text = TEXT.replace(
        "      - id: p_incomplete\n        kind: paraphrase_incomplete\n",
        "      - id: p_incomplete\n        kind: paraphrase_incomplete\n        requires_facts: [knee_pain]\n",
        1,
    )
    text = text.replace(
        "      - id: p_distorted\n        kind: paraphrase_distorted\n",
        "      - id: p_distorted\n        kind: paraphrase_distorted\n        requires_facts: [knee_pain]\n",
        1,
    )
    assert any("can get stuck" in p for p in problems_for(text))
