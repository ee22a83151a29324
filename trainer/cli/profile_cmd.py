"""`profile list|merge|rename|audit`: learner identities in a class database.

Merging keeps one profile and points the other's attempts at it; every change is
kept in the database's audit trail (`profile audit`).
"""

from __future__ import annotations

import argparse

from trainer.cli.common import open_workspace, print_json
from trainer.store.roster import (
    audit_trail,
    canonical_learners,
    merge_profiles,
    person_sql,
    rename_profile,
    resolve_learner,
    settle_identities,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("profile", help="list, merge and rename learner profiles (audited)")
    inner = cmd.add_subparsers(dest="profile_command", required=True, metavar="ACTION")
    lst = inner.add_parser("list", help="learners (one line per person)")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_list)
    merge = inner.add_parser("merge", help="merge profile OTHER into KEEP")
    merge.add_argument("keep", help="name, student number or id of the profile to keep")
    merge.add_argument("other", help="name, student number or id of the profile to merge in")
    merge.add_argument("--by", default="instructor", help="who did it (for the audit trail)")
    merge.add_argument("--json", action="store_true")
    merge.set_defaults(func=run_merge)
    rename = inner.add_parser("rename", help="change a profile's name, student number or class")
    rename.add_argument("learner", help="name, student number or id")
    rename.add_argument("--name", dest="display_name")
    rename.add_argument("--student-no")
    rename.add_argument("--class", dest="class_name")
    rename.add_argument("--by", default="instructor")
    rename.add_argument("--json", action="store_true")
    rename.set_defaults(func=run_rename)
    audit = inner.add_parser("audit", help="every merge and rename, oldest first")
    audit.add_argument("--learner", help="only this learner")
    audit.add_argument("--json", action="store_true")
    audit.set_defaults(func=run_audit)


def run_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args, writer=True)
    try:
        db = workspace.store.db
        settle_identities(db)
        rows = canonical_learners(db)
        counts = dict(
            db.execute(f"select {person_sql('a')}, count(*) from attempts a group by 1").fetchall()
        )
    finally:
        workspace.close()
    out = [
        {
            "id": r["id"],
            "name": r["display_name"],
            "student_no": r["student_no"],
            "class": r["class_name"],
            "attempts": int(counts.get(r["id"], 0)),
        }
        for r in rows
    ]
    if args.json:
        print_json(out)
    else:
        for r in out:
            print(
                f"{r['id']}  {r['name']}  {r['student_no'] or '-'}  {r['class'] or '-'}  "
                f"{r['attempts']} attempts"
            )
    return 0


def run_merge(args: argparse.Namespace) -> int:
    workspace = open_workspace(args, writer=True)
    try:
        db = workspace.store.db
        keep, other = resolve_learner(db, args.keep), resolve_learner(db, args.other)
        moved = merge_profiles(db, keep, other, args.by)
    finally:
        workspace.close()
    result = {"kept": keep, "merged": other, "attempts": moved}
    if args.json:
        print_json(result)
    else:
        print(
            f"merged {other} into {keep}: its {moved} attempts count as {keep}'s (see `profile audit`)"
        )
    return 0


def run_rename(args: argparse.Namespace) -> int:
    workspace = open_workspace(args, writer=True)
    try:
        db = workspace.store.db
        learner = resolve_learner(db, args.learner)
        changes = rename_profile(
            db,
            learner,
            display_name=args.display_name,
            student_no=args.student_no,
            class_name=args.class_name,
            actor=args.by,
        )
    finally:
        workspace.close()
    if args.json:
        print_json({"learner": learner, "changes": changes})
    else:
        print(
            f"{learner}: "
            + (
                ", ".join(f"{k} {v['from']!r} -> {v['to']!r}" for k, v in changes.items())
                or "no change"
            )
        )
    return 0


def run_audit(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        db = workspace.store.db
        learner = resolve_learner(db, args.learner) if args.learner else None
        rows = audit_trail(db, learner)
    finally:
        workspace.close()
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(
                f"{r['ts']}  {r['action']:<6} {r['learner_id']}  {r['other_id'] or ''}  "
                f"by {r['actor']}  {r['details']}"
            )
    return 0
