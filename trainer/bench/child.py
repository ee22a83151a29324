"""Bench work that must run in a fresh process: `python -m trainer.bench.child TASK ARGS`.

A separate process per measured part keeps peak memory figures unmixed and gives
startup a truly cold interpreter. Each task prints one JSON object on its last
stdout line. Imports stay inside the tasks so a startup child loads nothing extra.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TASKS: dict[str, Callable[[list[str]], dict[str, Any]]] = {}


def task(name: str) -> Callable[[Callable[[list[str]], dict[str, Any]]], Any]:
    def register(fn: Callable[[list[str]], dict[str, Any]]) -> Any:
        TASKS[name] = fn
        return fn

    return register


def _peak() -> float | None:
    from trainer.bench.stats import peak_rss_mb

    return peak_rss_mb()


@task("export-csv")
def export_csv_task(args: list[str]) -> dict[str, Any]:
    """The product's CSV export of every table of database args[0] into folder args[1]."""
    from trainer.exchange.csv_export import export_csv

    start = time.perf_counter()
    counts = export_csv(Path(args[0]), Path(args[1]))
    return {"seconds": time.perf_counter() - start, "rows": counts, "peak_rss_mb": _peak()}


@task("plain-csv")
def plain_csv_task(args: list[str]) -> dict[str, Any]:
    """The baseline: the export's own queries, written by plain sqlite3 + csv.writer."""
    import csv
    import sqlite3

    from trainer.exchange.filters import Filters
    from trainer.exchange.tables import queries

    out = Path(args[1])
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    conn = sqlite3.connect(Path(args[0]).resolve().as_uri() + "?mode=ro", uri=True)
    counts = {}
    for name, (sql, params) in queries(Filters(), False, "zh-TW").items():
        cursor = conn.execute(sql, params)
        with (out / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([d[0] for d in cursor.description])
            before = fh.tell()
            writer.writerows(cursor)
            counts[name] = fh.tell() - before
    conn.close()
    return {"seconds": time.perf_counter() - start, "bytes": counts, "peak_rss_mb": _peak()}


@task("export-xlsx")
def export_xlsx_task(args: list[str]) -> dict[str, Any]:
    """The product's XLSX export of database args[0] into the file args[1]."""
    from trainer.exchange.xlsx_export import export_xlsx

    start = time.perf_counter()
    counts = export_xlsx(Path(args[0]), Path(args[1]))
    return {"seconds": time.perf_counter() - start, "rows": counts, "peak_rss_mb": _peak()}


def _ui(name: str) -> Callable[[list[str]], dict[str, Any]]:
    def run(args: list[str]) -> dict[str, Any]:
        from trainer.bench import ui_child

        result: dict[str, Any] = getattr(ui_child, name)(args)
        return result

    return run


TASKS["startup-bare"] = _ui("startup_bare")
TASKS["startup-app"] = _ui("startup_app")
TASKS["play"] = _ui("play")
TASKS["resume-long"] = _ui("resume_long")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TASKS:
        print(f"usage: python -m trainer.bench.child {{{','.join(TASKS)}}} ARGS", file=sys.stderr)
        return 2
    result = TASKS[argv[0]](argv[1:])
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
