"""Synthetic data for the benchmark: case files, learners, learner logs, a class database.

Realism without slowness: a few dozen attempts are really played (every bundled case,
expert / worst / seeded random policies) through `AttemptRunner` into an in-memory
store; those rows are then cloned with fresh UUIDs, learners and timestamps by
`executemany` into databases created with the real schema (`open_database`). Random
UUIDs matter: they make index inserts during a merge as scattered as real ones.
Generation speed is not what is measured, so it runs with synchronous=OFF.
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from trainer.core.autoplay import ExpertPolicy, Policy, RandomPolicy, WorstPolicy
from trainer.core.loader import Library, case_files
from trainer.service import AttemptRunner
from trainer.store.db import Store, open_database, open_memory

CHILD_TABLES = ("decisions", "internal_reports", "reflections", "self_ratings", "scores")
MAX_ACTIONS = 500

SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴徐"
GIVEN = (
    "怡君",
    "雅婷",
    "家豪",
    "志明",
    "佳穎",
    "冠宇",
    "宜蓁",
    "柏翰",
    "詩涵",
    "承恩",
    "欣妤",
    "宇軒",
)


@dataclass(frozen=True)
class Template:
    """One really played attempt: its row and child rows as tuples in column order."""

    attempt: tuple[Any, ...]
    children: dict[str, list[tuple[Any, ...]]]
    offsets: list[int]  # seconds from the start to each decision


@dataclass(frozen=True)
class Templates:
    columns: dict[str, list[str]]
    items: list[Template]

    def index(self, table: str, column: str) -> int:
        return self.columns[table].index(column)


def _play(store: Store, library: Library, learner_id: str, case_id: str, policy: Policy) -> str:
    runner = AttemptRunner.start(store, library.get(case_id), learner_id)
    for _ in range(MAX_ACTIONS):
        if runner.finished:
            break
        runner.act(policy.next_action(runner.session), think_ms=random.randint(800, 20_000))
    return runner.attempt_id


def play_templates(library: Library, random_seeds: int = 3) -> Templates:
    """Play every case with the expert, the worst and `random_seeds` random policies."""
    store = Store(open_memory())
    learner_id = store.create_learner("template")
    ids = []
    for case_id in sorted(library.cases):
        policies: list[Policy] = [ExpertPolicy(), WorstPolicy()]
        policies += [RandomPolicy(seed) for seed in range(random_seeds)]
        ids += [_play(store, library, learner_id, case_id, p) for p in policies]
    conn = store.db.conn
    columns = {
        t: [r[1] for r in conn.execute(f"pragma table_info({t})")]
        for t in ("learners", "attempts", *CHILD_TABLES)
    }
    seq, think = columns["decisions"].index("seq"), columns["decisions"].index("think_ms")
    items = []
    for attempt_id in ids:
        attempt = conn.execute("select * from attempts where id = ?", [attempt_id]).fetchone()
        children = {
            t: conn.execute(
                f"select * from {t} where attempt_id = ? order by rowid", [attempt_id]
            ).fetchall()
            for t in CHILD_TABLES
        }
        children["decisions"].sort(key=lambda r: r[seq])
        offsets = [25 * r[seq] + r[think] // 1000 for r in children["decisions"]]
        items.append(Template(tuple(attempt), children, offsets))
    store.close()
    return Templates(columns, items)


def make_learners(rng: random.Random, count: int, classes: Sequence[str]) -> list[dict[str, Any]]:
    stamp = datetime(2025, 2, 17, 1, 0, tzinfo=UTC).isoformat(timespec="milliseconds")
    return [
        {
            "id": str(uuid.uuid4()),
            "display_name": rng.choice(SURNAMES) + rng.choice(GIVEN) + f" {n:04d}",
            "student_no": f"B1120{n:04d}",
            "class_name": classes[n % len(classes)],
            "created_at": stamp,
        }
        for n in range(count)
    ]


class Ids:
    """Random version-4 UUID strings, made in batches (uuid.uuid4() is slow in bulk)."""

    def __init__(self, batch: int = 8192) -> None:
        self.batch = batch
        self.pool: list[str] = []

    def __call__(self) -> str:
        if not self.pool:
            h = os.urandom(16 * self.batch).hex()
            self.pool = [
                f"{h[i : i + 8]}-{h[i + 8 : i + 12]}-4{h[i + 13 : i + 16]}-"
                f"{'89ab'[int(h[i + 16], 16) & 3]}{h[i + 17 : i + 20]}-{h[i + 20 : i + 32]}"
                for i in range(0, 32 * self.batch, 32)
            ]
        return self.pool.pop()


class Stamps:
    """UTC epoch seconds -> the store's ISO format (2025-02-17T01:00:00.000+00:00)."""

    def __init__(self) -> None:
        self.days: dict[int, str] = {}

    def __call__(self, seconds: int) -> str:
        day, rest = divmod(seconds, 86_400)
        prefix = self.days.get(day)
        if prefix is None:
            prefix = datetime.fromtimestamp(day * 86_400, UTC).strftime("%Y-%m-%d")
            self.days[day] = prefix
        hours, rest = divmod(rest, 3600)
        return f"{prefix}T{hours:02d}:{rest // 60:02d}:{rest % 60:02d}.000+00:00"


class Cloner:
    """Clones templates into an open connection, flushing rows in `executemany` batches."""

    FLUSH_AT = 20_000

    def __init__(self, conn: sqlite3.Connection, templates: Templates, rng: random.Random) -> None:
        self.conn = conn
        self.templates = templates
        self.rng = rng
        self.ids = Ids()
        self.stamp = Stamps()
        self.rows: dict[str, list[list[Any]]] = {t: [] for t in ("attempts", *CHILD_TABLES)}
        self.counts = dict.fromkeys(self.rows, 0)
        self.decisions = 0
        self.start = int(datetime(2025, 2, 17, 1, 0, tzinfo=UTC).timestamp())
        col = templates.index
        self.a = {c: col("attempts", c) for c in templates.columns["attempts"]}
        self.d_ts, self.d_step = col("decisions", "ts"), col("decisions", "step")
        self.created = {
            t: templates.columns[t].index("created_at")
            for t in CHILD_TABLES[1:]
            if "created_at" in templates.columns[t]
        }

    def clone(self, learner_id: str, limit: int | None = None) -> int:
        """Clone one random template for `learner_id`, cut after `limit` decisions."""
        template = self.rng.choice(self.templates.items)
        started = self.start + 60 * self.rng.randint(0, 120 * 24 * 60)
        attempt_id, ids, stamp = self.ids(), self.ids, self.stamp
        decisions = template.children["decisions"]
        if limit is not None and limit < len(decisions):
            decisions = decisions[:limit]
        out = self.rows["decisions"]
        last = started
        for row, offset in zip(decisions, template.offsets, strict=False):
            clone = list(row)
            last = started + offset
            clone[0], clone[1], clone[self.d_ts] = ids(), attempt_id, stamp(last)
            out.append(clone)
        a = self.a
        attempt = list(template.attempt)
        attempt[a["id"]], attempt[a["learner_id"]] = attempt_id, learner_id
        attempt[a["started_at"]], attempt[a["updated_at"]] = stamp(started), stamp(last)
        if len(decisions) < len(template.children["decisions"]):  # still in progress
            attempt[a["status"]], attempt[a["decisions"]] = "in_progress", len(decisions)
            for column in ("finished_at", "outcome", "total"):
                attempt[a[column]] = None
            attempt[a["step"]] = decisions[-1][self.d_step] if decisions else "questioning"
        else:
            if attempt[a["finished_at"]]:
                attempt[a["finished_at"]] = stamp(last)
            for table in CHILD_TABLES[1:]:
                rows, created = self.rows[table], self.created.get(table)
                for row in template.children[table]:
                    clone = list(row)
                    clone[0], clone[1] = ids(), attempt_id
                    if created is not None:
                        clone[created] = stamp(last)
                    rows.append(clone)
        self.rows["attempts"].append(attempt)
        self.decisions += len(decisions)
        if len(out) >= self.FLUSH_AT:
            self.flush()
        return len(decisions)

    def fill(self, learners: Sequence[dict[str, Any]], decisions: int) -> None:
        """Clone attempts for random learners until exactly `decisions` more are logged."""
        target = self.decisions + decisions
        while self.decisions < target:
            self.clone(self.rng.choice(learners)["id"], target - self.decisions)
        self.flush()

    def flush(self) -> None:
        for table in ("attempts", *CHILD_TABLES):  # parents first
            rows = self.rows[table]
            if rows:
                columns = self.templates.columns[table]
                self.conn.executemany(
                    f"insert into {table} ({', '.join(columns)}) "
                    f"values ({', '.join('?' for _ in columns)})",
                    rows,
                )
                self.counts[table] += len(rows)
                rows.clear()


def write_database(
    path: Path,
    templates: Templates,
    learners: Sequence[dict[str, Any]],
    decisions: int,
    rng: random.Random,
) -> dict[str, int]:
    """Create `path` with the real schema; add the learners and `decisions` decisions."""
    open_database(path).close()  # schema, migrations and WAL exactly as the app makes them
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        # Not measured: write the bulk fast, then put the file back in WAL mode.
        conn.execute("pragma journal_mode = delete")
        conn.execute("pragma synchronous = off")
        conn.execute("pragma cache_size = -262144")
        conn.execute("begin")
        columns = templates.columns["learners"]
        conn.executemany(
            f"insert into learners ({', '.join(columns)}) "
            f"values ({', '.join('?' for _ in columns)})",
            [[p.get(c) for c in columns] for p in learners],
        )
        cloner = Cloner(conn, templates, rng)
        cloner.fill(learners, decisions)
        conn.execute("commit")
        conn.execute("pragma journal_mode = wal")
    finally:
        conn.close()
    return {"learners": len(learners), **cloner.counts}


def make_laptop_logs(
    folder: Path, templates: Templates, laptops: int, decisions_each: int, seed: int = 7
) -> list[Path]:
    """One learner log per laptop (one or two learners each), `decisions_each` decisions."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(laptops):
        learners = make_learners(rng, rng.choice((1, 1, 2)), (f"觀光一{'甲乙'[n % 2]}",))
        path = folder / f"laptop-{n:02d}.db"
        write_database(path, templates, learners, decisions_each, rng)
        paths.append(path)
    return paths


def make_class_database(
    path: Path, templates: Templates, decisions: int, learners: int, seed: int = 11
) -> dict[str, int]:
    """An instructor's class database holding `decisions` decisions."""
    rng = random.Random(seed)
    classes = [f"觀光{year}{part}" for year in "一二三" for part in "甲乙丙"]
    people = make_learners(rng, learners, classes)
    return write_database(path, templates, people, decisions, rng)


_ID_LINE = re.compile(r"^id:\s*(\S+)\s*$", re.MULTILINE)


def write_case_copies(sources: Iterable[Path], dest: Path, count: int) -> list[Path]:
    """`count` valid case files derived from `sources`, each with a new id."""
    texts = [p.read_text(encoding="utf-8") for p in case_files(list(sources))]
    if not texts:
        raise FileNotFoundError("no case files to copy")
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(count):
        text = texts[n % len(texts)]
        match = _ID_LINE.search(text)
        if match is None:
            raise ValueError("a bundled case has no top-level 'id:' line")
        new_id = f"{match.group(1)}-bench-{n:03d}"
        path = dest / f"{new_id}.yaml"
        path.write_text(_ID_LINE.sub(f"id: {new_id}", text, count=1), encoding="utf-8")
        written.append(path)
    return written
