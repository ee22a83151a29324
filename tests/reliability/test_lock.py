"""One writer per data folder: a second writer is refused, a killed holder's lock clears."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli
from tests.reliability.helpers import CASE_ID
from trainer import service
from trainer.core.loader import Library
from trainer.service import Workspace
from trainer.store.lock import AlreadyRunning, WriterLock, is_locked, read_holder

HOLDER = """
import sys, time
from pathlib import Path
from trainer.store.lock import WriterLock
lock = WriterLock.acquire(Path(sys.argv[1]), program="trainer (window)")
print("held", flush=True)
time.sleep(120)
"""


def _spawn_holder(root: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_second_writer_in_process_is_refused(tmp_path: Path) -> None:
    with WriterLock.acquire(tmp_path, program="first"):
        with pytest.raises(AlreadyRunning) as caught:
            WriterLock.acquire(tmp_path, program="second")
        assert caught.value.holder and caught.value.holder["pid"] == os.getpid()
        assert "first" in str(caught.value) and "in use by" in str(caught.value)
        assert is_locked(tmp_path)
    assert not is_locked(tmp_path)
    assert read_holder(tmp_path) is None


def test_workspace_writer_lock_lives_until_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The case library is irrelevant here and slow to load three times.
    monkeypatch.setattr(service, "load_library", lambda *_: Library({}, {}))
    first = Workspace.open(tmp_path, writer=True)
    try:
        with pytest.raises(AlreadyRunning):
            Workspace.open(tmp_path, writer=True)
        reader = Workspace.open(tmp_path)  # readers (reports) are not blocked
        reader.close()
    finally:
        first.close()
    Workspace.open(tmp_path, writer=True).close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_lock_of_a_killed_process_is_cleared(tmp_path: Path) -> None:
    """The OS drops the lock when its holder dies; the stale sidecar is replaced."""
    proc = _spawn_holder(tmp_path)
    try:
        assert is_locked(tmp_path)
        assert read_holder(tmp_path)["pid"] == proc.pid  # type: ignore[index]
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert (tmp_path / "trainer.lock").exists()  # the file stays: that is not a lock
    start = time.perf_counter()
    with WriterLock.acquire(tmp_path, program="next start"):
        assert time.perf_counter() - start < 1.0
        assert read_holder(tmp_path)["pid"] == os.getpid()  # type: ignore[index]


def test_cli_play_refuses_while_another_writer_runs(tmp_path: Path) -> None:
    """`play` says who is running and exits with the store error code; nothing written."""
    proc = _spawn_holder(tmp_path)
    try:
        result = run_cli("play", CASE_ID, "--auto", "expert", "--json", data=tmp_path)
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert result.returncode == 2
    assert "in use by trainer (window)" in result.stderr
    assert f"pid {proc.pid}" in result.stderr
    assert not (tmp_path / "trainer.db").exists()
    assert run_cli("play", CASE_ID, "--auto", "expert", "--json", data=tmp_path).returncode == 0


def test_cli_merge_refuses_while_another_writer_runs(tmp_path: Path) -> None:
    """`merge` is a writer too: it waits for no one and says who holds the folder."""
    log = tmp_path / "learner.db"
    log.write_bytes(b"not even a database")
    proc = _spawn_holder(tmp_path / "class")
    try:
        result = run_cli("merge", str(log), data=tmp_path / "class")
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert result.returncode == 2
    assert "in use by trainer (window)" in result.stderr
    assert not (tmp_path / "class" / "trainer.db").exists()


def test_lock_taken_in_one_thread_is_released_from_another(tmp_path: Path) -> None:
    """The app opens the workspace in a loader thread and closes it on the UI thread."""
    import threading

    held: list[WriterLock] = []
    worker = threading.Thread(target=lambda: held.append(WriterLock.acquire(tmp_path)))
    worker.start()
    worker.join()
    assert is_locked(tmp_path)
    held[0].release()
    assert not is_locked(tmp_path)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["-m", "--data-dir", "/srv/class data", "play", "case-1"], "trainer play case-1"),
        (["--data-dir=/srv/x", "merge", "a.db"], "trainer merge a.db"),
        (["db", "restore"], "trainer db restore"),
    ],
)
def test_the_holder_is_named_by_its_command_not_its_data_folder(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], expected: str
) -> None:
    """Defect 12: "trainer <data folder> play" became "trainer play CASE"."""
    from trainer.store.lock import default_program

    monkeypatch.setattr(sys, "argv", ["trainer", *argv])
    assert default_program() == expected
