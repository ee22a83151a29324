"""`merge PATH ...`: merge learner logs (files or folders) into the data directory's database."""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import print_json, root_of
from trainer.exchange.atomic import ExportError
from trainer.exchange.collect import preview_merge
from trainer.exchange.merge import merge_files
from trainer.paths import database_path
from trainer.store.lock import WriterLock
from trainer.store.recovery import recover_if_damaged


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    merge = sub.add_parser(
        "merge",
        help="merge learner logs (hand-ins, files or folders of them) into this database",
        description="Merge learner logs into the class database. Idempotent, order-"
        "independent and all-or-nothing: one bad file or one conflict with what is already "
        "merged, and nothing is merged. Each file is previewed first (learner, attempts "
        "new / taken further / already merged / older), then merged.",
    )
    merge.add_argument("files", nargs="+", metavar="PATH", help="learner log files or folders")
    merge.add_argument(
        "--preview", action="store_true", help="only show what merging would do; change nothing"
    )
    merge.add_argument("--json", action="store_true", help="print the preview/summary as JSON")
    merge.set_defaults(func=run_merge)


def run_merge(args: argparse.Namespace) -> int:
    root = root_of(args)
    root.mkdir(parents=True, exist_ok=True)
    try:
        with WriterLock.acquire(root):  # one writer per data folder (trainer.store.lock)
            recover_if_damaged(root)  # a damaged class database is kept aside, as on start
            preview = preview_merge(database_path(root), [Path(f) for f in args.files])
            if args.preview or not preview.ok:
                if args.json:
                    print_json(preview.as_dict())
                elif args.preview:
                    print(preview.text())
                if not preview.files:
                    raise CommandError("no learner logs found in what was given")
                if not preview.ok:
                    refusals = [
                        f"{f.path.name}: refused: {f.refused}" for f in preview.files if f.refused
                    ]
                    raise CommandError(
                        "\n".join(
                            [*refusals, "nothing was merged; the class database is unchanged"]
                        )
                    )
                return 0
            if not args.json:
                print(preview.text())
            summary = merge_files(database_path(root), preview.paths)
            if any(c.added for c in summary.totals.values()):
                _link_namesakes(database_path(root))
    except ExportError as exc:
        raise CommandError(f"{exc}\nnothing was merged; the class database is unchanged") from None
    if args.json:
        print_json({**summary.as_dict(), "preview": preview.as_dict()})
    else:
        print(summary.text())
    return 0


def _link_namesakes(path: Path) -> None:
    """Profiles that now share a student number become one learner (audited)."""
    from trainer.store.db import Store
    from trainer.store.roster import settle_identities

    store = Store.open(path)
    try:
        settle_identities(store.db)
    finally:
        store.close()
