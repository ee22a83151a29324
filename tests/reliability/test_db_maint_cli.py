"""`db backups`, `db backup`, `db restore`: list, make and restore backups headless."""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import pytest

from tests.reliability.helpers import damage_pages, play_attempts, sha256
from trainer.cli import CommandError
from trainer.cli.db_maint import run_backup, run_backups, run_restore
from trainer.paths import database_path
from trainer.store.backup import list_backups
from trainer.store.lock import AlreadyRunning, WriterLock


def _args(root: Path, **extra: object) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(root), **extra)


def _attempts(root: Path) -> int:
    conn = sqlite3.connect(str(database_path(root)))
    try:
        return int(conn.execute("select count(*) from attempts").fetchone()[0])
    finally:
        conn.close()


def test_backups_lists_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    play_attempts(tmp_path, 1)
    assert run_backup(_args(tmp_path)) == 0
    capsys.readouterr()
    assert run_backups(_args(tmp_path, json=True)) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["reason"] for r in rows] == ["manual", "attempt"]


def test_restore_newest_backs_up_current_first(tmp_path: Path) -> None:
    """Restore replaces the data, but the replaced data is itself kept as a backup."""
    play_attempts(tmp_path, 3)  # backup holds 1 attempt, db holds 3
    assert run_restore(_args(tmp_path, backup=None)) == 0
    assert _attempts(tmp_path) == 1
    reasons = [b.reason for b in list_backups(tmp_path)]
    assert reasons[0] == "restore"
    saved = list_backups(tmp_path)[0].path
    conn = sqlite3.connect(str(saved))
    assert conn.execute("select count(*) from attempts").fetchone()[0] == 3
    conn.close()


def test_restore_named_backup_over_damaged_db_keeps_damaged_file(tmp_path: Path) -> None:
    play_attempts(tmp_path, 2)
    name = list_backups(tmp_path)[0].path.name
    damage_pages(database_path(tmp_path))
    digest = sha256(database_path(tmp_path))
    assert run_restore(_args(tmp_path, backup=name)) == 0
    assert _attempts(tmp_path) == 1
    kept = [p for p in tmp_path.glob("trainer.db.corrupt-*") if not p.name.endswith("-shm")]
    assert any(sha256(p) == digest for p in kept)


def test_restore_refuses_damaged_or_missing_backup(tmp_path: Path) -> None:
    play_attempts(tmp_path, 1)
    backup = list_backups(tmp_path)[0].path
    damage_pages(backup)
    with pytest.raises(CommandError, match="not a healthy database"):
        run_restore(_args(tmp_path, backup=str(backup)))
    with pytest.raises(CommandError, match="no healthy backup"):
        run_restore(_args(tmp_path, backup=None))
    with pytest.raises(CommandError, match="no backup named"):
        run_restore(_args(tmp_path, backup="nope.db"))


def test_restore_refused_while_a_writer_runs(tmp_path: Path) -> None:
    play_attempts(tmp_path, 1)
    with (
        WriterLock.acquire(tmp_path, program="trainer (window)"),
        pytest.raises(AlreadyRunning, match="in use by"),
    ):
        run_restore(_args(tmp_path, backup=None))


def test_cli_entry_points(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    play_attempts(tmp_path, 1)
    listed = cli("db", "backups", data=tmp_path)
    assert listed.returncode == 0 and "attempt" in listed.stdout
    restored = cli("db", "restore", data=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert "restored" in restored.stdout
