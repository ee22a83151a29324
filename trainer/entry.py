"""Entry points of the installed app and of the bundled (PyInstaller) app.

- `complaint-trainer` (a GUI script): the desktop window, as `uv run main.py`.
- `complaint-trainer-cli` (a console script): the command line, as `python -m trainer`.
- In a bundle there is no `python -m`: the worker processes of an export or a merge
  (trainer.exchange.child) run the bundle's own executable with `--trainer-worker
  MODULE`, which `bundle_main` sends to that module's `main()` before anything else.

Nothing heavy is imported at module level: trainer.exchange.child imports this module.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import Any

WORKER_FLAG = "--trainer-worker"
#: The modules a worker process may run; each has `main() -> int` reading its job on stdin.
WORKERS = frozenset({"trainer.exchange.merge_stage", "trainer.exchange.xlsx_split"})


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


def frozen() -> bool:
    """True inside a PyInstaller bundle (no Python interpreter to run `-m` with)."""
    return bool(getattr(sys, "frozen", False))


def worker_command(module: str) -> list[str]:
    """The command line that runs worker `module` in a new process."""
    if module not in WORKERS:
        raise ValueError(f"not a worker module: {module}")
    if frozen():
        return [sys.executable, WORKER_FLAG, module]
    return [sys.executable, "-m", module]


def run_worker(module: str) -> int:
    if module not in WORKERS:
        print(f"error: not a worker module: {module!r}", file=sys.stderr)
        return 2
    main: Callable[[], int] = importlib.import_module(module).main
    return int(main())


def window() -> int:
    from trainer.ui.app import run

    return run()


def cli() -> int:
    from trainer.cli import main

    return main()


def bundle_main(program: Callable[[], int]) -> int:
    """The bundle's executables start here: a worker if asked for one, else `program`."""
    args = sys.argv[1:]
    if args[:1] == [WORKER_FLAG]:
        return run_worker(args[1] if len(args) > 1 else "")
    return program()
