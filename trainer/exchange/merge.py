"""Merging learner logs into the class database.

Rules (docs/exchange.md):
- Every incoming file is checked (validate.py); one bad file refuses the whole merge
  and nothing changes.
- The class database is backed up (trainer.store.backup, when present) first.
- The files are checked and copied, a batch at a time, into staging files (pure SQL
  through a read-only ATTACH; merge_stage.py, in a child process for a big merge);
  each staged batch is merged as soon as it is ready, all in ONE transaction:
  `INSERT ... SELECT ... ON CONFLICT(id) DO NOTHING`, so only rows whose id is new
  are added. Ids are UUIDs, so a row already present is skipped: merging the same
  file twice adds nothing.
- An attempt row is the one mutable row: the copy with more decisions (then the
  later `updated_at`) wins, so an attempt exported mid-way and again when finished
  ends up finished, whatever the order of the files.
- A row that clashes with a different row on a natural key (same attempt and seq
  but another id) refuses the merge: that is never produced by the app.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from trainer.exchange.atomic import ExportError
from trainer.exchange.merge_stage import (
    InProcessStaging,
    StagedBatch,
    StageJob,
    StagingChild,
    staged_table,
)
from trainer.exchange.validate import CheckedLog, RefusedFile, ro_uri
from trainer.store.db import Store, StoreError, configure, db_path_of, open_database
from trainer.store.schema import DATA_TABLES, known_migrations

Target = Store | Path | str
MERGE_CACHE_KIB = 128 * 1024  # page cache of the merge connection
MAX_BATCHES = 9  # staging files attached at once; SQLite allows 10 by default
CHILD_MIN_BYTES = 16 * 1024**2  # incoming bytes worth a staging process (trainer.exchange.child)


@dataclass
class TableCount:
    added: int = 0
    present: int = 0
    updated: int = 0

    def add(self, other: TableCount) -> None:
        self.added += other.added
        self.present += other.present
        self.updated += other.updated


@dataclass
class MergeSummary:
    database: Path
    files: dict[str, dict[str, TableCount]] = field(default_factory=dict)
    backup: str | None = None

    @property
    def totals(self) -> dict[str, TableCount]:
        totals = {t: TableCount() for t in DATA_TABLES}
        for tables in self.files.values():
            for table, count in tables.items():
                totals[table].add(count)
        return totals

    def as_dict(self) -> dict[str, Any]:
        def plain(tables: dict[str, TableCount]) -> dict[str, dict[str, int]]:
            return {t: vars(c).copy() for t, c in tables.items()}

        return {
            "database": str(self.database),
            "backup": self.backup,
            "files": {name: plain(t) for name, t in self.files.items()},
            "totals": plain(self.totals),
        }

    def text(self) -> str:
        lines = [f"merged {len(self.files)} file(s) into {self.database}"]
        if self.backup:
            lines.append(f"  backup made first: {self.backup}")
        lines.append(f"  {'table':<18}{'added':>10}{'already present':>18}{'updated':>10}")
        for table, c in self.totals.items():
            lines.append(f"  {table:<18}{c.added:>10,}{c.present:>18,}{c.updated:>10,}")
        return "\n".join(lines)


def _target_path(target: Target) -> Path:
    if isinstance(target, Store):
        name = db_path_of(target.db)
        if name == ":memory:":
            raise ExportError("cannot merge into an in-memory database")
        return Path(name)
    path = Path(target)
    return path / "trainer.db" if path.is_dir() else path


def _backup(path: Path) -> str | None:
    """Back the class database up first, if the backup module is installed yet."""
    try:
        module = importlib.import_module("trainer.store.backup")
    except ModuleNotFoundError:
        return None
    try:
        try:
            result = module.backup_now(path, "merge", force=True)
        except TypeError:  # an older signature without `force`
            result = module.backup_now(path, "merge")
    except Exception as exc:  # any failure to back up stops the merge
        raise ExportError(
            f"could not back up {path} before merging, so nothing was merged: {exc}"
        ) from exc
    return None if result is None else str(result)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"pragma main.table_info([{table}])")]


def _batches(count: int) -> list[range]:
    """Split file numbers 0..count-1 into at most MAX_BATCHES contiguous runs.

    The first and last runs are half the size of the others: the merge waits for the
    first before it can start, and merges the last after the checks are done.
    """
    if count <= MAX_BATCHES:
        return [range(n, n + 1) for n in range(count)]
    weights = [1] + [2] * (MAX_BATCHES - 2) + [1]
    whole = sum(weights)
    bounds = [(count * sum(weights[:n]) + whole // 2) // whole for n in range(MAX_BATCHES + 1)]
    return [range(a, b) for a, b in pairwise(bounds) if b > a]


def _merge_one(
    conn: sqlite3.Connection, log: CheckedLog, schema: str, number: int
) -> dict[str, TableCount]:
    counts: dict[str, TableCount] = {}
    for table in DATA_TABLES:
        stage = f"{schema}.[{staged_table(number, table)}]"
        cols = ", ".join(f"[{c}]" for c in _columns(conn, table))
        try:
            # New ids only: a row whose id is present is skipped by the upsert (one
            # index probe, the insert's own). A new id that collides on another unique
            # key (same attempt and seq, say) is a clash the app never produces: the
            # conflict target is `id` alone, so that still raises, and is refused.
            # ("where true" keeps SQLite from reading ON CONFLICT as a join clause.)
            added = conn.execute(
                f"insert into main.[{table}] ({cols}) select {cols} from {stage} "
                "where true on conflict(id) do nothing"
            ).rowcount
        except sqlite3.IntegrityError:
            raise RefusedFile(
                f"{log.original.name}: refused: {table} rows clash with different rows "
                "already in the class database"
            ) from None
        updated = _update_attempts(conn, stage) if table == "attempts" else 0
        counts[table] = TableCount(added, log.counts[table] - added - updated, updated)
    return counts


def _update_attempts(conn: sqlite3.Connection, stage: str) -> int:
    """Take the incoming copy of an attempt that has progressed further."""
    cols = [c for c in _columns(conn, "attempts") if c != "id"]
    newer = (
        f"select i.id from {stage} i join main.attempts m on m.id = i.id "
        "where coalesce(i.decisions, 0) > coalesce(m.decisions, 0) "
        "or (coalesce(i.decisions, 0) = coalesce(m.decisions, 0) "
        "and coalesce(i.updated_at, '') > coalesce(m.updated_at, ''))"
    )
    targets = ", ".join(f"[{c}]" for c in cols)
    return conn.execute(
        f"update main.attempts set ({targets}) = "
        f"(select {targets} from {stage} i where i.id = main.attempts.id) "
        f"where id in ({newer})"
    ).rowcount


def merge_files(target: Target, files: Sequence[Path | str]) -> MergeSummary:
    """Merge learner logs into the database at `target` (a Store, a file or a data dir)."""
    if not files:
        raise ExportError("give at least one log file to merge")
    path = _target_path(target)
    if not isinstance(target, Store):
        open_database(path).close()  # create / migrate / version-check the target
    probe = sqlite3.connect(ro_uri(path), uri=True)
    try:
        columns = {t: _columns(probe, t) for t in DATA_TABLES}
    finally:
        probe.close()
    summary = MergeSummary(database=path)
    with tempfile.TemporaryDirectory(prefix="trainer-merge-") as work:
        job = StageJob(
            files=[str(f) for f in files],
            batches=[(run.start, run.stop) for run in _batches(len(files))],
            work=work,
            columns=columns,
            known=known_migrations(),
        )
        # A child process checks and stages the batches while this one merges those
        # already staged, inside the one transaction: a staging file attached
        # mid-transaction is read from the moment it is first used, and SQLite
        # refuses to detach it before the commit, hence batches (at most MAX_BATCHES
        # attached files) rather than one attachment per incoming file.
        staging = StagingChild(job) if _worth_a_child(files) else InProcessStaging(job)
        try:
            conn = sqlite3.connect(path.resolve().as_uri(), uri=True, isolation_level=None)
            try:
                summary.backup = _merge_batches(conn, path, staging, summary)
            except sqlite3.Error as exc:
                _roll_back(conn)
                raise StoreError(f"merge failed, nothing was changed: {exc}") from None
            except BaseException:
                _roll_back(conn)
                raise
            finally:
                conn.close()
        finally:
            staging.close()
    return summary


def _worth_a_child(files: Sequence[Path | str]) -> bool:
    """A child process pays for its start (~0.15 s) once there is enough to check."""
    if (os.cpu_count() or 1) < 2:
        return False
    size = 0
    for file in files:
        with contextlib.suppress(OSError):  # the checks will say what is wrong with it
            size += os.stat(file).st_size
    return size >= CHILD_MIN_BYTES


def _merge_batches(
    conn: sqlite3.Connection,
    path: Path,
    staging: Iterable[StagedBatch],
    summary: MergeSummary,
) -> str | None:
    """Back the class database up, then merge each staged batch in order, in one transaction."""
    conn.execute("pragma trusted_schema = off")
    configure(Database(conn))
    # Incoming ids are random UUIDs, so index inserts land all over the class
    # database's B-trees: a cache that holds them saves re-reading pages.
    conn.execute(f"pragma cache_size = -{MERGE_CACHE_KIB}")
    conn.execute("pragma temp_store = memory")
    backup = _backup(path)
    conn.execute("begin immediate")
    for number, batch in enumerate(staging):  # the first bad file (in order) refuses all
        schema = f"staged_{number}"
        conn.execute(f"attach database ? as {schema}", [ro_uri(batch.staging)])
        for file, log in zip(batch.numbers, batch.logs, strict=True):
            _add_counts(summary, log, _merge_one(conn, log, schema, file))
    conn.execute("commit")
    return backup


def _roll_back(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("rollback")


def _add_counts(summary: MergeSummary, log: CheckedLog, counts: dict[str, TableCount]) -> None:
    key = str(log.original)
    if key in summary.files:  # the same file named twice
        for table, count in counts.items():
            summary.files[key][table].add(count)
    else:
        summary.files[key] = counts
