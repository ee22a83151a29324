"""Merging a class of 40 laptops takes seconds; exports stream in flat memory.

Slow (they build large synthetic logs): run with --runslow. Figures are printed.
"""

from __future__ import annotations

import resource
import time
import tracemalloc
from pathlib import Path

import pytest

from tests.exchange.synth import make_log
from trainer.exchange.csv_export import export_csv
from trainer.exchange.filters import Filters
from trainer.exchange.merge import merge_files
from trainer.exchange.xapi import export_xapi
from trainer.exchange.xlsx_export import export_xlsx

pytestmark = pytest.mark.slow


def test_forty_laptops_merge_in_seconds(tmp_path: Path) -> None:
    """40 logs x 250 attempts x 12 decisions = 120,000 decisions."""
    logs = []
    for n in range(40):
        log = tmp_path / f"laptop{n:02d}.db"
        make_log(log, attempts=250, decisions_per_attempt=12, seed=n)
        logs.append(log)
    target = tmp_path / "class" / "trainer.db"
    target.parent.mkdir()
    started = time.perf_counter()
    summary = merge_files(target, logs)
    first = time.perf_counter() - started
    assert summary.totals["decisions"].added == 120_000
    started = time.perf_counter()
    again = merge_files(target, list(reversed(logs)))
    second = time.perf_counter() - started
    assert again.totals["decisions"].added == 0
    assert again.totals["decisions"].present == 120_000
    print(f"\nmerge 40 logs / 120,000 decisions: {first:.1f}s; again (nothing new): {second:.1f}s")
    assert first < 60 and second < 60


def test_exports_stream_a_million_decisions_in_flat_memory(tmp_path: Path) -> None:
    """csv and xapi under tracemalloc (Python heap); xlsx by peak RSS growth (faster)."""
    db = tmp_path / "big.db"
    make_log(db, attempts=50_000, decisions_per_attempt=20, seed=1)  # 1,000,000 decisions
    figures = {}
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    counts = export_xlsx(db, tmp_path / "big.xlsx")
    seconds = time.perf_counter() - started
    assert counts["decisions"] == 1_000_000
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss_before
    figures["xlsx"] = (seconds, rss_growth, "peak RSS growth")
    for name, run in {
        "csv": lambda: export_csv(db, tmp_path / "csv"),
        "xapi": lambda: export_xapi(db, tmp_path / "big.json", Filters()),
    }.items():
        tracemalloc.start()
        started = time.perf_counter()
        run()
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        figures[name] = (seconds, peak / 1024**2, "peak Python heap")
    print(
        "\n"
        + "\n".join(
            f"export {k} of 1,000,000 decisions: {s:.0f}s, {what} {m:.1f} MB"
            for k, (s, m, what) in figures.items()
        )
    )
    for name, (_, mb, _what) in figures.items():
        assert mb < 100, f"{name} export grew memory by {mb:.0f} MB: not streaming"
