"""Observer mode (issue 18): pick the case and the three people, tick behaviours live
with a running clock, rate 1–5 on the rubric, then the agent writes the report and
reflection. Opened from the main window (Go > Observed role-play)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from trainer.service import Workspace
    from trainer.ui.roleplay.window import RoleplayWindow


def open_roleplay(
    parent: QWidget, workspace: Workspace, lang: str, attempt_id: str | None = None
) -> RoleplayWindow:
    """Show the observer window; with `attempt_id`, continue that observed attempt."""
    from trainer.ui.roleplay.window import RoleplayWindow

    window = RoleplayWindow(workspace, lang, parent)
    if attempt_id:
        window.continue_attempt(attempt_id)
    window.show()
    window.raise_()
    return window
