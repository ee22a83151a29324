"""Text a person typed, cleaned on input (issue 15): no control characters.

C0 and C1 control characters (ESC, BEL, CR, the 8-bit CSI ...) are removed from
learner names and free text before they are stored, so they never reach a
terminal, a CSV cell or another laptop. Tab and newline stay where text may span
lines. Qt-free and dependency-free.
"""

from __future__ import annotations

import re
from typing import Any

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROLS_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")


def strip_controls(text: str, multiline: bool = True) -> str:
    """`text` without control characters (tab and newline kept when `multiline`)."""
    return (_CONTROLS if multiline else _CONTROLS_SINGLE_LINE).sub("", text)


def clean_value(value: Any) -> Any:
    """Every string inside a JSON-like value (dict keys included), cleaned."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    return value
