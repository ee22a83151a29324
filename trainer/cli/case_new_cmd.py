"""`cases new [--from CASE_ID] --out FILE`: write a starter case file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import root_of
from trainer.core.loader import CaseError, load_library
from trainer.editor.template import duplicate, from_template, valid_id
from trainer.paths import case_folders


def register_new(cases_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Called from trainer.cli.cases_cmd.register."""
    new = cases_sub.add_parser(
        "new", help="write a starter case: the worked template, or a copy of an installed case"
    )
    new.add_argument("--from", dest="source", metavar="CASE_ID", help="copy this case")
    new.add_argument("--out", type=Path, required=True, help="the new .yaml file")
    new.add_argument("--id", dest="case_id", help="the new case's id (default: the file name)")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(func=run_new)


def run_new(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.suffix not in (".yaml", ".yml"):
        raise CommandError(f"{out}: the file name must end in .yaml")
    if out.exists() and not args.force:
        raise CommandError(f"{out} already exists; choose another name or use --force")
    case_id = args.case_id or out.stem
    if not valid_id(case_id):
        raise CommandError(
            f"'{case_id}' is not a valid case id (lowercase letters, digits, - and _); "
            "rename the file or give --id"
        )
    try:
        if args.source:
            library = load_library(case_folders(root_of(args)))
            if args.source not in library.cases:
                raise CommandError(f"unknown case id '{args.source}' (see: cases list)")
            source = library.cases[args.source]
            assert source.path is not None
            text = duplicate(source.path.read_text(encoding="utf-8"), args.source, case_id)
        else:
            text = from_template(case_id)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except (OSError, CaseError, ValueError) as exc:
        raise CommandError(str(exc)) from None
    print(f"wrote {out} (case id {case_id})")
    print(f"check it: python -m trainer cases lint {out}", file=sys.stderr)
    print(f"install it: python -m trainer cases import {out}", file=sys.stderr)
    return 0
