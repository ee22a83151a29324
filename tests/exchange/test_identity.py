"""Roster and identity: one learner across laptops by student number; audited merges."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from openpyxl import Workbook

from tests.conftest import run_cli
from tests.exchange.conftest import CASE, ok
from trainer.core.autoplay import policy_for
from trainer.exchange.merge import merge_files
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.service import AttemptRunner, Workspace
from trainer.store.db import open_database
from trainer.store.roster import canonical_learners, learner_for, person_sql, settle_identities


def _laptop(base: Path, n: int, name: str, number: str | None, klass: str | None) -> Path:
    """A laptop's log: the first through `play --student-no --class` (the CLI), the
    others in-process through the same functions (faster)."""
    data = base / f"laptop{n}"
    if n == 1:
        args = ["play", CASE, "--auto", "worst", "--learner", name]
        if number:
            args += ["--student-no", number]
        if klass:
            args += ["--class", klass]
        ok(run_cli(*args, data=data))
    else:
        ws = Workspace.open(data, writer=True)
        try:
            learner_id = learner_for(ws.store, name, number, klass)
            runner = AttemptRunner.start(ws.store, ws.library.get(CASE), learner_id)
            policy = policy_for("worst", 0, "zh-TW")
            while not runner.finished:
                runner.act(policy.next_action(runner.session))
        finally:
            ws.close()
    log = base / f"log{n}.db"
    export_sqlite(data / "trainer.db", log)
    return log


def _learners(data: Path, cli: bool = False) -> list[dict[str, object]]:
    if cli:
        return list(json.loads(ok(run_cli("profile", "list", "--json", data=data))))
    db = open_database(data / "trainer.db")
    try:
        settle_identities(db)
        counts = dict(
            db.execute(f"select {person_sql('a')}, count(*) from attempts a group by 1").fetchall()
        )
        return [
            {
                "id": r["id"],
                "name": r["display_name"],
                "student_no": r["student_no"],
                "class": r["class_name"],
                "attempts": counts.get(r["id"], 0),
            }
            for r in canonical_learners(db)
        ]
    finally:
        db.close()


def test_same_student_number_on_two_laptops_is_one_learner(tmp_path: Path) -> None:
    logs = [
        _laptop(tmp_path, 1, "王小明", "S1001", "觀光一甲"),
        _laptop(tmp_path, 2, "小明", "S1001", None),  # same student, another laptop
        _laptop(tmp_path, 3, "林美華", "S1002", "觀光一甲"),
    ]
    with sqlite3.connect(tmp_path / "laptop1" / "trainer.db") as conn:
        row = conn.execute("select display_name, student_no, class_name from learners").fetchone()
    conn.close()
    assert row == ("王小明", "S1001", "觀光一甲")  # play --student-no --class
    cls = tmp_path / "class"
    merge_files(cls / "trainer.db", logs)
    learners = _learners(cls, cli=True)
    assert sorted((r["student_no"], r["attempts"]) for r in learners) == [
        ("S1001", 2),
        ("S1002", 1),
    ]
    # merging the second laptop's log again brings nothing back apart
    merge_files(cls / "trainer.db", [logs[1]])
    assert len(_learners(cls)) == 2
    audit = json.loads(ok(run_cli("profile", "audit", "--json", data=cls)))
    assert [a["action"] for a in audit] == ["merge"]
    assert audit[0]["actor"].startswith("auto") and audit[0]["details"]["attempts"] == 1

    # the class list names everyone; its names win, and who has not played yet is told
    book = Workbook()
    sheet = book.active
    sheet.append(["學號", "姓名", "班級"])
    sheet.append(["S1001", "王小明", "觀光一甲"])
    sheet.append(["S1002", "林美華", "觀光一乙"])
    sheet.append(["S1003", "陳大同", "觀光一甲"])
    book.save(tmp_path / "roster.xlsx")
    shown = json.loads(
        ok(run_cli("roster", "import", str(tmp_path / "roster.xlsx"), "--json", data=cls))
    )
    assert shown["added"] == 3 and shown["not_seen_yet"] == ["S1003"]
    classes = {r["student_no"]: r["class"] for r in _learners(cls)}
    assert classes == {"S1001": "觀光一甲", "S1002": "觀光一乙"}
    csv_file = tmp_path / "roster.csv"
    csv_file.write_text("student no,name,class\nS1002,林美華,觀光一乙\nS1002,x,y\n", "utf-8")
    bad = run_cli("roster", "import", str(csv_file), data=cls)
    assert bad.returncode == 1 and "row 3" in bad.stderr and "also on row 2" in bad.stderr


def test_instructor_merges_and_renames_with_an_audit_trail(tmp_path: Path) -> None:
    logs = [
        _laptop(tmp_path, 1, "Amy", None, None),
        _laptop(tmp_path, 2, "Amy Chen", "S9", "A"),
    ]
    cls = tmp_path / "class"
    merge_files(cls / "trainer.db", logs)
    assert len(_learners(cls)) == 2
    merged = json.loads(
        ok(run_cli("profile", "merge", "Amy Chen", "Amy", "--by", "林老師", "--json", data=cls))
    )
    assert merged["attempts"] == 1
    (only,) = _learners(cls)
    assert only["name"] == "Amy Chen" and only["attempts"] == 2
    renamed = json.loads(
        ok(run_cli("profile", "rename", "S9", "--name", "陳艾咪", "--json", data=cls))
    )
    assert renamed["changes"] == {"display_name": {"from": "Amy Chen", "to": "陳艾咪"}}
    audit = json.loads(ok(run_cli("profile", "audit", "--learner", "S9", "--json", data=cls)))
    assert [(a["action"], a["actor"]) for a in audit] == [
        ("merge", "林老師"),
        ("rename", "instructor"),
    ]
    # the dashboard and the exports see one learner
    out = tmp_path / "x.json"
    ok(run_cli("export", "--format", "xapi", "--out", str(out), data=cls))
    actors = {s["actor"]["account"]["name"] for s in json.loads(out.read_text("utf-8"))}
    assert len(actors) == 1
    refused = run_cli("profile", "merge", "S9", "S9", data=cls)
    assert refused.returncode == 2 and "itself" in refused.stderr


def test_xapi_right_after_a_merge_sends_one_actor_per_student_number(tmp_path: Path) -> None:
    logs = [
        _laptop(tmp_path, 1, "王小明", "S1001", None),
        _laptop(tmp_path, 2, "Wang", "S1001", None),
    ]
    cls = tmp_path / "class"
    merge_files(cls / "trainer.db", logs)
    out = tmp_path / "x.json"
    ok(run_cli("export", "--format", "xapi", "--out", str(out), data=cls))
    statements = json.loads(out.read_text("utf-8"))
    assert len({s["context"]["registration"] for s in statements}) == 2
    assert len({s["actor"]["account"]["name"] for s in statements}) == 1


def test_the_merge_command_links_namesakes_itself(tmp_path: Path) -> None:
    """`merge` joins profiles that share a student number, with an audit entry."""
    logs = [
        _laptop(tmp_path, 2, "王小明", "S2001", None),
        _laptop(tmp_path, 3, "小明", "S2001", None),
    ]
    cls = tmp_path / "class"
    ok(run_cli("merge", *map(str, logs), data=cls))
    with sqlite3.connect(cls / "trainer.db") as conn:
        actions = [r[0] for r in conn.execute("select action from identity_audit")]
    conn.close()
    assert actions == ["merge"]
