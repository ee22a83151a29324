"""How a 3.5 answer is matched against rubric phrases: folding, whole English words,
and generic complaint vocabulary that never counts."""

from __future__ import annotations

import pytest

from tests.conftest import CASES_DIR
from trainer.core.generic_terms import GENERIC_VOCABULARY, STUFFED_REFLECTIONS
from trainer.core.lint import lint_case
from trainer.core.loader import load_library
from trainer.core.model import Keywords
from trainer.core.reflection import fold, is_generic, mentions, specific, without_copies


def _kw(zh: tuple[str, ...] = (), en: tuple[str, ...] = ()) -> Keywords:
    return Keywords(zh=zh, en=en)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I should have read the Seat Map first", True),
        ("the seat-map had no flag", True),
        ("the seatmap had no flag", True),
        ("ｓｅａｔ　ｍａｐ", True),  # full-width letters and space
        ("the seats were mapped badly", False),
    ],
)
def test_english_phrases_fold_width_case_and_dashes(text: str, found: bool) -> None:
    assert mentions(fold(text), _kw(en=("seat map",))) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("they had to catch the train", True),
        ("two trains were late", True),
        ("new-staff training", False),  # "train" is not in "training"
        ("he was constrained", False),
    ],
)
def test_english_phrases_match_whole_words_with_plural_or_past_endings(
    text: str, found: bool
) -> None:
    assert mentions(fold(text), _kw(en=("train",))) is found


def test_a_stem_takes_its_endings_but_an_amount_is_exact() -> None:
    for text in ("we charged twice", "a double charge", "two charges"):
        assert mentions(fold(text), _kw(en=("charg",))), text
    assert not mentions(fold("charging"), _kw(en=("charg",)))
    assert mentions(fold("about NT$450 in all"), _kw(en=("NT$450",)))
    assert not mentions(fold("about NT$4500 in all"), _kw(en=("NT$450",)))
    assert not mentions(fold("NT$1450"), _kw(en=("450",)))


def test_chinese_phrases_match_anywhere_and_ignore_spaces() -> None:
    assert mentions(fold("我應該先看 座位 圖"), _kw(zh=("座位圖",)))
    assert mentions(fold("共約 NT$450，在權限內"), _kw(zh=("450",)))
    assert not mentions(fold("共約 NT$4500"), _kw(zh=("450",)))


def test_generic_vocabulary_is_no_evidence_in_either_language() -> None:
    for phrase in ("主管", "毛利", "退款", "supervisor", "refund", "margin", "approv"):
        assert is_generic(phrase), phrase
    for phrase in ("視線受限", "座位圖", "seat map", "NT$450", "train", "induction"):
        assert not is_generic(phrase), phrase
    keywords = _kw(zh=("主管", "先請示"), en=("supervisor",))
    assert specific(keywords)
    assert not mentions(fold("我找了主管 supervisor"), keywords)
    assert mentions(fold("我先請示值班經理"), keywords)
    assert not specific(_kw(zh=("退款", "毛利"), en=("refund",)))


def test_every_vocabulary_item_is_generic_and_the_stuffed_answer_mentions_nothing() -> None:
    for items in GENERIC_VOCABULARY.values():
        assert all(is_generic(item) for item in items)
    keywords = _kw(zh=tuple(GENERIC_VOCABULARY["zh-TW"]), en=tuple(GENERIC_VOCABULARY["en"]))
    assert not specific(keywords)
    for text in STUFFED_REFLECTIONS.values():
        assert not mentions(fold(text), _kw(zh=("退款",), en=("refund",)))


def test_copied_runs_are_blanked_in_both_the_chinese_and_the_english_view() -> None:
    case = load_library([CASES_DIR]).get("musical-obstructed-seat").case
    feedback = next(o.feedback for o in case.all_options() if o.feedback.has("en"))
    copied = fold("My own words. " + feedback.get("en"))
    blanked = without_copies(case, copied)
    assert blanked.words.startswith("my own words.")
    assert "\x00" * 10 in blanked.words and "\x00" * 10 in blanked.chars
    assert blanked.words.replace(" ", "") == blanked.chars


def test_lint_refuses_a_rubric_point_made_only_of_generic_phrases(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = (CASES_DIR / "beitou-hot-spring-cold-water.yaml").read_text(encoding="utf-8")
    start = source.index("          - id: approval_policy")
    end = source.index("      - id: not_money")
    generic_point = (
        "          - id: approval_policy\n"
        "            label:\n"
        "              zh-TW: 升等依規定須值班經理核准\n"
        "              en: upgrades need the duty manager's approval by policy\n"
        "            any:\n"
        "              zh-TW: [值班經理, 核准, 規定]\n"
        "              en: [duty manager, approv, policy]\n"
    )
    path = tmp_path / "beitou-hot-spring-cold-water.yaml"
    path.write_text(source[:start] + generic_point + source[end:], encoding="utf-8")
    loaded = load_library([tmp_path]).get("beitou-hot-spring-cold-water")
    messages = [p.message for p in lint_case(loaded) if p.severity == "error"]
    assert any("'approval_policy' has only generic phrases" in m for m in messages), messages
