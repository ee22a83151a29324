"""The PIN gate: set on first use (stored only as a salted scrypt hash), then
required; a wrong or cancelled PIN keeps the area locked."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui_instructor.conftest import PIN
from trainer.exchange.instructor import has_pin, verify_pin
from trainer.service import Workspace
from trainer.ui.instructor import open_instructor_area, pin_dialog
from trainer.ui.instructor.window import InstructorWindow


def test_first_use_sets_a_hashed_pin_then_asks_for_it(
    qtbot: Any, workspace: Workspace, shown: dict[str, list[Any]]
) -> None:
    """First open asks for a new PIN and stores a salted scrypt hash, not the PIN;
    the second open asks for the PIN instead."""
    assert not has_pin(workspace.store)
    first = open_instructor_area(None, workspace)
    assert isinstance(first, InstructorWindow)
    qtbot.addWidget(first)
    assert shown["new_pin"] == [1] and shown["pin"] == []
    stored = workspace.store.db.execute("select value from instructor_settings").fetchone()[0]
    assert stored.startswith("scrypt$") and PIN not in stored
    assert verify_pin(workspace.store, PIN)

    second = open_instructor_area(None, workspace)
    assert isinstance(second, InstructorWindow)
    qtbot.addWidget(second)
    assert shown["pin"] == [1] and shown["new_pin"] == [1]


@pytest.mark.parametrize("answer", ["9999", "", None])
def test_wrong_or_cancelled_pin_keeps_the_area_locked(
    qtbot: Any,
    workspace: Workspace,
    shown: dict[str, list[Any]],
    monkeypatch: pytest.MonkeyPatch,
    answer: str | None,
) -> None:
    """A wrong PIN is refused with a message; cancelling just does nothing."""
    window = open_instructor_area(None, workspace)  # sets the PIN
    assert window is not None
    qtbot.addWidget(window)  # closed afterwards: no window outlives its workspace
    monkeypatch.setattr(pin_dialog, "ask_pin", lambda parent: answer)
    assert open_instructor_area(None, workspace) is None
    if answer is None:
        assert shown["error"] == []
    else:
        assert shown["error"] and "PIN" in shown["error"][-1]


def test_new_pin_dialog_checks_length_and_repeat(qtbot: Any) -> None:
    """The first-use dialog refuses a short PIN and two different entries."""
    dialog = pin_dialog.PinDialog(new=True)
    qtbot.addWidget(dialog)
    dialog.pin.setText("12")
    dialog.again.setText("12")
    dialog.check_and_accept()
    assert dialog.result() != dialog.DialogCode.Accepted and "4" in dialog.error.text()
    dialog.pin.setText("24680")
    dialog.again.setText("24681")
    dialog.check_and_accept()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.text()
    dialog.again.setText("24680")
    dialog.check_and_accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_cancelling_first_use_sets_no_pin(
    qtbot: Any, workspace: Workspace, shown: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pin_dialog, "ask_new_pin", lambda parent: None)
    assert open_instructor_area(None, workspace) is None
    assert not has_pin(workspace.store)
