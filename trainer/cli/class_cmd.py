"""`class init`: make this data folder an instructor's class folder.

Learners merged into a class folder never appear on its welcome screen; their
histories, sheets, portfolios and exports are reached only in the instructor area.
"""

from __future__ import annotations

import argparse

from trainer.cli.common import open_workspace, print_json
from trainer.store.roster import class_folder_name, init_class_folder


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("class", help="the instructor's class folder")
    inner = cmd.add_subparsers(dest="class_command", required=True, metavar="ACTION")
    init = inner.add_parser("init", help="mark this data folder as a private class folder")
    init.add_argument("--name", default="", help="a label, e.g. 觀光一甲 2025")
    init.add_argument("--json", action="store_true")
    init.set_defaults(func=run_init)
    status = inner.add_parser("status", help="is this data folder a class folder?")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=run_status)


def run_init(args: argparse.Namespace) -> int:
    workspace = open_workspace(args, writer=True)
    try:
        created = init_class_folder(workspace.store.db, args.name)
        result = {"data_dir": str(workspace.root), "class_folder": True, "new": created}
    finally:
        workspace.close()
    if args.json:
        print_json(result)
    else:
        state = "is now" if created else "already was"
        print(f"{result['data_dir']} {state} a class folder 班級資料夾")
        print("merged learners are listed only in the instructor area (PIN)")
    return 0


def run_status(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        name = class_folder_name(workspace.store.db)
    finally:
        workspace.close()
    result = {"data_dir": str(workspace.root), "class_folder": name is not None, "name": name}
    if args.json:
        print_json(result)
    else:
        print(f"{result['data_dir']}: {'class folder' if name is not None else 'learner folder'}")
    return 0
