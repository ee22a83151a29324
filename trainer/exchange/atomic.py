"""Atomic writing of export files and folders.

Every export is written beside its destination under a temporary name, flushed to
disk (fsync), and only then renamed into place, so a reader never sees half a file
and a failure (full disk, read-only folder, a bug) leaves the old file untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from trainer.exchange.leftovers import register


class ExportError(Exception):
    """An export or merge problem explained for a person."""


def explain_os_error(exc: OSError, path: Path) -> str:
    """A short, actionable message for the usual ways writing a file fails."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"not enough space to write {path} (the disk or USB stick is full)"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot write to {path.parent}: the folder is read-only or not yours"
    if exc.errno == errno.ENOENT:
        return f"the folder {path.parent} does not exist"
    return f"cannot write {path}: {exc.strerror or exc}"


def fsync_path(path: Path) -> None:
    """Flush a file's (or on POSIX a directory's) contents to stable storage."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # directories cannot be opened on Windows; nothing more to do there
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems (e.g. FAT on a USB stick) refuse fsync on directories
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    for item in sorted(root.rglob("*")):
        fsync_path(item)
    fsync_path(root)


@contextlib.contextmanager
def atomic_file(dest: Path) -> Iterator[Path]:
    """Yield a temporary path beside `dest`; on success it replaces `dest` atomically."""
    dest = Path(dest)
    if dest.is_dir():
        raise ExportError(f"{dest} is a folder; give a file name")
    if not dest.parent.is_dir():
        raise ExportError(f"the folder {dest.parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    except OSError as exc:
        raise ExportError(explain_os_error(exc, dest)) from None
    os.close(fd)
    tmp = Path(name)
    registry = register(tmp)  # a kill leaves the .part file to the next start's sweep
    try:
        yield tmp
        fsync_path(tmp)
        os.replace(tmp, dest)
        fsync_path(dest.parent)
    except OSError as exc:
        raise ExportError(explain_os_error(exc, dest)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        registry.close()


def _is_replaceable(folder: Path, allowed_suffixes: tuple[str, ...]) -> bool:
    """Only an empty folder or an earlier export of ours may be replaced."""
    return all(p.is_file() and p.suffix in allowed_suffixes for p in folder.iterdir())


@contextlib.contextmanager
def atomic_dir(dest: Path, allowed_suffixes: tuple[str, ...] = (".csv",)) -> Iterator[Path]:
    """Yield a temporary folder beside `dest`; on success it takes `dest`'s place.

    An existing `dest` is replaced only if it holds nothing but files with
    `allowed_suffixes` (an earlier export), so a typo can never wipe a real folder.
    """
    dest = Path(dest)
    if dest.exists():
        if not dest.is_dir():
            raise ExportError(f"{dest} exists and is not a folder")
        if not _is_replaceable(dest, allowed_suffixes):
            raise ExportError(f"{dest} already holds other files; choose a new or empty folder")
    if not dest.parent.is_dir():
        raise ExportError(f"the folder {dest.parent} does not exist")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent))
    except OSError as exc:
        raise ExportError(explain_os_error(exc, dest)) from None
    old: Path | None = None
    registry = register(tmp)
    try:
        yield tmp
        _fsync_tree(tmp)
        if dest.exists():
            old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
            os.replace(dest, old)
        os.replace(tmp, dest)
        fsync_path(dest.parent)
    except OSError as exc:
        if old is not None and not dest.exists():
            os.replace(old, dest)  # put the previous export back
            old = None
        raise ExportError(explain_os_error(exc, dest)) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        registry.close()
