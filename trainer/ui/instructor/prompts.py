"""File dialogs of the instructor area, as small functions tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

SUFFIX = {"xlsx": ".xlsx", "xapi": ".json", "sqlite": ".db", "pdf": ".pdf"}
FILTERS = {
    "csv": "資料夾 Folder (*)",
    "xlsx": "Excel (*.xlsx)",
    "xapi": "xAPI JSON (*.json)",
    "sqlite": "SQLite (*.db *.sqlite)",
    "pdf": "PDF (*.pdf)",
}


def choose_log_files(parent: QWidget | None) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        "選擇學習紀錄檔 Choose learner logs",
        str(Path.home()),
        "學習紀錄 Learner logs (*.db *.sqlite *.sqlite3);;所有檔案 All files (*)",
    )
    return [Path(n) for n in names]


def choose_export_path(parent: QWidget | None, fmt: str, suggested: Path) -> Path | None:
    """Where to write; for csv a new (or empty) folder to create."""
    title = "匯出到資料夾 Export to a folder" if fmt == "csv" else "匯出 Export"
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), FILTERS[fmt])
    if not name:
        return None
    path = Path(name)
    suffix = SUFFIX.get(fmt)
    if (
        suffix
        and path.suffix.lower() != suffix
        and not (fmt == "sqlite" and path.suffix == ".sqlite")
    ):
        path = path.with_name(path.name + suffix)
    return path
