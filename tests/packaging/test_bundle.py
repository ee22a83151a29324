"""The PyInstaller bundle, built by scripts/build_bundle.py, run with no Python on PATH.

Slow: the build takes about a minute on 2 cores. Linux only (the bundle is built for
the system it is built on; docs/packaging.md has the Windows and macOS recipes).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CASES_DIR, REPO
from tests.packaging.test_entry import project_version

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle test is Linux's"),
]


def case_ids(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yaml"))


def packaged_ids(bundle: Path) -> list[str]:
    """The built-in cases inside the bundle (the checkout may change after the build)."""
    return case_ids(bundle / "_internal" / "trainer" / "_data" / "cases")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    before = set(case_ids(CASES_DIR))
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_bundle.py"),
         "--dist", str(out / "dist"), "--work", str(out / "work")],
        cwd=REPO, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    path = Path(summary["bundle"])
    # Every built-in case is in the bundle (cases added or removed in the checkout
    # during the build may or may not be).
    after, packaged = set(case_ids(CASES_DIR)), set(packaged_ids(path))
    assert before & after <= packaged <= before | after
    assert (path / "complaint-trainer").is_file()
    assert (path / "complaint-trainer-cli").is_file()
    return path


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """An environment without Python: an empty PATH folder and no Python variables."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = {
        "PATH": str(empty),
        "HOME": str(tmp_path / "home"),
        "TMPDIR": str(tmp_path),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    for name in ("python", "python3", "uv"):
        assert shutil.which(name, path=env["PATH"]) is None
    return env


def run(
    bundle: Path, program: str, *args: str | Path, env: dict[str, str], timeout: float = 300
) -> str:
    done = subprocess.run(
        [str(bundle / program), *(str(a) for a in args)],
        cwd=env["HOME"] if Path(env["HOME"]).is_dir() else env["TMPDIR"],
        env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    assert done.returncode == 0, f"{program} {args}: exit {done.returncode}\n{done.stderr[-4000:]}"
    return done.stdout


def test_window_starts_offscreen_with_every_case_and_its_resources(
    bundle: Path, bare_env: dict[str, str], tmp_path: Path
) -> None:
    started = time.time()
    out = run(bundle, "complaint-trainer", "--smoke", "--data-dir", tmp_path / "d", env=bare_env)
    report = json.loads(out.strip().splitlines()[-1])
    assert report["cases"] == len(packaged_ids(bundle))
    resources = Path(report["resources"])
    assert resources.is_relative_to(bundle)
    assert (resources / "style.qss").is_file()
    assert (resources / "translations" / "trainer_en.qm").is_file()
    assert (resources / "icons" / "complaint-trainer.png").is_file()
    print(f"bundle startup to idle: {report['idle'] - started:.2f} s")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian: xvfb)")
def test_window_starts_on_a_real_x_display(
    bundle: Path, bare_env: dict[str, str], tmp_path: Path
) -> None:
    """The xcb platform plugin and the X libraries it needs are in the bundle."""
    env = dict(bare_env, QT_QPA_PLATFORM="xcb")
    outer = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": env["HOME"]}
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "env", *(f"{k}={v}" for k, v in env.items()),
         str(bundle / "complaint-trainer"), "--smoke", "--data-dir", str(tmp_path / "d")],
        env=outer, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    assert json.loads(done.stdout.strip().splitlines()[-1])["cases"] == len(packaged_ids(bundle))


def test_cli_lists_plays_and_exports_a_pdf(
    bundle: Path, bare_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "d"
    version = run(bundle, "complaint-trainer-cli", "--version", env=bare_env)
    assert version.split()[-1] == project_version()
    listed = run(bundle, "complaint-trainer-cli", "--data-dir", data, "cases", "list", "--json",
                 env=bare_env)  # fmt: skip
    assert sorted(c["id"] for c in json.loads(listed)) == packaged_ids(bundle)
    run(bundle, "complaint-trainer-cli", "--data-dir", data, "play", packaged_ids(bundle)[0],
        "--auto", "expert", "--learner", "王小明", "--json", env=bare_env)  # fmt: skip
    pdf = tmp_path / "sheet.pdf"
    run(bundle, "complaint-trainer-cli", "--data-dir", data, "export", "--format", "pdf",
        "--learner", "王小明", "--out", pdf, env=bare_env)  # fmt: skip
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    assert "王小明" in "".join(page.extract_text() or "" for page in reader.pages)


def test_a_big_merge_and_xlsx_export_run_their_workers_from_the_bundle(
    bundle: Path, bare_env: dict[str, str], tmp_path: Path
) -> None:
    """Big enough that the merge stages in a worker process and the XLSX export splits
    its decisions into one: in the bundle both are the bundle's own executable."""
    from trainer.bench import synth
    from trainer.core.loader import load_library
    from trainer.exchange.merge import CHILD_MIN_BYTES, _worth_a_child
    from trainer.exchange.xlsx_export import SPLIT_MIN_DECISIONS
    from trainer.paths import builtin_cases_dir

    templates = synth.play_templates(load_library([builtin_cases_dir()]))
    logs = synth.make_laptop_logs(tmp_path / "logs", templates, 4, 6000)
    assert _worth_a_child(logs), sum(p.stat().st_size for p in logs) / CHILD_MIN_BYTES
    data = tmp_path / "class"
    run(bundle, "complaint-trainer-cli", "--data-dir", data, "merge", *logs, env=bare_env)
    with sqlite3.connect(data / "trainer.db") as merged:
        decisions = merged.execute("select count(*) from decisions").fetchone()[0]
    expected = 0
    for log in logs:
        with sqlite3.connect(log) as conn:
            expected += conn.execute("select count(*) from decisions").fetchone()[0]
    assert decisions == expected

    big = tmp_path / "big"
    big.mkdir()
    people = synth.make_learners(random.Random(3), 30, ("觀光一甲",))
    synth.write_database(big / "trainer.db", templates, people, SPLIT_MIN_DECISIONS + 500,
                         random.Random(3))  # fmt: skip
    assert (os.cpu_count() or 1) >= 2  # the split needs a second core
    book = tmp_path / "class.xlsx"
    run(bundle, "complaint-trainer-cli", "--data-dir", big, "export", "--format", "xlsx",
        "--out", book, env=bare_env, timeout=600)  # fmt: skip
    with zipfile.ZipFile(book) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) >= 2
