"""File dialogs of the instructor area, as small functions tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from trainer.ui.labels import QT_TRANSLATE_NOOP

SUFFIX = {"xlsx": ".xlsx", "xapi": ".json", "sqlite": ".db", "pdf": ".pdf"}
FILTERS = {
    "csv": QT_TRANSLATE_NOOP("Prompts", "資料夾 (*)"),
    "xlsx": "Excel (*.xlsx)",
    "xapi": "xAPI JSON (*.json)",
    "sqlite": "SQLite (*.db *.sqlite)",
    "pdf": "PDF (*.pdf)",
}


def choose_log_files(parent: QWidget | None) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("Prompts", "選擇學習紀錄檔"),
        str(Path.home()),
        QCoreApplication.translate("Prompts", "學習紀錄 (*.db *.sqlite *.sqlite3);;所有檔案 (*)"),
    )
    return [Path(n) for n in names]


def choose_export_path(parent: QWidget | None, fmt: str, suggested: Path) -> Path | None:
    """Where to write; for csv a new (or empty) folder to create."""
    title = (
        QCoreApplication.translate("Prompts", "匯出到資料夾")
        if fmt == "csv"
        else QCoreApplication.translate("Prompts", "匯出")
    )
    kinds = QCoreApplication.translate("Prompts", FILTERS[fmt])
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), kinds)
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
