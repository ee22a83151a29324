"""Disk full and unwritable places: exports fail clearly, leave no partial file, and
playing goes on.

Tests run as root (chmod cannot stop root) and without privileges (no tmpfs), so:
- "disk full" is injected where the kernel reports it, as OSError(ENOSPC): at the
  flush to disk (fsync), at the final rename, or inside the file writer;
- "unwritable" is a folder that is really a file, a folder under /proc, or an
  injected EROFS when the temporary file is created;
- a full disk under the *database* is SQLite's own SQLITE_FULL, made real with
  `PRAGMA max_page_count`.
"""

from __future__ import annotations

import errno
import sqlite3
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.reliability.helpers import CASE_ID as HELPERS_CASE_ID
from tests.reliability.helpers import play_attempts, the_case
from trainer.core.autoplay import ExpertPolicy
from trainer.core.engine import Action
from trainer.exchange import atomic
from trainer.exchange.atomic import ExportError
from trainer.exchange.csv_export import export_csv
from trainer.exchange.packs import PackError, export_pack
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.exchange.xapi import export_xapi
from trainer.exchange.xlsx_export import export_xlsx
from trainer.service import AttemptRunner
from trainer.store.recovery import open_store

Exporter = Callable[[Path, Path], object]
EXPORTERS: dict[str, tuple[Exporter, str]] = {
    "csv": (lambda root, out: export_csv(root, out), "csv-folder"),
    "xlsx": (lambda root, out: export_xlsx(root, out), "class.xlsx"),
    "xapi": (lambda root, out: export_xapi(root, out), "statements.json"),
    "sqlite": (lambda root, out: export_sqlite(root, out), "learner.db"),
    "pack": (lambda root, out: export_pack(root, out, ["beitou-hot-spring-cold-water"]), "p.zip"),
}
ERRORS = (ExportError, PackError)


def _enospc(*_: object, **__: object) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


def _erofs(*_: object, **__: object) -> Any:
    raise OSError(errno.EROFS, "Read-only file system")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("diskfull")
    play_attempts(data, 1)
    return data


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("kind", sorted(EXPORTERS))
@pytest.mark.parametrize("where", ["fsync", "rename"])
def test_disk_full_leaves_no_partial_file(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, where: str
) -> None:
    """ENOSPC at the flush or the rename: a clear 'not enough space', and nothing left."""
    export, name = EXPORTERS[kind]
    out = tmp_path / name
    if where == "fsync":
        monkeypatch.setattr(atomic, "fsync_path", _enospc)
    else:
        monkeypatch.setattr(atomic.os, "replace", _enospc)
    with pytest.raises(ERRORS) as caught:
        export(root, out)
    assert "not enough space" in str(caught.value)
    assert _leftovers(tmp_path) == []


def test_disk_full_inside_the_writer_leaves_nothing(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC raised by the zip writer itself, half-way through an XLSX: no file left."""
    monkeypatch.setattr(zipfile.ZipFile, "writestr", _enospc)
    monkeypatch.setattr(zipfile.ZipFile, "write", _enospc)
    with pytest.raises(Exception):  # noqa: B017 - the message is the next test's concern
        export_xlsx(root, tmp_path / "class.xlsx")
    assert _leftovers(tmp_path) == []


def test_disk_full_inside_the_writer_is_explained(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zipfile.ZipFile, "writestr", _enospc)
    monkeypatch.setattr(zipfile.ZipFile, "write", _enospc)
    with pytest.raises(ERRORS, match="not enough space"):
        export_xlsx(root, tmp_path / "class.xlsx")


@pytest.mark.parametrize("kind", sorted(EXPORTERS))
def test_read_only_folder(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    export, name = EXPORTERS[kind]
    monkeypatch.setattr(atomic.tempfile, "mkstemp", _erofs)
    monkeypatch.setattr(atomic.tempfile, "mkdtemp", _erofs)
    with pytest.raises(ERRORS) as caught:
        export(root, tmp_path / name)
    assert "read-only" in str(caught.value)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("kind", sorted(EXPORTERS))
def test_folder_that_is_a_file(root: Path, tmp_path: Path, kind: str) -> None:
    export, name = EXPORTERS[kind]
    blocker = tmp_path / "usb-stick"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(ERRORS) as caught:
        export(root, blocker / name)
    assert str(blocker) in str(caught.value)
    assert _leftovers(tmp_path) == ["usb-stick"]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_cli_export_to_unwritable_place_is_a_clear_error(root: Path) -> None:
    """No traceback, a non-zero exit, nothing written."""
    for fmt, out in (("xlsx", "/proc/trainer-test.xlsx"), ("sqlite", "/proc/x/y/z.db")):
        done = run_cli("export", "--format", fmt, "--out", out, data=root)
        assert done.returncode != 0
        assert "Traceback" not in done.stderr and done.stderr.strip()
        assert not Path(out).exists()


def test_pdf_disk_full(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    from trainer.render import report_pdf
    from trainer.service import Workspace

    workspace = Workspace.open(root)
    try:
        attempt_id = workspace.store.attempts()[0]["id"]
        monkeypatch.setattr(report_pdf.os, "fsync", _enospc)
        with pytest.raises(report_pdf.PdfExportError) as caught:
            report_pdf.write_attempt_pdf(workspace, attempt_id, tmp_path / "sheet.pdf")
    finally:
        workspace.close()
    assert "No space left" in str(caught.value)
    assert _leftovers(tmp_path) == []


def test_failed_export_does_not_stop_playing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mid-attempt, an export fails on a full disk; the attempt goes on and completes."""
    store, _ = open_store(tmp_path)
    try:
        runner = AttemptRunner.start(store, the_case(), store.create_learner("王小明"))
        policy = ExpertPolicy()
        runner.act(policy.next_action(runner.session))
        with monkeypatch.context() as patch:
            patch.setattr(atomic, "fsync_path", _enospc)
            with pytest.raises(ExportError):
                export_xlsx(store, tmp_path / "now.xlsx")
        while not runner.finished:
            runner.act(policy.next_action(runner.session))
        attempt = store.attempt(runner.attempt_id)
        assert attempt["status"] == "completed"
        assert attempt["decisions"] == len(store.decisions(runner.attempt_id))
    finally:
        store.close()


def test_database_disk_full_loses_nothing_and_play_resumes(tmp_path: Path) -> None:
    """SQLITE_FULL on a decision: nothing half-written, the session unchanged, and once
    space is back the same decision commits. The database is capped at its current
    size (max_page_count) and the decision carries a long free text, so it needs new
    pages: a real "database or disk is full" from SQLite."""
    store, _ = open_store(tmp_path)
    try:
        runner = AttemptRunner.start(store, the_case(), store.create_learner("王小明"))
        policy = ExpertPolicy()
        first = policy.next_action(runner.session)
        action = Action.choose(first.option_id or "", free_text="我想先確認一下" * 2000)
        store.db.execute("pragma wal_checkpoint(truncate)").fetchall()
        pages = store.db.execute("pragma page_count").fetchone()[0]
        store.db.execute(f"pragma max_page_count = {pages}").fetchall()
        before = runner.session.snapshot()
        with pytest.raises(sqlite3.DatabaseError, match="full"):
            runner.act(action)
        assert runner.session.snapshot() == before
        assert store.attempt(runner.attempt_id)["decisions"] == 0
        assert store.decisions(runner.attempt_id) == []
        store.db.execute("pragma max_page_count = 1073741823").fetchall()
        runner.act(action)
        while not runner.finished:
            runner.act(policy.next_action(runner.session))
        assert store.attempt(runner.attempt_id)["status"] == "completed"
        assert store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def test_failure_inside_the_decision_transaction_rolls_it_back(tmp_path: Path) -> None:
    """The decision row is written, then the attempt update fails (as on a full disk):
    the decision row must vanish with it. A TEMP trigger makes the update fail whatever
    way the store writes it."""
    store, _ = open_store(tmp_path)
    try:
        runner = AttemptRunner.start(store, the_case(), store.create_learner("王小明"))
        policy = ExpertPolicy()
        runner.act(policy.next_action(runner.session))
        store.db.execute(
            "create temp trigger full_disk before update on main.attempts "
            "begin select raise(abort, 'database or disk is full'); end"
        )
        with pytest.raises(sqlite3.DatabaseError, match="full"):
            runner.act(policy.next_action(runner.session))
        store.db.execute("drop trigger temp.full_disk")
        assert len(store.decisions(runner.attempt_id)) == 1
        assert store.attempt(runner.attempt_id)["decisions"] == 1
        while not runner.finished:
            runner.act(policy.next_action(runner.session))
        assert store.attempt(runner.attempt_id)["status"] == "completed"
    finally:
        store.close()


if sys.platform == "win32":  # pragma: no cover - /proc and SIGKILL are POSIX matters
    pytestmark = pytest.mark.skip(reason="POSIX-specific failure injection")


def test_cli_play_on_a_full_disk_explains_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Defect 6: SQLITE_FULL on the third decision of `play`: a zh-TW/English message,
    exit code 2, no traceback; the decisions before it are kept."""
    from trainer.cli import main
    from trainer.store.db import Store

    original = Store.record_decision
    calls = {"n": 0}

    def full(self: Store, *args: Any, **kwargs: Any) -> str:
        calls["n"] += 1
        if calls["n"] == 3:
            raise sqlite3.OperationalError("database or disk is full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "record_decision", full)
    code = main(["--data-dir", str(tmp_path), "play", HELPERS_CASE_ID, "--auto", "expert"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and "disk is full" in err and "磁碟已滿" in err
    conn = sqlite3.connect(tmp_path / "trainer.db")
    assert conn.execute("select count(*) from decisions").fetchone()[0] == 2
    conn.close()
