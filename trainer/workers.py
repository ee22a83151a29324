"""Worker processes: which modules may run as one, and the command line that starts it.

From source a worker is `python -m MODULE`; in a PyInstaller bundle there is no
`python -m`, so the bundle's own executable is run with `--trainer-worker MODULE`
(trainer.entry.bundle_main dispatches it). Imports nothing of the app: the export and
merge code (trainer.exchange.child) use it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable

WORKER_FLAG = "--trainer-worker"
#: The modules a worker process may run; each has `main() -> int` reading its job on stdin.
WORKERS = frozenset({"trainer.exchange.merge_stage", "trainer.exchange.xlsx_split"})


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
