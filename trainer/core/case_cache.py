"""A cache of validated cases, so the app does not re-parse YAML on every start.

Entries are keyed by the SHA-256 of the case file's bytes and of the model's source,
so an edited case or a changed schema simply misses. An entry holds the validated
case as JSON and is validated again on the way in (pydantic's JSON parser is about
ten times faster than YAML parsing), so a tampered cache cannot smuggle in anything
a case file could not. Any problem with the cache falls back to the real loader.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from trainer.core import model
from trainer.core.model import Case


@cache
def _model_fingerprint() -> bytes:
    return hashlib.sha256(Path(model.__file__).read_bytes()).digest()


def cache_key(data: bytes) -> str:
    return hashlib.sha256(_model_fingerprint() + data).hexdigest()


def read(cache_dir: Path, key: str) -> Case | None:
    try:
        text = (cache_dir / f"{key}.json").read_bytes()
    except OSError:
        return None
    try:
        return Case.model_validate_json(text)
    except ValidationError:
        return None


def write(cache_dir: Path, key: str, case: Case) -> None:
    """Best effort: a read-only or full disk just means no cache."""
    target = cache_dir / f"{key}.json"
    temp = target.with_suffix(f".{os.getpid()}.tmp")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temp.write_text(case.model_dump_json(by_alias=True), encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def prune(cache_dir: Path, keep: set[str]) -> None:
    """Drop entries of case files that no longer exist (best effort)."""
    try:
        entries = list(cache_dir.glob("*.json"))
    except OSError:
        return
    for entry in entries:
        if entry.stem not in keep:
            with contextlib.suppress(OSError):
                entry.unlink()
