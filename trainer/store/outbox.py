"""The LRS outbox: which statements an LRS acknowledged, per endpoint.

A push sends only statements whose ids are not recorded here for that endpoint,
and records each batch as soon as the LRS acknowledges it, so an interrupted push
resumes where it stopped and a second push sends nothing new.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from trainer.store.db import now_iso


def endpoint_key(url: str) -> str:
    """The endpoint as recorded: no trailing slash, no `/statements`."""
    key = url.strip().rstrip("/")
    if key.endswith("/statements"):
        key = key[: -len("/statements")]
    return key


def acked_ids(db: Database, endpoint: str) -> set[str]:
    rows = db.execute(
        "select statement_id from lrs_outbox where endpoint = ?", [endpoint_key(endpoint)]
    )
    return {str(r[0]) for r in rows}


def record_acked(db: Database, endpoint: str, items: Iterable[tuple[str, str | None]]) -> int:
    """Record (statement id, attempt id) pairs as acknowledged, in one transaction."""
    key, stamp = endpoint_key(endpoint), now_iso()
    rows = [(key, sid, aid, stamp) for sid, aid in items]
    with db.atomic():
        db.conn.executemany(
            "insert or ignore into lrs_outbox (endpoint, statement_id, attempt_id, acked_at) "
            "values (?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def summary(db: Database) -> list[dict[str, object]]:
    """Per endpoint: statements acknowledged and the last acknowledgement."""
    rows = db.execute(
        "select endpoint, count(*), max(acked_at) from lrs_outbox group by endpoint order by 1"
    )
    return [{"endpoint": e, "statements": int(n), "last_acked": t} for e, n, t in rows]
