"""No leftovers after kill -9 (issue 15, defect 8): workers die with their parent,
and what a killed process left is swept at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli
from trainer.exchange import leftovers

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

PARENT = """
import sys, time
from trainer.exchange import child as worker
worker.worker_command = lambda module: [sys.executable, "-m", module]  # a test worker
child = worker.start_module("tests.reliability.sleepy_child", "{}")
assert child.stdout.readline().strip() == "ready"
print(child.pid, flush=True)
time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    # A zombie waiting for init to reap it has exited.
    return not (status.exists() and "State:\tZ" in status.read_text())


@pytest.mark.parametrize("pdeathsig", [True, False], ids=["pdeathsig", "stdin-watch"])
def test_a_worker_exits_within_a_second_of_its_parents_death(pdeathsig: bool) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    if not pdeathsig:
        env["TRAINER_NO_PDEATHSIG"] = "1"  # prove the portable path on Linux too
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert _alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        start = time.monotonic()
        while _alive(child) and time.monotonic() - start < 5:
            time.sleep(0.02)
        waited = time.monotonic() - start
        assert not _alive(child), "the worker outlived its parent by 5 s"
        assert waited < 1.0, f"the worker took {waited:.2f} s to exit"
    finally:
        if parent.poll() is None:
            parent.kill()


OWNER = """
import sys, time, tempfile
from pathlib import Path
from filelock import FileLock
from trainer.exchange.leftovers import MERGE_PREFIX, OWNER_LOCK, register
dest = Path(sys.argv[1])
part = dest / ".export.xlsx.abc123.part"
part.write_bytes(b"x" * 1000)
parts = dest / ".xlsx-parts-abc"
parts.mkdir()
(parts / "sheet1.xml").write_text("x")
work = Path(tempfile.mkdtemp(prefix=MERGE_PREFIX))
lock = FileLock(str(work / OWNER_LOCK)); lock.acquire()
(work / "incoming-0.db").write_bytes(b"y" * 1000)
a = register(part); b = register(parts)
print(work, flush=True)
time.sleep(60)
"""


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
        os.utime(item, (then, then))


def _owner(dest: Path, scratch: Path) -> tuple[subprocess.Popen[str], Path]:
    env = dict(os.environ, PYTHONPATH=str(REPO), TMPDIR=str(scratch))
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER, str(dest)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert owner.stdout is not None
    return owner, Path(owner.stdout.readline().strip())


def test_sweep_removes_what_a_killed_process_left_and_nothing_live(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch, dest, data = tmp_path / "tmp", tmp_path / "usb", tmp_path / "data"
    for folder in (scratch, dest, data / "backups"):
        folder.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    journal = data / "backups" / "trainer-20260101T000000000000Z-attempt.db.tmp-journal"
    journal.write_bytes(b"j")
    keep = dest / "report.xlsx"
    keep.write_bytes(b"mine")
    owner, work = _owner(dest, scratch)
    try:
        for item in [*dest.iterdir(), work, journal, *(scratch / "trainer-pending").iterdir()]:
            _age(item, 120)
        assert leftovers.sweep(data) == [journal]  # the owner lives: only the journal
        assert work.exists() and (dest / ".xlsx-parts-abc").exists()
    finally:
        owner.send_signal(signal.SIGKILL)
        owner.wait()
    young = scratch / f"{leftovers.MERGE_PREFIX}young"
    young.mkdir()
    removed = leftovers.sweep(data)
    assert sorted(p.name for p in removed) == sorted(
        [".export.xlsx.abc123.part", ".xlsx-parts-abc", work.name]
    )
    assert sorted(p.name for p in dest.iterdir()) == ["report.xlsx"]
    assert sorted(p.name for p in scratch.iterdir()) == [young.name, "trainer-pending"]
    assert list((scratch / "trainer-pending").iterdir()) == []


def test_the_cli_sweeps_at_start(tmp_path: Path) -> None:
    scratch, dest, data = tmp_path / "tmp", tmp_path / "usb", tmp_path / "data"
    for folder in (scratch, dest, data):
        folder.mkdir()
    owner, work = _owner(dest, scratch)
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    for item in [*dest.iterdir(), work, *(scratch / "trainer-pending").iterdir()]:
        _age(item, 120)
    env_tmp = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(scratch)
    try:
        done = run_cli("db", "backups", data=data)
    finally:
        if env_tmp is None:
            os.environ.pop("TMPDIR")
        else:
            os.environ["TMPDIR"] = env_tmp
    assert done.returncode == 0, done.stderr
    assert list(dest.iterdir()) == [] and not work.exists()
