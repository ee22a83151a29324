"""User settings: a small dict-like object stored as JSON in the data dir (Qt-free).

Like Mu's settings: DEFAULTS live in code, only keys that differ from them are
written, and a damaged file never stops the app (it falls back to the defaults).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"

DEFAULTS: dict[str, Any] = {
    # The instructor area can hide the customer's mood meter from learners.
    "show_mood_meter": True,
    # UI language: "zh-TW" (default) or "en".
    "language": "zh-TW",
    # Text scale factor set with Ctrl+= / Ctrl+-.
    "font_scale": 1.0,
    # Last mode picked in the library: "practice" or "assessment".
    "mode": "practice",
    "last_learner_id": None,
    # Play page pane sizes [conversation, actions, side] after the learner moved them.
    "play_split": None,
    # The main window's geometry (QWidget.saveGeometry, base64) when not maximised.
    "window_geometry": None,
    # Library language filter: "all", "en" (cases with English) or "zh-only".
    "library_language": "all",
}


class Settings(MutableMapping[str, Any]):
    """Settings of one data directory; every change is saved at once."""

    def __init__(self, path: Path | None, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = dict(values or {})

    @classmethod
    def load(cls, root: Path) -> Settings:
        path = root / SETTINGS_FILE
        values: dict[str, Any] = {}
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(raw, dict):
                values = {k: v for k, v in raw.items() if k in DEFAULTS}
            else:
                log.warning("ignoring %s: not a JSON object", path)
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable %s: %s", path, exc)
        return cls(path, values)

    def __getitem__(self, key: str) -> Any:
        if key in self._values:
            return self._values[key]
        return DEFAULTS[key]

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting '{key}'")
        if value == DEFAULTS[key]:
            self._values.pop(key, None)
        else:
            self._values[key] = value
        self.save()

    def __delitem__(self, key: str) -> None:
        self._values.pop(key, None)
        self.save()

    def __iter__(self) -> Iterator[str]:
        return iter(DEFAULTS)

    def __len__(self) -> int:
        return len(DEFAULTS)

    def save(self) -> None:
        """Write only the changed keys, atomically (temp file + replace)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self._values, ensure_ascii=False, indent=2, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
