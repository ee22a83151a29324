"""A progress bar on stderr: redrawn in place on a terminal, one line per stage otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 28


class Progress:
    def __init__(self, total: float, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.total = max(total, 1e-9)
        self.done = 0.0
        self.label = ""
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.started = time.perf_counter()

    def stage(self, label: str) -> None:
        """Start a new stage; without a terminal this is the only output."""
        self.label = label
        if self.enabled and not self.tty:
            print(f"bench: {self._percent():3d}% {label}", file=self.stream, flush=True)
        self._draw()

    def advance(self, amount: float) -> None:
        self.done = min(self.total, self.done + amount)
        self._draw()

    def _percent(self) -> int:
        return int(100 * self.done / self.total)

    def _draw(self) -> None:
        if not (self.enabled and self.tty):
            return
        filled = int(WIDTH * self.done / self.total)
        bar = "#" * filled + "-" * (WIDTH - filled)
        elapsed = time.perf_counter() - self.started
        line = f"\r[{bar}] {self._percent():3d}% {elapsed:5.0f}s  {self.label}"
        print(f"{line:<90}", end="", file=self.stream, flush=True)

    def close(self) -> None:
        if self.enabled and self.tty:
            print("\r" + " " * 90 + "\r", end="", file=self.stream, flush=True)
