"""Exports from the app, in a worker: a CSV folder with a BOM, an XLSX workbook,
pseudonyms, a filter, a PDF portfolio, and a refused export that writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.ui_instructor.conftest import MARKUP, Logs, wait_idle
from trainer.ui.instructor import prompts
from trainer.ui.instructor.window import InstructorWindow


@pytest.fixture
def merged(qtbot: Any, area: InstructorWindow, logs: Logs) -> InstructorWindow:
    area.imports.merge([logs.expert, logs.markup])
    wait_idle(qtbot, area)
    area.tabs.setCurrentWidget(area.exports)
    return area


def export_via_button(
    qtbot: Any, area: InstructorWindow, monkeypatch: Any, fmt: str, out: Path
) -> str:
    monkeypatch.setattr(prompts, "choose_export_path", lambda parent, f, suggested: out)
    area.exports.format_buttons[fmt].setChecked(True)
    area.exports.export_button.click()
    assert area.exports.runner.is_busy and area.exports.busy.isVisible()
    wait_idle(qtbot, area)
    return area.exports.status.text()


def test_csv_folder_with_bom_and_xlsx(
    qtbot: Any, merged: InstructorWindow, monkeypatch: Any, tmp_path: Path
) -> None:
    """The CSV export is a folder of UTF-8-with-BOM files; the XLSX opens in openpyxl."""
    folder = tmp_path / "class-csv"
    status = export_via_button(qtbot, merged, monkeypatch, "csv", folder)
    assert "已匯出" in status, status
    files = sorted(p.name for p in folder.glob("*.csv"))
    assert "learners.csv" in files and "attempts.csv" in files
    raw = (folder / "learners.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "王小明" in raw.decode("utf-8-sig")
    assert merged.exports.last_result and merged.exports.last_result["learners"] == 2

    book_path = tmp_path / "class.xlsx"
    status = export_via_button(qtbot, merged, monkeypatch, "xlsx", book_path)
    assert "已匯出" in status, status
    book = openpyxl.load_workbook(book_path, read_only=True)
    assert "summary" in book.sheetnames and "attempts" in book.sheetnames
    names = [row for row in book["learners"].iter_rows(values_only=True)]
    assert "王小明" in str(names)


def test_pseudonymized_and_filtered_csv(
    qtbot: Any, merged: InstructorWindow, monkeypatch: Any, tmp_path: Path
) -> None:
    """With the checkbox no real name is written; a learner filter keeps one learner."""
    merged.exports.pseudonymize.setChecked(True)
    box = merged.exports.filters.learner_box
    assert box is not None
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemText(i).startswith("王小明")))
    folder = tmp_path / "pseudo"
    assert "已匯出" in export_via_button(qtbot, merged, monkeypatch, "csv", folder)
    text = "".join(p.read_text(encoding="utf-8-sig") for p in folder.glob("*.csv"))
    assert "王小明" not in text and MARKUP not in text
    assert merged.exports.last_result and merged.exports.last_result["learners"] == 1


def test_pdf_portfolio_needs_a_learner_and_is_written(
    qtbot: Any, merged: InstructorWindow, monkeypatch: Any, tmp_path: Path
) -> None:
    """A portfolio without a learner is refused; with one it is a real PDF."""
    out = tmp_path / "portfolio.pdf"
    status = export_via_button_no_wait(merged, monkeypatch, "pdf", out)
    assert "學習者" in status and not out.exists()
    box = merged.exports.filters.learner_box
    assert box is not None
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemText(i).startswith("王小明")))
    assert not merged.exports.pseudonymize.isEnabled()
    status = export_via_button(qtbot, merged, monkeypatch, "pdf", out)
    assert "已匯出" in status, status
    assert out.read_bytes().startswith(b"%PDF")


def export_via_button_no_wait(area: InstructorWindow, monkeypatch: Any, fmt: str, out: Path) -> str:
    monkeypatch.setattr(prompts, "choose_export_path", lambda parent, f, suggested: out)
    area.exports.format_buttons[fmt].setChecked(True)
    area.exports.export_button.click()
    assert not area.exports.runner.is_busy
    return area.exports.status.text()


def test_failed_export_says_so_and_leaves_the_folder_alone(
    qtbot: Any, merged: InstructorWindow, monkeypatch: Any, tmp_path: Path
) -> None:
    """Exporting CSV over a folder of other files is refused; the files stay."""
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "chapter1.docx").write_bytes(b"mine")
    status = export_via_button(qtbot, merged, monkeypatch, "csv", folder)
    assert "沒有寫入任何檔案" in status and "other files" in status
    assert merged.exports.status.property("role") == "error"
    assert sorted(p.name for p in folder.iterdir()) == ["chapter1.docx"]
    assert merged.exports.export_button.isEnabled()


def test_one_attempt_sheet_as_pdf_from_the_learners_page(
    qtbot: Any, merged: InstructorWindow, monkeypatch: Any, tmp_path: Path
) -> None:
    """The learners page's button writes the shown attempt's reflection sheet."""
    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(prompts, "choose_export_path", lambda parent, f, suggested: out)
    merged.tabs.setCurrentWidget(merged.attempts)
    assert merged.attempts.attempt_id is not None
    merged.attempts.pdf_button.click()
    wait_idle(qtbot, merged)
    assert "已匯出" in merged.exports.status.text(), merged.exports.status.text()
    assert merged.exports.last_result == {"attempts": 1}
    assert out.read_bytes().startswith(b"%PDF")
