"""`portfolios`: one portfolio PDF per learner of a class; `class-summary`: the dashboard as PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import print_json, root_of
from trainer.exchange.atomic import ExportError
from trainer.exchange.filters import Filters, parse_date


def _filters(args: argparse.Namespace) -> Filters:
    return Filters(
        learner=getattr(args, "learner", None),
        class_name=args.class_name,
        since=parse_date(args.since),
        until=parse_date(getattr(args, "until", None)),
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("portfolios", help="one portfolio PDF per learner, into a folder")
    p.add_argument("--out", required=True, help="an existing folder")
    p.add_argument("--class", dest="class_name", help="only this class")
    p.add_argument("--learner", help="only this learner")
    p.add_argument("--since", help="only attempts started on or after YYYY-MM-DD")
    p.add_argument("--lang", choices=("zh-TW", "en"), default="zh-TW")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_portfolios)
    s = sub.add_parser("class-summary", help="the class dashboard as one PDF")
    s.add_argument("--out", required=True, help="the PDF file to write")
    s.add_argument("--class", dest="class_name", help="only this class")
    s.add_argument("--since", help="from YYYY-MM-DD")
    s.add_argument("--until", help="to YYYY-MM-DD")
    s.add_argument("--threshold", type=float, default=60)
    s.add_argument("--lang", choices=("zh-TW", "en"), default="zh-TW")
    s.set_defaults(func=run_summary)


def run_portfolios(args: argparse.Namespace) -> int:
    from trainer.exchange.portfolios import write_portfolios

    def progress(done: int, total: int, name: str) -> None:
        if not args.json and total:
            print(f"\r{done}/{total} {name[:30]:<30}", end="", file=sys.stderr, flush=True)

    try:
        result = write_portfolios(
            root_of(args), Path(args.out), _filters(args), args.lang, progress
        )
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        print_json(result.as_dict())
    else:
        print(file=sys.stderr)
        print(f"{len(result.written)} portfolios written to {result.folder}")
    return 0


def run_summary(args: argparse.Namespace) -> int:
    from trainer.exchange.portfolios import write_class_summary

    try:
        n = write_class_summary(
            root_of(args), Path(args.out), _filters(args), args.threshold, args.lang
        )
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    print(f"class summary of {n} learners written to {args.out}")
    return 0
