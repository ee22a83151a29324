"""Merging learner logs from the app: the summary says what was added and what
was already there, the dashboard follows, and a bad file changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.ui_instructor.conftest import MARKUP, Logs, digest, wait_idle
from trainer.ui.instructor import prompts
from trainer.ui.instructor.tables import row_id, texts
from trainer.ui.instructor.window import InstructorWindow


def summary_rows(area: InstructorWindow) -> dict[str, tuple[int, int, int]]:
    table = area.imports.table
    rows = texts(table)  # keyed by the table's name kept as the row id (the label is translated)
    return {str(row_id(table, i)): (int(r[1]), int(r[2]), int(r[3])) for i, r in enumerate(rows)}


def test_merge_two_logs_updates_summary_and_dashboard(
    qtbot: Any, area: InstructorWindow, logs: Logs, monkeypatch: Any
) -> None:
    """One log, then both: the second merge adds only the new learner and reports
    the first one's rows as already there; the dashboard counts both learners."""
    assert "0 位學習者" in area.dashboard.summary.text()
    monkeypatch.setattr(prompts, "choose_log_files", lambda parent: [logs.expert])
    area.tabs.setCurrentWidget(area.imports)
    area.imports.choose_button.click()
    assert area.imports.runner.is_busy and area.imports.busy.isVisible()
    assert not area.imports.choose_button.isEnabled()  # no second merge meanwhile
    wait_idle(qtbot, area)
    assert not area.imports.busy.isVisible()
    first = summary_rows(area)
    assert first["learners"] == (1, 0, 0) and first["decisions"][0] > 10
    assert "1 位學習者" in area.dashboard.summary.text()
    assert area.dashboard.chart.stats["3.1"].n == 1

    assert area.imports.merge([logs.expert, logs.markup])
    wait_idle(qtbot, area)
    second = summary_rows(area)
    assert second["learners"] == (1, 1, 0)
    assert second["decisions"][1] == first["decisions"][0]  # already there, not added again
    assert "已合併 2 個檔案" in area.imports.status.text()
    assert "2 位學習者" in area.dashboard.summary.text()
    stats = area.dashboard.chart.stats
    assert stats["3.1"].n == 2 and sum(stats["3.3"].distribution.values()) == 2
    # the worst-path learner is below the threshold; the expert is not
    below = texts(area.dashboard.below)
    assert [r[0] for r in below] == [MARKUP]
    cases = texts(area.dashboard.cases)
    assert len(cases) == 1 and cases[0][1:3] == ["2", "2"]
    assert texts(area.dashboard.mistakes), "the worst path's choices are listed"
    # the learners page lists both
    assert area.attempts.learners.count() == 2


def test_bad_file_is_refused_and_nothing_changes(
    qtbot: Any, area: InstructorWindow, logs: Logs, tmp_path: Path
) -> None:
    """A damaged file among good ones refuses the whole merge with a clear message."""
    area.imports.merge([logs.expert])
    wait_idle(qtbot, area)
    database = area.imports.database
    before = digest(database)
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00garbage" * 500)
    area.imports.merge([logs.markup, bad])
    wait_idle(qtbot, area)
    status = area.imports.status.text()
    assert "沒有合併任何資料" in status and "broken.db" in status
    assert area.imports.status.property("role") == "error"
    assert digest(database) == before
    assert area.attempts.learners.count() == 1

    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello", encoding="utf-8")
    area.imports.merge([text_file])
    wait_idle(qtbot, area)
    assert "notes.txt" in area.imports.status.text()
    assert digest(database) == before


def test_dropping_files_merges_them(
    qtbot: Any, area: InstructorWindow, logs: Logs, tmp_path: Path
) -> None:
    """Files dropped on the drop zone are merged like chosen ones."""
    copy = tmp_path / "from-usb.sqlite"
    shutil.copyfile(logs.expert, copy)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    area.imports.drop.dropEvent(event)
    wait_idle(qtbot, area)
    assert summary_rows(area)["learners"] == (1, 0, 0)
    assert area.attempts.learners.count() == 1


def test_a_folder_is_previewed_per_file_then_merged(
    qtbot: Any, area: InstructorWindow, logs: Logs, tmp_path: Path
) -> None:
    """Issue 14 item 3: a folder of logs; the preview lists each file's learner and
    what it would add without merging; merging the folder fills the per-file table."""
    folder = tmp_path / "usb"
    folder.mkdir()
    shutil.copyfile(logs.expert, folder / "a.db")
    shutil.copyfile(logs.markup, folder / "b.db")
    database = area.imports.database
    before = digest(database)
    assert area.imports.preview([folder])
    wait_idle(qtbot, area)
    rows = texts(area.imports.files_table)
    assert [r[0] for r in rows] == ["a.db", "b.db"]
    assert all(r[2] == "1" for r in rows) and "not a hand-in" in rows[0][6]
    assert digest(database) == before
    assert area.imports.merge([folder])
    wait_idle(qtbot, area)
    assert "已合併 2 個檔案" in area.imports.status.text()
    assert [r[0] for r in texts(area.imports.files_table)] == ["a.db", "b.db"]
