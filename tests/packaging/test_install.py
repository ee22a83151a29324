"""The README's install paths without uv, in a fresh virtual environment (slow: downloads).

1. `pip install .`: the installed package, run from another folder, sees every built-in
   case and its style sheet through the package, not the checkout.
2. `pip install -e . --group dev`: the README's developer path; the checkout's files.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES_DIR, REPO

pytestmark = pytest.mark.slow

SOURCE = ("trainer", "resources", "data", "scripts", "pyproject.toml", "README.md", "main.py")


def snapshot(dest: Path) -> Path:
    """A copy of the checkout's sources: the checkout may change while pip builds."""
    dest.mkdir()
    for name in SOURCE:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, dest / name)
    return dest


def case_ids(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yaml"))


def run(*cmd: str | Path, cwd: Path, timeout: float = 900) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    done = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{cmd}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def listed_ids(output: str) -> list[str]:
    return sorted(case["id"] for case in json.loads(output))


def test_pip_install_then_editable_install_with_the_dev_group(tmp_path: Path) -> None:
    venv, elsewhere = tmp_path / "venv", tmp_path / "elsewhere"
    elsewhere.mkdir()
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip", cwd=tmp_path)

    # 1. A regular install, used from another folder.
    source = snapshot(tmp_path / "source")
    run(python, "-m", "pip", "install", "--quiet", source, cwd=tmp_path)
    builtin_ids = case_ids(source / "data" / "cases")
    data = tmp_path / "data"  # never the user's own data folder
    ids = listed_ids(
        run(python, "-m", "trainer", "--data-dir", data, "cases", "list", "--json", cwd=elsewhere)
    )
    assert ids == builtin_ids
    cli = run(
        bin_dir / "complaint-trainer-cli",
        "--data-dir",
        data,
        "cases",
        "list",
        "--json",
        cwd=elsewhere,
    )
    assert listed_ids(cli) == builtin_ids
    where = run(
        python, "-c", "from trainer import paths; print(paths.app_folder('data'))", cwd=elsewhere
    )
    assert Path(where.strip()).is_relative_to(venv), where  # the package's copy, not REPO
    smoke = run(bin_dir / "complaint-trainer", "--smoke", "--data-dir", data, cwd=elsewhere)
    report = json.loads(smoke.strip().splitlines()[-1])
    assert report["cases"] == len(builtin_ids)
    assert Path(report["resources"]).is_relative_to(venv)
    assert (Path(report["resources"]) / "translations" / "trainer_en.qm").is_file()
    played = run(
        python,
        "-m",
        "trainer",
        "--data-dir",
        data,
        "play",
        builtin_ids[0],
        "--auto",
        "expert",
        "--json",
        cwd=elsewhere,
    )
    assert played.strip()

    # 2. The README's no-uv developer path: an editable install with the dev group.
    run(python, "-m", "pip", "install", "--quiet", "-e", ".", "--group", "dev", cwd=REPO)
    builtin_ids = case_ids(CASES_DIR)
    where = run(
        python, "-c", "from trainer import paths; print(paths.app_folder('data'))", cwd=elsewhere
    )
    assert Path(where.strip()) == REPO / "data"
    ids = listed_ids(
        run(python, "-m", "trainer", "--data-dir", data, "cases", "list", "--json", cwd=elsewhere)
    )
    assert ids == builtin_ids
    tests = run(
        python,
        "-m",
        "pytest",
        "tests/packaging/test_entry.py",
        "-q",
        "-p",
        "no:cacheprovider",
        cwd=REPO,
    )
    assert " passed" in tests
