"""Where the trainer keeps its data (platformdirs by default, overridable) and where
its read-only files (style sheet, translations, built-in cases) are found."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path
from typing import Literal

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


def app_folder(name: Literal["resources", "data"]) -> Path:
    """The app's `resources/` or `data/` folder, wherever the app runs from.

    A wheel or a PyInstaller bundle carries them inside the package, as
    `trainer/_resources` and `trainer/_data` (pyproject.toml's force-include,
    scripts/build_bundle.py); found through importlib.resources, never the working
    directory. Run from the checkout (`uv run main.py`, an editable install) the
    package has no such copy and the checkout's own top-level folders are used.
    """
    packaged = files("trainer") / f"_{name}"
    if packaged.is_dir():
        # Installed packages are plain folders (wheels install unzipped, bundles too);
        # Qt and the case loader need real paths.
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / name


def builtin_cases_dir() -> Path:
    return app_folder("data") / "cases"


def case_folders(root: Path) -> list[Path]:
    folders = [builtin_cases_dir()]
    user = user_cases_dir(root)
    if user.is_dir():
        folders.append(user)
    return folders
