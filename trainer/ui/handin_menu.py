"""The learner's File menu items: hand in my log, open my data folder.

Hand-in writes one consistent snapshot of the current learner's log (SQLite's
backup API, safe while the app runs) into a folder the learner picks, e.g. a USB
stick, then says what was handed in (trainer.exchange.handin).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from trainer.exchange.handin import HandinResult, hand_in
from trainer.paths import database_path
from trainer.ui import dialogs

if TYPE_CHECKING:
    from trainer.service import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandIn", text)


def choose_folder(parent: QWidget | None) -> Path | None:
    """The folder to hand in to (monkeypatched in tests)."""
    path = QFileDialog.getExistingDirectory(parent, _tr("選擇要繳交到的資料夾（例如隨身碟）"))
    return Path(path) if path else None


def summary_text(result: HandinResult) -> str:
    who = " · ".join(x for x in (result.learner, result.student_no, result.class_name) if x)
    cases = "、".join(result.cases) or "—"
    return _tr(
        "已繳交 {who} 的學習紀錄：\n{n} 次作答（完成 {done}，進行中 {open}），{d} 個決定\n"
        "個案：{cases}\n檔案：{path}"
    ).format(
        who=who,
        n=result.attempts,
        done=result.completed,
        open=result.in_progress,
        d=result.decisions,
        cases=cases,
        path=str(result.path),
    )


def hand_in_log(
    parent: QWidget, workspace: Workspace, learner: dict[str, Any]
) -> HandinResult | None:
    """Ask for a folder, write the hand-in file, show what was handed in."""
    folder = choose_folder(parent)
    if folder is None:
        return None
    result = hand_in(database_path(workspace.root), folder, str(learner["id"]))
    dialogs.info(parent, _tr("繳交學習紀錄"), summary_text(result))
    return result


def open_data_folder(workspace: Workspace) -> bool:
    """Show the data folder in the system's file manager."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(workspace.root))))
