"""The instructor area's data: the PIN, and comments / adjusted scores on attempts.

The PIN keeps learners on a shared lab PC out of each other's logs. Only a salted
scrypt hash is stored (hashlib.scrypt, N=2**14, r=8, p=1), compared in constant time.
Reviews are appended beside the original scores and never replace them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from trainer.core.vocab import INDICATORS
from trainer.exchange.source import Source, opened
from trainer.store.db import StoreError, new_id, now_iso

PIN_KEY = "pin_hash"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PIN, MAX_PIN = 4, 64


class PinError(StoreError):
    pass


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)


def _stored(source: Source) -> str | None:
    with opened(source) as db:
        row = db.execute(
            "select value from instructor_settings where key = ?", [PIN_KEY]
        ).fetchone()
    return str(row[0]) if row and row[0] else None


def has_pin(source: Source) -> bool:
    return _stored(source) is not None


def verify_pin(source: Source, pin: str) -> bool:
    stored = _stored(source)
    if stored is None:
        return False
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(hash_hex)
        actual = _hash(pin, bytes.fromhex(salt_hex), int(n), int(r), int(p))
    except (ValueError, MemoryError):
        return False  # a damaged entry never lets anyone in
    return hmac.compare_digest(actual, expected)


def set_pin(source: Source, pin: str, old_pin: str | None = None) -> None:
    """Set the PIN on first use; changing it needs the current one."""
    if not MIN_PIN <= len(pin) <= MAX_PIN or pin.strip() != pin:
        raise PinError(
            f"the PIN needs {MIN_PIN} to {MAX_PIN} characters, without spaces at the ends"
        )
    if has_pin(source) and (old_pin is None or not verify_pin(source, old_pin)):
        raise PinError("the current PIN is not correct")
    salt = secrets.token_bytes(16)
    digest = _hash(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    value = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"
    with opened(source) as db:
        db.table("instructor_settings").upsert(
            {"key": PIN_KEY, "value": value, "updated_at": now_iso()}, pk="key"
        )


# -- reviews -------------------------------------------------------------------


def add_review(
    source: Source,
    attempt_id: str,
    *,
    comment: str | None = None,
    adjusted_score: int | None = None,
    indicator: str | None = None,
    author: str | None = None,
) -> str:
    """Append an instructor's comment and/or adjusted score (0–100) to an attempt.

    `indicator` None means the adjusted score is for the attempt's total.
    """
    text = (comment or "").strip() or None
    if text is None and adjusted_score is None:
        raise StoreError("a review needs a comment or an adjusted score")
    if adjusted_score is not None and not 0 <= int(adjusted_score) <= 100:
        raise StoreError("an adjusted score must be between 0 and 100")
    if indicator is not None and indicator not in INDICATORS:
        raise StoreError(f"unknown indicator {indicator!r} (use one of {', '.join(INDICATORS)})")
    with opened(source) as db:
        if not db.execute("select 1 from attempts where id = ?", [attempt_id]).fetchone():
            raise StoreError(f"no attempt with id {attempt_id}")
        review_id = new_id()
        db.table("attempt_reviews").insert(
            {
                "id": review_id,
                "attempt_id": attempt_id,
                "indicator": indicator,
                "adjusted_score": None if adjusted_score is None else int(adjusted_score),
                "comment": text,
                "author": (author or "").strip() or None,
                "created_at": now_iso(),
            }
        )
    return review_id


def reviews(source: Source, attempt_id: str) -> list[dict[str, Any]]:
    with opened(source) as db:
        return list(
            db["attempt_reviews"].rows_where(
                "attempt_id = ?", [attempt_id], order_by="created_at, rowid"
            )
        )


def adjusted_scores(source: Source, attempt_id: str) -> dict[str, int]:
    """The latest adjusted score per indicator ('total' for the attempt's total)."""
    result: dict[str, int] = {}
    for row in reviews(source, attempt_id):
        if row["adjusted_score"] is not None:
            result[row["indicator"] or "total"] = int(row["adjusted_score"])
    return result


#: SQL view of the latest adjusted score per (attempt, indicator), used by exports.
LATEST_ADJUSTED_SQL = """
select r.attempt_id, coalesce(r.indicator, 'total') as indicator, r.adjusted_score
from attempt_reviews r
where r.adjusted_score is not null and r.rowid = (
    select r2.rowid from attempt_reviews r2
    where r2.attempt_id = r.attempt_id and r2.indicator is r.indicator
      and r2.adjusted_score is not null
    order by r2.created_at desc, r2.rowid desc limit 1)
"""
