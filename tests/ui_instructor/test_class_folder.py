"""A class folder keeps merged learners behind the PIN; hand-in from the File menu."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.ui import conftest as ui_conftest
from tests.ui.conftest import open_window
from tests.ui_instructor.conftest import Logs
from trainer.exchange.handin import is_handin
from trainer.exchange.merge import merge_files
from trainer.store.roster import is_class_folder
from trainer.ui import handin_menu

no_modals = ui_conftest.no_modals  # the learner window's fixture


def test_merged_learners_never_reach_the_welcome_screen_of_a_class_folder(
    qtbot: Any, data_dir: Path, logs: Logs, no_modals: dict[str, list[Any]]
) -> None:
    done = run_cli("class", "init", "--name", "觀光一甲", data=data_dir)
    assert done.returncode == 0, done.stderr
    assert "class folder" in done.stdout
    merge_files(data_dir / "trainer.db", [logs.expert, logs.markup])
    window, workspace = open_window(qtbot, data_dir)
    try:
        assert is_class_folder(workspace.store.db)
        window.show_profiles()
        assert window.profiles.list.count() == 0  # two merged learners, none listed
        assert window.profiles.class_note.isVisibleTo(window.profiles)  # and says why
        merged = [r["id"] for r in workspace.store.learners()]
        assert len(merged) == 2
        window.choose_learner(merged[0])  # e.g. a stale last_learner_id
        assert window.learner is None
        assert window.stack.currentWidget() is window.profiles
        # a profile made here (the instructor trying a case) is listed
        window.create_learner("老師試玩", "", "")
        window.show_profiles()
        assert window.profiles.list.count() == 1
        assert window.learner is not None and window.learner["display_name"] == "老師試玩"
    finally:
        window.close()
        workspace.close()


def test_a_learner_folder_lists_everyone_as_before(
    qtbot: Any, data_dir: Path, no_modals: dict[str, list[Any]]
) -> None:
    for name in ("甲", "乙"):
        assert (
            run_cli(
                "play",
                "beitou-hot-spring-cold-water",
                "--auto",
                "expert",
                "--learner",
                name,
                data=data_dir,
            ).returncode
            == 0
        )
    window, workspace = open_window(qtbot, data_dir)
    try:
        window.show_profiles()
        assert window.profiles.list.count() == 2
        assert not window.profiles.class_note.isVisibleTo(window.profiles)
    finally:
        window.close()
        workspace.close()


def test_hand_in_from_the_file_menu_writes_a_snapshot_and_says_what(
    qtbot: Any,
    data_dir: Path,
    tmp_path: Path,
    no_modals: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, workspace = open_window(qtbot, data_dir)
    try:
        window.create_learner("王小明", "S1001", "觀光一甲")
        other = workspace.store.create_learner("林美華", "S1002", "觀光一甲")
        assert other
        stick = tmp_path / "usb"
        stick.mkdir()
        monkeypatch.setattr(handin_menu, "choose_folder", lambda parent: stick)
        opened: list[str] = []
        monkeypatch.setattr(
            handin_menu.QDesktopServices,
            "openUrl",
            lambda url: opened.append(url.toLocalFile()) or True,
        )
        actions = {a.text(): a for a in window.menuBar().actions()[0].menu().actions()}
        actions["繳交我的學習紀錄…"].trigger()
        files = list(stick.iterdir())
        assert [f.name for f in files] == [
            f"觀光一甲-S1001-王小明-{__import__('datetime').date.today().isoformat()}.handin.db"
        ]
        assert is_handin(files[0])
        assert "王小明" in no_modals["info"][-1] and "0 次作答" in no_modals["info"][-1]
        with sqlite3.connect(files[0]) as conn:  # only this learner, no instructor data
            assert conn.execute("select display_name from learners").fetchall() == [("王小明",)]
        conn.close()
        actions["開啟我的資料夾"].trigger()
        assert opened == [str(data_dir)]
        assert not no_modals["error"]
    finally:
        window.close()
        workspace.close()
