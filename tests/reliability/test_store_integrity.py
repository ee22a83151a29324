"""Store integrity (issue 15): one definition of healthy, encoded URIs, read-only
exports, application_id."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.reliability.helpers import drop_index_entries, play_attempts
from trainer.exchange.atomic import ExportError
from trainer.exchange.export import export
from trainer.exchange.filters import Filters
from trainer.store.backup import BackupError, backup_now, list_backups
from trainer.store.db import StoreError, open_database
from trainer.store.lock import WriterLock
from trainer.store.recovery import diagnose, open_store
from trainer.store.sqlite_file import APPLICATION_ID, health_problems

WEIRD = ["a#b", "a?b", "100%", "with space", "資料夾", "%23", "x%3Fmode=rw"]


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("played")
    play_attempts(root, 2)
    return root


def copy_root(played: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copyfile(played / "trainer.db", dest / "trainer.db")
    return dest


def test_index_inconsistency_is_unhealthy_everywhere(played: Path, tmp_path: Path) -> None:
    """Defect 5: db check, backups, recovery and restore agree: a unique index short
    of entries is damage. It is not backed up, and recovery keeps it aside."""
    root = copy_root(played, tmp_path / "data")
    good = backup_now(root / "trainer.db", "manual", force=True)
    assert good is not None
    drop_index_entries(root / "trainer.db")
    assert health_problems(root / "trainer.db")
    done = run_cli("db", "check", data=root)
    assert done.returncode == 1 and "UNHEALTHY" in done.stdout
    with pytest.raises(BackupError):
        backup_now(root / "trainer.db", "manual", force=True)
    assert [b.path for b in list_backups(root)] == [good]
    assert diagnose(root / "trainer.db") is not None
    store, notices = open_store(root)  # recovery: kept aside, newest healthy backup back
    store.close()
    assert any("damaged" in n for n in notices)
    assert not health_problems(root / "trainer.db")


def test_restore_refuses_a_backup_with_a_broken_index(played: Path, tmp_path: Path) -> None:
    root = copy_root(played, tmp_path / "data")
    made = backup_now(root / "trainer.db", "manual", force=True)
    assert made is not None
    drop_index_entries(made)
    done = run_cli("db", "restore", made.name, data=root)
    assert done.returncode == 1 and "not a healthy database" in done.stderr
    done = run_cli("db", "restore", data=root)  # the newest *healthy* one: none
    assert done.returncode == 1 and "no healthy backup" in done.stderr


@pytest.mark.parametrize("name", WEIRD)
def test_db_check_with_special_characters_in_the_path(
    played: Path, tmp_path: Path, name: str
) -> None:
    """Defect 7: '#', '?', '%', spaces, Chinese: healthy is healthy, no stray file."""
    root = copy_root(played, tmp_path / name / "data")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    done = run_cli("db", "check", data=root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "healthy" in done.stdout
    after = sorted(p.name for p in tmp_path.rglob("*"))
    assert [n for n in after if n not in before] in ([], ["trainer.db-shm", "trainer.db-wal"])


def test_read_only_open_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "a#b?c"
    folder.mkdir()
    assert health_problems(folder / "trainer.db")
    assert list(folder.iterdir()) == []
    assert health_problems(tmp_path / "a") and not (tmp_path / "a").exists()


def _unmigrate(db: Path) -> None:
    """Make the database look as if the last schema step had not run yet."""
    conn = sqlite3.connect(db, isolation_level=None)
    last = conn.execute(
        "select name from _sqlite_migrations order by rowid desc limit 1"
    ).fetchone()
    conn.execute("delete from _sqlite_migrations where name = ?", last)
    conn.close()


def test_export_never_migrates_without_the_lock_and_a_backup(played: Path, tmp_path: Path) -> None:
    """Defect 9: a reader that finds a schema step missing takes the writer lock and
    a backup before migrating; while `play` holds the lock it is refused."""
    root = copy_root(played, tmp_path / "data")
    db = root / "trainer.db"
    _unmigrate(db)
    lock = WriterLock.acquire(root, program="trainer play")
    with lock, pytest.raises(StoreError, match="another trainer is using"):
        export("csv", root, db, tmp_path / "csv", Filters())
    assert list_backups(root) == []
    export("csv", root, db, tmp_path / "csv", Filters())
    assert [b.reason for b in list_backups(root)] == ["migration"]
    # An up-to-date database is exported without a write: same bytes, no backup.
    data = db.read_bytes()
    export("sqlite", root, db, tmp_path / "copy.db", Filters())
    assert db.read_bytes() == data and len(list_backups(root)) == 1


def test_application_id_is_set_and_checked(played: Path, tmp_path: Path) -> None:
    """Defect 10: the database, its backups and its sqlite exports carry the trainer's
    application_id; another program's file is refused by check, open and merge."""
    root = copy_root(played, tmp_path / "data")
    open_database(root / "trainer.db").close()
    backup = backup_now(root / "trainer.db", "manual", force=True)
    assert backup is not None
    export("sqlite", root, root / "trainer.db", tmp_path / "log.db", Filters())
    for path in (root / "trainer.db", backup, tmp_path / "log.db"):
        conn = sqlite3.connect(path)
        assert conn.execute("pragma application_id").fetchone()[0] == APPLICATION_ID, path
        conn.close()
    foreign = tmp_path / "foreign" / "trainer.db"
    foreign.parent.mkdir()
    shutil.copyfile(tmp_path / "log.db", foreign)
    conn = sqlite3.connect(foreign)
    conn.execute("pragma application_id = 1179796817")
    conn.commit()
    conn.close()
    done = run_cli("db", "check", data=foreign.parent)
    assert done.returncode == 1 and "another program" in done.stdout
    with pytest.raises(StoreError, match="another program"):
        open_database(foreign)
    done = run_cli("merge", str(foreign), data=tmp_path / "class")
    assert done.returncode == 1 and "belongs to another program" in done.stderr


def test_merge_refuses_a_folder_path_typo_clearly(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such file"):
        from trainer.exchange.merge import merge_files

        merge_files(tmp_path / "class.db", [tmp_path / "missing.db"])


@pytest.mark.parametrize("name", ["a#b", "x?mode=rw", "100%"])
def test_sqlite_export_and_handin_into_a_folder_with_special_characters(
    played: Path, tmp_path: Path, name: str
) -> None:
    """The written copy is verified through an encoded read-only URI."""
    root = copy_root(played, tmp_path / "data")
    out = tmp_path / name
    out.mkdir()
    export("sqlite", root, root / "trainer.db", out / "log.db", Filters())
    done = run_cli("handin", "--out", str(out), data=root)
    assert done.returncode == 0, done.stderr
    assert sorted(p.suffix for p in out.iterdir()) == [".db", ".db"]
