"""`handin`: write the learner's log into a folder (a USB stick) for the instructor."""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import print_json, root_of
from trainer.exchange.atomic import ExportError
from trainer.exchange.handin import hand_in
from trainer.paths import database_path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser(
        "handin",
        help="hand in a learner's log: one consistent file <class>-<no>-<name>-<date>.handin.db",
    )
    cmd.add_argument("--out", required=True, help="the folder to write into (e.g. a USB stick)")
    cmd.add_argument("--learner", help="name, student number or id (needed if several)")
    cmd.add_argument("--json", action="store_true", help="print what was handed in as JSON")
    cmd.set_defaults(func=run_handin)


def run_handin(args: argparse.Namespace) -> int:
    database = database_path(root_of(args))
    if not database.exists():
        raise CommandError(f"no learner log in {database.parent} yet: nothing to hand in")
    try:
        result = hand_in(database, Path(args.out), args.learner)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        print_json(result.as_dict())
    else:
        print("handed in 已繳交:")
        print(result.text())
    return 0
