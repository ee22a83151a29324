"""Install one case file (`cases import FILE.yaml`, the editor's Save as own case).

The bytes are loaded with the safe loader and linted like a pack's cases; errors
refuse the file, warnings do not. Installing goes through the pack installer (staged,
renamed into place, a replaced file kept in `.replaced/`).
"""

from __future__ import annotations

from pathlib import Path

from trainer.core.lint import lint_case
from trainer.core.loader import MAX_CASE_BYTES, CaseError, load_case_bytes
from trainer.exchange.packs import ImportReport, PackCase, PackError, install_cases


def read_case_file(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CASE_BYTES + 1)
    except OSError as exc:
        raise PackError(f"cannot read {path}: {exc.strerror or exc}") from None
    return data


def install_case_bytes(
    root: Path, data: bytes, name: str, *, replace: bool = False
) -> ImportReport:
    """Validate, lint and install one case; PackError lists every problem."""
    try:
        loaded = load_case_bytes(data, name=name)
    except CaseError as exc:
        raise PackError(
            f"{name} is not a valid case; nothing was imported:", [str(p) for p in exc.problems]
        ) from None
    errors = [str(p) for p in lint_case(loaded) if p.is_error]
    if errors:
        raise PackError(f"{name} has lint errors; nothing was imported:", errors)
    return install_cases(root, [PackCase(name, data, loaded)], name, replace=replace)


def install_case_file(root: Path, path: Path, *, replace: bool = False) -> ImportReport:
    return install_case_bytes(root, read_case_file(path), path.name, replace=replace)
