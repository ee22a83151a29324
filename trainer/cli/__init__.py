"""Headless command line: `python -m trainer [--data-dir DIR] COMMAND ...`.

Each command lives in its own module with `register(subparsers)`; the module is
imported here by name so commands stay independent. No command imports Qt unless it
needs to draw (the PDF export), and then only inside its handler.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sqlite3
import sys
from collections.abc import Sequence

from trainer.core.loader import CaseError
from trainer.store.db import StoreError
from trainer.version import VersionAction

COMMAND_MODULES = (
    "trainer.cli.cases_cmd",
    "trainer.cli.play_cmd",
    "trainer.cli.db_cmd",
    "trainer.cli.export_cmd",
    "trainer.cli.merge_cmd",
    "trainer.cli.bench_cmd",
    # the instructor side (issue 14)
    "trainer.cli.class_cmd",
    "trainer.cli.handin_cmd",
    "trainer.cli.lrs_cmd",
    "trainer.cli.roster_cmd",
    "trainer.cli.profile_cmd",
    "trainer.cli.portfolio_cmd",
    # observed role-play (issue 18)
    "trainer.cli.roleplay_cmd",
)


class CommandError(Exception):
    """A failure explained for the user; printed without a traceback."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m trainer",
        description="Complaint-handling trainer (iCAP TRM3R0182v2, task area 三), headless.",
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument(
        "--data-dir",
        help="data directory (default: $TRAINER_DATA_DIR or the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # A command whose module is absent (a partial install) is left out, not fatal;
            # tests/cli checks that every listed module exists.
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from trainer.cli.safe_output import escaped_output

    parser = build_parser()
    args = parser.parse_args(argv)
    _sweep_leftovers(args)
    with escaped_output():  # ESC from a file never reaches the terminal
        return _run(args)


def _sweep_leftovers(args: argparse.Namespace) -> None:
    """Temporary files a killed merge or export left behind (trainer.exchange.leftovers)."""
    from trainer.exchange.leftovers import sweep
    from trainer.paths import data_dir

    with contextlib.suppress(Exception):  # tidying up must never stop a command
        sweep(data_dir(getattr(args, "data_dir", None)))


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    except CaseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except (sqlite3.DatabaseError, OSError) as exc:
        from trainer.store.sqlite_file import DISK_FULL_MESSAGE, is_disk_full

        if not is_disk_full(exc):
            raise
        print(f"error: {DISK_FULL_MESSAGE}", file=sys.stderr)
        return 2
