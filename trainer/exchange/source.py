"""Accept a Store, a sqlite-utils Database or a database path wherever a source is needed."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from trainer.store.db import SchemaUpgradeNeeded, Store, open_database

Source = Store | Database | Path | str


@contextlib.contextmanager
def opened(source: Source) -> Iterator[Database]:
    """The database behind `source`; closed afterwards only if opened here."""
    if isinstance(source, Store):
        yield source.db
    elif isinstance(source, Database):
        yield source
    else:
        path = Path(source)
        if path.is_dir():
            path = path / "trainer.db"
        try:
            # Exports read: the live database is never migrated here without the
            # writer lock and a backup (trainer.store.recovery.upgrade_locked).
            db = open_database(path, migrate=False)
        except SchemaUpgradeNeeded:
            from trainer.store.recovery import upgrade_locked

            upgrade_locked(path).close()
            db = open_database(path, migrate=False)
        try:
            yield db
        finally:
            db.close()


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, name: str = "exchange") -> Iterator[None]:
    """One all-or-nothing unit of work (a savepoint, so it nests inside others)."""
    conn.execute(f"savepoint {name}")
    try:
        yield
    except BaseException:
        conn.execute(f"rollback to {name}")
        conn.execute(f"release {name}")
        raise
    conn.execute(f"release {name}")
