"""The editor's modal questions, as small functions tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget


def ask_case_id(parent: QWidget | None, suggested: str) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        "新案例代號 New case id",
        "案例代號：小寫英文、數字、- 和 _（例如 my-hotel-breakfast）\n"
        "Case id: lowercase letters, digits, - and _",
        text=suggested,
    )
    return text.strip() if ok and text.strip() else None


def choose_import_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        "匯入案例 Import cases",
        str(Path.home()),
        "案例包或案例檔 Case pack or file (*.zip *.yaml *.yml)",
    )
    return Path(name) if name else None


def choose_pack_path(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "匯出案例包 Export case pack", str(suggested), "案例包 Case pack (*.zip)"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")
