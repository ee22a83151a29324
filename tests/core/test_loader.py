"""Malformed and hostile case files are refused with FILE:LINE errors, never tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CASES_DIR
from trainer.core.loader import MAX_CASE_BYTES, CaseError, load_case_bytes, load_case_file

SAMPLE = CASES_DIR / "beitou-hot-spring-cold-water.yaml"


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def refuse(data: bytes | str) -> CaseError:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(CaseError) as info:
        load_case_bytes(raw, "bad.yaml")
    for problem in info.value.problems:
        assert str(problem).startswith("bad.yaml:")
        assert problem.line >= 1
    return info.value


def test_sample_case_loads() -> None:
    """The annotated example case loads and has a stable digest."""
    loaded = load_case_file(SAMPLE)
    assert loaded.case.id == "beitou-hot-spring-cold-water"
    assert len(loaded.digest) == 64


def test_syntax_error_reports_its_line() -> None:
    """A YAML syntax error names the line where the parser stopped."""
    error = refuse("id: x\ntitle: [unclosed\nsetting: accommodation\n")
    assert "YAML error" in str(error)


def test_alias_bomb_is_refused() -> None:
    """Anchors and aliases (billion laughs) are refused before expansion."""
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b]\n"
    error = refuse(bomb)
    assert error.problems[0].line == 1
    assert "anchors" in error.problems[0].message


def test_alias_alone_is_refused() -> None:
    error = refuse("a: 1\nb: *x\n")
    assert "alias" in error.problems[0].message.lower() or "YAML error" in str(error)


def test_merge_keys_refused() -> None:
    error = refuse("a:\n  <<: {b: 1}\n")
    assert "merge" in str(error)


@pytest.mark.parametrize(
    "payload",
    [
        "id: !!python/object/apply:os.system ['echo hacked']\n",
        "id: !!python/name:os.system\n",
        "x: !custom 1\n",
        "x: !!set {a, b}\n",
    ],
)
def test_python_and_custom_tags_refused(payload: str) -> None:
    """No YAML tag can construct Python objects or anything beyond plain data."""
    error = refuse(payload)
    assert "tag" in str(error).lower() or "YAML error" in str(error)


def test_duplicate_key_reports_second_line() -> None:
    text = sample_text().replace("difficulty: 1\n", "difficulty: 1\ndifficulty: 2\n", 1)
    error = refuse(text)
    line = text.splitlines().index("difficulty: 2") + 1
    assert error.problems[0].line == line
    assert "duplicate key 'difficulty'" in error.problems[0].message


def test_wrong_type_points_at_the_field() -> None:
    """A schema error names the field path and the line of the offending node."""
    text = sample_text().replace("difficulty: 1\n", "difficulty: hard\n", 1)
    error = refuse(text)
    line = text.splitlines().index("difficulty: hard") + 1
    assert any(p.line == line and "difficulty" in p.message for p in error.problems)


def test_unknown_setting_is_explained() -> None:
    text = sample_text().replace("setting: accommodation", "setting: spaceport", 1)
    error = refuse(text)
    assert any("unknown setting 'spaceport'" in p.message for p in error.problems)


def test_missing_required_field() -> None:
    text = sample_text().replace("complaint_type: defect\n", "", 1)
    error = refuse(text)
    assert any("complaint_type" in p.message for p in error.problems)


@pytest.mark.parametrize(
    "blob",
    [
        b"\x00\x01\x02binary",
        b"\xff\xfe\xfa not utf-8",
        b"PK\x03\x04" + bytes(range(256)),
        b"",
        b"- just\n- a list\n",
        b"plain scalar",
    ],
)
def test_binary_and_non_mapping_junk(blob: bytes) -> None:
    refuse(blob)


def test_size_cap() -> None:
    error = refuse(b"a: " + b"x" * (MAX_CASE_BYTES + 10))
    assert "limit" in error.problems[0].message


def test_deep_nesting_is_refused() -> None:
    error = refuse("a: " + "[" * 200 + "]" * 200 + "\n")
    assert error.problems


def test_unreadable_path(tmp_path: Path) -> None:
    with pytest.raises(CaseError) as info:
        load_case_file(tmp_path / "missing.yaml")
    assert "cannot read" in str(info.value)


def test_fuzz_corpus_is_refused_cleanly() -> None:
    """Every hostile file under tests/fuzz_corpus/cases is refused by the loader or the linter."""
    corpus = Path(__file__).resolve().parents[1] / "fuzz_corpus" / "cases"
    files = sorted(corpus.glob("*")) if corpus.is_dir() else []
    for path in files:
        try:
            loaded = load_case_file(path)
        except CaseError:
            continue
        # Schema-valid but wrong (e.g. a dangling id): the linter must catch it.
        from trainer.core.lint import lint_case

        assert lint_case(loaded), f"{path.name} passed both the loader and the linter"
