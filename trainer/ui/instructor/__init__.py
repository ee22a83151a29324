"""The instructor area (教師專區): behind a PIN; class dashboard, reviews, merge, export.

The learner app calls `open_instructor_area(parent, workspace)` from its menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from trainer.settings import Settings
from trainer.ui.instructor import pin_dialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from trainer.service import Workspace
    from trainer.ui.instructor.window import InstructorWindow


def open_instructor_area(parent: QWidget | None, workspace: Workspace) -> InstructorWindow | None:
    """Ask for the PIN (or to set one on first use), then show the instructor window.

    Uses the parent's Settings object when it has one, so the learner app sees a
    changed setting (e.g. the mood meter) at once.
    """
    if not pin_dialog.unlock(parent, workspace.store):
        return None
    from trainer.ui.instructor.window import InstructorWindow

    settings = getattr(parent, "settings", None)
    if not isinstance(settings, Settings):
        settings = Settings.load(workspace.root)
    lang = str(settings["language"])
    window = InstructorWindow(workspace, settings, lang, parent)
    # the learner window waits while the instructor works (one person at the PC)
    window.setWindowModality(Qt.WindowModality.WindowModal)
    window.show()
    window.raise_()
    return window


__all__ = ["open_instructor_area"]
