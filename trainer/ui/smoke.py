"""`complaint-trainer --smoke`: start the real window, wait for the case library, quit.

For whoever deploys the app (an IT department, the bundle test, the bench): it runs
exactly what a normal start runs, then prints one JSON line, e.g.
`{"idle": 1767.2, "ready": 1767.9, "cases": 22, "version": "0.1.0", ...}` (wall-clock seconds since the
epoch: when the window was first idle after being shown, and when the case library
and database had loaded), and exits 0; on a load failure it prints the reason to
stderr and exits 1.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

from trainer.ui.main_window import MainWindow

TIMEOUT_MS = 120_000


def arm(window: MainWindow, info: dict[str, Any]) -> None:
    """Queue the probes; call before the event loop starts."""
    marks: dict[str, Any] = dict(info)

    def finish(code: int) -> None:
        if code == 0:
            from trainer.version import app_version  # importlib.metadata: not before idle

            marks["version"] = app_version()
            print(json.dumps(marks, ensure_ascii=False), flush=True)
        QCoreApplication.exit(code)

    def ready(workspace: Any) -> None:
        marks["ready"] = time.time()
        marks["cases"] = len(workspace.library.cases)
        QTimer.singleShot(0, lambda: finish(0))

    def failed(message: str, _details: str = "") -> None:
        print(f"smoke: {message}", file=sys.stderr, flush=True)
        finish(1)

    def idle() -> None:
        marks["idle"] = time.time()
        if window.workspace is not None:
            ready(window.workspace)
        elif window.loader is None:
            failed("the window did not start loading the case library")
        else:
            window.loader.loaded.connect(ready)
            window.loader.failed.connect(failed)

    QTimer.singleShot(0, idle)
    QTimer.singleShot(TIMEOUT_MS, lambda: failed("the case library did not load in time"))
