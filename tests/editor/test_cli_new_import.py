"""`cases new` writes a starter that lints clean; `cases import FILE.yaml` installs it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli


def test_new_from_template_lints_and_imports(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = tmp_path / "my-hotel.yaml"
    done = run_cli("cases", "new", "--out", str(out), data=data)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "id: my-hotel\n" in text and text.startswith("# New case")
    lint = run_cli("cases", "lint", str(out), data=data)
    assert lint.returncode == 0, lint.stdout
    imported = run_cli("cases", "import", str(out), data=data)
    assert imported.returncode == 0, imported.stderr
    assert (data / "cases" / "my-hotel.yaml").read_bytes() == out.read_bytes()
    listed = run_cli("cases", "list", data=data)
    assert "my-hotel" in listed.stdout
    again = run_cli("cases", "import", str(out), data=data)
    assert "already installed: my-hotel" in again.stdout


def test_new_from_an_installed_case_and_refusals(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = tmp_path / "copy.yaml"
    done = run_cli(
        "cases",
        "new",
        "--from",
        "night-market-tour-price",
        "--out",
        str(out),
        "--id",
        "night-market-2",
        data=data,
    )
    assert done.returncode == 0, done.stderr
    assert "id: night-market-2" in out.read_text(encoding="utf-8")
    assert "（副本）" in out.read_text(encoding="utf-8")
    exists = run_cli("cases", "new", "--out", str(out), data=data)
    assert exists.returncode != 0 and "already exists" in exists.stderr
    unknown = run_cli(
        "cases", "new", "--from", "nope", "--out", str(tmp_path / "n.yaml"), data=data
    )
    assert unknown.returncode != 0 and "unknown case id" in unknown.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: a: b\n", encoding="utf-8")
    refused = run_cli("cases", "import", str(bad), data=data)
    assert refused.returncode != 0
    assert "bad.yaml:2" in refused.stderr and "double quotes" in refused.stderr
    assert not (data / "cases").exists() or not list((data / "cases").glob("*.yaml"))
    builtin = run_cli("cases", "import", "data/cases/beitou-hot-spring-cold-water.yaml", data=data)
    assert "already installed" in builtin.stdout  # identical to the built-in case
