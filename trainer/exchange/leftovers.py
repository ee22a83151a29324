"""No leftovers after a kill: temporary files are registered while in use and swept
at the next start (issue 15).

A merge's private folder (`trainer-merge-*` in the system temp folder, hundreds of
MB), an export's `.NAME.*.part` file and an XLSX export's `.xlsx-parts-*` folder
(beside the destination) are deleted by their `finally` blocks, which a SIGKILL or a
power cut never runs. So while such a path exists, an entry in
`<temp>/trainer-pending/` names it, next to a lock file held by the owning process
(an OS lock: it is released the instant the owner dies). `sweep()` (run when the CLI
or the app starts) deletes what dead owners left behind once it is older than a
minute, and merge folders and backup journals found without an entry.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

MIN_AGE_S = 60.0
REGISTRY = "trainer-pending"
MERGE_PREFIX = "trainer-merge-"
OWNER_LOCK = ".owner.lock"
#: Names a registered path may have: nothing else is ever deleted by a sweep.
_SWEEPABLE = re.compile(r"^(\..+\.part|\.xlsx-parts-.+|trainer-merge-.+|.+\.db\.tmp(-journal)?)$")


def registry_dir() -> Path:
    return Path(tempfile.gettempdir()) / REGISTRY


class Pending:
    """Paths this process is using temporarily; forgotten on close()."""

    def __init__(self) -> None:
        folder = registry_dir()
        folder.mkdir(exist_ok=True)
        token = f"{os.getpid()}-{secrets.token_hex(6)}"
        self.entry = folder / f"{token}.json"
        self.lock = FileLock(str(folder / f"{token}.lock"))
        self.lock.acquire()
        self.paths: list[str] = []
        self._write()

    def add(self, path: Path) -> None:
        self.paths.append(str(Path(path).resolve()))
        self._write()

    def _write(self) -> None:
        tmp = self.entry.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.paths), encoding="utf-8")
        os.replace(tmp, self.entry)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.entry.unlink()
        self.lock.release()
        with contextlib.suppress(OSError):
            Path(self.lock.lock_file).unlink()


@contextlib.contextmanager
def pending() -> Iterator[Pending]:
    """Register temporary paths for the duration of the block (best effort: a temp
    folder that cannot be written does not stop an export)."""
    try:
        handle: Pending | None = Pending()
    except OSError:
        handle = None
    try:
        yield handle if handle is not None else _NoPending()  # type: ignore[misc]
    finally:
        if handle is not None:
            handle.close()


class _NoPending:
    def add(self, path: Path) -> None:
        pass

    def close(self) -> None:
        pass


@contextlib.contextmanager
def registered(path: Path) -> Iterator[None]:
    handle = register(path)
    try:
        yield
    finally:
        handle.close()


def register(path: Path) -> Pending | _NoPending:
    """Register one temporary path; call close() on the result once it is gone."""
    try:
        handle: Pending | _NoPending = Pending()
    except OSError:
        return _NoPending()
    handle.add(path)
    return handle


def _old(path: Path, now: float) -> bool:
    try:
        return now - path.stat().st_mtime >= MIN_AGE_S
    except OSError:
        return False


def _remove(path: Path) -> bool:
    if not _SWEEPABLE.match(path.name):
        return False
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        else:
            return False
    except OSError:
        return False
    return True


def _held(lock_path: Path) -> bool:
    """Is the lock file held by a live process?"""
    lock = FileLock(str(lock_path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return True
    except OSError:
        return True  # cannot tell: leave it
    lock.release()
    return False


def sweep(data_dir: Path | None = None, now: float | None = None) -> list[Path]:
    """Delete what killed processes left behind; returns what was deleted."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    folder = registry_dir()
    with contextlib.suppress(OSError):
        for entry in folder.glob("*.json"):
            lock_path = entry.with_suffix(".lock")
            if not _old(entry, now) or _held(lock_path):
                continue
            try:
                paths = [Path(p) for p in json.loads(entry.read_text(encoding="utf-8"))]
            except (OSError, ValueError, TypeError):
                paths = []
            removed += [p for p in paths if _remove(p)]
            for stale in (entry, lock_path):
                with contextlib.suppress(OSError):
                    stale.unlink()
    with contextlib.suppress(OSError):
        for work in Path(tempfile.gettempdir()).glob(f"{MERGE_PREFIX}*"):
            idle = work.is_dir() and _old(work, now) and not _held(work / OWNER_LOCK)
            if idle and _remove(work):
                removed.append(work)
    if data_dir is not None:
        with contextlib.suppress(OSError):
            for journal in (data_dir / "backups").glob("*.db.tmp*"):
                if _old(journal, now) and _remove(journal):
                    removed.append(journal)
    return removed
