"""Long work with a real progress bar and a cancel button (LRS push, batch portfolios).

The job gets a `report(done, total)` callback and a `threading.Event` it checks
between steps; both are safe to use from the worker thread (the report goes to the
UI thread through a queued signal).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

Work = Callable[[Callable[[int, int], None], threading.Event], Any]


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.cancel = cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work(lambda d, t: self.signals.progress.emit(int(d), int(t)), self.cancel)
        except Exception as exc:  # shown by the page; never kills the pool thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class ProgressRunner(QObject):
    """One job at a time for a page: progress bar, cancel button, controls disabled."""

    def __init__(
        self,
        bar: QProgressBar,
        cancel_button: QPushButton,
        controls: list[QWidget],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bar = bar
        self.cancel_button = cancel_button
        self.controls = controls
        self.signals: _Signals | None = None
        self.cancel = threading.Event()
        bar.setVisible(False)
        cancel_button.setVisible(False)
        cancel_button.clicked.connect(self.cancel.set)

    @property
    def is_busy(self) -> bool:
        return self.signals is not None

    def start(
        self,
        work: Work,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException, str], None],
    ) -> bool:
        if self.signals is not None:
            return False
        self.cancel.clear()
        signals = _Signals()
        self.signals = signals
        signals.progress.connect(self._progress)
        signals.done.connect(lambda result: self._finish(on_done, result))
        signals.failed.connect(lambda exc, details: self._finish(on_failed, exc, details))
        self.bar.setRange(0, 0)
        self._show(True)
        QThreadPool.globalInstance().start(_Job(work, signals, self.cancel))
        return True

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.bar.setFormat(f"{done} / {total}")

    def _finish(self, callback: Callable[..., None], *args: Any) -> None:
        self.signals = None
        self._show(False)
        callback(*args)

    def _show(self, on: bool) -> None:
        self.bar.setVisible(on)
        self.bar.setTextVisible(True)
        self.cancel_button.setVisible(on)
        for widget in self.controls:
            widget.setEnabled(not on)
