"""Shared test setup: offscreen Qt, isolated data directories, the slow marker."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Before anything imports Qt: no screen in CI, and never the user's real data.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TRAINER_DATA_DIR", None)

# The default suite replays the same property examples every run, so a landing never
# hangs on the luck of the draw; HYPOTHESIS_PROFILE=explore draws new ones (hunting).
hypothesis_settings.register_profile("repeatable", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parent.parent
CASES_DIR = REPO / "data" / "cases"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow") or config.getoption("-m") == "slow":
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def fixed_option_orders(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attempts started in-process draw their option-order seed from a fixed sequence.

    Real attempts draw a random seed; a test that presses "1" must press the same
    option on every run, or it passes or fails by the luck of the shuffle. Set
    TRAINER_TEST_SEED to try the suite on another sequence.
    """
    seeds = itertools.count(int(os.environ.get("TRAINER_TEST_SEED", "20261201")))
    monkeypatch.setattr("trainer.service.new_order_seed", lambda: next(seeds))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data directory, also exported as TRAINER_DATA_DIR."""
    root = tmp_path / "data"
    root.mkdir()
    monkeypatch.setenv("TRAINER_DATA_DIR", str(root))
    return root


def run_cli(
    *args: str, data: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `python -m trainer ...` in a subprocess, as a user would."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    cmd = [sys.executable, "-m", "trainer"]
    if data is not None:
        cmd += ["--data-dir", str(data)]
    return subprocess.run(
        [*cmd, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def cli():  # type: ignore[no-untyped-def]
    return run_cli
