"""The headless command line, run as a user would."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import CASES_DIR

CASE_ID = "beitou-hot-spring-cold-water"
SUMMARY_KEYS = {
    "attempt_id",
    "case_id",
    "learner",
    "outcome",
    "escalated",
    "scores",
    "total",
    "cost",
    "sim_minutes",
}


def test_validate_builtin_library(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("cases", "validate", data=data_dir)
    assert result.returncode == 0, result.stdout + result.stderr


def test_validate_reports_file_and_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    text = (CASES_DIR / f"{CASE_ID}.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("difficulty: 1", "difficulty: 7"), encoding="utf-8")
    result = cli("cases", "validate", str(bad))
    assert result.returncode == 1
    line = text.splitlines().index("difficulty: 1") + 1
    assert f"{bad}:{line}: difficulty" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_list_json(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("cases", "list", "--json", data=data_dir)
    rows = json.loads(result.stdout)
    assert rows and {"id", "title", "setting", "complaint_type", "difficulty", "languages"} <= set(
        rows[0]
    )


def test_play_json_summary_and_determinism(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    expert = json.loads(
        cli(
            "play", CASE_ID, "--auto", "expert", "--json", "--learner", "林同學", data=data_dir
        ).stdout
    )
    assert set(expert) >= SUMMARY_KEYS
    assert set(expert["scores"]) == {"3.1", "3.2", "3.3", "3.4", "3.5"}
    assert min(expert["scores"].values()) >= 90 and expert["learner"] == "林同學"
    worst = json.loads(cli("play", CASE_ID, "--auto", "worst", "--json", data=data_dir).stdout)
    assert worst["escalated"] or worst["total"] <= 50
    runs = [
        json.loads(
            cli("play", CASE_ID, "--auto", "random", "--seed", "7", "--json", data=data_dir).stdout
        )
        for _ in range(2)
    ]
    for run in runs:
        run.pop("attempt_id")
    assert runs[0] == runs[1]


def test_jsonl_lines_match_the_database(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("play", CASE_ID, "--auto", "expert", "--jsonl", data=data_dir)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["seq"] for line in lines] == list(range(1, len(lines) + 1))
    conn = sqlite3.connect(data_dir / "trainer.db")
    stored = dict(conn.execute("select id, seq from decisions"))
    conn.close()
    assert all(stored[line["event_id"]] == line["seq"] for line in lines)
    assert {"attempt_id", "seq", "event_id", "step"} <= set(lines[0])


def test_resume_completes_an_attempt(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from trainer.core.autoplay import ExpertPolicy
    from trainer.service import AttemptRunner, Workspace

    ws = Workspace.open(data_dir)
    runner = AttemptRunner.start(ws.store, ws.library.get(CASE_ID), ws.store.create_learner("x"))
    policy = ExpertPolicy()
    for _ in range(4):
        runner.act(policy.next_action(runner.session))
    ws.close()
    result = cli("play", "--resume", runner.attempt_id, "--auto", "expert", "--json", data=data_dir)
    summary = json.loads(result.stdout)
    assert summary["attempt_id"] == runner.attempt_id and summary["outcome"] == "resolved"


def test_unknown_case_is_a_clear_error(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("play", "no-such-case", "--auto", "expert", data=data_dir)
    assert result.returncode != 0 and "unknown case" in result.stderr
    assert "Traceback" not in result.stderr


def test_db_check_flags_a_corrupt_file(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("db", "check", data=data_dir).returncode == 0
    cli("play", CASE_ID, "--auto", "expert", data=data_dir)
    ok = json.loads(cli("db", "check", "--json", data=data_dir).stdout)
    assert ok["ok"] and ok["counts"]["decisions"] > 0
    db = data_dir / "trainer.db"
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    raw = bytearray(db.read_bytes())
    raw[0:16] = b"garbage garbage!"
    db.write_bytes(bytes(raw))
    result = cli("db", "check", data=data_dir)
    assert result.returncode != 0 and "UNHEALTHY" in result.stdout


def test_every_command_module_exists() -> None:
    """Each module listed in COMMAND_MODULES imports (none is silently left out)."""
    import importlib

    from trainer.cli import COMMAND_MODULES

    for name in COMMAND_MODULES:
        assert hasattr(importlib.import_module(name), "register"), name
