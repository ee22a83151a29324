"""Stable pseudonyms for learners, kept only in the instructor's database.

A pseudonym is random (not derived from the name, so it cannot be reversed by
guessing names) and, once given, is reused by every later export, so files made on
different days can still be joined on it. The `pseudonyms` table is never exported.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from datetime import datetime

from trainer.exchange.source import transaction
from trainer.store.db import now_iso

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
PREFIX = "P-"


def _new_pseudonym() -> str:
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(8))


def ensure_pseudonyms(conn: sqlite3.Connection) -> None:
    """Give every learner without one a pseudonym (one transaction)."""
    missing = [
        r[0]
        for r in conn.execute(
            "select id from learners where id not in (select learner_id from pseudonyms)"
        )
    ]
    if not missing:
        return
    taken = {r[0] for r in conn.execute("select pseudonym from pseudonyms")}
    stamp = now_iso()
    rows = []
    for learner_id in missing:
        name = _new_pseudonym()
        while name in taken:
            name = _new_pseudonym()
        taken.add(name)
        rows.append((learner_id, name, stamp))
    with transaction(conn, "pseudonyms"):
        conn.executemany(
            "insert or ignore into pseudonyms (learner_id, pseudonym, created_at) values (?, ?, ?)",
            rows,
        )


def pseudonym_map(conn: sqlite3.Connection) -> dict[str, str]:
    """learner id -> pseudonym, for every learner (created on demand)."""
    ensure_pseudonyms(conn)
    return {r[0]: r[1] for r in conn.execute("select learner_id, pseudonym from pseudonyms")}


class Namer:
    """What an export shows for a learner: real identity, or the stable pseudonym."""

    def __init__(self, conn: sqlite3.Connection, pseudonymize: bool) -> None:
        self.pseudonymize = pseudonymize
        self._map = pseudonym_map(conn) if pseudonymize else {}

    def name(self, learner_id: str, display_name: str | None) -> str | None:
        return self._map.get(learner_id, PREFIX + "?") if self.pseudonymize else display_name

    def student_no(self, learner_id: str, student_no: str | None) -> str | None:
        if not self.pseudonymize:
            return student_no
        return self._map.get(learner_id) if student_no else None


# -- re-keying and coarse time, so a pseudonymised export cannot be joined back ------

REKEY_KEY = "rekey_secret"


def _rekey_secret(conn: sqlite3.Connection) -> bytes:
    """A random secret kept in instructor_settings (never exported), made on first use."""
    row = conn.execute(
        "select value from instructor_settings where key = ?", [REKEY_KEY]
    ).fetchone()
    if row and row[0]:
        return bytes.fromhex(str(row[0]))
    secret = secrets.token_bytes(32)
    with transaction(conn, "rekey"):
        conn.execute(
            "insert or ignore into instructor_settings (key, value, updated_at) values (?, ?, ?)",
            [REKEY_KEY, secret.hex(), now_iso()],
        )
    row = conn.execute(
        "select value from instructor_settings where key = ?", [REKEY_KEY]
    ).fetchone()
    return bytes.fromhex(str(row[0]))


class Rekeyer:
    """Maps learner / attempt / row ids to stable stand-ins (a keyed hash, UUID-shaped).

    The same id always gets the same stand-in in this instructor database (so
    pseudonymised exports made on different days still join with each other), but
    without the secret nobody can compute it from an id in a normal export.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._secret = _rekey_secret(conn)

    def __call__(self, value: str | None) -> str | None:
        if value is None:
            return None
        digest = bytearray(
            hmac.new(self._secret, str(value).encode(), hashlib.sha256).digest()[:16]
        )
        digest[6] = (digest[6] & 0x0F) | 0x40
        digest[8] = (digest[8] & 0x3F) | 0x80
        h = digest.hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def round_minute(stamp: str | None) -> str | None:
    """An ISO 8601 timestamp truncated to the minute ('...T10:41:00+00:00')."""
    if not stamp:
        return stamp
    try:
        moment = datetime.fromisoformat(str(stamp))
    except ValueError:
        return stamp
    return moment.replace(second=0, microsecond=0).isoformat()
