"""Terminal-safe output for the command line (issue 15).

Learner names, case titles and file names come from other people's files. Printed
raw, an ESC sequence could retitle the terminal, recolour it or rewrite its lines.
While a command runs, its stdout and stderr escape every C0 and C1 control
character except newline and tab (and, on stderr, carriage return, which progress
bars use) as `\\u001b`: visible, and still valid inside a JSON string.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any, TextIO

_CONTROLS = [*range(0x00, 0x20), *range(0x7F, 0xA0)]
_ESCAPES = {c: f"\\u{c:04x}" for c in _CONTROLS if chr(c) not in "\n\t"}
_ESCAPES_STDERR = {c: e for c, e in _ESCAPES.items() if chr(c) != "\r"}


def escape_controls(text: str, keep_cr: bool = False) -> str:
    return text.translate(_ESCAPES_STDERR if keep_cr else _ESCAPES)


class EscapingStream:
    """Wraps a text stream; everything written through it is escaped."""

    def __init__(self, stream: TextIO, keep_cr: bool = False) -> None:
        self._stream = stream
        self._table = _ESCAPES_STDERR if keep_cr else _ESCAPES

    def write(self, text: str) -> int:
        self._stream.write(text.translate(self._table))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, encoding, ...
        return getattr(self._stream, name)


@contextlib.contextmanager
def escaped_output() -> Iterator[None]:
    """Escape control characters on stdout and stderr while the block runs."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = EscapingStream(out)
    sys.stderr = EscapingStream(err, keep_cr=True)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
