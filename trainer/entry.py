"""Entry points of the installed app and of the bundled (PyInstaller) app.

- `complaint-trainer` (a GUI script): the desktop window, as `uv run main.py`.
- `complaint-trainer-cli` (a console script): the command line, as `python -m trainer`.
- In a bundle there is no `python -m`: the worker processes of an export or a merge
  (trainer.exchange.child) run the bundle's own executable with `--trainer-worker
  MODULE`, which `bundle_main` sends to that module's `main()` before anything else.

The worker and version parts live in trainer.workers and trainer.version, which the
export/merge code and the CLI import without pulling in the window.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from trainer.version import VersionAction as VersionAction
from trainer.version import app_version as app_version
from trainer.workers import WORKER_FLAG as WORKER_FLAG
from trainer.workers import WORKERS as WORKERS
from trainer.workers import frozen as frozen
from trainer.workers import run_worker as run_worker
from trainer.workers import worker_command as worker_command


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
