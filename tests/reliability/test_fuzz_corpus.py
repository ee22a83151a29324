"""Walk the committed fuzz corpus (tests/fuzz_corpus/): every hostile file is refused
with the project's own clear error; hostile *text* in a valid case still loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.core.lint import lint_case
from trainer.core.loader import CaseError, load_case_file
from trainer.exchange.packs import PackError, import_pack

CORPUS = Path(__file__).resolve().parents[1] / "fuzz_corpus"
BAD_CASES = sorted((CORPUS / "cases").iterdir())
TEXT_CASES = sorted((CORPUS / "valid_text").iterdir())
BAD_PACKS = sorted((CORPUS / "packs").iterdir())


def test_corpus_is_present() -> None:
    assert len(BAD_CASES) >= 30 and len(BAD_PACKS) >= 20 and TEXT_CASES


@pytest.mark.parametrize("path", BAD_CASES, ids=lambda p: p.name)
def test_hostile_case_file_is_refused_clearly(path: Path) -> None:
    """Refused by the loader (CaseError with FILE:LINE) or, if it parses, by lint."""
    try:
        loaded = load_case_file(path)
    except CaseError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == str(path) and problem.line >= 1 and problem.message
        return
    assert lint_case(loaded), f"{path.name} loaded and linted clean"


@pytest.mark.parametrize("path", TEXT_CASES, ids=lambda p: p.name)
def test_hostile_text_is_just_text(path: Path) -> None:
    loaded = load_case_file(path)
    assert lint_case(loaded) == []


@pytest.mark.parametrize("path", BAD_PACKS, ids=lambda p: p.name)
def test_hostile_pack_is_refused(path: Path, tmp_path: Path) -> None:
    with pytest.raises(PackError):
        import_pack(tmp_path, path)
    assert list(tmp_path.rglob("*")) == []
