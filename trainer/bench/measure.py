"""The in-process measurements: loading cases, one decision, merging learner logs.

Each returns plain numbers; the orchestration (run.py) turns them into the report.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from trainer.bench.stats import percentile
from trainer.core.autoplay import ExpertPolicy, Policy, RandomPolicy
from trainer.core.loader import Library, load_library
from trainer.service import AttemptRunner, Workspace


def load_cases(folder: Path, expected: int, cache_dir: Path) -> tuple[float, float]:
    """Seconds to validate and load every case file in `folder` (all must load).

    Returns (cold, warm): cold parses every YAML file and fills the validated-case
    cache, as the app's very first start does; warm is the median of three loads
    through the cache, as every later start does (trainer.core.case_cache).
    """

    def timed() -> float:
        start = time.perf_counter()
        library = load_library([folder], cache_dir)
        seconds = time.perf_counter() - start
        if library.broken or len(library.cases) != expected:
            raise RuntimeError(
                f"bench cases: {len(library.cases)} loaded, {len(library.broken)} broken, "
                f"expected {expected}"
            )
        return seconds

    cold = timed()
    warm = statistics.median(timed() for _ in range(3))
    return cold, warm


@dataclass
class DecisionTimes:
    decisions_ms: list[float]
    baseline_ms: list[float]

    @property
    def decision_p95_ms(self) -> float:
        return percentile(self.decisions_ms, 95)

    @property
    def baseline_p95_ms(self) -> float:
        return percentile(self.baseline_ms, 95)


class _Player:
    """Endless seeded play across the library: one timed `runner.act` at a time."""

    def __init__(self, workspace: Workspace, library: Library, seed: int = 3) -> None:
        self.store = workspace.store
        self.library = library
        self.learner = self.store.create_learner("bench learner", "B00000000", "bench")
        self.case_ids = sorted(library.cases)
        self.rng = random.Random(seed)
        self.runner: AttemptRunner | None = None
        self.policy: Policy = ExpertPolicy()

    def _next_runner(self) -> AttemptRunner:
        if self.runner is None or self.runner.finished:
            case_id = self.rng.choice(self.case_ids)
            self.runner = AttemptRunner.start(self.store, self.library.get(case_id), self.learner)
            seed = self.rng.randrange(1 << 30)
            self.policy = ExpertPolicy() if seed % 3 == 0 else RandomPolicy(seed)
        return self.runner

    def timed_decision(self) -> float:
        runner = self._next_runner()
        action = self.policy.next_action(runner.session)  # the learner's choice: not timed
        think = self.rng.randint(800, 20_000)
        start = time.perf_counter()
        runner.act(action, think_ms=think)
        return (time.perf_counter() - start) * 1000.0


class _BareInsert:
    """The baseline: one durable one-row insert with nothing but sqlite3."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.conn.execute("pragma journal_mode = wal")
        self.conn.execute("pragma synchronous = full")
        self.conn.execute("create table if not exists log (id text primary key, payload text)")
        self.payload = '{"name": "choose", "option_id": "ask_what_happened"}'

    def timed_insert(self) -> float:
        row = (str(uuid.uuid4()), self.payload)
        start = time.perf_counter()
        self.conn.execute("insert into log (id, payload) values (?, ?)", row)
        return (time.perf_counter() - start) * 1000.0

    def close(self) -> None:
        self.conn.close()


def decisions(
    root: Path,
    library: Library,
    count: int,
    block: int = 50,
    tick: Callable[[float], None] | None = None,
) -> DecisionTimes:
    """Time `count` decisions (engine step + durable commit) and `count` bare inserts.

    Both run in the same data folder and alternate in blocks, so a burst of disk or
    CPU contention from other programs hits both series alike.
    """
    workspace = Workspace.open(root, writer=True)
    bare = _BareInsert(root / "baseline.db")
    player = _Player(workspace, library)
    times = DecisionTimes([], [])
    try:
        for _ in range(3):  # warm both paths (first page allocations, imports)
            player.timed_decision()
            bare.timed_insert()
        while len(times.decisions_ms) < count:
            n = min(block, count - len(times.decisions_ms))
            times.decisions_ms += [player.timed_decision() for _ in range(n)]
            times.baseline_ms += [bare.timed_insert() for _ in range(n)]
            if tick:
                tick(n / count)
    finally:
        bare.close()
        workspace.close()
    return times


@dataclass
class MergeResult:
    seconds: float
    added_decisions: int
    remerge_seconds: float
    remerge_added: int


def merge(class_root: Path, files: Sequence[Path]) -> MergeResult:
    """Merge the laptop logs into a fresh class database, then merge them again."""
    from trainer.exchange.merge import merge_files  # being written alongside

    class_root.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    first = merge_files(class_root, list(files))
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    again = merge_files(class_root, list(files))
    remerge_seconds = time.perf_counter() - start
    return MergeResult(
        seconds=seconds,
        added_decisions=first.totals["decisions"].added,
        remerge_seconds=remerge_seconds,
        remerge_added=sum(c.added for c in again.totals.values()),
    )


def lint_library(folder: Path, runs: int = 3) -> float:
    """Median wall seconds of `python -m trainer cases lint FOLDER` (a fresh process)."""
    import subprocess
    import sys

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "trainer", "cases", "lint", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"cases lint failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return statistics.median(times)
