"""The few pieces every generated HTML document shares: the colours and escaping.

Author and learner text always goes through `esc` (plain text, never markup).
"""

from __future__ import annotations

import html
from typing import Any

PRIMARY = "#2a5bd7"
MUTED = "#5f6b7a"


def esc(value: Any) -> str:
    """Escape anything shown in the sheet; newlines become line breaks."""
    return html.escape("" if value is None else str(value)).replace("\n", "<br/>")
