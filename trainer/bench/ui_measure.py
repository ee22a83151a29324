"""Startup and play in the real desktop window, each in fresh offscreen processes."""

from __future__ import annotations

import random
import time
from typing import TYPE_CHECKING, Any

from trainer.bench import bundle, synth
from trainer.bench.stats import median, percentile, ratio

if TYPE_CHECKING:
    from trainer.bench.run import Bench

UNAVAILABLE = "the desktop window (trainer.ui.app, trainer.ui.main_window) is not installed"


def _spawn_until_idle(bench: Bench, task: str, *args: str) -> dict[str, Any]:
    """Run a startup child; its times are relative to just before it was spawned."""
    spawned = time.time()
    answer = bench.child(task, *args, timeout=120)
    return {k: v - spawned for k, v in answer.items() if isinstance(v, float)}


def startup(bench: Bench) -> None:
    plan = bench.plan
    bench.progress.stage(f"starting the window {plan.startups} times (and a bare one)")
    root = bench.work / "app-data"
    root.mkdir()
    # A learner with some history, as on a laptop in use.
    learners = synth.make_learners(random.Random(5), 1, ("bench",))
    synth.write_database(root / "trainer.db", bench.templates, learners, 300, random.Random(5))
    # One untimed start of each warms the disk cache for both alike.
    _spawn_until_idle(bench, "startup-bare")
    _spawn_until_idle(bench, "startup-app", str(root))
    bare, app, ready = [], [], []
    for _ in range(plan.startups):  # alternate, so load spikes hit both series
        bare.append(_spawn_until_idle(bench, "startup-bare")["idle"])
        marks = _spawn_until_idle(bench, "startup-app", str(root))
        app.append(marks["idle"])
        if "ready" in marks:
            ready.append(marks["ready"])
        bench.progress.advance(15 / plan.startups)
    bench.result["startup_s"] = median(app)
    bench.baselines["startup_bare_s"] = median(bare)
    bench.result["startup_ratio"] = ratio(median(app), median(bare))
    bench.extra["startup_ready_s"] = median(ready) if ready else None


def play(bench: Bench) -> None:
    steps = bench.plan.ui_steps
    bench.progress.stage(f"clicking {steps} options in the window")
    root = bench.work / "play-data"
    root.mkdir()
    done = bench.child("play", str(root), str(steps), timeout=900)
    clicks = done["clicks_ms"]
    bench.result["ui_step_p95_ms"] = percentile(clicks, 95)
    bench.extra["ui_step_p50_ms"] = percentile(clicks, 50)
    if done["sheets_ms"]:
        bench.extra["ui_finish_to_sheet_p50_ms"] = percentile(done["sheets_ms"], 50)
    bench.result["peak_rss_mb_app"] = done["peak_rss_mb"]
    bench.progress.advance(15)


def resume(bench: Bench) -> None:
    """Reopening an unfinished 60-decision attempt in the window (median of 7)."""
    bench.progress.stage("reopening a 60-decision attempt in the window")
    root = bench.work / "resume-data"
    root.mkdir()
    done = bench.child("resume-long", str(root), "7", timeout=600)
    bench.result["ui_resume_long_attempt_ms"] = median(done["resume_ms"])
    bench.extra["ui_resume_long_attempt_first_ms"] = done["first_ms"]


def available() -> bool:
    import importlib.util

    return all(
        importlib.util.find_spec(name) is not None
        for name in ("trainer.ui.app", "trainer.ui.main_window")
    )


def run(bench: Bench) -> None:
    if not available():
        bench.progress.advance(30)
        raise RuntimeError(UNAVAILABLE)
    bench.guarded(("startup_s", "startup_ratio"), lambda: startup(bench))
    bench.guarded(("bundle_startup_s", "bundle_startup_ratio"), lambda: bundle.startup(bench))
    bench.guarded(("ui_step_p95_ms", "peak_rss_mb_app"), lambda: play(bench))
    bench.guarded(("ui_resume_long_attempt_ms",), lambda: resume(bench))
