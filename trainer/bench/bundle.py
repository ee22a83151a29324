"""`bundle_startup_s`: the PyInstaller bundle's window start, when a bundle is present.

The bundle is `dist/complaint-trainer/` in the checkout (what scripts/build_bundle.py
makes), or the folder named by $TRAINER_BENCH_BUNDLE. Each start is
`complaint-trainer --smoke` on the same data folder as `startup_s`, timed the same
way: from just before the spawn to the window's first idle moment after being shown.
Goal: at most 1.5 x `startup_s` (the frozen app unpacks nothing, so it should be close).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.bench.stats import median, ratio

if TYPE_CHECKING:
    from trainer.bench.run import Bench

ENV_BUNDLE = "TRAINER_BENCH_BUNDLE"
REPO = Path(__file__).resolve().parents[2]


def find_bundle() -> Path | None:
    """The bundle's window executable, or None when no bundle has been built."""
    folder = Path(os.environ.get(ENV_BUNDLE) or REPO / "dist" / "complaint-trainer")
    exe = folder / ("complaint-trainer.exe" if sys.platform == "win32" else "complaint-trainer")
    return exe if exe.is_file() else None


def _start(bench: Bench, exe: Path, root: Path) -> float:
    spawned = time.time()
    done = subprocess.run(
        [str(exe), "--smoke", "--data-dir", str(root)],
        cwd=bench.work,
        env=bench.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"the bundle's --smoke start failed: {tail}")
    return float(json.loads(done.stdout.strip().splitlines()[-1])["idle"]) - spawned


def startup(bench: Bench) -> None:
    exe = find_bundle()
    if exe is None:
        raise RuntimeError(
            f"no bundle (build one with scripts/build_bundle.py, or set {ENV_BUNDLE})"
        )
    root = bench.work / "app-data"  # made by the startup_s part, with a learner's history
    if not (root / "trainer.db").is_file():
        raise RuntimeError("startup_s did not run, so there is nothing to compare with")
    bench.progress.stage(f"starting the bundled window {bench.plan.startups} times")
    _start(bench, exe, root)  # untimed: warms the disk cache, as startup_s does
    times = [_start(bench, exe, root) for _ in range(bench.plan.startups)]
    bench.result["bundle_startup_s"] = median(times)
    bench.result["bundle_startup_ratio"] = ratio(median(times), bench.result["startup_s"])
    bench.extra["bundle"] = str(exe.parent)
