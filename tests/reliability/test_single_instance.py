"""A second start brings the first window forward instead of opening the data again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO

pytest.importorskip("PySide6.QtNetwork")

from trainer.ui import single_instance
from trainer.ui.single_instance import SingleInstance, server_name_for

SECOND_START = """
import sys
from PySide6.QtCore import QCoreApplication
from trainer.ui.single_instance import acquire_or_signal
app = QCoreApplication([])
print("first" if acquire_or_signal(sys.argv[1]) else "signalled", flush=True)
if sys.argv[2:] == ["hold"]:
    import time
    time.sleep(60)
"""


def _name() -> str:
    return f"trainer-test-{uuid.uuid4().hex[:12]}"


def _start(name: str, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-c", SECOND_START, name, *extra],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_names_differ_per_data_folder(tmp_path: Path) -> None:
    assert server_name_for(tmp_path / "a") != server_name_for(tmp_path / "b")
    assert server_name_for(tmp_path / "a") == server_name_for(tmp_path / "a")
    assert len(server_name_for(tmp_path)) < 40


def test_second_process_signals_the_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The first instance listens; a second process knocks, and `activated` fires."""
    name = _name()
    first = SingleInstance(name)
    assert first.acquire_or_signal()
    try:
        with qtbot.waitSignal(first.activated, timeout=10_000):
            proc = _start(name)
            out, _ = proc.communicate(timeout=60)
        assert out.strip() == "signalled"
        assert proc.returncode == 0
    finally:
        first.close()


def test_module_api_and_on_activate(qtbot) -> None:  # type: ignore[no-untyped-def]
    name = _name()
    assert single_instance.acquire_or_signal(name)
    calls: list[int] = []
    single_instance.on_activate(lambda: calls.append(1))
    try:
        knock = SingleInstance(name)
        assert not knock.acquire_or_signal()
        qtbot.waitUntil(lambda: calls == [1], timeout=5_000)
    finally:
        single_instance.release()


@pytest.mark.skipif(sys.platform == "win32", reason="stale socket files are a Unix matter")
def test_stale_socket_of_a_killed_instance_is_cleared(qtbot) -> None:  # type: ignore[no-untyped-def]
    name = _name()
    proc = _start(name, "hold")
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "first"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    again = SingleInstance(name)
    try:
        assert again.acquire_or_signal()  # nobody answers: it takes over
        assert again.server is not None and again.server.isListening()
    finally:
        again.close()
