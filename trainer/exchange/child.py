"""Starting `python -m <module>` as a worker process for an export or a merge.

A plain child process rather than multiprocessing: spawning would re-import the
parent's main module (the app's window script, or whatever script called the
export), and forking a Qt process with threads is unsafe. Jobs go through stdin,
not the command line, where a learner filter or file names would be visible to
others.

A process rather than a thread because the SQLite this Python links may serialise
its memory allocator across threads: on the Linux build measured, two threads
running SQLite queries together were slower than one after the other, while two
processes ran 1.65 times as fast.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from trainer.workers import worker_command

REPO = Path(__file__).resolve().parents[2]


def start_module(module: str, job: str) -> subprocess.Popen[str]:
    """Start `python -m module` with `job` (one line) on its stdin; text pipes.

    The parent keeps stdin open for the child's life: the child reads the job with
    read_job(), which also makes it exit when the parent dies (parent_watch).
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env[PARENT_ENV] = str(os.getpid())
    process = subprocess.Popen(
        worker_command(module),  # `python -m module`, or the bundle's own executable
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        encoding="utf-8",
    )
    assert process.stdin is not None
    pipe = process.stdin
    try:
        pipe.write(job.replace("\n", " ") + "\n")
        pipe.flush()
    except BrokenPipeError:  # the child died at once; its stderr says why
        pass
    _pipes[process.pid] = pipe
    process.stdin = None  # so that communicate() leaves it alone
    return process


#: The parent's end of each child's stdin, held open while the child runs.
_pipes: dict[int, IO[str]] = {}
PARENT_ENV = "TRAINER_PARENT_PID"
PR_SET_PDEATHSIG = 1


def read_job() -> str:
    """In the child: the job line, then watch for the parent's death.

    Linux: the kernel sends SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG);
    everywhere: a thread waits for the end of stdin, which comes when the parent's
    end of the pipe closes (its death included), and exits the process at once.
    """
    _die_with_parent()
    line = sys.stdin.readline()
    threading.Thread(target=_watch_stdin, daemon=True, name="parent-watch").start()
    return line


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux") or os.environ.get("TRAINER_NO_PDEATHSIG"):
        return  # (the variable lets the tests prove the portable stdin watch on Linux)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    parent = os.environ.get(PARENT_ENV)
    if parent and os.getppid() != int(parent):  # the parent died before prctl
        os._exit(1)


def _watch_stdin() -> None:
    with contextlib.suppress(Exception):
        while sys.stdin.read(4096):
            pass
    os._exit(1)


def last_error_line(stderr: str) -> str:
    return (stderr.strip().splitlines() or ["no message"])[-1]


def kill(process: subprocess.Popen[str]) -> None:
    """Kill the worker and reap it (its pipes are drained so it cannot block)."""
    if process.poll() is None:
        process.kill()
    process.communicate()
    close_pipe(process)


def close_pipe(process: subprocess.Popen[str]) -> None:
    """Close the parent's end of the child's stdin (once the child has ended)."""
    pipe = _pipes.pop(process.pid, None)
    if pipe is not None:
        with contextlib.suppress(OSError):
            pipe.close()
