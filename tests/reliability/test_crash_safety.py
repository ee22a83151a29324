"""Crash safety: SIGKILL headless attempts at random moments; nothing committed is lost.

The default suite runs 20 kills (two data folders in parallel); the slow suite runs
200. Set RELIABILITY_FIGURES=path.json to keep the figures for docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.reliability.kill_harness import Figures, run_trials
from trainer.core.loader import load_library
from trainer.paths import builtin_cases_dir

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _case_ids() -> list[str]:
    ids = sorted(load_library([builtin_cases_dir()]).cases)
    assert ids, "no playable built-in case"
    return ids


def _kill_campaign(tmp_path: Path, kills: int, folders: int, seed: int) -> Figures:
    case_ids = _case_ids()
    share = [kills // folders + (i < kills % folders) for i in range(folders)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        parts = list(
            pool.map(
                lambda i: run_trials(tmp_path / f"data{i}", case_ids, share[i], seed + i),
                range(folders),
            )
        )
    total = Figures()
    for part in parts:
        total.merge(part)
    target = os.environ.get("RELIABILITY_FIGURES")
    if target:
        Path(target).write_text(json.dumps(total.summary(), indent=2), encoding="utf-8")
    print(json.dumps(total.summary()))
    return total


def _assert_nothing_lost(figures: Figures, kills: int) -> None:
    assert figures.kills == kills
    assert figures.problems == []
    assert figures.lost == 0
    assert figures.half_written == 0
    assert figures.integrity_failures == 0
    assert figures.resume_failures == 0
    # The campaign must actually have killed mid-attempt, not only during start-up.
    assert figures.reported > kills
    assert figures.resumes > 0


def test_twenty_kills_lose_no_decision(tmp_path: Path) -> None:
    """20 random SIGKILLs: integrity ok, every reported decision stored, all resumable."""
    figures = _kill_campaign(tmp_path, kills=20, folders=2, seed=20240611)
    _assert_nothing_lost(figures, 20)


@pytest.mark.slow
def test_two_hundred_kills_lose_no_decision(tmp_path: Path) -> None:
    """The long campaign behind the figures in docs/reliability.md."""
    figures = _kill_campaign(tmp_path, kills=200, folders=4, seed=7)
    _assert_nothing_lost(figures, 200)
