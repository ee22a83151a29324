"""Each export format, from the CLI, on a class database merged from three laptops."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.exchange.conftest import LEARNERS, ClassLogs, ok
from trainer.core.vocab import INDICATORS
from trainer.exchange.instructor import add_review
from trainer.exchange.merge import merge_files
from trainer.exchange.xapi import iso_duration

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DURATION = re.compile(r"^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$")
REAL = [name for name, _, _ in LEARNERS] + [no for _, no, _ in LEARNERS]


@pytest.fixture(scope="session")
def class_dir(class_logs: ClassLogs, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("instructor")
    merge_files(root / "trainer.db", class_logs.logs)
    conn = sqlite3.connect(root / "trainer.db")
    attempt = conn.execute("select id from attempts order by started_at limit 1").fetchone()[0]
    conn.close()
    add_review(
        root / "trainer.db",
        attempt,
        comment="很好，但要先道歉",
        adjusted_score=77,
        indicator="3.2",
        author="林老師",
    )
    return root


def export(class_dir: Path, fmt: str, out: Path, *extra: str) -> str:
    return ok(run_cli("export", "--format", fmt, "--out", str(out), *extra, data=class_dir))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_folder_has_bom_tables_and_adjusted_scores(class_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "grades"
    export(class_dir, "csv", out)
    names = {p.name for p in out.iterdir()}
    assert {
        "attempts.csv",
        "decisions.csv",
        "reflections.csv",
        "internal_reports.csv",
        "scores.csv",
        "learners.csv",
    } <= names
    for path in out.iterdir():
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), f"{path.name} lacks the BOM"
    learners = rows(out / "learners.csv")
    assert sorted(r["learner_name"] for r in learners) == sorted(n for n, _, _ in LEARNERS)
    scores = rows(out / "scores.csv")
    assert {r["indicator"] for r in scores} == set(INDICATORS)
    adjusted = [r for r in scores if r["adjusted_score"]]
    assert len(adjusted) == 1 and adjusted[0]["indicator"] == "3.2"
    assert adjusted[0]["adjusted_score"] == "77" and adjusted[0]["score"] != ""
    attempts = rows(out / "attempts.csv")
    assert any(r["instructor_comment"] == "很好，但要先道歉" for r in attempts)
    raw = (out / "reflections.csv").read_bytes()
    assert b"\r\n" in raw  # RFC 4180 line ends


def test_csv_export_of_one_class_and_since(class_dir: Path, tmp_path: Path) -> None:
    export(class_dir, "csv", tmp_path / "a", "--class", "觀光一甲")
    assert {r["class_name"] for r in rows(tmp_path / "a" / "attempts.csv")} == {"觀光一甲"}
    assert len(rows(tmp_path / "a" / "learners.csv")) == 2
    export(class_dir, "csv", tmp_path / "b", "--since", "2999-01-01")
    assert rows(tmp_path / "b" / "attempts.csv") == []
    assert rows(tmp_path / "b" / "decisions.csv") == []
    done = run_cli(
        "export",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "c"),
        "--since",
        "1/2/2025",
        data=class_dir,
    )
    assert done.returncode != 0 and "YYYY-MM-DD" in done.stderr
    done = run_cli(
        "export",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "c"),
        "--learner",
        "nobody",
        data=class_dir,
    )
    assert done.returncode != 0 and "no learner" in done.stderr
    assert not (tmp_path / "c").exists()


def test_xlsx_has_summary_and_no_formulas(class_dir: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "class.xlsx"
    export(class_dir, "xlsx", out, "--lang", "en")
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "summary"
    assert {"attempts", "decisions", "reflections", "internal_reports", "scores"} <= set(
        wb.sheetnames
    )
    summary = list(wb["summary"].iter_rows(values_only=True))
    assert summary[0][0] == "Learner" and len(summary) == 1 + len(LEARNERS)
    assert {r[0] for r in summary[1:]} == {n for n, _, _ in LEARNERS}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


def test_sqlite_copy_for_one_learner_is_clean(class_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "wang.db"
    export(class_dir, "sqlite", out, "--learner", "S1001")  # by student number
    conn = sqlite3.connect(out)
    assert conn.execute("pragma quick_check").fetchone()[0] == "ok"
    assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in conn.execute("select display_name from learners")] == ["王小明"]
    assert conn.execute("select count(*) from pseudonyms").fetchone()[0] == 0
    assert conn.execute("select count(*) from instructor_settings").fetchone()[0] == 0
    orphans = conn.execute(
        "select count(*) from decisions where attempt_id not in (select id from attempts)"
    ).fetchone()[0]
    conn.close()
    assert orphans == 0
    tool = Path(sys.executable).with_name("sqlite-utils")
    if tool.exists():  # the tool instructors use on such copies reads it
        listed = subprocess.run(
            [str(tool), "tables", str(out), "--counts"], capture_output=True, text=True, check=True
        ).stdout
        assert '"decisions"' in listed


def test_xapi_statements_follow_the_mapping(class_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "class.json"
    export(class_dir, "xapi", out)
    statements = json.loads(out.read_text(encoding="utf-8"))
    verbs = {s["verb"]["id"].rsplit("/", 1)[1] for s in statements}
    assert {"initialized", "answered", "completed", "passed", "failed", "responded"} <= verbs
    assert all(s["verb"]["id"].startswith("http://adlnet.gov/expapi/verbs/") for s in statements)
    text = out.read_text(encoding="utf-8")
    for real in REAL:
        assert real not in text, f"{real} leaked into xAPI"
    assert "很好，但要先道歉" not in text and "林老師" not in text  # review comments stay home
    conn = sqlite3.connect(class_dir / "trainer.db")
    attempt_ids = {r[0] for r in conn.execute("select id from attempts")}
    conn.close()
    for s in statements:
        assert UUID.match(s["id"]) and UUID.match(s["context"]["registration"])
        # re-keyed: no attempt id of a named export, no seconds in a timestamp
        assert s["context"]["registration"] not in attempt_ids
        stamp = datetime.fromisoformat(s["timestamp"])
        assert stamp.second == 0 and stamp.microsecond == 0
        assert set(s["actor"]) == {"objectType", "account"}
        grouping = s["context"]["contextActivities"]["grouping"]
        assert grouping[0]["id"].endswith("/icap/TRM3R0182v2")
        verb = s["verb"]["id"].rsplit("/", 1)[1]
        if verb == "scored":
            assert s["actor"]["account"]["name"] == "instructor"
        else:
            assert s["actor"]["account"]["name"].startswith("P-")
        if verb == "answered":
            parent = s["context"]["contextActivities"]["parent"][0]["id"]
            assert parent.endswith("/cases/beitou-hot-spring-cold-water")
            assert DURATION.match(s["result"]["duration"])
            definition = s["object"]["definition"]
            assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
        if verb == "completed":
            ext = s["result"]["extensions"]
            assert {k.rsplit("/", 1)[1] for k in ext if "/indicator/" in k} == set(INDICATORS)
            assert 0 <= s["result"]["score"]["scaled"] <= 1
    assert len({s["id"] for s in statements}) == len(statements)

    choices = [
        s for s in statements if s["object"]["definition"].get("interactionType") == "choice"
    ]
    assert choices
    for s in choices:
        definition = s["object"]["definition"]
        ids = [c["id"] for c in definition["choices"]]
        assert s["result"]["response"] in ids  # the option list it was chosen from
        assert all(set(c["description"]) == {"zh-TW", "en-US"} for c in definition["choices"])
        assert set(definition["correctResponsesPattern"]) <= set(ids)
    # one activity per option list: the same id always lists the same options
    lists: dict[str, list[str]] = {}
    for s in choices:
        ids = [c["id"] for c in s["object"]["definition"]["choices"]]
        assert lists.setdefault(s["object"]["id"], ids) == ids
    assert len(lists) >= 5
    # the internal report: root cause, recipients and the preventive text
    reports = [s for s in statements if s["object"]["id"].endswith("/steps/feedback/report")]
    assert reports
    exts = [{k.rsplit("/", 1)[1]: v for k, v in r["result"]["extensions"].items()} for r in reports]
    assert all(e["root-cause"] and e["recipients"] and "preventive" in e for e in exts)
    assert any(len(e["preventive"]) > 20 for e in exts)  # the expert's text
    assert all(r["id"] and r["name"] for e in exts for r in e["recipients"])
    # reflections are named by their prompt's text, not its id
    responded = [s for s in statements if s["verb"]["id"].endswith("responded")]
    assert responded
    for s in responded:
        names = s["object"]["definition"]["name"]
        prompt_id = s["object"]["id"].rsplit("/", 1)[1]
        assert names["zh-TW"] != prompt_id and len(names["zh-TW"]) > 5
    # the instructor's adjustment (3.2 -> 77) is its own statement
    scored = [s for s in statements if s["verb"]["id"].endswith("scored")]
    assert len(scored) == 1
    result = scored[0]["result"]
    assert result["score"]["raw"] == 77
    ext = {k.rsplit("/", 1)[1]: v for k, v in result["extensions"].items()}
    assert ext["indicator"] == "3.2" and isinstance(ext["original-score"], int)
    learner = scored[0]["context"]["extensions"]
    assert any(
        str(v.get("name", "")).startswith("P-") for v in learner.values() if isinstance(v, dict)
    )


def test_xapi_ids_are_stable_and_the_base_iri_is_configurable(
    class_dir: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    export(class_dir, "xapi", first)
    export(class_dir, "xapi", second)
    ids = [s["id"] for s in json.loads(first.read_text(encoding="utf-8"))]
    assert ids == [s["id"] for s in json.loads(second.read_text(encoding="utf-8"))]
    copy = tmp_path / "copy"
    shutil.copytree(class_dir, copy)
    shown = json.loads(
        ok(
            run_cli(
                "lrs",
                "config",
                "--base-iri",
                "https://school.example/trainer",
                "--home-page",
                "https://school.example/sso",
                "--json",
                data=copy,
            )
        )
    )
    assert shown == {
        "base_iri": "https://school.example/trainer",
        "home_page": "https://school.example/sso",
    }
    out = tmp_path / "c.json"
    export(copy, "xapi", out)
    statements = json.loads(out.read_text(encoding="utf-8"))
    assert all(s["object"]["id"].startswith("https://school.example/trainer/") for s in statements)
    assert all(
        s["actor"]["account"]["homePage"] == "https://school.example/sso" for s in statements
    )
    bad = run_cli("lrs", "config", "--base-iri", "not an iri", data=copy)
    assert bad.returncode == 1 and "not an http(s) IRI" in bad.stderr


def test_iso_durations() -> None:
    assert iso_duration(12_500) == "PT12.5S"
    assert iso_duration(0) == "PT0S"
    assert iso_duration(3_725_000) == "PT1H2M5S"
    assert iso_duration(60_000) == "PT1M"


def test_xapi_is_accepted_by_a_ralph_lrs(class_dir: Path, tmp_path: Path) -> None:
    """POST the statements to a real LRS (Ralph, fs backend, 127.0.0.1); all accepted."""
    from tests.exchange.ralph_lrs import LRS, RalphUnavailable, ensure_ralph

    try:
        python = ensure_ralph()
    except RalphUnavailable as exc:
        pytest.skip(f"Ralph LRS cannot be installed here: {exc}")
    out = tmp_path / "class.json"
    export(class_dir, "xapi", out)
    statements = json.loads(out.read_text(encoding="utf-8"))
    lrs = LRS(python, tmp_path / "ralph").start()
    try:
        status, body = lrs.request("POST", "/xAPI/statements", statements)
        assert status == 200, body
        assert sorted(body) == sorted(s["id"] for s in statements)
        registration = statements[0]["context"]["registration"]
        status, found = lrs.request("GET", f"/xAPI/statements?registration={registration}")
        assert status == 200
        assert {s["id"] for s in found["statements"]} == {
            s["id"] for s in statements if s["context"]["registration"] == registration
        }
        # The LRS really validates: a statement with a malformed duration is rejected.
        broken = json.loads(json.dumps(statements[1]))
        broken["id"] = "00000000-0000-4000-8000-000000000001"
        broken["result"]["duration"] = "12 seconds"
        status, _ = lrs.request("POST", "/xAPI/statements", [broken])
        assert status >= 400
        status, found = lrs.request("GET", f"/xAPI/statements?statementId={broken['id']}")
        assert status == 404 or found == {"statements": []}, "the invalid statement was stored"
    finally:
        lrs.stop()


def _texts_in_xlsx(path: Path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return "\n".join(
        str(v) for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for v in r
    )


def _texts_in_sqlite(path: Path) -> str:
    conn = sqlite3.connect(path)
    parts = []
    for (table,) in conn.execute("select name from sqlite_master where type='table'"):
        for row in conn.execute(f"select * from [{table}]"):
            parts.extend(str(v) for v in row)
    conn.close()
    return "\n".join(parts)


def test_pseudonymized_exports_hold_no_real_names(class_dir: Path, tmp_path: Path) -> None:
    """csv, xlsx, xapi and sqlite with --pseudonymize: no name or student number anywhere."""
    export(class_dir, "csv", tmp_path / "csv", "--pseudonymize")
    export(class_dir, "xlsx", tmp_path / "x.xlsx", "--pseudonymize")
    export(class_dir, "xapi", tmp_path / "x.json", "--pseudonymize")
    export(class_dir, "sqlite", tmp_path / "x.db", "--pseudonymize")
    texts = {
        "csv": "\n".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "csv").iterdir()),
        "xlsx": _texts_in_xlsx(tmp_path / "x.xlsx"),
        "xapi": (tmp_path / "x.json").read_text(encoding="utf-8"),
        "sqlite": _texts_in_sqlite(tmp_path / "x.db"),
    }
    raw_db = (tmp_path / "x.db").read_bytes()
    for real in REAL:
        assert real.encode() not in raw_db, f"{real} in the sqlite file's bytes"
        for fmt, text in texts.items():
            assert real not in text, f"{real} leaked into {fmt}"
    assert "林老師" not in texts["csv"] and "先道歉" not in texts["csv"]
    # Stable: the same pseudonyms in every format and on every run.
    names = {r["learner_name"] for r in rows(tmp_path / "csv" / "learners.csv")}
    assert len(names) == 3 and all(n.startswith("P-") for n in names)
    export(class_dir, "csv", tmp_path / "csv2", "--pseudonymize")
    assert {r["learner_name"] for r in rows(tmp_path / "csv2" / "learners.csv")} == names
    for fmt in ("xlsx", "xapi", "sqlite"):
        assert all(n in texts[fmt] for n in names), fmt
    conn = sqlite3.connect(class_dir / "trainer.db")  # the map stays with the instructor
    assert {r[0] for r in conn.execute("select pseudonym from pseudonyms")} == names
    conn.close()


def test_pdf_sheet_and_portfolio(class_dir: Path, tmp_path: Path) -> None:
    """PDF text holds the learner's name and the five indicators."""
    try:
        import trainer.render.report_pdf  # noqa: F401
    except ModuleNotFoundError as exc:
        pytest.skip(f"trainer.render.report_pdf is not available yet: {exc}")
    from pypdf import PdfReader

    conn = sqlite3.connect(class_dir / "trainer.db")
    attempt = conn.execute(
        "select a.id from attempts a join learners l on l.id = a.learner_id "
        "where l.display_name = '林美華' and a.status = 'completed'"
    ).fetchone()[0]
    conn.close()
    sheet = tmp_path / "sheet.pdf"
    export(class_dir, "pdf", sheet, "--attempt", attempt)
    portfolio = tmp_path / "portfolio.pdf"
    out = export(class_dir, "pdf", portfolio, "--learner", "王小明", "--lang", "en")
    assert "attempts 2" in out
    for path, name in ((sheet, "林美華"), (portfolio, "王小明")):
        text = "".join(page.extract_text() for page in PdfReader(path).pages)
        # NFKC: the CJK font maps some characters to look-alike Kangxi radicals
        flat = unicodedata.normalize("NFKC", re.sub(r"\s+", "", text))
        assert name in flat, f"{name} not in {path.name}"
        for indicator in INDICATORS:
            assert indicator in text, f"{indicator} not in {path.name}"
    done = run_cli(
        "export",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "p.pdf"),
        "--learner",
        "王小明",
        "--pseudonymize",
        data=class_dir,
    )
    assert done.returncode != 0 and not (tmp_path / "p.pdf").exists()
    done = run_cli("export", "--format", "pdf", "--out", str(tmp_path / "p.pdf"), data=class_dir)
    assert done.returncode != 0 and "--attempt" in done.stderr


def test_export_cli_does_not_import_qt_for_other_formats(class_dir: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from trainer.cli import main\n"
        "rc = main(['--data-dir', sys.argv[1], 'export', '--format', 'csv', '--out', sys.argv[2]])\n"
        "assert rc == 0, rc\n"
        "assert 'PySide6' not in sys.modules, 'PySide6 imported'\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(class_dir), str(tmp_path / "o")],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    shutil.rmtree(tmp_path / "o")


def _all_values(fmt: str, path: Path) -> str:
    if fmt == "csv":
        return "\n".join(p.read_text(encoding="utf-8-sig") for p in sorted(path.iterdir()))
    if fmt == "xlsx":
        return _texts_in_xlsx(path)
    return _texts_in_sqlite(path)


def test_pseudonymized_exports_are_rekeyed_and_rounded_to_the_minute(
    class_dir: Path, tmp_path: Path
) -> None:
    """No learner, attempt or row id of the class database and no second-precise time
    appears in a pseudonymised export, so it cannot be joined to a named one; two
    pseudonymised exports still agree with each other."""
    conn = sqlite3.connect(class_dir / "trainer.db")
    ids = {
        r[0]
        for t in ("learners", "attempts", "decisions")
        for r in conn.execute(f"select id from {t}")
    }
    stamps = {r[0] for r in conn.execute("select ts from decisions")}
    conn.close()
    outs = {
        "csv": tmp_path / "csv",
        "xlsx": tmp_path / "x.xlsx",
        "sqlite": tmp_path / "x.db",
    }
    for fmt, out in outs.items():
        export(class_dir, fmt, out, "--pseudonymize")
        text = _all_values(fmt, out)
        leaked = [i for i in ids if i in text]
        assert not leaked, f"{fmt}: original ids {leaked[:3]}"
        assert not [s for s in stamps if s in text], f"{fmt}: exact timestamps"
        assert re.search(r"T\d\d:\d\d:00", text), f"{fmt}: no minute timestamps"
    again = tmp_path / "again.db"
    export(class_dir, "sqlite", again, "--pseudonymize")
    a, b = sqlite3.connect(outs["sqlite"]), sqlite3.connect(again)
    try:
        assert (
            a.execute("select id from attempts order by id").fetchall()
            == b.execute("select id from attempts order by id").fetchall()
        )
        assert a.execute("pragma foreign_key_check").fetchall() == []
        assert (
            a.execute(
                "select count(*) from decisions d join attempts t on t.id = d.attempt_id"
            ).fetchone()[0]
            == a.execute("select count(*) from decisions").fetchone()[0]
        )
    finally:
        a.close()
        b.close()
    # a named export keeps the real ids
    export(class_dir, "sqlite", tmp_path / "named.db")
    assert ids & set(_texts_in_sqlite(tmp_path / "named.db").split("\n"))
