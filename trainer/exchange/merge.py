"""Merging learner logs into the class database.

Rules (docs/exchange.md):
- Every incoming file is read through SQLite and checked by value (validate.py,
  value_rules.py); one bad file refuses the whole merge and nothing changes.
- The files are checked and copied, a batch at a time, into staging files (pure SQL
  through a read-only ATTACH; merge_stage.py, in a child process for a big merge);
  each staged batch is merged as soon as it is ready, all in ONE transaction:
  `INSERT ... SELECT ... ON CONFLICT(id) DO NOTHING`, so only rows whose id is new
  are added, and merging the same file twice adds nothing.
- Attempts are append-only facts. An attempt's identity (learner, case, case
  version, order seed, mode, start, branch) never changes. An incoming copy of an
  attempt already merged may only extend it: the same decisions (and reports,
  reflections, self-ratings, scores) with identical content, then more, and only
  while the merged copy is unfinished. A shorter identical copy is "already
  present"; an unfinished copy abandoned later may mark it abandoned. Anything else
  is a Conflict that refuses the whole merge, naming the file, the attempt, both
  learners and what differs. A row whose id is taken by another record is one too.
- The class database passes the one health check (integrity_check) first; it is
  backed up once every file has passed and something will change, just before the
  commit (a WAL reader sees the state before the merge).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from filelock import FileLock
from sqlite_utils import Database

from trainer.exchange.atomic import ExportError
from trainer.exchange.leftovers import MERGE_PREFIX, OWNER_LOCK
from trainer.exchange.merge_stage import (
    InProcessStaging,
    StagedBatch,
    StageJob,
    StagingChild,
    staged_table,
)
from trainer.exchange.validate import CheckedLog, RefusedFile, show
from trainer.exchange.value_rules import UNIQUE_KEYS
from trainer.store import summary as dashboard_summary
from trainer.store.backup import backup_now
from trainer.store.db import Store, StoreError, configure, db_path_of, open_database
from trainer.store.schema import DATA_TABLES, known_migrations
from trainer.store.sqlite_file import file_uri, health_problems, ro_uri

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
class LearnerCount:
    """What one file brings for one learner (attempts by what the merge does with them)."""

    learner_id: str
    name: str
    student_no: str | None = None
    class_name: str | None = None
    new: int = 0  # attempts added
    extended: int = 0  # attempts the file takes further (or abandons)
    present: int = 0  # attempts already merged, identical
    stale: int = 0  # attempts merged further than this file's copy
    decisions: int = 0  # decisions added

    def add(self, other: LearnerCount) -> None:
        for name in ("new", "extended", "present", "stale", "decisions"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class MergeSummary:
    database: Path
    files: dict[str, dict[str, TableCount]] = field(default_factory=dict)
    backup: str | None = None
    #: file -> learner id -> what the file brings for that learner
    file_learners: dict[str, dict[str, LearnerCount]] = field(default_factory=dict)
    dry_run: bool = False

    @property
    def learners(self) -> dict[str, LearnerCount]:
        """Per learner, over every file."""
        total: dict[str, LearnerCount] = {}
        for per_file in self.file_learners.values():
            for key, count in per_file.items():
                if key not in total:
                    total[key] = LearnerCount(key, count.name, count.student_no, count.class_name)
                total[key].add(count)
        return total

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
            "learners": [vars(c).copy() for c in self.learners.values()],
        }

    def text(self) -> str:
        lines = [f"merged {len(self.files)} file(s) into {self.database}"]
        if self.backup:
            lines.append(f"  backup made first: {self.backup}")
        lines.append(f"  {'table':<18}{'added':>10}{'already present':>18}{'updated':>10}")
        for table, c in self.totals.items():
            lines.append(f"  {table:<18}{c.added:>10,}{c.present:>18,}{c.updated:>10,}")
        if self.learners:
            lines.append("  per learner / 每位學習者:")
            for p in sorted(self.learners.values(), key=lambda p: (p.class_name or "", p.name)):
                who = " ".join(str(x) for x in (p.class_name, p.student_no, p.name) if x)
                lines.append(
                    f"    {who}: {p.new} new attempt(s), {p.extended} taken further, "
                    f"{p.present} already merged, {p.stale} older copies; "
                    f"{p.decisions:,} decision(s) added"
                )
        return "\n".join(lines)


def _target_path(target: Target) -> Path:
    if isinstance(target, Store):
        name = db_path_of(target.db)
        if name == ":memory:":
            raise ExportError("cannot merge into an in-memory database")
        return Path(name)
    path = Path(target)
    return path / "trainer.db" if path.is_dir() else path


def _backup(path: Path) -> str:
    """Back up the class database's committed state (the merge's own transaction is
    not committed yet, and a WAL reader does not see it)."""
    try:
        # Checked before the merge began; this transaction has held the write lock
        # since, so the committed state cannot have changed.
        result = backup_now(path, "merge", force=True, checked=True)
    except (StoreError, OSError, sqlite3.Error) as exc:  # no backup, no merge
        raise ExportError(
            f"could not back up {path} before merging, so nothing was merged: {exc}"
        ) from exc
    return str(result)


def _healthy_target(path: Path) -> None:
    """The one health check (trainer.store.sqlite_file): never merge into a damaged file."""
    problems = health_problems(path)
    if problems:
        raise StoreError(
            f"{path} fails the integrity check ({show(problems[0])}); nothing was merged. "
            "Run `python -m trainer db check`, then `db restore`. / 班級資料庫未通過完整性檢查，未合併"
        )


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


#: An attempt's identity: never changed by a merge.
IDENTITY = (
    "learner_id",
    "case_id",
    "case_version",
    "order_seed",
    "mode",
    "started_at",
    "parent_attempt_id",
    "branch_seq",
)
#: Attempt columns that may differ between two copies with the same decisions: an
#: unfinished attempt abandoned on the laptop after it was handed in.
SAME_LOG_MUTABLE = ("status", "updated_at")
CHILD_TABLES = DATA_TABLES[2:]
MAX_NAMED = 3  # conflicts named in a refusal


class Conflict(RefusedFile):
    """An incoming copy that would change a record already in the class database."""


class _FileMerge:
    """Merging one staged file into the class database, inside the merge's transaction."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        log: CheckedLog,
        schema: str,
        number: int,
        columns: dict[str, list[str]],
    ) -> None:
        self.conn, self.log, self.columns = conn, log, columns
        self.stage = {t: f"{schema}.[{staged_table(number, t)}]" for t in DATA_TABLES}
        self.learners = self.stage["learners"]

    def refuse(self, attempt: str, what: str) -> Conflict:
        main = self.conn.execute(
            "select l.display_name, a.case_id from main.attempts a "
            "left join main.learners l on l.id = a.learner_id where a.id = ?",
            [attempt],
        ).fetchone()
        incoming = self.conn.execute(
            f"select l.display_name from {self.stage['attempts']} a "
            f"left join {self.learners} l on l.id = a.learner_id where a.id = ?",
            [attempt],
        ).fetchone()
        ours = f"{show(main[0])}, case {show(main[1])}" if main else "not in the class database"
        theirs = show(incoming[0]) if incoming else "(unknown learner)"
        return Conflict(
            f"{self.log.original.name}: refused: conflict on attempt {attempt} "
            f"(class database: {ours}; this file: {theirs}): {what}. A record already "
            "merged is never changed; nothing was merged / 衝突：此檔會改動已合併的作答紀錄，"
            "全部未合併"
        )

    def run(self) -> dict[str, TableCount]:
        conn = self.conn
        conn.execute("delete from temp.shared")
        conn.execute(
            "insert or ignore into temp.shared (id, incoming, existing, status) "
            "select i.id, coalesce(i.decisions, 0), coalesce(m.decisions, 0), m.status "
            f"from {self.stage['attempts']} i join main.attempts m on m.id = i.id"
        )
        shared = conn.execute("select count(*) from temp.shared").fetchone()[0]
        present = {t: 0 for t in CHILD_TABLES}
        updates = 0
        if shared:
            updates = self._check_attempts()
            for table in CHILD_TABLES:
                present[table] = self._check_children(table)
        self.learner_counts = self._learner_counts()
        counts: dict[str, TableCount] = {}
        for table in DATA_TABLES:
            added = self._insert(table)
            total = self.log.counts[table]
            if table == "attempts":
                expected = total - shared
            elif table == "learners":
                expected = added
            else:
                expected = total - present[table]
            if added != expected:
                self._collision(table)
            updated = 0
            if table == "attempts" and updates:
                updated = self._update_attempts()
            counts[table] = TableCount(added, total - added - updated, updated)
        return counts

    def _learner_counts(self) -> dict[str, LearnerCount]:
        """What the file brings per learner, from its attempt rows (after the checks)."""
        found: dict[str, LearnerCount] = {}
        for row in self.conn.execute(
            "select i.learner_id, l.display_name, l.student_no, l.class_name, "
            "sum(s.id is null), sum(s.action = 'update'), "
            "sum(s.action is null and s.incoming = s.existing), sum(s.incoming < s.existing), "
            "sum(case when s.id is null then coalesce(i.decisions, 0) "
            "when s.action = 'update' then s.incoming - s.existing else 0 end) "
            f"from {self.stage['attempts']} i left join temp.shared s on s.id = i.id "
            f"left join {self.learners} l on l.id = i.learner_id group by i.learner_id"
        ):
            found[row[0]] = LearnerCount(
                row[0], str(row[1]), row[2], row[3], *(int(n or 0) for n in row[4:])
            )
        return found

    def _insert(self, table: str) -> int:
        cols = ", ".join(f"[{c}]" for c in self.columns[table])
        try:
            # New ids only: a row whose id is present is skipped by the upsert (one
            # index probe, the insert's own); the checks before made sure that such a
            # row is identical. ("where true" keeps SQLite from reading ON CONFLICT
            # as a join clause.)
            return self.conn.execute(
                f"insert into main.[{table}] ({cols}) select {cols} from {self.stage[table]} "
                "where true on conflict(id) do nothing"
            ).rowcount
        except sqlite3.IntegrityError as exc:
            raise RefusedFile(
                f"{self.log.original.name}: refused: {table} rows clash with different rows "
                f"already in the class database ({exc})"
            ) from None

    def _check_attempts(self) -> int:
        """Identity, then extension; returns how many attempt rows the file updates."""
        conn, stage = self.conn, self.stage["attempts"]
        cols = self.columns["attempts"]
        identity = [c for c in IDENTITY if c in cols]
        differs = " or ".join(f"i.[{c}] is not m.[{c}]" for c in identity)
        picks = ", ".join(f"m.[{c}], i.[{c}]" for c in identity)
        for row in conn.execute(
            f"select i.id, {picks} from {stage} i join main.attempts m on m.id = i.id "
            f"where {differs} limit 1"
        ):
            what = [
                f"{c} {show(row[1 + 2 * n])} in the class database, {show(row[2 + 2 * n])} in the file"
                for n, c in enumerate(identity)
                if row[1 + 2 * n] != row[2 + 2 * n]
                or type(row[1 + 2 * n]) is not type(row[2 + 2 * n])
            ]
            raise self.refuse(row[0], "its identity differs: " + "; ".join(what))
        row = conn.execute(
            "select id, existing, incoming, status from temp.shared "
            "where incoming > existing and status != 'in_progress' limit 1"
        ).fetchone()
        if row:
            raise self.refuse(
                row[0],
                f"it is {row[3]} in the class database with {row[1]} decisions, and the file "
                f"adds decisions to it ({row[2]})",
            )
        rest = [c for c in cols if c not in ("id", *identity, *SAME_LOG_MUTABLE)]
        differs = " or ".join(f"i.[{c}] is not m.[{c}]" for c in rest)
        picks = ", ".join(f"m.[{c}], i.[{c}]" for c in rest)
        same = "select id from temp.shared where incoming = existing"
        row = conn.execute(
            f"select i.id, m.status, i.status, {picks} from {stage} i "
            f"join main.attempts m on m.id = i.id where i.id in ({same}) and ({differs} "
            "or (m.status = 'completed') != (i.status = 'completed')) limit 1"
        ).fetchone()
        if row:
            what = [
                f"{c} {show(row[3 + 2 * n])} → {show(row[4 + 2 * n])}"
                for n, c in enumerate(rest)
                if row[3 + 2 * n] != row[4 + 2 * n]
            ]
            if row[1] != row[2]:
                what.append(f"status {row[1]} → {row[2]}")
            raise self.refuse(row[0], "same decisions but a different record: " + "; ".join(what))
        conn.execute(
            "update temp.shared set action = 'update' where incoming > existing or ("
            f"incoming = existing and status = 'in_progress' and id in (select id from {stage} "
            "where status = 'abandoned'))"
        )
        return int(
            conn.execute("select count(*) from temp.shared where action = 'update'").fetchone()[0]
        )

    def _check_children(self, table: str) -> int:
        """Rows of shared attempts: same id, same content; a copy that does not extend
        an attempt adds nothing to it, and one that does keeps all it had. Returns
        the number of the file's rows already present."""
        conn, stage = self.conn, self.stage[table]
        cols = [c for c in self.columns[table] if c != "id"]
        differs = " or ".join(f"i.[{c}] is not m.[{c}]" for c in cols)
        # One pass over the file's rows of shared attempts (one index probe each);
        # the rows at fault are looked for only when there are some.
        present, changed, unasked, kept = conn.execute(
            "select count(m.id), coalesce(sum(m.id is not null and (" + differs + ")), 0), "
            "coalesce(sum(m.id is null and s.incoming <= s.existing), 0), "
            "coalesce(sum(m.id is not null and s.incoming >= s.existing), 0) "
            # (the file's rows outside: shared and main are probed by their keys)
            f"from {stage} i cross join temp.shared s on s.id = i.attempt_id "
            f"left join main.[{table}] m on m.id = i.id"
        ).fetchone()
        if changed:
            self._changed(table, cols, differs)
        key = _describe_key(table)
        if unasked:
            row = conn.execute(
                f"select m.attempt_id, {key} from {stage} m join temp.shared s "
                "on s.id = m.attempt_id and s.incoming <= s.existing "
                f"where not exists (select 1 from main.[{table}] x where x.id = m.id) limit 1"
            ).fetchone()
            raise self.refuse(
                row[0],
                f"the file adds {table} {show(row[1])} to it without extending its decisions",
            )
        # Every row the class database has for an attempt the file extends (or
        # repeats) must be in the file: count them through the attempt_id index.
        had = conn.execute(
            f"select count(*) from temp.shared s cross join main.[{table}] m "
            "on m.attempt_id = s.id where s.incoming >= s.existing"
        ).fetchone()[0]
        row = None
        if had != kept:
            row = conn.execute(
                f"select m.attempt_id, {key} from temp.shared s cross join main.[{table}] m "
                "on m.attempt_id = s.id where s.incoming >= s.existing "
                f"and m.id not in (select id from {stage}) limit 1"
            ).fetchone()
        if row:
            raise self.refuse(
                row[0],
                f"the file lacks {table} {show(row[1])} that the class database has: "
                "a different history of the attempt",
            )
        return int(present)

    def _changed(self, table: str, cols: list[str], differs: str) -> None:
        row = self.conn.execute(
            f"select i.id, i.attempt_id, m.attempt_id, {', '.join(f'm.[{c}], i.[{c}]' for c in cols)} "
            f"from {self.stage[table]} i join main.[{table}] m on m.id = i.id "
            f"where i.attempt_id in (select id from temp.shared) and ({differs}) limit 1"
        ).fetchone()
        what = [
            f"{c} {show(row[3 + 2 * n])} → {show(row[4 + 2 * n])}"
            for n, c in enumerate(cols)
            if row[3 + 2 * n] != row[4 + 2 * n]
        ]
        raise self.refuse(
            row[1] if row[1] == row[2] else row[2],
            f"{table} row {row[0]} is already merged with other content: " + "; ".join(what),
        )

    def _collision(self, table: str) -> None:
        """Some of the file's new rows were skipped: their id is taken by another record."""
        row = self.conn.execute(
            f"select i.id, m.{'id' if table == 'attempts' else 'attempt_id'}, i."
            f"{'id' if table == 'attempts' else 'attempt_id'} from {self.stage[table]} i "
            f"join main.[{table}] m on m.id = i.id where i.{'id' if table == 'attempts' else 'attempt_id'} "
            "not in (select id from temp.shared) limit 1"
        ).fetchone()
        if row is None:
            raise RefusedFile(f"{self.log.original.name}: refused: {table} rows clash")
        raise self.refuse(
            row[1],
            f"{table} row {row[0]} of attempt {row[2]} in the file has the id of a row of "
            f"attempt {row[1]} in the class database",
        )

    def _update_attempts(self) -> int:
        """Take the incoming copy of each attempt it extends (or abandons)."""
        cols = [c for c in self.columns["attempts"] if c != "id"]
        targets = ", ".join(f"[{c}]" for c in cols)
        return self.conn.execute(
            f"update main.attempts set ({targets}) = "
            f"(select {targets} from {self.stage['attempts']} i where i.id = main.attempts.id) "
            "where id in (select id from temp.shared where action = 'update')"
        ).rowcount


def _describe_key(table: str) -> str:
    key = [c for c in UNIQUE_KEYS.get(table, ("id",)) if c != "attempt_id"] or ["id"]
    return " || ' ' || ".join(f"'{c} ' || coalesce(m.[{c}], 'null')" for c in key)


def merge_files(
    target: Target, files: Sequence[Path | str], *, dry_run: bool = False
) -> MergeSummary:
    """Merge learner logs into the database at `target` (a Store, a file or a data dir).

    A file named twice (or a folder's file named again) is merged once. The class
    database is checked (integrity_check) first; it is backed up only once every file
    has passed and something will change, just before the commit. `dry_run`: do it
    all, then roll back (trainer.exchange.collect's preview).
    """
    unique = list(dict.fromkeys(Path(f) for f in files))
    unique = list({_same_file_key(f): f for f in unique}.values())
    if not unique:
        raise ExportError("give at least one log file to merge")
    path = _target_path(target)
    if not isinstance(target, Store) and not dry_run:
        open_database(path).close()  # create / migrate / version-check the target
    probe = sqlite3.connect(ro_uri(path), uri=True)
    try:
        columns = {t: _columns(probe, t) for t in DATA_TABLES}
    finally:
        probe.close()
    summary = MergeSummary(database=path, dry_run=dry_run)
    with (
        tempfile.TemporaryDirectory(prefix=MERGE_PREFIX) as work,
        FileLock(str(Path(work) / OWNER_LOCK)),  # "in use": the start-up sweep leaves it
    ):
        job = StageJob(
            files=[str(f) for f in unique],
            batches=[(run.start, run.stop) for run in _batches(len(unique))],
            work=work,
            columns=columns,
            known=known_migrations(),
        )
        # A child process checks and stages the batches while this one merges those
        # already staged, inside the one transaction: a staging file attached
        # mid-transaction is read from the moment it is first used, and SQLite
        # refuses to detach it before the commit, hence batches (at most MAX_BATCHES
        # attached files) rather than one attachment per incoming file.
        staging = StagingChild(job) if _worth_a_child(unique) else InProcessStaging(job)
        try:
            _healthy_target(path)  # while a staging child checks the files
            conn = sqlite3.connect(file_uri(path), uri=True, isolation_level=None)
            try:
                summary.backup = _merge_batches(conn, path, staging, summary, columns)
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


def _same_file_key(path: Path) -> object:
    """The same file reached by two names (a link, `./a.db` and `a.db`) counts once."""
    try:
        st = path.stat()
    except OSError:
        return str(path)
    return (st.st_dev, st.st_ino) if st.st_ino else str(path.resolve())


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
    columns: dict[str, list[str]],
) -> str | None:
    """Merge each staged batch in order, in one transaction; back up, then commit."""
    conn.execute("pragma trusted_schema = off")
    configure(Database(conn))
    # Incoming ids are random UUIDs, so index inserts land all over the class
    # database's B-trees: a cache that holds them saves re-reading pages.
    conn.execute(f"pragma cache_size = -{MERGE_CACHE_KIB}")
    conn.execute("pragma temp_store = memory")
    conn.execute(
        "create temp table if not exists shared "
        "(id text primary key, incoming int, existing int, status text, action text)"
    )
    conn.execute("begin immediate")
    # the dashboard's summary is caught up once for all files, not per row
    with dashboard_summary.bulk_insert(conn):
        for number, batch in enumerate(staging):  # the first bad file (in order) refuses all
            schema = f"staged_{number}"
            conn.execute(f"attach database ? as {schema}", [ro_uri(batch.staging)])
            for file, log in zip(batch.numbers, batch.logs, strict=True):
                merging = _FileMerge(conn, log, schema, file, columns)
                _add_counts(summary, log, merging.run())
                summary.file_learners[str(log.original)] = merging.learner_counts
    if summary.dry_run:  # a preview: everything checked, nothing kept
        conn.execute("rollback")
        return None
    changed = any(c.added or c.updated for c in summary.totals.values())
    backup = _backup(path) if changed else None
    conn.execute("commit")
    return backup


def _roll_back(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("rollback")


def _add_counts(summary: MergeSummary, log: CheckedLog, counts: dict[str, TableCount]) -> None:
    summary.files[str(log.original)] = counts
