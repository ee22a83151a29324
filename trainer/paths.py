"""Where the trainer keeps its data: platformdirs by default, overridable."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "complaint-trainer"
ENV_DATA_DIR = "TRAINER_DATA_DIR"


def data_dir(override: str | Path | None = None) -> Path:
    """`--data-dir` wins, then $TRAINER_DATA_DIR, then the user data dir."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(root: Path) -> Path:
    return root / "trainer.db"


def user_cases_dir(root: Path) -> Path:
    """Cases imported from packs live here, beside the built-in library."""
    return root / "cases"


def case_cache_dir(root: Path) -> Path:
    """Validated cases cached by content (trainer.core.case_cache); safe to delete."""
    return root / "cache" / "cases"


def builtin_cases_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "cases"


def case_folders(root: Path) -> list[Path]:
    folders = [builtin_cases_dir()]
    user = user_cases_dir(root)
    if user.is_dir():
        folders.append(user)
    return folders
