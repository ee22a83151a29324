"""Failed exports leave existing files untouched and no partial file behind."""

from __future__ import annotations

import errno
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.exchange.conftest import ClassLogs
from trainer.exchange import csv_export, xapi
from trainer.exchange.atomic import ExportError, atomic_file
from trainer.exchange.csv_export import export_csv
from trainer.exchange.merge import merge_files
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.exchange.xapi import export_xapi


@pytest.fixture
def class_db(class_logs: ClassLogs, tmp_path: Path) -> Path:
    target = tmp_path / "class" / "trainer.db"
    target.parent.mkdir()
    merge_files(target, class_logs.logs)
    return target


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_a_full_disk_midway_keeps_the_previous_csv_export(
    class_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "grades"
    export_csv(class_db, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_writer = csv_export.csv.writer

    class FullDisk:
        def __init__(self, fh: object) -> None:
            self.inner = real_writer(fh)  # type: ignore[arg-type]
            self.n = 0

        def writerow(self, row: list[object]) -> None:
            self.n += 1
            if self.n > 5:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.inner.writerow(row)

        def writerows(self, rows: Iterable[list[object]]) -> None:
            for row in rows:
                self.writerow(row)

    monkeypatch.setattr(csv_export.csv, "writer", FullDisk)
    with pytest.raises(ExportError, match="not enough space"):
        export_csv(class_db, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert _leftovers(tmp_path) == []


def test_a_failing_xapi_export_keeps_the_old_file(
    class_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "class.json"
    out.write_text("old export")
    calls = {"n": 0}
    real = xapi.json.dumps

    def dumps(value: object, **kw: object) -> str:
        calls["n"] += 1
        if calls["n"] > 10:
            raise OSError(errno.EDQUOT, "Disk quota exceeded")
        return real(value, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(xapi.json, "dumps", dumps)
    with pytest.raises(ExportError, match="not enough space"):
        export_xapi(class_db, out)
    assert out.read_text() == "old export"
    assert _leftovers(tmp_path) == []


def test_read_only_and_missing_destinations_give_clear_errors(
    class_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_sqlite(class_db, tmp_path / "no" / "such" / "folder" / "x.db")
    keep = tmp_path / "documents"
    keep.mkdir()
    (keep / "thesis.docx").write_text("precious")
    with pytest.raises(ExportError, match="other files"):
        export_csv(class_db, keep)
    assert (keep / "thesis.docx").read_text() == "precious"

    def read_only(*args: object, **kw: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("trainer.exchange.atomic.tempfile.mkstemp", read_only)
    with pytest.raises(ExportError, match="read-only"), atomic_file(tmp_path / "x.db"):
        pass


def _limit_file_size() -> None:
    # A real "disk full" for the child: files may not grow past 256 KiB.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_cli_export_on_a_full_destination(class_db: Path, tmp_path: Path) -> None:
    """The write really fails (EFBIG) in a child process: clear error, old file intact."""
    conn = sqlite3.connect(class_db)  # make the export bigger than the limit
    conn.execute("update reflections set text = text || printf('%.15000c', '。')")
    conn.commit()
    conn.close()
    out = tmp_path / "class.json"
    out.write_text("old export")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "trainer",
            "--data-dir",
            str(class_db.parent),
            "export",
            "--format",
            "xapi",
            "--out",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode != 0, done.stdout
    assert "not enough space" in done.stderr and "Traceback" not in done.stderr
    assert out.read_text() == "old export"
    assert _leftovers(tmp_path) == []


def test_the_csv_files_are_those_of_neutralising_each_cell_in_python(
    class_db: Path, tmp_path: Path
) -> None:
    """The export neutralises cells in SQL and streams rows straight to csv.writer:
    every file is byte for byte what the per-cell Python version wrote, with hostile
    values of every type in columns of every declared type, pseudonymized or not."""
    import csv

    from trainer.exchange.csv_export import neutralise
    from trainer.exchange.filters import Filters
    from trainer.exchange.tables import iter_tables

    conn = sqlite3.connect(class_db, isolation_level=None)
    conn.execute("pragma foreign_keys = off")
    conn.execute("update learners set display_name = '=HYPERLINK(\"x\")', student_no = '-3'")
    conn.execute("update decisions set free_text = '@SUM(1)', think_ms = '+cmd' where seq = 1")
    conn.execute("update decisions set option_id = x'00ff', mood_after = '\t=1' where seq = 2")
    conn.execute("update decisions set payload = '-1.5e3', cost_total = 2.5 where seq = 3")
    conn.execute("update reflections set text = char(13) || '=1'")
    conn.close()
    for pseudonymize in (False, True):
        out = tmp_path / f"grades-{pseudonymize}"
        export_csv(class_db, out, pseudonymize=pseudonymize)
        expected = tmp_path / f"expected-{pseudonymize}"
        expected.mkdir()
        source = sqlite3.connect(class_db)
        for table in iter_tables(source, Filters(), pseudonymize):
            with (expected / f"{table.name}.csv").open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(table.columns)
                for row in table.rows:
                    writer.writerow([neutralise(v) for v in row])
        source.close()
        written = sorted(p.name for p in out.iterdir())
        assert written == sorted(p.name for p in expected.iterdir())
        for name in written:
            assert (out / name).read_bytes() == (expected / name).read_bytes(), name
