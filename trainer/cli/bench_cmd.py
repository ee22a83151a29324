"""`python -m trainer bench [--quick] [--json]`: measure the trainer on synthetic data.

All data is generated in a temporary folder (removed afterwards); the user's data
folder is never opened. See docs/performance.md for a recorded run.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from trainer.cli import CommandError


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "bench",
        help="measure startup, decisions, merge and export speed on synthetic data",
        description=(
            "Build synthetic cases, learners and logs in a temporary folder and measure "
            "each figure beside a baseline taken in the same run."
        ),
    )
    parser.add_argument("--quick", action="store_true", help="smaller data (about a minute)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--work-dir",
        help="where to create the temporary folder (default: the system temp folder); "
        "pick a folder on the disk you want measured",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from trainer.bench.report import table
    from trainer.bench.run import run_bench

    work_dir = Path(args.work_dir).expanduser() if args.work_dir else None
    if work_dir is not None and not work_dir.is_dir():
        raise CommandError(f"--work-dir {work_dir} is not an existing folder")
    report = run_bench(args.quick, work_dir, show_progress=not args.no_progress)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else table(report))
    return 0
