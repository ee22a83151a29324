"""The instructor window on a 1366x768 laptop: sizes, rows, tooltips, heatmap, trend,
rows that open sheets; the Class, LRS and Portfolios tabs end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.exchange.test_lrs import Scripted
from tests.ui_instructor.conftest import MARKUP, Logs
from trainer.exchange.instructor import add_review
from trainer.exchange.merge import merge_files
from trainer.service import Workspace
from trainer.store.roster import is_class_folder
from trainer.ui.instructor import class_page, portfolios_page
from trainer.ui.instructor.tables import row_id, texts
from trainer.ui.instructor.window import InstructorWindow


@pytest.fixture
def merged(
    qtbot: Any, area: InstructorWindow, workspace: Workspace, logs: Logs
) -> InstructorWindow:
    merge_files(workspace.root / "trainer.db", [logs.expert, logs.markup])
    area.resize(1366, 768)
    area.show()
    area.refresh()
    return area


def test_fits_a_laptop_with_eight_rows_per_table_and_tooltips(merged: InstructorWindow) -> None:
    hint = merged.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, hint
    assert merged.minimumWidth() <= 1280 and merged.minimumHeight() <= 720
    assert merged.width() == 1366 and merged.height() == 768  # nothing forced it bigger
    dash = merged.dashboard
    for table in (dash.heat, dash.below, dash.cases, dash.mistakes, merged.attempts.table):
        if table is merged.attempts.table:  # a learner's history, above the sheet
            merged.tabs.setCurrentWidget(merged.attempts)
        else:
            dash.tabs.setCurrentWidget(table)
        rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
        assert rows >= 8, f"{table.accessibleName()}: {rows} rows visible"
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                assert item is not None and item.toolTip() == item.text()


def test_heatmap_trend_and_rows_that_open_the_sheet(qtbot: Any, merged: InstructorWindow) -> None:
    dash = merged.dashboard
    heat = texts(dash.heat)
    assert sorted(r[0] for r in heat) == sorted(["王小明", MARKUP])
    expert = next(r for r in heat if r[0] == "王小明")
    worst = next(r for r in heat if r[0] == MARKUP)
    assert all(float(a) > float(b) for a, b in zip(expert[3:8], worst[3:8], strict=True))
    row = [r[0] for r in heat].index(MARKUP)
    dash.heat.setCurrentCell(row, 0)
    assert dash.trend.title.startswith(MARKUP) and len(dash.trend.points) == 1
    attempt = row_id(dash.heat, row)
    assert attempt
    dash.heat.cellDoubleClicked.emit(row, 2)
    assert merged.tabs.currentWidget() is merged.attempts
    assert merged.attempts.attempt_id == attempt
    assert MARKUP in merged.attempts.sheet.toPlainText()  # the sheet is shown, as text
    # the case and mistake rows open a sheet too
    for table in (dash.cases, dash.mistakes):
        merged.tabs.setCurrentWidget(dash)
        assert row_id(table, 0)
        table.cellDoubleClicked.emit(0, 0)
        assert merged.attempts.attempt_id == row_id(table, 0)


def test_below_threshold_uses_the_recent_mean(
    merged: InstructorWindow, workspace: Workspace
) -> None:
    dash = merged.dashboard
    assert [r[0] for r in texts(dash.below)] == [MARKUP]
    attempt = workspace.store.db.execute(
        "select a.id from attempts a join learners l on l.id = a.learner_id "
        "where l.display_name = ?",
        [MARKUP],
    ).fetchone()[0]
    for indicator in ("3.1", "3.2", "3.3", "3.4", "3.5"):
        add_review(workspace.store, attempt, adjusted_score=90, indicator=indicator)
    dash.refresh()
    assert texts(dash.below) == []


def test_class_tab_makes_a_class_folder_imports_a_roster_and_merges(
    qtbot: Any, merged: InstructorWindow, workspace: Workspace, tmp_path: Path, monkeypatch: Any
) -> None:
    page = merged.class_page
    merged.tabs.setCurrentWidget(page)
    assert not is_class_folder(workspace.store.db)
    page.class_name.setText("觀光一甲 2025")
    page.init_button.click()
    assert is_class_folder(workspace.store.db) and not page.init_button.isEnabled()
    roster = tmp_path / "class.csv"
    roster.write_text("學號,姓名,班級\nS1001,王小明,觀光一甲\nS1002,林美華,觀光一甲\n", "utf-8")
    monkeypatch.setattr(class_page, "choose_roster_file", lambda parent: roster)
    page.import_button.click()
    assert len(texts(page.roster)) == 2
    names = sorted(r[0] for r in texts(page.profiles))
    assert names == ["林美華", "王小明"]  # the roster's name replaced the markup name
    assert merged.attempts.learners.count() == 2
    # merge one profile into the other, then see it in the audit trail
    page.profiles.setCurrentCell([r[0] for r in texts(page.profiles)].index("林美華"), 0)
    page.merge_into.setCurrentIndex(
        page.merge_into.findText("王小明", Qt.MatchFlag.MatchStartsWith)
    )
    assert page.merge_selected()
    assert [r[0] for r in texts(page.profiles)] == ["王小明"]
    assert texts(page.profiles)[0][3] == "2"
    assert "合併" in [r[1] for r in texts(page.audit)]
    assert merged.attempts.learners.count() == 1


def test_lrs_tab_pushes_with_progress_then_sends_nothing_more(
    qtbot: Any, merged: InstructorWindow
) -> None:
    lrs = Scripted()
    try:
        page = merged.lrs
        merged.tabs.setCurrentWidget(page)
        page.endpoint.setText(lrs.url)
        page.user.setText("teacher")
        lrs.plan = [401]
        page.password.setText("wrong")
        page.push_button.click()
        qtbot.waitUntil(lambda: not page.runner.is_busy, timeout=30_000)
        assert "帳號或密碼錯誤" in page.status.text()
        page.password.setText("secret")
        page.push()
        assert page.bar.isVisible()
        qtbot.waitUntil(lambda: not page.runner.is_busy, timeout=30_000)
        result = page.last_result
        assert result is not None and result.sent == result.total > 10
        assert page.bar.value() == page.bar.maximum() == result.sent
        assert page.password.text() == ""  # not kept
        assert texts(page.outbox)[0][1] == str(result.sent)
        page.password.setText("secret")
        page.push()
        qtbot.waitUntil(lambda: not page.runner.is_busy, timeout=30_000)
        assert page.last_result is not None and page.last_result.sent == 0
        assert "已送出 0 筆" in page.status.text()
    finally:
        lrs.stop()


def test_portfolios_tab_writes_one_pdf_per_learner_and_a_class_summary(
    qtbot: Any, merged: InstructorWindow, tmp_path: Path, monkeypatch: Any
) -> None:
    page = merged.portfolios
    merged.tabs.setCurrentWidget(page)
    folder = tmp_path / "portfolios"
    folder.mkdir()
    monkeypatch.setattr(portfolios_page, "choose_folder", lambda parent: folder)
    page.batch_button.click()
    qtbot.waitUntil(lambda: not page.runner.is_busy, timeout=60_000)
    assert page.last is not None and not page.last.cancelled
    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted(
        [
            "觀光一甲-S1001-王小明-portfolio.pdf",
            "觀光一甲-S1002-b_x_b_img_src_file_etc_passwd-portfolio.pdf",
        ]
    )
    assert all((folder / n).read_bytes().startswith(b"%PDF") for n in written)
    assert page.files.count() == 2
    # cancel: stops between learners
    again = tmp_path / "again"
    again.mkdir()
    page.write(again)
    page.runner.cancel.set()
    qtbot.waitUntil(lambda: not page.runner.is_busy, timeout=60_000)
    assert page.last.cancelled and len(page.last.written) < 2
    summary = tmp_path / "summary.pdf"
    page.summarize(summary)
    qtbot.waitUntil(lambda: not page.runner.is_busy, timeout=60_000)
    assert summary.read_bytes().startswith(b"%PDF")
