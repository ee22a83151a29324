"""The loader's messages name the likely cause and the values expected (issue 16)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import CASES_DIR
from trainer.core.loader import CaseError, load_case_bytes, parse_yaml

EXAMPLE = (CASES_DIR / "night-market-tour-price.yaml").read_text(encoding="utf-8")


def _syntax_error(text: str) -> str:
    with pytest.raises(CaseError) as info:
        parse_yaml(text.encode(), "f.yaml")
    return str(info.value)


def _schema_errors(text: str) -> list[str]:
    with pytest.raises(CaseError) as info:
        load_case_bytes(text.encode(), "f.yaml")
    return [p.message for p in info.value.problems]


def test_unquoted_colon_names_the_cause() -> None:
    message = _syntax_error("id: x\ntitle: Beitou: a lukewarm bath\n")
    assert message.startswith("f.yaml:2:")
    assert 'text containing ": "' in message and "double quotes" in message


def test_tab_names_the_cause() -> None:
    message = _syntax_error("customer:\n\tname: x\n")
    assert "f.yaml:2:" in message and "tab character" in message


@pytest.mark.parametrize("quote", ['"', "'"])
def test_unclosed_quote_points_at_its_line(quote: str) -> None:
    message = _syntax_error(f"id: x\ntitle: {quote}open\nsummary: y\n")
    assert message.startswith("f.yaml:2:")
    assert "unclosed quote" in message


def test_missing_field_says_which_values() -> None:
    text = EXAMPLE.replace("complaint_type: pricing_error\n", "", 1)
    messages = _schema_errors(text)
    assert any(
        m.startswith("complaint_type: missing") and "pricing_error" in m and "defect" in m
        for m in messages
    ), messages


def test_missing_number_gives_its_range() -> None:
    text = re.sub(r"(?m)^  mood: \d+\n", "", EXAMPLE, count=1)
    assert "customer.mood: missing (required); expected a whole number from 0 to 100" in (
        _schema_errors(text)
    )


def test_wrong_kind_lists_only_that_lists_kinds() -> None:
    text = EXAMPLE.replace("kind: open_question", "kind: open_questoin", 1)
    (message,) = [m for m in _schema_errors(text) if "kind" in m]
    assert "questions take" in message
    assert "open_question" in message and "contact_team" in message
    assert "paraphrase_accurate" not in message and "offer" not in message


def test_no_follow_on_noise_after_a_bad_item() -> None:
    text = re.sub(r"(?m)^  needs: .*$", "  needs: [bogus]", EXAMPLE, count=1)
    messages = _schema_errors(text)
    assert any("unknown need id 'bogus'" in m for m in messages)
    assert not any("at least 1 item" in m for m in messages), messages


def test_misspelt_field_suggests_the_right_one() -> None:
    text = EXAMPLE.replace("  margin_pct:", "  margin_pc:", 1)
    messages = _schema_errors(text)
    assert "business.margin_pc: unknown field 'margin_pc'; did you mean 'margin_pct'?" in messages
