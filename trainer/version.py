"""The app's version, and `--version` for the command line."""

from __future__ import annotations

import argparse
from typing import Any


def app_version() -> str:
    """The installed (or bundled) distribution's version; from the checkout's
    pyproject.toml when run from a checkout that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("complaint-trainer")
    except PackageNotFoundError:
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            with pyproject.open("rb") as f:
                return str(tomllib.load(f)["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "unknown"


class VersionAction(argparse.Action):
    """`--version`, looked up only when asked for (importlib.metadata is slow to load)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print the version and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kw: Any) -> None:
        print(f"{parser.prog} {app_version()}")  # on stdout, as argparse's own version
        parser.exit()
