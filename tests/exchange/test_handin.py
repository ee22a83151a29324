"""Hand-in: one consistent snapshot (backup API) of one learner, named for the class."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from tests.conftest import run_cli
from tests.exchange.conftest import ok
from trainer.exchange.handin import handin_name, is_handin, safe_part
from trainer.service import AttemptRunner, Workspace

CASE = "beitou-hot-spring-cold-water"


def test_handin_while_the_app_holds_the_wal_keeps_every_attempt(tmp_path: Path) -> None:
    """The app (a Workspace) keeps writing; its tail is in -wal; the hand-in has it all."""
    data, stick = tmp_path / "laptop", tmp_path / "usb"
    stick.mkdir()
    ok(run_cli("play", CASE, "--auto", "expert", "--learner", "王小明", data=data))
    ws = Workspace.open(data, writer=True)
    try:
        store = ws.store
        store.db.execute("pragma wal_autocheckpoint = 0")  # keep everything in the -wal
        learner = store.learner_by_name("王小明")
        assert learner is not None
        store.db.execute(
            "update learners set student_no = 'S1001', class_name = '觀光一甲' where id = ?",
            [learner["id"]],
        )
        runner = AttemptRunner.start(store, ws.library.get(CASE), learner["id"])
        from trainer.core.autoplay import policy_for

        policy = policy_for("expert", 0, "zh-TW")
        for _ in range(3):
            runner.act(policy.next_action(runner.session))
        wal = data / "trainer.db-wal"
        assert wal.exists() and wal.stat().st_size > 0
        # a raw copy of trainer.db alone misses the attempt still in the -wal
        raw = tmp_path / "raw.db"
        raw.write_bytes((data / "trainer.db").read_bytes())
        with sqlite3.connect(raw) as conn:
            raw_count = conn.execute("select count(*) from attempts").fetchone()[0]
        conn.close()
        assert raw_count < 2
        out = ok(run_cli("handin", "--out", str(stick), "--json", data=data))
    finally:
        ws.close()
    shown = json.loads(out)
    assert shown["attempts"] == 2 and shown["completed"] == 1 and shown["in_progress"] == 1
    assert shown["decisions"] > 3
    path = Path(shown["file"])
    assert path.parent == stick
    assert path.name == f"觀光一甲-S1001-王小明-{date.today().isoformat()}.handin.db"
    assert is_handin(path) and not is_handin(data / "trainer.db")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("pragma quick_check").fetchone()[0] == "ok"
        assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
        assert conn.execute("select count(*) from attempts").fetchone()[0] == 2
    finally:
        conn.close()
    assert not list(stick.glob(".*"))  # no temporary file left behind


def test_handin_of_a_shared_pc_needs_a_learner_and_keeps_only_theirs(tmp_path: Path) -> None:
    data, stick = tmp_path / "lab", tmp_path / "usb"
    stick.mkdir()
    for name in ("甲同學", "乙同學"):
        ok(run_cli("play", CASE, "--auto", "worst", "--learner", name, data=data))
    refused = run_cli("handin", "--out", str(stick), data=data)
    assert refused.returncode == 1 and "several learners" in refused.stderr
    missing = run_cli("handin", "--out", str(tmp_path / "nope"), "--learner", "甲同學", data=data)
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    out = json.loads(
        ok(run_cli("handin", "--out", str(stick), "--learner", "乙同學", "--json", data=data))
    )
    conn = sqlite3.connect(out["file"])
    try:
        assert conn.execute("select display_name from learners").fetchall() == [("乙同學",)]
        assert conn.execute("select count(*) from instructor_settings").fetchone()[0] == 0
    finally:
        conn.close()
    # the instructor's class folder refuses: merged learners stay private
    ok(run_cli("class", "init", data=data))
    refused = run_cli("handin", "--out", str(stick), "--learner", "甲同學", data=data)
    assert refused.returncode == 1 and "class folder" in refused.stderr


def test_hostile_names_make_safe_file_names() -> None:
    assert safe_part("../../etc/passwd", "x") == "etc_passwd"
    assert safe_part('<b>x</b>\n"; rm -rf', "x") == "b_x_b_rm_rf"
    assert safe_part("   ", "learner") == "learner"
    name = handin_name(
        {"display_name": "A/B", "student_no": None, "class_name": "C:\\D"}, date(2025, 3, 1)
    )
    assert name == "C_D-nono-A_B-2025-03-01.handin.db"
    assert "/" not in name and "\\" not in name
