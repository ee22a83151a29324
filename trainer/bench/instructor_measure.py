"""Bench parts of the instructor side: the dashboard's queries, a class's portfolios.

- dashboard_refresh_s: every query one dashboard refresh runs (indicator stats, the
  learner x indicator heatmap, learners below the threshold by recent mean, case
  difficulty, common mistakes, one learner's trend) on a class database of the
  plan's size (1,000,000 decisions on a full run). Best of three.
- portfolio_class_s: 40 learners x 5 finished attempts into one portfolio PDF per
  learner (trainer.exchange.portfolios), in a child process with an offscreen
  QGuiApplication, as the instructor area's worker does it.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from trainer.bench import synth
from trainer.exchange import dashboard
from trainer.exchange.filters import Filters
from trainer.store.db import open_database

PORTFOLIO_LEARNERS = 40
PORTFOLIO_ATTEMPTS = 5


def dashboard_refresh(db_path: Path, library: Any, runs: int = 3) -> float:
    """Seconds for the dashboard's queries on `db_path` (best of `runs`)."""
    db = open_database(db_path)
    try:
        expert = dashboard.expert_options(library)
        filters = Filters()
        best = float("inf")
        for _ in range(runs):
            started = time.perf_counter()
            dashboard.indicator_stats(db, filters)
            heat = dashboard.heatmap(db, filters)
            dashboard.learners_below(db, 60, filters)
            dashboard.case_difficulty(db, filters)
            dashboard.common_mistakes(db, filters, expert, limit=30)
            if heat:
                dashboard.trend(db, heat[0]["learner_id"], filters)
            best = min(best, time.perf_counter() - started)
    finally:
        db.close()
    return best


def make_portfolio_class(
    root: Path, templates: synth.Templates, learners: int, attempts: int, seed: int = 5
) -> int:
    """A class folder with `learners` learners of `attempts` finished attempts each."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / "trainer.db"
    open_database(path).close()
    rng = random.Random(seed)
    people = synth.make_learners(rng, learners, ("觀光二甲",))
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("begin")
        columns = templates.columns["learners"]
        conn.executemany(
            f"insert into learners ({', '.join(columns)}) "
            f"values ({', '.join('?' for _ in columns)})",
            [[p.get(c) for c in columns] for p in people],
        )
        cloner = synth.Cloner(conn, templates, rng)
        for person in people:
            for _ in range(attempts):
                cloner.clone(person["id"])
        cloner.flush()
        conn.execute("commit")
    finally:
        conn.close()
    return learners * attempts


def portfolio_class(root: Path, out: Path) -> dict[str, Any]:
    """Child: write every learner's portfolio; seconds and files written."""
    from trainer.exchange.portfolios import write_portfolios
    from trainer.render.report_pdf import ensure_gui_app
    from trainer.service import Workspace

    ensure_gui_app()  # not timed: the app has one already
    out.mkdir(parents=True, exist_ok=True)
    workspace = Workspace.open(root)
    try:
        started = time.perf_counter()
        result = write_portfolios(root, out, Filters(), workspace=workspace)
        seconds = time.perf_counter() - started
    finally:
        workspace.close()
    return {"seconds": seconds, "files": len(result.written)}


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "portfolio-class":
        print(json.dumps(portfolio_class(Path(argv[1]), Path(argv[2]))))
        return 0
    print("usage: python -m trainer.bench.instructor_measure portfolio-class ROOT OUT")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
