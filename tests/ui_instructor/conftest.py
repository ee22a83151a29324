"""Fixtures for the instructor area: two learners' logs made through the CLI on
their own "laptops", a class data dir, and the instructor window with every modal
prompt replaced."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from trainer.service import Workspace
from trainer.store.schema import DATA_TABLES
from trainer.ui import dialogs
from trainer.ui.instructor import open_instructor_area, pin_dialog
from trainer.ui.instructor.window import InstructorWindow

CASE = "beitou-hot-spring-cold-water"
MARKUP = '<b>x</b><img src="file:///etc/passwd">'
PIN = "2468"


@dataclass(frozen=True)
class Logs:
    expert: Path  # 王小明 played the expert path
    markup: Path  # a learner whose name is markup played the worst path


def _play(root: Path, learner: str, policy: str, student_no: str) -> Path:
    done = run_cli("play", CASE, "--auto", policy, "--learner", learner, data=root)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(root / "trainer.db") as conn:  # what a learner types at sign-up
        # distinct numbers: the same number would make them one learner (trainer.store.roster)
        conn.execute("update learners set student_no = ?, class_name = '觀光一甲'", [student_no])
    conn.close()
    return root / "trainer.db"


@pytest.fixture(scope="session")
def logs(tmp_path_factory: pytest.TempPathFactory) -> Logs:
    """Each learner's own trainer.db, as brought in on a USB stick."""
    base = tmp_path_factory.mktemp("laptops")
    return Logs(
        _play(base / "laptop1", "王小明", "expert", "S1001"),
        _play(base / "laptop2", MARKUP, "worst", "S1002"),
    )


def digest(db_path: Path) -> str:
    """Every data table's rows, order-independent (to prove nothing changed)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for table in (*DATA_TABLES, "attempt_reviews"):
            for row in conn.execute(f"select * from [{table}] order by id"):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Replace the modal helpers; record what would have been shown."""
    seen: dict[str, list[Any]] = {"info": [], "error": [], "pin": [], "new_pin": []}
    monkeypatch.setattr(dialogs, "info", lambda p, t, x: seen["info"].append(x))
    monkeypatch.setattr(dialogs, "error", lambda p, t, d=None: seen["error"].append(t))
    monkeypatch.setattr(pin_dialog, "ask_new_pin", lambda p: seen["new_pin"].append(1) or PIN)
    monkeypatch.setattr(pin_dialog, "ask_pin", lambda p: seen["pin"].append(1) or PIN)
    return seen


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    ws = Workspace.open(data_dir)
    yield ws
    ws.close()


@pytest.fixture
def area(qtbot: Any, workspace: Workspace, shown: dict[str, list[Any]]) -> InstructorWindow:
    """The instructor window, opened through the public entry point."""
    window = open_instructor_area(None, workspace)
    assert window is not None
    qtbot.addWidget(window)
    return window


def wait_idle(qtbot: Any, window: InstructorWindow) -> None:
    qtbot.waitUntil(
        lambda: not window.imports.runner.is_busy and not window.exports.runner.is_busy,
        timeout=60_000,
    )
