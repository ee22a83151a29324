"""Where the app finds its files, how workers start, and the window's --smoke check."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES_DIR, REPO, run_cli
from trainer import entry, paths


def test_app_folders_from_the_checkout() -> None:
    assert paths.app_folder("resources") == REPO / "resources"
    assert (paths.app_folder("resources") / "style.qss").is_file()
    assert paths.builtin_cases_dir() == CASES_DIR


def test_app_folders_from_a_packaged_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed package carries trainer/_resources and trainer/_data: they win."""
    package = tmp_path / "site-packages" / "trainer"
    (package / "_resources").mkdir(parents=True)
    (package / "_data" / "cases").mkdir(parents=True)
    monkeypatch.setattr(paths, "files", lambda name: package if name == "trainer" else None)
    assert paths.app_folder("resources") == package / "_resources"
    assert paths.builtin_cases_dir() == package / "_data" / "cases"


def test_worker_command_from_source_and_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    module = "trainer.exchange.merge_stage"
    assert entry.worker_command(module) == [sys.executable, "-m", module]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/complaint-trainer/complaint-trainer")
    assert entry.worker_command(module) == [
        "/opt/complaint-trainer/complaint-trainer",
        "--trainer-worker",
        module,
    ]
    with pytest.raises(ValueError):
        entry.worker_command("os")


def test_bundle_main_sends_a_worker_flag_to_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []
    monkeypatch.setattr(entry, "run_worker", lambda module: ran.append(module) or 0)
    monkeypatch.setattr(sys, "argv", ["x", "--trainer-worker", "trainer.exchange.xlsx_split"])
    assert entry.bundle_main(lambda: 5) == 0
    assert ran == ["trainer.exchange.xlsx_split"]
    monkeypatch.setattr(sys, "argv", ["x", "cases", "list"])
    assert entry.bundle_main(lambda: 5) == 5


def test_run_worker_refuses_other_modules(capsys: pytest.CaptureFixture[str]) -> None:
    assert entry.run_worker("shutil") == 2
    assert "not a worker module" in capsys.readouterr().err


def test_a_worker_started_as_in_a_bundle_does_the_real_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sys.executable stands in for the bundle's executable: a launcher that runs
    trainer.entry.bundle_main, as the bundle's does. A small merge job goes through it."""
    from trainer.exchange.merge_stage import StageJob, StagingChild
    from trainer.store.db import open_database
    from trainer.store.names import DATA_TABLES
    from trainer.store.schema import known_migrations

    launcher = tmp_path / "complaint-trainer"
    launcher.write_text(
        f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(REPO)!r})\n"
        "from trainer.entry import bundle_main\n"
        "raise SystemExit(bundle_main(lambda: 99))\n",
        encoding="utf-8",
    )
    launcher.chmod(0o755)
    log = tmp_path / "log.db"
    open_database(log).close()
    with sqlite3.connect(log) as conn:
        columns = {
            t: [row[1] for row in conn.execute(f"pragma table_info([{t}])")] for t in DATA_TABLES
        }
    known = known_migrations()
    work = tmp_path / "work"
    work.mkdir()
    job = StageJob([str(log)], [(0, 1)], str(work), columns, known)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(launcher))
    assert entry.worker_command("trainer.exchange.merge_stage")[0] == str(launcher)
    staging = StagingChild(job)
    try:
        batches = list(staging)
    finally:
        staging.close()
    assert [b.numbers for b in batches] == [range(0, 1)]
    assert batches[0].staging.is_file()


def test_window_smoke_flag_loads_every_builtin_case(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--smoke", "--data-dir", str(tmp_path / "d")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["cases"] == len(list(CASES_DIR.glob("*.yaml")))
    assert report["resources"] == str(REPO / "resources")
    assert report["ready"] >= report["idle"] > 0
    assert report["version"] == project_version()


def project_version() -> str:
    import tomllib

    with (REPO / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def test_cli_version(tmp_path: Path) -> None:
    done = run_cli("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["python", "-m", "trainer", project_version()]
