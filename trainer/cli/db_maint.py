"""`db backups`, `db backup`, `db restore [BACKUP]`: the learner database's backups.

Restoring takes the writer lock, refuses a backup that fails the health check, backs up
the current database first (reason "restore") when it is healthy, or keeps it aside
unchanged when it is damaged, and then copies the backup in with SQLite's backup API.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from trainer.cli import CommandError
from trainer.cli.common import print_json, root_of
from trainer.paths import database_path
from trainer.store.backup import (
    BackupError,
    BackupInfo,
    backup_now,
    copy_database,
    healthy,
    list_backups,
)
from trainer.store.lock import WriterLock
from trainer.store.recovery import diagnose, preserve_corrupt
from trainer.store.sqlite_file import ro_uri


def register_maintenance(db_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Called from trainer.cli.db_cmd.register."""
    backups = db_sub.add_parser("backups", help="list the database backups, newest first")
    backups.add_argument("--json", action="store_true")
    backups.set_defaults(func=run_backups)

    backup = db_sub.add_parser("backup", help="back up the database now")
    backup.set_defaults(func=run_backup)

    restore = db_sub.add_parser("restore", help="replace the database with a backup")
    restore.add_argument(
        "backup", nargs="?", help="backup file or name (default: the newest healthy one)"
    )
    restore.set_defaults(func=run_restore)


def _row(b: BackupInfo) -> dict[str, object]:
    return {
        "name": b.path.name,
        "path": str(b.path),
        "created": b.created.isoformat(timespec="seconds"),
        "reason": b.reason,
        "bytes": b.size,
    }


def run_backups(args: argparse.Namespace) -> int:
    rows = [_row(b) for b in list_backups(root_of(args))]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("no backups yet")
    for row in rows:
        print(f"{row['created']}  {row['reason']:<10} {row['bytes']:>9} B  {row['name']}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    root = root_of(args)
    with WriterLock.acquire(root):
        try:
            made = backup_now(database_path(root), "manual", force=True)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
    if made is None:
        raise CommandError(f"no database to back up in {root}")
    print(f"backed up to {made}")
    return 0


def _choose(root: Path, wanted: str | None) -> Path:
    if wanted is None:
        for b in list_backups(root):
            if not healthy(b.path):
                return b.path
        raise CommandError(f"no healthy backup in {root / 'backups'}")
    candidate = Path(wanted)
    if not candidate.exists():
        candidate = root / "backups" / wanted
    if not candidate.is_file():
        raise CommandError(f"no backup named {wanted} (see `db backups`)")
    problems = healthy(candidate)
    if problems:
        raise CommandError(f"{candidate} is not a healthy database: {problems[0]}")
    return candidate


def _restore_into(source: Path, target: Path) -> None:
    """Copy `source` over the live database in one SQLite transaction (crash-safe)."""
    src = sqlite3.connect(ro_uri(source), uri=True)
    dst = sqlite3.connect(str(target))
    try:
        dst.execute("PRAGMA journal_mode = WAL")
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def run_restore(args: argparse.Namespace) -> int:
    root = root_of(args)
    target = database_path(root)
    with WriterLock.acquire(root):
        source = _choose(root, args.backup)
        if target.exists() and diagnose(target) is not None:
            kept = preserve_corrupt(target)
            print(f"the current database is damaged; kept unchanged as {kept.name}")
            copy_database(source, target)
        else:
            if target.exists():
                try:
                    saved = backup_now(target, "restore", force=True)
                except BackupError as exc:
                    raise CommandError(f"not restoring: {exc}") from None
                print(f"current database backed up to {saved}")
            _restore_into(source, target)
    print(f"restored {target} from {source.name}")
    return 0
