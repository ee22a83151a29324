"""Running slow work (merges, exports) off the UI thread, with a busy indicator.

A `Job` is a QRunnable on the global QThreadPool; it reports through a `JobSignals`
object created on the UI thread, so its slots run there (queued connections).
Workers never touch the UI thread's database connection: they get file paths.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QWidget

log = logging.getLogger(__name__)


class JobSignals(QObject):
    done = Signal(object)
    failed = Signal(object, str)  # the exception, the traceback text


class Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the UI; never kills the pool thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class Runner(QObject):
    """Starts one job at a time for a page and drives its busy indicator."""

    busy_changed = Signal(bool)

    def __init__(
        self, busy: QProgressBar, controls: list[QWidget], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.busy = busy
        self.controls = controls
        self.running: JobSignals | None = None  # kept alive until the job reports
        busy.setRange(0, 0)  # an indeterminate ("busy") bar
        busy.setTextVisible(False)
        busy.setVisible(False)

    @property
    def is_busy(self) -> bool:
        return self.running is not None

    def start(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException, str], None],
    ) -> bool:
        if self.running is not None:
            return False
        job = Job(fn)
        self.running = job.signals
        job.signals.done.connect(lambda result: self._finish(on_done, result))
        job.signals.failed.connect(lambda exc, details: self._finish(on_failed, exc, details))
        self._set_busy(True)
        QThreadPool.globalInstance().start(job)
        return True

    def _finish(self, callback: Callable[..., None], *args: Any) -> None:
        self.running = None
        self._set_busy(False)
        callback(*args)

    def _set_busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        for widget in self.controls:
            widget.setEnabled(not on)
        self.busy_changed.emit(on)
