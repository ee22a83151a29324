"""`db check`: is the learner database healthy and of a schema this version knows?"""

from __future__ import annotations

import argparse
import sqlite3

from trainer.cli.common import print_json, root_of
from trainer.cli.db_maint import register_maintenance
from trainer.paths import database_path
from trainer.store.schema import DATA_TABLES, MIGRATION_SET, known_migrations
from trainer.store.sqlite_file import connect_ro, foreign_application


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    check = db_sub.add_parser("check", help="integrity and schema check")
    check.add_argument("--json", action="store_true")
    check.set_defaults(func=run_check)
    register_maintenance(db_sub)  # backups, backup, restore (trainer.cli.db_maint)


def check_file(path: str) -> dict[str, object]:
    """Read-only health report of one database file."""
    report: dict[str, object] = {"path": path, "ok": False, "problems": []}
    problems: list[str] = report["problems"]  # type: ignore[assignment]
    try:
        # Percent-encoded read-only URI: a '#', '?' or '%' in the folder name cannot
        # cut it short (and turn it into a read-write open that creates a file).
        conn = connect_ro(path)
    except sqlite3.Error as exc:
        problems.append(f"cannot open: {exc}")
        return report
    try:
        # The one definition of healthy (also gating backups, restore, recovery, merge).
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems.extend(f"integrity: {r}" for r in rows[:10])
        foreign = foreign_application(conn)
        if foreign:
            problems.append(f"not a trainer database: {foreign}")
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        missing = [t for t in DATA_TABLES if t not in tables]
        if missing:
            problems.append(f"missing tables: {', '.join(missing)}")
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            applied = [
                str(r[0])
                for r in conn.execute(
                    "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
                )
            ]
        unknown = [m for m in applied if m not in known_migrations()]
        if unknown:
            problems.append(f"written by a newer version (schema steps {', '.join(unknown)})")
        report["schema"] = applied
        if not missing:
            report["counts"] = {
                t: conn.execute(f"select count(*) from [{t}]").fetchone()[0] for t in DATA_TABLES
            }
    except sqlite3.DatabaseError as exc:
        problems.append(f"not a readable SQLite database: {exc}")
    except UnicodeDecodeError:  # SQLite's message quoted a damaged, non-UTF-8 schema
        problems.append("not a readable SQLite database: its schema is damaged")
    finally:
        conn.close()
    report["ok"] = not problems
    return report


def run_check(args: argparse.Namespace) -> int:
    path = database_path(root_of(args))
    if not path.exists():
        report: dict[str, object] = {
            "path": str(path),
            "ok": True,
            "problems": [],
            "note": "no database yet",
        }
    else:
        report = check_file(str(path))
    if args.json:
        print_json(report)
    else:
        status = "healthy" if report["ok"] else "UNHEALTHY"
        print(f"{path}: {status}")
        for problem in report["problems"]:  # type: ignore[attr-defined]
            print(f"  - {problem}")
        if "counts" in report:
            counts = report["counts"]
            print("  " + ", ".join(f"{k} {v}" for k, v in counts.items()))  # type: ignore[attr-defined]
    return 0 if report["ok"] else 1
