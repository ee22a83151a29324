"""`cases new` writes a starter that lints clean; `cases import FILE.yaml` installs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CASES_DIR, run_cli
from trainer.cli import main


def test_new_from_template_lints_and_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    out = tmp_path / "my-hotel.yaml"
    done = run_cli("cases", "new", "--out", str(out), data=data)  # as a user would
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "id: my-hotel\n" in text and text.startswith("# New case")
    code, stdout, _ = _cli(capsys, data, "cases", "lint", str(out))
    assert code == 0, stdout
    imported = run_cli("cases", "import", str(out), data=data)
    assert imported.returncode == 0, imported.stderr
    assert (data / "cases" / "my-hotel.yaml").read_bytes() == out.read_bytes()
    code, stdout, _ = _cli(capsys, data, "cases", "list")
    assert "my-hotel" in stdout
    code, stdout, _ = _cli(capsys, data, "cases", "import", str(out))
    assert "already installed: my-hotel" in stdout


def _cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    """The CLI in-process (the subprocess flow is tested above)."""
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_new_from_an_installed_case_and_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    out = tmp_path / "copy.yaml"
    code, _, err = _cli(
        capsys,
        data,
        "cases",
        "new",
        "--from",
        "night-market-tour-price",
        "--out",
        str(out),
        "--id",
        "night-market-2",
    )
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "id: night-market-2" in text and "（副本）" in text
    code, _, err = _cli(capsys, data, "cases", "new", "--out", str(out))
    assert code != 0 and "already exists" in err
    code, _, err = _cli(
        capsys, data, "cases", "new", "--from", "nope", "--out", str(tmp_path / "n.yaml")
    )
    assert code != 0 and "unknown case id" in err
    code, _, err = _cli(capsys, data, "cases", "new", "--out", str(tmp_path / "Bad Name.yaml"))
    assert code != 0 and "not a valid case id" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: a: b\n", encoding="utf-8")
    code, _, err = _cli(capsys, data, "cases", "import", str(bad))
    assert code != 0
    assert "bad.yaml:2" in err and "double quotes" in err
    assert not (data / "cases").exists() or not list((data / "cases").glob("*.yaml"))
    builtin = str(CASES_DIR / "beitou-hot-spring-cold-water.yaml")
    code, stdout, _ = _cli(capsys, data, "cases", "import", builtin)
    assert code == 0 and "already installed" in stdout  # identical to the built-in case
    clash = tmp_path / "clash.yaml"
    clash.write_text(
        (CASES_DIR / "beitou-hot-spring-cold-water.yaml")
        .read_text(encoding="utf-8")
        .replace("version: 2", "version: 3", 1),
        encoding="utf-8",
    )
    code, _, err = _cli(capsys, data, "cases", "import", str(clash))
    assert code != 0 and "built-in case" in err
