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

import os
import subprocess
from pathlib import Path

from trainer.entry import worker_command

REPO = Path(__file__).resolve().parents[2]


def start_module(module: str, job: str) -> subprocess.Popen[str]:
    """Start `python -m module` with `job` on its stdin (then closed); text pipes."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
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
    try:
        process.stdin.write(job)
        process.stdin.close()
    except BrokenPipeError:  # the child died at once; its stderr says why
        pass
    process.stdin = None  # so that communicate() leaves it alone
    return process


def last_error_line(stderr: str) -> str:
    return (stderr.strip().splitlines() or ["no message"])[-1]


def kill(process: subprocess.Popen[str]) -> None:
    """Kill the worker and reap it (its pipes are drained so it cannot block)."""
    if process.poll() is None:
        process.kill()
    process.communicate()
