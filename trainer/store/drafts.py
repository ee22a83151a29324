"""Drafts of the 3.4 report and the 3.5 reflection (schema m004), so a crash or a
closed window never loses a half-filled form; deleted once the form is submitted."""

from __future__ import annotations

import json
from typing import Any, Literal

from trainer.store.db import Store, now_iso

DraftKind = Literal["report", "reflection"]
KINDS: tuple[DraftKind, ...] = ("report", "reflection")


def save_draft(store: Store, attempt_id: str, kind: DraftKind, payload: dict[str, Any]) -> None:
    """Replace the draft of `kind` for the attempt (one small transaction)."""
    if kind not in KINDS:
        raise ValueError(f"unknown draft kind {kind!r}")
    store.db.execute(
        "insert into drafts (attempt_id, kind, payload, updated_at) values (?, ?, ?, ?) "
        "on conflict (attempt_id, kind) do update set payload = excluded.payload, "
        "updated_at = excluded.updated_at",
        [attempt_id, kind, json.dumps(payload, ensure_ascii=False), now_iso()],
    )


def load_drafts(store: Store, attempt_id: str) -> dict[str, dict[str, Any]]:
    """{kind: payload} of the attempt's drafts (a damaged payload is skipped)."""
    drafts: dict[str, dict[str, Any]] = {}
    for kind, payload in store.db.execute(
        "select kind, payload from drafts where attempt_id = ?", [attempt_id]
    ).fetchall():
        try:
            value = json.loads(payload)
        except ValueError:
            continue
        if isinstance(value, dict):
            drafts[str(kind)] = value
    return drafts


def drop_draft(store: Store, attempt_id: str, kind: DraftKind | None = None) -> None:
    if kind is None:
        store.db.execute("delete from drafts where attempt_id = ?", [attempt_id])
    else:
        store.db.execute("delete from drafts where attempt_id = ? and kind = ?", [attempt_id, kind])
