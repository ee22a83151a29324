"""`roster import|list`: the class list; learners are matched by student number."""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import open_workspace, print_json
from trainer.exchange.atomic import ExportError
from trainer.exchange.roster_file import read_roster
from trainer.store.roster import import_roster, roster


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("roster", help="the class list (student no., name, class)")
    inner = cmd.add_subparsers(dest="roster_command", required=True, metavar="ACTION")
    imp = inner.add_parser("import", help="import a class list (.csv or .xlsx)")
    imp.add_argument("file", help="columns 學號/student no, 姓名/name, 班級/class")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=run_import)
    lst = inner.add_parser("list", help="the imported class list")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)


def run_import(args: argparse.Namespace) -> int:
    try:
        rows = read_roster(Path(args.file))
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    workspace = open_workspace(args, writer=True)
    try:
        result = import_roster(workspace.store.db, rows)
    finally:
        workspace.close()
    if args.json:
        print_json(result.as_dict())
    else:
        print(
            f"{len(rows)} students: {result.added} new, {result.updated} changed; "
            f"{result.linked} duplicate profiles linked by student number, "
            f"{result.renamed} profiles renamed from the list"
        )
        if result.unmatched:
            print(f"not seen in any log yet: {', '.join(result.unmatched)}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        rows = roster(workspace.store.db)
    finally:
        workspace.close()
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['student_no']}\t{row['display_name']}\t{row['class_name'] or ''}")
    return 0
