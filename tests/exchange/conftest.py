"""Several learners' logs, each made on its own data directory through the CLI.

Built once per session: three "laptops", each with one learner who plays the
bundled case with --auto random (different seeds; the first also with --auto
expert), then a learner log is exported (as `export --format sqlite` does). Tests copy what they change.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_cli
from trainer.exchange.merge import merge_files
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.store.schema import DATA_TABLES

CASE = "beitou-hot-spring-cold-water"
LEARNERS = (
    ("王小明", "S1001", "觀光一甲"),
    ("林美華", "S1002", "觀光一甲"),
    ("陳大同", "S2001", "餐旅二乙"),
)


@dataclass(frozen=True)
class ClassLogs:
    root: Path
    laptops: list[Path]  # data dirs
    logs: list[Path]  # exported learner logs


def ok(done) -> str:  # type: ignore[no-untyped-def]
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return str(done.stdout)


@pytest.fixture(scope="session")
def class_logs(tmp_path_factory: pytest.TempPathFactory) -> ClassLogs:
    root = tmp_path_factory.mktemp("class")
    laptops, logs = [], []
    for n, (name, student_no, class_name) in enumerate(LEARNERS, 1):
        data = root / f"laptop{n}"
        ok(
            run_cli(
                "play", CASE, "--auto", "random", "--seed", str(n), "--learner", name, data=data
            )
        )
        if n == 1:  # one expert run: a passed attempt among the failed ones
            ok(run_cli("play", CASE, "--auto", "expert", "--learner", name, data=data))
        # Registration details a learner would type in the app.
        with sqlite3.connect(data / "trainer.db") as conn:
            conn.execute(
                "update learners set student_no = ?, class_name = ?", [student_no, class_name]
            )
        conn.close()
        log = root / f"log{n}.db"
        export_sqlite(data / "trainer.db", log)  # the CLI path is tested in test_exports
        laptops.append(data)
        logs.append(log)
    return ClassLogs(root, laptops, logs)


def dump(db_path: Path) -> str:
    """A canonical digest of every data table's rows (order-independent)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for table in DATA_TABLES:
            for row in conn.execute(f"select * from [{table}] order by id"):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()


def counts(db_path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0] for t in DATA_TABLES}
    finally:
        conn.close()


def copy_log(src: Path, dest_dir: Path, name: str | None = None) -> Path:
    dest = dest_dir / (name or src.name)
    shutil.copyfile(src, dest)
    return dest


@pytest.fixture
def class_db(class_logs: ClassLogs, tmp_path: Path) -> Path:
    """A class database holding the first laptop's log (test_atomic.py merges all three)."""
    target = tmp_path / "class" / "trainer.db"
    target.parent.mkdir()
    merge_files(target, [class_logs.logs[0]])
    return target
