"""Autosaved drafts of cases being edited: `<data dir>/editor/drafts/<key>.yaml`.

A draft is written (atomically) a few seconds after the author stops typing and
removed when the case is saved or the edit discarded. Opening a case that has a newer
draft offers to restore it. The sidecar `<key>.json` says where the case came from.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_SAFE = re.compile(r"[^a-z0-9_\-]")


def drafts_dir(root: Path) -> Path:
    return root / "editor" / "drafts"


def draft_key(case_id: str) -> str:
    key = _SAFE.sub("_", case_id.lower())[:64]
    return key or "untitled"


@dataclass(frozen=True)
class Draft:
    key: str
    text: str
    origin: str
    saved_at: str


def _write_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_draft(root: Path, key: str, text: str, origin: str) -> Path:
    folder = drafts_dir(root)
    path = folder / f"{draft_key(key)}.yaml"
    _write_atomic(path, text)
    meta = {"origin": origin, "saved_at": datetime.now(UTC).isoformat(timespec="seconds")}
    _write_atomic(folder / f"{draft_key(key)}.json", json.dumps(meta, ensure_ascii=False))
    return path


def load_draft(root: Path, key: str) -> Draft | None:
    folder = drafts_dir(root)
    path = folder / f"{draft_key(key)}.yaml"
    if not path.is_file():
        return None
    try:
        meta = json.loads((folder / f"{draft_key(key)}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    return Draft(
        key=draft_key(key),
        text=path.read_text(encoding="utf-8"),
        origin=str(meta.get("origin", "")),
        saved_at=str(meta.get("saved_at", "")),
    )


def discard_draft(root: Path, key: str) -> None:
    folder = drafts_dir(root)
    for suffix in (".yaml", ".json"):
        (folder / f"{draft_key(key)}{suffix}").unlink(missing_ok=True)


def list_drafts(root: Path) -> list[str]:
    folder = drafts_dir(root)
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml"))
