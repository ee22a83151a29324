"""`lrs push`: send the class's xAPI statements to an LRS; `lrs config`, `lrs status`.

The password comes from the environment variable TRAINER_LRS_PASSWORD, never from
the command line (which other users of the computer can see) and never from a file.
"""

from __future__ import annotations

import argparse
import os
import sys

from trainer.cli import CommandError
from trainer.cli.common import open_workspace, print_json, root_of
from trainer.exchange.atomic import ExportError
from trainer.exchange.filters import Filters, parse_date
from trainer.exchange.lrs import DEFAULT_BATCH, PASSWORD_ENV, LrsError, LrsTarget, push
from trainer.exchange.xapi import load_config, save_config
from trainer.paths import database_path
from trainer.store.outbox import summary


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("lrs", help="push xAPI statements to a Learning Record Store")
    inner = cmd.add_subparsers(dest="lrs_command", required=True, metavar="ACTION")
    p = inner.add_parser(
        "push", help=f"send what the LRS has not acknowledged yet (password: ${PASSWORD_ENV})"
    )
    p.add_argument(
        "--endpoint", required=True, help="the LRS's xAPI endpoint, e.g. https://lrs.example/xAPI/"
    )
    p.add_argument("--user", required=True, help="the LRS user (HTTP Basic)")
    p.add_argument("--class", dest="class_name", help="only this class")
    p.add_argument("--learner", help="only this learner (name, student number or id)")
    p.add_argument("--since", help="only attempts started on or after YYYY-MM-DD")
    p.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="statements per request")
    p.add_argument("--retries", type=int, default=4, help="retries per request (backoff)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run_push)
    c = inner.add_parser("config", help="set the xAPI base IRI and the accounts' homePage")
    c.add_argument(
        "--base-iri", help="activity IRIs start with this, e.g. https://school.example/trainer"
    )
    c.add_argument("--home-page", help="the homePage of learner and instructor accounts")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=run_config)
    s = inner.add_parser("status", help="what each LRS has acknowledged so far")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=run_status)


def run_push(args: argparse.Namespace) -> int:
    database = database_path(root_of(args))
    if not database.exists():
        raise CommandError(f"no database in {database.parent} yet: nothing to push")
    target = LrsTarget(args.endpoint, args.user, os.environ.get(PASSWORD_ENV, ""))
    filters = Filters(
        learner=args.learner, class_name=args.class_name, since=parse_date(args.since)
    )

    def progress(done: int, total: int) -> None:
        if not args.json and total:
            print(f"\r{done}/{total} statements", end="", file=sys.stderr, flush=True)

    try:
        result = push(
            database,
            target,
            filters,
            batch_size=args.batch,
            retries=args.retries,
            progress=progress,
        )
    except LrsError as exc:
        if not args.json:
            print(file=sys.stderr)
        if args.json:
            print_json({"error": exc.kind, "message": str(exc), "sent": exc.sent})
        raise CommandError(
            f"{exc} ({exc.sent} statements were acknowledged and recorded)", 3
        ) from None
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        print_json(result.as_dict())
    else:
        if result.total:
            print(file=sys.stderr)
        print(
            f"{result.sent} statements sent in {result.batches} batches to {result.endpoint}; "
            f"{result.already} were already there ({result.total} in all)"
        )
    return 0


def run_config(args: argparse.Namespace) -> int:
    workspace = open_workspace(args, writer=True)
    try:
        conn = workspace.store.db.conn
        try:
            config = load_config(conn, base_iri=args.base_iri, home_page=args.home_page)
        except ExportError as exc:
            raise CommandError(str(exc)) from None
        if args.base_iri or args.home_page:
            save_config(conn, config)
    finally:
        workspace.close()
    shown = {"base_iri": config.base_iri, "home_page": config.home_page}
    if args.json:
        print_json(shown)
    else:
        print(f"base IRI  {config.base_iri}\nhomePage  {config.home_page}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        rows = summary(workspace.store.db)
    finally:
        workspace.close()
    if args.json:
        print_json(rows)
    else:
        for row in rows or [{"endpoint": "(none yet)", "statements": 0, "last_acked": "-"}]:
            print(f"{row['endpoint']}: {row['statements']} acknowledged, last {row['last_acked']}")
    return 0
