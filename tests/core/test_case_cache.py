"""The validated-case cache: same cases, faster; never a way around validation."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import CASES_DIR
from trainer.core.loader import load_library

SAMPLE = "beitou-hot-spring-cold-water.yaml"


def copy_sample(folder: Path) -> Path:
    folder.mkdir()
    return Path(shutil.copy(CASES_DIR / SAMPLE, folder / SAMPLE))


def test_cached_load_equals_fresh_load(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    copy_sample(cases)
    cache = tmp_path / "cache"
    fresh = load_library([cases])
    first = load_library([cases], cache)
    assert len(list(cache.glob("*.json"))) == 1
    second = load_library([cases], cache)
    case_id = SAMPLE.removesuffix(".yaml")
    assert fresh.get(case_id).case == first.get(case_id).case == second.get(case_id).case
    assert second.get(case_id).digest == fresh.get(case_id).digest


def test_edited_case_misses_the_cache_and_old_entries_are_pruned(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    path = copy_sample(cases)
    cache = tmp_path / "cache"
    load_library([cases], cache)
    path.write_text(
        path.read_text(encoding="utf-8").replace("difficulty: 1", "difficulty: 2"), encoding="utf-8"
    )
    library = load_library([cases], cache)
    assert library.get("beitou-hot-spring-cold-water").case.difficulty == 2
    assert len(list(cache.glob("*.json"))) == 1


def test_tampered_cache_entry_is_revalidated(tmp_path: Path) -> None:
    """A cache entry that fails validation is ignored and rebuilt from the file."""
    cases = tmp_path / "cases"
    copy_sample(cases)
    cache = tmp_path / "cache"
    load_library([cases], cache)
    entry = next(cache.glob("*.json"))
    entry.write_text('{"id": "evil", "difficulty": 99}', encoding="utf-8")
    library = load_library([cases], cache)
    assert list(library.cases) == ["beitou-hot-spring-cold-water"] and not library.broken
    assert "evil" not in entry.read_text(encoding="utf-8")


def test_broken_file_is_still_reported_with_a_cache(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    library = load_library([cases], tmp_path / "cache")
    assert list(library.broken) == [str(cases / "bad.yaml")]


def test_unwritable_cache_is_harmless(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    copy_sample(cases)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    library = load_library([cases], blocker)
    assert len(library.cases) == 1 and not library.broken
