"""`cases import PACK.zip` and `cases export-pack`: share cases between instructors."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import print_json, root_of
from trainer.editor.install import install_case_file
from trainer.exchange.packs import PackError, export_pack, import_pack
from trainer.paths import user_cases_dir


def register_packs(cases_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Called from trainer.cli.cases_cmd.register."""
    imp = cases_sub.add_parser(
        "import", help="install one case file (.yaml) or the cases of a pack (.zip), all or none"
    )
    imp.add_argument("pack", type=Path, help="the pack (.zip) or case file (.yaml)")
    imp.add_argument(
        "--replace", action="store_true", help="replace installed cases (old files are kept)"
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=run_import)

    exp = cases_sub.add_parser("export-pack", help="write installed cases into a pack (.zip)")
    exp.add_argument("case_ids", nargs="*", metavar="CASE_ID", help="default: every case")
    exp.add_argument("--out", type=Path, help="default: cases-pack-YYYY-MM-DD.zip here")
    exp.add_argument("--force", action="store_true", help="overwrite an existing file")
    exp.set_defaults(func=run_export)


def run_import(args: argparse.Namespace) -> int:
    root = root_of(args)
    try:
        if args.pack.suffix.lower() in (".yaml", ".yml"):
            report = install_case_file(root, args.pack, replace=args.replace)
        else:
            report = import_pack(root, args.pack, replace=args.replace)
    except PackError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        print_json(
            {
                "installed": report.installed,
                "replaced": report.replaced,
                "unchanged": report.unchanged,
                "folder": str(user_cases_dir(root)),
            }
        )
        return 0
    for label, ids in (
        ("installed", report.installed),
        ("replaced", report.replaced),
        ("already installed", report.unchanged),
    ):
        for case_id in ids:
            print(f"{label}: {case_id}")
    print(
        f"{len(report.installed) + len(report.replaced)} case(s) imported into {user_cases_dir(root)}"
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    out = args.out or Path(f"cases-pack-{date.today().isoformat()}.zip")
    try:
        ids = export_pack(root_of(args), out, args.case_ids or None, overwrite=args.force)
    except PackError as exc:
        raise CommandError(str(exc)) from None
    print(f"wrote {len(ids)} case(s) to {out}")
    return 0
