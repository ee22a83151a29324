"""`export`: learner logs, grades and evidence in csv, xlsx, xapi, sqlite or pdf.

Every format is written to a temporary file (or folder) and renamed into place, so
a failed export leaves nothing half-written. PySide6 is imported only for pdf.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import print_json, root_of
from trainer.exchange.atomic import ExportError
from trainer.exchange.export import export
from trainer.exchange.filters import Filters, parse_date
from trainer.paths import database_path

FORMATS = ("csv", "xlsx", "xapi", "sqlite", "pdf")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export",
        help="export logs, grades and evidence (csv, xlsx, xapi, sqlite, pdf)",
        description="csv: --out is a folder with one CSV per table. sqlite: a learner log "
        "to `merge` elsewhere, or a clean copy for Datasette. pdf: the reflection sheets "
        "of one --attempt, or a --learner's portfolio.",
    )
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", required=True, help="output file (a folder for csv)")
    p.add_argument("--attempt", metavar="ID", help="only this attempt")
    p.add_argument("--learner", metavar="NAME_OR_ID", help="learner name, student no. or id")
    p.add_argument("--class", dest="class_name", metavar="NAME", help="only this class")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="attempts started on or after")
    p.add_argument(
        "--mode", choices=("practice", "assessment", "roleplay"), help="only attempts of this mode"
    )
    p.add_argument("--pseudonymize", action="store_true", help="stable pseudonyms for names")
    p.add_argument("--lang", choices=("zh-TW", "en"), default="zh-TW")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    p.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    root = root_of(args)
    out = Path(args.out).expanduser()
    try:
        filters = Filters(
            learner=args.learner,
            class_name=args.class_name,
            since=parse_date(args.since),
            attempt_id=args.attempt,
            mode=args.mode,
        )
        counts = export(
            args.format, root, database_path(root), out, filters, args.pseudonymize, args.lang
        )
    except ExportError as exc:
        raise CommandError(f"{exc}\nnothing was written") from None
    if args.json:
        print_json({"format": args.format, "out": str(out), "counts": counts})
    else:
        detail = ", ".join(f"{k} {v:,}" for k, v in counts.items())
        print(f"wrote {out} ({detail})")
    return 0
