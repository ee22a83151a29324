"""Case packs: zip files of case YAML that instructors share.

Importing treats the pack as hostile:
- it must be a small, real zip (no zip64, at most MAX_ENTRIES entries, checked from the
  end-of-central-directory record before anything is parsed);
- every entry name is checked: no absolute paths, no `..`, no drive letters or
  backslashes, no symlinks or other special files (zip `external_attr`), no
  encryption, only stored/deflated data, no duplicates (case-insensitively);
- sizes are capped per entry, in total and by compression ratio, and every read is
  byte-capped (a lying header cannot make us read more);
- only `*.yaml`/`*.yml` case files and our `manifest.json` are accepted
  (`__MACOSX/`, `.DS_Store` and similar are ignored); anything else refuses the pack;
- each case is loaded with the safe loader and linted; a pack installs all its cases
  or none. Files are written under names we choose (`<case id>.yaml`), staged in a
  hidden folder inside the case folder and renamed into place; a replaced case is
  kept in `<case folder>/.replaced/`. Nothing is written outside the case folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from trainer.core.lint import lint_case
from trainer.core.loader import (
    MAX_CASE_BYTES,
    CaseError,
    LoadedCase,
    load_case_bytes,
)
from trainer.exchange.atomic import ExportError, atomic_file, explain_os_error
from trainer.paths import builtin_cases_dir, case_folders, user_cases_dir

MAX_PACK_BYTES = 32 * 1024 * 1024
MAX_ENTRIES = 200
MAX_ENTRY_BYTES = MAX_CASE_BYTES
MAX_TOTAL_BYTES = 24 * 1024 * 1024
MAX_RATIO = 100
MANIFEST = "manifest.json"
PACK_FORMAT = "complaint-trainer-pack"
_IGNORED_PARTS = {"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"}
_DRIVE = re.compile(r"^[A-Za-z]:")
_EOCD = b"PK\x05\x06"


class PackError(Exception):
    """A pack that cannot be imported or exported; `problems` lists every reason."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems or []
        text = (
            message
            if not self.problems
            else message + "\n" + "\n".join(f"  - {p}" for p in self.problems[:30])
        )
        super().__init__(text)


@dataclass
class ImportReport:
    installed: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PackCase:
    entry: str
    data: bytes
    loaded: LoadedCase


# -- reading a pack safely ------------------------------------------------------------


def _entry_count(path: Path, size: int) -> int:
    """Entries announced by the end-of-central-directory record (no parsing needed)."""
    with path.open("rb") as handle:
        tail_len = min(size, 22 + 65535)
        handle.seek(size - tail_len)
        tail = handle.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        raise PackError(f"{path.name} is not a zip file")
    (total,) = struct.unpack("<H", tail[at + 10 : at + 12])
    if total == 0xFFFF:
        raise PackError(f"{path.name} is a zip64 archive; case packs are small, plain zips")
    return int(total)


def entry_problem(info: zipfile.ZipInfo) -> str | None:
    """Why an entry must not be extracted, or None when its name and type are safe."""
    name = info.filename
    if not name or "\x00" in name or len(name) > 255:
        return f"entry {name!r} has an invalid name"
    if "\\" in name:
        return f"entry {name!r} uses backslashes (a Windows path)"
    if name.startswith("/") or _DRIVE.match(name):
        return f"entry {name!r} is an absolute path"
    if any(part == ".." for part in name.split("/")):
        return f"entry {name!r} points outside the pack (..)"
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        return f"entry {name!r} is a symbolic link"
    if mode and kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return f"entry {name!r} is a special file"
    if info.flag_bits & 0x1:
        return f"entry {name!r} is encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"entry {name!r} uses an unsupported compression method"
    return None


def _ignored(name: str) -> bool:
    return any(part in _IGNORED_PARTS or part.startswith("._") for part in name.split("/"))


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    limit = min(info.file_size, MAX_ENTRY_BYTES)
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) != info.file_size or len(data) > MAX_ENTRY_BYTES:
        raise PackError(f"entry {info.filename!r} is larger than it claims or than the limit")
    return data


def read_pack(path: Path) -> list[tuple[str, bytes]]:
    """The case files (name, bytes) of the pack at `path`, or PackError: all checks."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise PackError(f"{path} is not a file")
    except OSError as exc:
        raise PackError(f"cannot read {path}: {exc.strerror or exc}") from None
    if size > MAX_PACK_BYTES:
        raise PackError(f"{path.name} is {size} bytes; packs are limited to {MAX_PACK_BYTES}")
    if _entry_count(path, size) > MAX_ENTRIES:
        raise PackError(f"{path.name} has more than {MAX_ENTRIES} entries")
    try:
        with zipfile.ZipFile(path) as archive:
            return _read_entries(path, archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise PackError(f"{path.name} is not a readable zip file ({exc})") from None
    except zlib.error:
        raise PackError(f"{path.name} has damaged compressed data") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise PackError(f"{path.name} cannot be read ({type(exc).__name__}: {exc})") from None


def _read_entries(path: Path, archive: zipfile.ZipFile) -> list[tuple[str, bytes]]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackError(f"{path.name} has more than {MAX_ENTRIES} entries")
    problems = [p for p in (entry_problem(i) for i in infos) if p]
    seen: set[str] = set()
    for info in infos:
        key = info.filename.rstrip("/").casefold()
        if key in seen:
            problems.append(f"entry {info.filename!r} appears twice")
        seen.add(key)
    if problems:
        raise PackError(f"{path.name} is not a safe case pack:", problems)
    files = [i for i in infos if not i.is_dir() and not _ignored(i.filename)]
    total = sum(i.file_size for i in files)
    if total > MAX_TOTAL_BYTES:
        raise PackError(f"{path.name} unpacks to {total} bytes; the limit is {MAX_TOTAL_BYTES}")
    for info in files:
        suffix = PurePosixPath(info.filename).suffix.lower()
        if info.filename != MANIFEST and suffix not in (".yaml", ".yml"):
            problems.append(f"entry {info.filename!r} is not a case file (.yaml or .yml)")
        elif info.file_size > MAX_ENTRY_BYTES:
            problems.append(f"entry {info.filename!r} is larger than {MAX_ENTRY_BYTES} bytes")
        elif info.file_size > 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            problems.append(f"entry {info.filename!r} is compressed suspiciously well (zip bomb?)")
    if problems:
        raise PackError(f"{path.name} cannot be imported:", problems)
    read = [(i.filename, _read_capped(archive, i)) for i in files]
    return [(name, data) for name, data in read if name != MANIFEST]


def validate_pack(path: Path) -> list[PackCase]:
    """Read and validate every case of the pack; PackError lists every problem."""
    entries = read_pack(path)
    if not entries:
        raise PackError(f"{path.name} contains no case files")
    cases: list[PackCase] = []
    problems: list[str] = []
    ids: dict[str, str] = {}
    for name, data in entries:
        try:
            loaded = load_case_bytes(data, name=f"{path.name}:{name}")
        except CaseError as exc:
            problems.extend(str(p) for p in exc.problems)
            continue
        lint = [p for p in lint_case(loaded) if p.is_error]  # warnings don't refuse
        if lint:
            problems.extend(str(p) for p in lint)
            continue
        case_id = loaded.case.id
        if case_id in ids:
            problems.append(f"{name}: case id '{case_id}' is also used by {ids[case_id]}")
            continue
        ids[case_id] = name
        cases.append(PackCase(name, data, loaded))
    if problems:
        raise PackError(f"{path.name} has invalid cases; nothing was imported:", problems)
    return cases


# -- installing ---------------------------------------------------------------------


def _sweep_staging(folder: Path) -> None:
    for stale in folder.glob(".import-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


_ID_LINE = re.compile(rb"^id:[ \t]*[\"']?([a-z0-9][a-z0-9_\-]{0,63})[\"']?[ \t]*\r?$", re.M)


@dataclass(frozen=True)
class _Installed:
    path: Path
    digest: str


def _ids_in(folder: Path) -> dict[str, _Installed]:
    """Case id -> file of the case files in `folder`, from their top-level `id:` line.

    Cheaper than loading the library (which validates every case): only ids and
    digests are needed to detect clashes.
    """
    found: dict[str, _Installed] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        match = _ID_LINE.search(data)
        if match:
            found.setdefault(match.group(1).decode(), _Installed(path, _digest(data)))
    return found


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def import_pack(root: Path, pack: Path, *, replace: bool = False) -> ImportReport:
    """Install every case of `pack` into <root>/cases, all or nothing."""
    return install_cases(root, validate_pack(pack), pack.name, replace=replace)


def install_cases(
    root: Path, cases: list[PackCase], source: str, *, replace: bool = False
) -> ImportReport:
    """Install validated, linted cases into <root>/cases, all or nothing.

    Used by pack import and by `cases import FILE.yaml` (trainer.editor.install).
    """
    folder = user_cases_dir(root)
    builtin = _ids_in(builtin_cases_dir())
    installed = _ids_in(folder)
    report = ImportReport()
    todo: list[PackCase] = []
    problems: list[str] = []
    for item in cases:
        case_id = item.loaded.case.id
        current = installed.get(case_id)
        if case_id in builtin and builtin[case_id].digest == item.loaded.digest:
            report.unchanged.append(case_id)
        elif case_id in builtin:
            problems.append(f"case '{case_id}' is a built-in case; give the pack's case a new id")
        elif current is not None and current.digest == item.loaded.digest:
            report.unchanged.append(case_id)
        elif current is not None and not replace:
            problems.append(
                f"case '{case_id}' is already installed with different content "
                "(use --replace to replace it; the old file is kept)"
            )
        elif current is None and (folder / f"{case_id}.yaml").exists():
            problems.append(f"{folder / (case_id + '.yaml')} exists but is not a usable case")
        else:
            todo.append(item)
    if problems:
        raise PackError(f"{source} was not imported:", problems)
    if todo:
        _install(folder, todo, installed, report)
    return report


def _install(
    folder: Path, todo: list[PackCase], installed: dict[str, _Installed], report: ImportReport
) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _sweep_staging(folder)
        staging = Path(tempfile.mkdtemp(prefix=".import-", dir=folder))
    except OSError as exc:
        raise PackError(explain_os_error(exc, folder / "pack")) from None
    moved: list[Path] = []
    kept: list[tuple[Path, Path]] = []
    try:
        for item in todo:
            _write_synced(staging / f"{item.loaded.case.id}.yaml", item.data)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        for item in todo:
            case_id = item.loaded.case.id
            target = folder / f"{case_id}.yaml"
            old = installed.get(case_id)
            if old is not None:
                keep = folder / ".replaced" / f"{old.path.stem}-{stamp}{old.path.suffix}"
                keep.parent.mkdir(exist_ok=True)
                os.replace(old.path, keep)
                kept.append((keep, old.path))
                report.replaced.append(case_id)
            else:
                report.installed.append(case_id)
            os.replace(staging / target.name, target)
            moved.append(target)
    except OSError as exc:
        for path in moved:  # undo: all or nothing
            with contextlib.suppress(OSError):
                path.unlink()
        for keep, original in kept:
            with contextlib.suppress(OSError):
                os.replace(keep, original)
        report.installed.clear()
        report.replaced.clear()
        raise PackError(
            f"nothing was imported: {explain_os_error(exc, folder / 'case.yaml')}"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# -- exporting ----------------------------------------------------------------------


def export_pack(
    root: Path, out: Path, case_ids: list[str] | None = None, *, overwrite: bool = False
) -> list[str]:
    """Write the chosen (default: all) installed cases to the zip `out`; returns their ids.

    Each case is exported as its file's exact bytes, after checking that it loads.
    """
    available: dict[str, _Installed] = {}
    for folder in case_folders(root):  # built-in first: it wins, as in the library
        for case_id, found in _ids_in(folder).items():
            available.setdefault(case_id, found)
    wanted = case_ids or sorted(available)
    unknown = [c for c in wanted if c not in available]
    if unknown:
        raise PackError(f"unknown case id(s): {', '.join(unknown)}")
    if not wanted:
        raise PackError("there are no cases to export")
    if out.exists() and not overwrite:
        raise PackError(f"{out} already exists; choose another name or use --force")
    listed: list[dict[str, object]] = []
    entries: list[tuple[str, bytes]] = []
    for case_id in wanted:
        data = available[case_id].path.read_bytes()
        try:
            loaded = load_case_bytes(data, str(available[case_id].path))
        except CaseError as exc:
            raise PackError(f"case '{case_id}' is not valid and was not exported:\n{exc}") from None
        name = f"{case_id}.yaml"
        entries.append((name, data))
        listed.append(
            {"id": case_id, "version": loaded.case.version, "file": name, "sha256": _digest(data)}
        )
    manifest = {"format": PACK_FORMAT, "version": 1, "cases": listed}
    try:
        with atomic_file(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            for name, data in entries:
                archive.writestr(name, data)
    except ExportError as exc:
        raise PackError(str(exc)) from None
    return wanted
