"""`merge FILE ...`: merge learner logs into the data directory's database."""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import print_json, root_of
from trainer.exchange.atomic import ExportError
from trainer.exchange.merge import merge_files
from trainer.paths import database_path
from trainer.store.lock import WriterLock
from trainer.store.recovery import recover_if_damaged


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    merge = sub.add_parser(
        "merge",
        help="merge learner logs (from `export --format sqlite`) into this database",
        description="Merge learner logs into the class database. Idempotent, order-"
        "independent and all-or-nothing: one bad file and nothing is merged.",
    )
    merge.add_argument("files", nargs="+", metavar="FILE", help="learner log files")
    merge.add_argument("--json", action="store_true", help="print the summary as JSON")
    merge.set_defaults(func=run_merge)


def run_merge(args: argparse.Namespace) -> int:
    root = root_of(args)
    root.mkdir(parents=True, exist_ok=True)
    try:
        with WriterLock.acquire(root):  # one writer per data folder (trainer.store.lock)
            recover_if_damaged(root)  # a damaged class database is kept aside, as on start
            summary = merge_files(database_path(root), [Path(f) for f in args.files])
    except ExportError as exc:
        raise CommandError(f"{exc}\nnothing was merged; the class database is unchanged") from None
    if args.json:
        print_json(summary.as_dict())
    else:
        print(summary.text())
    return 0
