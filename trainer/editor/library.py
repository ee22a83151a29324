"""The instructor's cases: built-in (read-only) and own (in the data folder).

Saving an own case writes `<data dir>/cases/<case id>.yaml` atomically after the text
validates; a case renamed in the editor moves to its new file name (the old file is
kept in `.replaced/`). Deleting moves the file to `.replaced/` as well, so nothing an
instructor wrote is ever lost by one click.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from trainer.core.lint import lint_case
from trainer.core.loader import CaseError, CaseProblem, LoadedCase, load_case_bytes, load_library
from trainer.paths import builtin_cases_dir, case_cache_dir, case_folders, user_cases_dir


@dataclass(frozen=True)
class CaseEntry:
    case_id: str
    title: str
    title_en: str
    path: Path
    builtin: bool
    problem: str = ""
    #: Lint errors of an own case (built-in cases are checked by the tests: -1).
    lint_errors: int = -1


def entries(root: Path) -> list[CaseEntry]:
    """Every case file, built-in first, with its title (or why it does not load).

    Goes through the app's validated-case cache, so listing the library is quick.
    """
    library = load_library(case_folders(root), case_cache_dir(root))
    builtin = builtin_cases_dir().resolve()
    found: list[CaseEntry] = []
    for loaded in library.cases.values():
        path = loaded.path or Path(loaded.source)
        case = loaded.case
        is_builtin = path.resolve().parent == builtin
        errors = -1 if is_builtin else sum(p.is_error for p in lint_case(loaded))
        found.append(
            CaseEntry(
                case.id, case.title.get(), case.title.en or "", path, is_builtin, lint_errors=errors
            )
        )
    for name, error in library.broken.items():
        path = Path(name)
        found.append(
            CaseEntry(
                path.stem,
                path.stem,
                "",
                path,
                path.resolve().parent == builtin,
                error.problems[0].message,
            )
        )
    return sorted(found, key=lambda e: (not e.builtin, e.case_id))


def is_own(root: Path, path: Path | None) -> bool:
    return path is not None and path.resolve().parent == user_cases_dir(root).resolve()


def _keep(root: Path, path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    keep = user_cases_dir(root) / ".replaced" / f"{path.stem}-{stamp}{path.suffix}"
    keep.parent.mkdir(parents=True, exist_ok=True)
    os.replace(path, keep)
    return keep


def save_own(root: Path, text: str, previous: Path | None) -> tuple[Path, LoadedCase]:
    """Validate and write an own case; returns its file. Raises CaseError."""
    data = text.encode("utf-8")
    loaded = load_case_bytes(data, "<editor>")
    case_id = loaded.case.id
    folder = user_cases_dir(root)
    target = folder / f"{case_id}.yaml"
    clash = builtin_cases_dir() / f"{case_id}.yaml"
    if clash.exists() or any(
        e.case_id == case_id and e.builtin for e in entries_ids(builtin_cases_dir(), True)
    ):
        raise CaseError(
            [
                CaseProblem(
                    "<editor>", 1, f"case id '{case_id}' is a built-in case; choose another id"
                )
            ]
        )
    own_previous = previous if is_own(root, previous) else None
    if target.exists() and (own_previous is None or own_previous.resolve() != target.resolve()):
        raise CaseError(
            [CaseProblem("<editor>", 1, f"you already have a case with the id '{case_id}'")]
        )
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".save-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    moved = own_previous is not None and own_previous.resolve() != target.resolve()
    if moved and own_previous is not None and own_previous.exists():
        _keep(root, own_previous)
    return target, loaded


def entries_ids(folder: Path, builtin: bool) -> list[CaseEntry]:
    """Ids of the case files in `folder` from their `id:` line (cheap, no validation)."""
    from trainer.exchange.packs import _ids_in

    return [CaseEntry(i, i, "", f.path, builtin) for i, f in _ids_in(folder).items()]


def delete_own(root: Path, path: Path) -> Path:
    """Move an own case file aside (`.replaced/`); built-in files are refused."""
    if not is_own(root, path):
        raise ValueError(f"{path} is not one of your own cases")
    return _keep(root, path)
