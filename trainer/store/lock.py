"""One writer per data directory: an OS-level lock, Qt-free, for the app and the CLI.

Why `filelock`: it wraps fcntl.flock (Linux, macOS) and msvcrt.locking (Windows),
which the operating system releases the moment the holding process dies. A laptop
that lost power or a process killed with SIGKILL therefore never leaves a lock
behind that someone must clear by hand, and there is no PID-reuse guesswork. The
lock file itself stays in place (removing it would race); who holds the lock is
written to a sidecar JSON file so a second instance can say who is running.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from trainer.store.db import StoreError

LOCK_NAME = "trainer.lock"
INFO_NAME = "trainer.lock.json"


class AlreadyRunning(StoreError):
    """Another process holds the writer lock; `holder` says who, when known."""

    def __init__(self, message: str, holder: dict[str, Any] | None) -> None:
        super().__init__(message)
        self.holder = holder


def default_program() -> str:
    """A short description of this process for the "who is running" message."""
    args: list[str] = []
    skip = False
    for arg in sys.argv[1:]:
        if skip:  # the value of --data-dir (a path, not a command)
            skip = False
        elif arg == "--data-dir":
            skip = True
        elif not arg.startswith("-"):
            args.append(arg)
        if len(args) == 2:
            break
    return " ".join(["trainer", *args])


def lock_path(root: Path) -> Path:
    return root / LOCK_NAME


def info_path(root: Path) -> Path:
    return root / INFO_NAME


def read_holder(root: Path) -> dict[str, Any] | None:
    """The last holder's sidecar record (may be stale: the lock itself is the truth)."""
    try:
        data = json.loads(info_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def describe_holder(holder: dict[str, Any] | None) -> str:
    if not holder:
        return "another trainer"
    return (
        f"{holder.get('program', 'the trainer')} (pid {holder.get('pid', '?')} on "
        f"{holder.get('host', '?')}, since {holder.get('started', '?')})"
    )


@dataclass
class WriterLock:
    """Held while a process may write the learner database of `root`."""

    root: Path
    program: str
    _lock: FileLock

    @classmethod
    def acquire(cls, root: Path, program: str | None = None, timeout: float = 0.0) -> WriterLock:
        """Take the lock or raise AlreadyRunning. `timeout` seconds of waiting (0: none)."""
        root.mkdir(parents=True, exist_ok=True)
        # thread_local=False: the app opens the workspace in a loader thread and closes
        # it from the UI thread; the hold must belong to the object, not the thread.
        lock = FileLock(str(lock_path(root)), timeout=timeout, thread_local=False)
        try:
            lock.acquire()
        except Timeout:
            holder = read_holder(root)
            raise AlreadyRunning(
                f"The data folder {root} is in use by {describe_holder(holder)}. "
                "Close that window or wait for that command to finish, then try again. "
                f"(資料夾正由另一個訓練程式使用中，請先關閉它再試。)",
                holder,
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot lock the data folder {root}: {exc.strerror or exc}") from None
        held = cls(root=root, program=program or default_program(), _lock=lock)
        held._write_info()
        return held

    def _write_info(self) -> None:
        record = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "program": self.program,
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "monotonic": time.monotonic(),
        }
        tmp = info_path(self.root).with_suffix(f".{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(record), encoding="utf-8")
            os.replace(tmp, info_path(self.root))
        except OSError:
            # The record is only a courtesy for the message; the lock still holds.
            tmp.unlink(missing_ok=True)

    @property
    def held(self) -> bool:
        return bool(self._lock.is_locked)

    def release(self) -> None:
        if self._lock.is_locked:
            with contextlib.suppress(OSError):
                info_path(self.root).unlink(missing_ok=True)
            self._lock.release(force=True)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


def is_locked(root: Path) -> bool:
    """True when some process holds the writer lock of `root` right now."""
    try:
        probe = WriterLock.acquire(root, program="probe")
    except AlreadyRunning:
        return True
    probe.release()
    return False
