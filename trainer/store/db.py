"""Opening the learner database and writing to it durably.

- WAL journal with synchronous=FULL: a committed decision survives power loss.
- Each decision and everything it implies (report, reflection, scores, the attempt
  summary) is one transaction (`db.atomic()`), so no decision is ever half-written.
- A file written by a newer version of the trainer is refused, never "upgraded down".
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from trainer.core.clean_text import strip_controls
from trainer.store.schema import MIGRATION_SET, known_migrations, migrations
from trainer.store.sqlite_file import file_uri, foreign_application, set_application_id

DB_FILENAME = "trainer.db"
APP_VERSION = "0.1.0"


class StoreError(Exception):
    """A database problem explained for a person (message is shown as is)."""


class DatabaseTooNew(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class SchemaUpgradeNeeded(StoreError):
    """A reader opened a database that lacks a schema step (see open_database)."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    """A random (version 4) UUID as lowercase text: str(uuid.uuid4()) without the
    UUID object, since a completed attempt writes about fifteen rows in one click."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def applied_migrations(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def check_version(db: Database) -> None:
    known = set(known_migrations())
    unknown = [name for name in applied_migrations(db) if name not in known]
    if unknown:
        raise DatabaseTooNew(
            f"{db_path_of(db)} was written by a newer version of the trainer "
            f"(schema steps {', '.join(unknown)}); please update the app to open it."
        )


def db_path_of(db: Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row and row[2] else ":memory:"


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """Problems reported by `PRAGMA quick_check` (empty when healthy)."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    except UnicodeDecodeError:  # SQLite's message quoted a damaged, non-UTF-8 schema
        return ["malformed database schema (not UTF-8)"]
    messages = [str(r[0]) for r in rows]
    return [] if messages == ["ok"] else messages


def configure(db: Database) -> None:
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")


def open_database(path: Path, *, check: bool = True, migrate: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at `path`.

    Without `migrate`, a database that lacks a schema step is refused (StoreError):
    readers such as exports never migrate (trainer.store.recovery does, under the
    writer lock and after a backup). A file of another program (its application_id)
    is refused; a trainer database gets the trainer's application_id.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(file_uri(path), uri=True, isolation_level=None, check_same_thread=False)
    db = Database(conn)
    try:
        if check:
            problems = quick_check(conn)
            if problems:
                raise DatabaseCorrupt(f"{path} is damaged: {problems[0]}")
        foreign = foreign_application(conn)
        if foreign:
            raise StoreError(f"{path} is not a trainer database: {foreign}")
        configure(db)
        check_version(db)
        if migrate:
            migrations.apply(db)
            set_application_id(conn)
        elif set(known_migrations()) - set(applied_migrations(db)):
            raise SchemaUpgradeNeeded(
                f"{path} needs a schema upgrade first: open the data folder in the trainer "
                "(or run `python -m trainer db backup`) and try again"
            )
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseCorrupt(f"{path} cannot be read as a trainer database: {exc}") from None
    except UnicodeDecodeError:
        conn.close()
        raise DatabaseCorrupt(f"{path} is damaged: its schema is not readable") from None
    except StoreError:
        conn.close()
        raise
    return db


def open_memory() -> Database:
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return db


@dataclass(frozen=True)
class DecisionRecord:
    attempt_id: str
    seq: int
    step: str
    indicator: str
    action: dict[str, Any]
    quality: str | None
    think_ms: int
    mood_before: int
    mood_after: int
    sim_minute: int
    cost_total: int
    facts_found: int


class Store:
    """The repository: every read and write of learner data goes through here."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, path: Path) -> Store:
        return cls(open_database(path))

    def close(self) -> None:
        self.db.close()

    # -- learners ------------------------------------------------------------

    def create_learner(
        self, display_name: str, student_no: str | None = None, class_name: str | None = None
    ) -> str:
        # Control characters (ESC, CR ...) are stripped on input (issue 15).
        name = strip_controls(display_name, multiline=False).strip()
        if not name:
            raise StoreError("a learner needs a display name")
        learner_id = new_id()
        self.db.table("learners").insert(
            {
                "id": learner_id,
                "display_name": name,
                "student_no": strip_controls(student_no or "", multiline=False).strip() or None,
                "class_name": strip_controls(class_name or "", multiline=False).strip() or None,
                "created_at": now_iso(),
            }
        )
        return learner_id

    def learner_by_name(self, display_name: str) -> dict[str, Any] | None:
        name = strip_controls(display_name, multiline=False).strip()
        rows = list(
            self.db.table("learners").rows_where(
                "display_name = ?", [name], order_by="created_at", limit=1
            )
        )
        return rows[0] if rows else None

    def learner_id_for(self, display_name: str) -> str:
        row = self.learner_by_name(display_name)
        return str(row["id"]) if row else self.create_learner(display_name)

    def learners(self) -> list[dict[str, Any]]:
        return list(self.db.table("learners").rows_where(order_by="display_name"))

    def learner(self, learner_id: str) -> dict[str, Any]:
        return dict(self.db.table("learners").get(learner_id))

    # -- attempts ------------------------------------------------------------

    def start_attempt(
        self,
        learner_id: str,
        case_id: str,
        case_version: int,
        case_digest: str,
        case_title: str,
        mode: str,
        lang: str,
        mood: int,
        authority: int,
        order_seed: int | None = None,
    ) -> str:
        attempt_id = new_id()
        stamp = now_iso()
        self.db.table("attempts").insert(
            {
                "id": attempt_id,
                "learner_id": learner_id,
                "case_id": case_id,
                "case_version": case_version,
                "case_digest": case_digest,
                "case_title": case_title,
                "mode": mode,
                "lang": lang,
                "status": "in_progress",
                "started_at": stamp,
                "updated_at": stamp,
                "step": "questioning",
                "mood": mood,
                "sim_minutes": 0,
                "cost": 0,
                "authority": authority,
                "decisions": 0,
                "escalated": 0,
                "app_version": APP_VERSION,
                "order_seed": order_seed,
            }
        )
        return attempt_id

    def attempt(self, attempt_id: str) -> dict[str, Any]:
        rows = list(self.db.table("attempts").rows_where("id = ?", [attempt_id]))
        if not rows:
            raise StoreError(f"no attempt with id {attempt_id}")
        return rows[0]

    def attempts(self, learner_id: str | None = None) -> list[dict[str, Any]]:
        if learner_id:
            return list(
                self.db.table("attempts").rows_where(
                    "learner_id = ?", [learner_id], order_by="started_at desc"
                )
            )
        return list(self.db.table("attempts").rows_where(order_by="started_at desc"))

    def unfinished_attempts(self, learner_id: str | None = None) -> list[dict[str, Any]]:
        where = "status = 'in_progress'"
        params: list[Any] = []
        if learner_id:
            where += " and learner_id = ?"
            params.append(learner_id)
        return list(self.db.table("attempts").rows_where(where, params, order_by="updated_at desc"))

    def abandon_attempt(self, attempt_id: str) -> None:
        self.db.table("attempts").update(
            attempt_id, {"status": "abandoned", "updated_at": now_iso()}
        )

    # -- decisions -----------------------------------------------------------

    def record_decision(
        self,
        record: DecisionRecord,
        attempt_update: dict[str, Any],
        extra_rows: dict[str, list[dict[str, Any]]] | None = None,
    ) -> str:
        """Append one decision and everything it implies, in one durable transaction.

        Plain prepared statements on the sqlite-utils connection: this is the hot
        path of every click, and the generic table helpers re-read the schema on
        each call.
        """
        decision_id = new_id()
        stamp = now_iso()
        action = record.action
        row = {
            "id": decision_id,
            "attempt_id": record.attempt_id,
            "seq": record.seq,
            "ts": stamp,
            "think_ms": record.think_ms,
            "step": record.step,
            "indicator": record.indicator,
            "action": action["name"],
            "option_id": action.get("option_id"),
            "quality": record.quality,
            "free_text": action.get("free_text"),
            "payload": json.dumps(action.get("payload") or {}, ensure_ascii=False),
            "mood_before": record.mood_before,
            "mood_after": record.mood_after,
            "sim_minute": record.sim_minute,
            "cost_total": record.cost_total,
            "facts_found": record.facts_found,
        }
        update = {**attempt_update, "updated_at": stamp}
        with self.db.atomic():
            self._insert("decisions", row)
            for table, rows in (extra_rows or {}).items():
                self._insert_many(table, rows)
            assignments = ", ".join(f"[{column}] = ?" for column in update)
            self.db.execute(
                f"UPDATE attempts SET {assignments} WHERE id = ?",
                [*update.values(), record.attempt_id],
            )
        return decision_id

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        # Table and column names come from this module, never from user input.
        columns = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({marks})", list(row.values()))

    def _insert_many(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Rows with the same columns, each given a new id, in one prepared statement."""
        if not rows:
            return
        columns = list(rows[0])
        if any(list(row) != columns for row in rows):
            raise ValueError(f"rows for {table} differ in their columns")
        names = ", ".join(f"[{c}]" for c in ("id", *columns))
        marks = ", ".join("?" * (len(columns) + 1))
        self.db.conn.executemany(
            f"INSERT INTO [{table}] ({names}) VALUES ({marks})",
            [[new_id(), *row.values()] for row in rows],
        )

    def decisions(self, attempt_id: str) -> list[dict[str, Any]]:
        return list(
            self.db.table("decisions").rows_where("attempt_id = ?", [attempt_id], order_by="seq")
        )

    def iter_actions(self, attempt_id: str) -> Iterator[dict[str, Any]]:
        for row in self.decisions(attempt_id):
            yield {
                "name": row["action"],
                "option_id": row["option_id"],
                "free_text": row["free_text"],
                "payload": json.loads(row["payload"] or "{}"),
            }

    def rows(self, table: str, attempt_id: str) -> list[dict[str, Any]]:
        return list(self.db.table(table).rows_where("attempt_id = ?", [attempt_id]))

    def scores(self, attempt_id: str) -> dict[str, dict[str, Any]]:
        return {r["indicator"]: r for r in self.rows("scores", attempt_id)}

    def counts(self) -> dict[str, int]:
        from trainer.store.schema import DATA_TABLES

        return {t: self.db.table(t).count for t in DATA_TABLES}


__all__ = [
    "DB_FILENAME",
    "MIGRATION_SET",
    "DatabaseCorrupt",
    "DatabaseTooNew",
    "DecisionRecord",
    "Store",
    "StoreError",
    "open_database",
]
