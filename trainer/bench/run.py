"""One bench run: build synthetic data in a temporary folder, measure, report.

Every measured part is guarded: if a part cannot run (say, the desktop window is not
installed), its keys are null and `notes` says why; the other parts still run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trainer
from trainer.bench import measure, synth
from trainer.bench.progress import Progress
from trainer.bench.stats import machine, ratio
from trainer.core.loader import Library, load_library
from trainer.paths import ENV_DATA_DIR, builtin_cases_dir

REPO = Path(trainer.__file__).resolve().parent.parent

#: The keys of `bench --json`, in report order, with the goal on a 2-core machine.
GOALS: dict[str, tuple[str, float, bool]] = {  # key: (unit, goal, goal is for full runs only)
    "startup_s": ("s", 1.0, False),
    "startup_ratio": ("x", 3.0, False),
    "bundle_startup_s": ("s", float("nan"), False),  # only when a bundle is built
    "bundle_startup_ratio": ("x", 1.5, False),  # bundle_startup_s / startup_s
    "load_cases_s": ("s", 0.25, False),
    "load_cases_cold_s": ("s", float("nan"), False),
    "lint_library_s": ("s", 10.0, False),  # `cases lint` on the library, players included
    "decision_p95_ms": ("ms", 15.0, False),
    "decision_ratio": ("x", 2.0, False),
    "ui_step_p95_ms": ("ms", 40.0, False),  # at 1366x768 (issue 13; was 50)
    "ui_resume_long_attempt_ms": ("ms", 300.0, False),  # reopening a 60-decision attempt
    "merge_s": ("s", 4.0, True),
    "remerge_added": ("rows", 0, False),
    "export_csv_s": ("s", float("nan"), False),
    "export_csv_ratio": ("x", 1.5, False),
    "export_xlsx_s": ("s", 15.0, True),
    "peak_rss_mb_app": ("MB", 250.0, False),
    "peak_rss_mb_export": ("MB", 300.0, False),
    "dashboard_refresh_s": ("s", 1.0, True),  # the export's class database (1M decisions)
    "portfolio_class_s": ("s", 30.0, True),  # 40 learners x 5 attempts (quick: 10 x 5)
}
KEYS = tuple(GOALS)


@dataclass(frozen=True)
class Plan:
    quick: bool
    merge_logs: int
    merge_each: int
    csv_decisions: int
    xlsx_decisions: int
    cases: int = 100
    decisions: int = 1000
    startups: int = 5
    ui_steps: int = 200
    portfolio_learners: int = 40

    @property
    def sizes(self) -> dict[str, int]:
        return {
            "cases": self.cases,
            "decisions": self.decisions,
            "startups": self.startups,
            "merge_logs": self.merge_logs,
            "merge_decisions_per_log": self.merge_each,
            "export_csv_decisions": self.csv_decisions,
            "export_xlsx_decisions": self.xlsx_decisions,
            "ui_steps": self.ui_steps,
            "portfolio_learners": self.portfolio_learners,
        }


FULL = Plan(False, merge_logs=40, merge_each=3000, csv_decisions=1_000_000, xlsx_decisions=100_000)
QUICK = Plan(
    True,
    merge_logs=10,
    merge_each=1000,
    csv_decisions=100_000,
    xlsx_decisions=20_000,
    ui_steps=60,
    portfolio_learners=10,
)


class ChildFailed(RuntimeError):
    pass


class Bench:
    def __init__(self, plan: Plan, work: Path, progress: Progress) -> None:
        self.plan = plan
        self.work = work
        self.progress = progress
        self.result: dict[str, Any] = dict.fromkeys(KEYS)
        self.baselines: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}
        self.notes: dict[str, str] = {}
        self.env = dict(os.environ)
        self.env[ENV_DATA_DIR] = str(work / "child-data")  # never the user's data
        self.env["QT_QPA_PLATFORM"] = "offscreen"
        # Children compile to a bytecode cache in the temp folder, as an installed app
        # has one; PYTHONDONTWRITEBYTECODE would make every start recompile everything.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        self.env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p
        )
        (work / "child-data").mkdir()
        self._library: Library | None = None
        self._templates: synth.Templates | None = None

    # -- shared inputs -------------------------------------------------------

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = load_library([builtin_cases_dir()])
        return self._library

    @property
    def templates(self) -> synth.Templates:
        if self._templates is None:
            self._templates = synth.play_templates(self.library)
        return self._templates

    def child(self, task: str, *args: str, timeout: float = 1800) -> dict[str, Any]:
        """Run a bench child task and return its JSON answer."""
        proc = subprocess.run(
            [sys.executable, "-m", "trainer.bench.child", task, *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if proc.returncode != 0:
            tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
            raise ChildFailed(f"{task} failed: {tail}")
        return dict(json.loads(proc.stdout.strip().splitlines()[-1]))

    def guarded(self, keys: tuple[str, ...], part: Callable[[], None]) -> None:
        """Run one part; on failure its keys stay null and the note says why."""
        try:
            part()
        except Exception as exc:
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            for key in keys:
                if self.result.get(key) is None:
                    self.notes.setdefault(key, detail)
            if os.environ.get("TRAINER_BENCH_DEBUG"):
                traceback.print_exc()

    # -- the parts -----------------------------------------------------------

    def load_cases(self) -> None:
        self.progress.stage(f"validating and loading {self.plan.cases} case files")
        folder = self.work / "cases"
        synth.write_case_copies([builtin_cases_dir()], folder, self.plan.cases)
        cold, warm = measure.load_cases(folder, self.plan.cases, self.work / "case-cache")
        self.result["load_cases_s"] = warm
        self.result["load_cases_cold_s"] = cold
        self.progress.advance(3)

    def lint_library(self) -> None:
        self.progress.stage("linting the built-in library (baseline players included)")
        self.result["lint_library_s"] = measure.lint_library(builtin_cases_dir())
        self.progress.advance(1)

    def decisions(self) -> None:
        self.progress.stage(f"timing {self.plan.decisions} decisions and bare inserts")
        times = measure.decisions(
            self.work / "decide",
            self.library,
            self.plan.decisions,
            tick=lambda share: self.progress.advance(15 * share),
        )
        self.result["decision_p95_ms"] = times.decision_p95_ms
        self.baselines["insert_p95_ms"] = times.baseline_p95_ms
        self.result["decision_ratio"] = ratio(times.decision_p95_ms, times.baseline_p95_ms)

    def merge(self) -> None:
        plan = self.plan
        self.progress.stage(f"writing {plan.merge_logs} learner logs")
        logs = synth.make_laptop_logs(
            self.work / "logs", self.templates, plan.merge_logs, plan.merge_each
        )
        self.progress.advance(4 if plan.quick else 10)
        self.progress.stage(f"merging {plan.merge_logs} logs x {plan.merge_each:,} decisions")
        merged = measure.merge(self.work / "class", logs)
        expected = plan.merge_logs * plan.merge_each
        if merged.added_decisions != expected:
            raise RuntimeError(f"merge added {merged.added_decisions} decisions, not {expected}")
        self.result["merge_s"] = merged.seconds
        self.result["remerge_added"] = merged.remerge_added
        self.extra["remerge_s"] = merged.remerge_seconds
        self.progress.advance(4 if plan.quick else 8)

    def export_csv(self) -> None:
        plan = self.plan
        self.progress.stage(f"writing a class database of {plan.csv_decisions:,} decisions")
        db = self.work / "export" / "trainer.db"
        db.parent.mkdir()
        self.extra["export_db_rows"] = synth.make_class_database(
            db, self.templates, plan.csv_decisions, learners=max(100, plan.csv_decisions // 800)
        )
        self.progress.advance(6 if plan.quick else 60)
        # The baseline runs before and after the export and their mean is taken: each
        # run is half a minute on the full plan, long enough for a shared machine's
        # speed to drift between two runs made one after the other.
        self.progress.stage("plain sqlite3 + csv.writer (baseline, before)")
        before = self.child("plain-csv", str(db), str(self.work / "plain-csv-1"))
        self.progress.advance(4 if plan.quick else 25)
        self.progress.stage(f"CSV export of {plan.csv_decisions:,} decisions")
        done = self.child("export-csv", str(db), str(self.work / "export-csv"))
        if done["rows"]["decisions"] != plan.csv_decisions:
            raise RuntimeError(f"CSV export wrote {done['rows']['decisions']} decisions")
        self.progress.advance(5 if plan.quick else 30)
        self.progress.stage("plain sqlite3 + csv.writer (baseline, after)")
        after = self.child("plain-csv", str(db), str(self.work / "plain-csv-2"))
        self.progress.advance(4 if plan.quick else 25)
        plain_s = (before["seconds"] + after["seconds"]) / 2
        self.result["export_csv_s"] = done["seconds"]
        self.result["peak_rss_mb_export"] = done["peak_rss_mb"]
        self.baselines["plain_csv_s"] = plain_s
        self.baselines["plain_csv_runs_s"] = [before["seconds"], after["seconds"]]
        self.baselines["plain_csv_peak_rss_mb"] = max(before["peak_rss_mb"], after["peak_rss_mb"])
        self.result["export_csv_ratio"] = ratio(done["seconds"], plain_s)

    def export_xlsx(self) -> None:
        plan = self.plan
        self.progress.stage(f"writing a class database of {plan.xlsx_decisions:,} decisions")
        db = self.work / "xlsx" / "trainer.db"
        db.parent.mkdir()
        synth.make_class_database(
            db, self.templates, plan.xlsx_decisions, learners=max(40, plan.xlsx_decisions // 800)
        )
        self.progress.advance(2 if plan.quick else 6)
        self.progress.stage(f"XLSX export of {plan.xlsx_decisions:,} decisions")
        done = self.child("export-xlsx", str(db), str(self.work / "xlsx" / "class.xlsx"))
        if done["rows"]["decisions"] != plan.xlsx_decisions:
            raise RuntimeError(f"XLSX export wrote {done['rows']['decisions']} decisions")
        self.result["export_xlsx_s"] = done["seconds"]
        self.extra["export_xlsx_peak_rss_mb"] = done["peak_rss_mb"]
        self.progress.advance(5 if plan.quick else 20)

    def dashboard(self) -> None:
        from trainer.bench import instructor_measure

        db = self.work / "export" / "trainer.db"
        if not db.exists():  # the CSV part did not run: build its class database
            db.parent.mkdir(exist_ok=True)
            synth.make_class_database(
                db,
                self.templates,
                self.plan.csv_decisions,
                max(100, self.plan.csv_decisions // 800),
            )
        self.progress.stage(f"dashboard queries on {self.plan.csv_decisions:,} decisions")
        self.result["dashboard_refresh_s"] = instructor_measure.dashboard_refresh(db, self.library)
        self.progress.advance(3)

    def portfolios(self) -> None:
        from trainer.bench import instructor_measure as im

        root = self.work / "portfolios"
        n = im.make_portfolio_class(
            root, self.templates, self.plan.portfolio_learners, im.PORTFOLIO_ATTEMPTS
        )
        learners = self.plan.portfolio_learners
        self.progress.stage(f"portfolios: {learners} learners, {n} attempts")
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "trainer.bench.instructor_measure",
                "portfolio-class",
                str(root),
                str(self.work / "portfolio-pdfs"),
            ],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if proc.returncode != 0:
            raise ChildFailed(f"portfolio-class failed: {proc.stderr.strip()[-300:]}")
        done = json.loads(proc.stdout.strip().splitlines()[-1])
        if done["files"] != learners:
            raise RuntimeError(f"{done['files']} portfolios written, not {learners}")
        self.result["portfolio_class_s"] = done["seconds"]
        self.progress.advance(5)

    def ui(self) -> None:
        from trainer.bench import ui_measure

        ui_measure.run(self)

    # -- the whole run -------------------------------------------------------

    def run(self) -> dict[str, Any]:
        started = time.perf_counter()
        self.progress.stage("playing template attempts")
        _ = self.templates
        self.progress.advance(2)
        self.guarded(("load_cases_s", "load_cases_cold_s"), self.load_cases)
        self.guarded(("lint_library_s",), self.lint_library)
        self.guarded(("decision_p95_ms", "decision_ratio"), self.decisions)
        self.guarded(
            (
                "startup_s",
                "startup_ratio",
                "bundle_startup_s",
                "bundle_startup_ratio",
                "ui_step_p95_ms",
                "ui_resume_long_attempt_ms",
                "peak_rss_mb_app",
            ),
            self.ui,
        )
        self.guarded(("merge_s", "remerge_added"), self.merge)
        self.guarded(("export_csv_s", "export_csv_ratio", "peak_rss_mb_export"), self.export_csv)
        self.guarded(("export_xlsx_s",), self.export_xlsx)
        self.guarded(("dashboard_refresh_s",), self.dashboard)
        self.guarded(("portfolio_class_s",), self.portfolios)
        self.progress.close()
        self.extra["bench_seconds"] = time.perf_counter() - started
        return {
            **{k: _rounded(v) for k, v in self.result.items()},
            "quick": self.plan.quick,
            "baselines": {k: _rounded(v) for k, v in self.baselines.items()},
            "extra": {k: _rounded(v) for k, v in self.extra.items()},
            "sizes": self.plan.sizes,
            "machine": machine(),
            "notes": self.notes,
        }


def total_weight(plan: Plan) -> float:
    ui = 30
    return (
        2
        + 3
        + 1  # lint_library
        + 15
        + ui
        + 3  # dashboard
        + 5  # portfolios
        + (4 + 4 + 6 + 4 + 4 + 5 + 2 + 5 if plan.quick else 10 + 8 + 60 + 25 + 25 + 30 + 6 + 20)
    )


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def run_bench(
    quick: bool, work_dir: Path | None = None, show_progress: bool = True
) -> dict[str, Any]:
    plan = QUICK if quick else FULL
    progress = Progress(total_weight(plan), enabled=show_progress)
    with tempfile.TemporaryDirectory(prefix="trainer-bench-", dir=work_dir) as tmp:
        return Bench(plan, Path(tmp), progress).run()
