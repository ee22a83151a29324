"""Headless: the kit PDF, a recorded observation in every export and on the sheet."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from trainer.core.loader import LoadedCase
from trainer.roleplay.kit import build_kit

from .conftest import CASE, write_observation


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def squash(text: str) -> str:
    """PDF text without line breaks, page numbers or spaces (lines wrap anywhere)."""
    text = re.sub(r"(?m)^\s*\d+ / \d+\s*$", "", text.replace("\f", "\n"))
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_kit_pdf_holds_hidden_facts_for_customer_and_observer_only(
    data_dir: Path, loaded: LoadedCase, lang: str
) -> None:
    out = data_dir / "kit.pdf"
    ok(run_cli("roleplay", "kit", CASE, "--out", str(out), "--lang", lang, data=data_dir))
    text = squash(pdf_text(out))
    kit = build_kit(loaded.case, lang)
    titles = [squash(kit.sheet(r).title) for r in ("customer", "agent", "observer")]
    starts = [text.index(t) for t in titles]
    assert starts == sorted(starts), "customer, agent, observer in that order"
    customer, agent, observer = (
        text[starts[0] : starts[1]],
        text[starts[1] : starts[2]],
        text[starts[2] :],
    )
    assert len(loaded.case.facts) >= 5
    for fact in loaded.case.facts:
        fact_text = squash(fact.text.get(lang))
        assert fact_text in customer, fact.id
        assert fact_text in observer, fact.id
        assert fact_text not in agent, fact.id
    business = loaded.case.business
    assert f"NT${business.authority_limit:,}" in agent  # what the agent does know
    assert squash(loaded.case.customer.opening_line.get(lang)) in customer


def test_recorded_observation_reaches_csv_xlsx_xapi_and_the_sheet(
    data_dir: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    ticks = write_observation(tmp_path / "obs.json")
    done = ok(
        run_cli(
            "roleplay", "record", CASE, "--agent", "王小明", "--customer", "李大華",
            "--observer", "陳老師", "--ticks", str(ticks), "--json", data=data_dir,
        )
    )  # fmt: skip
    summary = json.loads(done)
    attempt = summary["attempt_id"]
    assert summary["completed"] is True and set(summary["scores"]) == {
        "3.1", "3.2", "3.3", "3.4", "3.5"
    }  # fmt: skip
    # CSV: the attempt (mode roleplay), its ticks and observation, its scores
    ok(run_cli("export", "--format", "csv", "--out", str(tmp_path / "csv"), data=data_dir))
    with (tmp_path / "csv" / "attempts.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["attempt_id"] == attempt]
    assert rows and rows[0]["mode"] == "roleplay" and rows[0]["status"] == "completed"
    with (tmp_path / "csv" / "decisions.csv").open(encoding="utf-8-sig") as fh:
        actions = [r["action"] for r in csv.DictReader(fh) if r["attempt_id"] == attempt]
    assert actions.count("tick") == 8 and actions[-3:] == ["observe", "report", "reflect"]
    with (tmp_path / "csv" / "scores.csv").open(encoding="utf-8-sig") as fh:
        scores = {r["indicator"]: int(r["score"]) for r in csv.DictReader(fh)}
    assert scores == summary["scores"]
    # XLSX: the same attempt and decisions
    xlsx = tmp_path / "class.xlsx"
    ok(run_cli("export", "--format", "xlsx", "--out", str(xlsx), data=data_dir))
    wb = load_workbook(xlsx, read_only=True)
    cells = {str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row}
    assert attempt in cells and "roleplay" in cells and "observe" in cells
    # xAPI: the usual verbs; the observer is the instructor in every statement's context
    out = tmp_path / "statements.json"
    ok(run_cli("export", "--format", "xapi", "--out", str(out), data=data_dir))
    statements = json.loads(out.read_text(encoding="utf-8"))
    verbs = [s["verb"]["display"]["en-US"] for s in statements]
    assert {"initialized", "answered", "responded", "completed"} <= set(verbs)
    for statement in statements:
        assert statement["context"]["instructor"]["account"]["name"] == "陳老師"
        assert statement["context"]["extensions"][next(
            k for k in statement["context"]["extensions"] if k.endswith("mode")
        )] == "roleplay"  # fmt: skip
    # the sheet (PDF): marked observed role-play, observer, notes, self beside observer
    sheet = tmp_path / "sheet.pdf"
    ok(
        run_cli(
            "export", "--format", "pdf", "--attempt", attempt, "--out", str(sheet), data=data_dir
        )
    )
    text = squash(pdf_text(sheet))
    for needle in ("觀察角色扮演", "陳老師", "李大華", "先道歉再提問，語氣穩定。", "受評者自評"):
        assert needle in text, needle
    # the portfolio: third-party evidence (observer and notes), filtered by mode
    folio = tmp_path / "portfolio.pdf"
    ok(
        run_cli(
            "export", "--format", "pdf", "--learner", "王小明", "--mode", "roleplay",
            "--out", str(folio), data=data_dir,
        )
    )  # fmt: skip
    text = squash(pdf_text(folio))
    for needle in ("評量證據作品集", "觀察角色扮演", "陳老師", "先道歉再提問，語氣穩定。"):
        assert needle in text, needle


def test_observation_without_the_agent_part_waits_then_completes(
    data_dir: Path, tmp_path: Path
) -> None:
    ticks = write_observation(tmp_path / "obs.json", full=False)
    summary = json.loads(
        ok(
            run_cli(
                "roleplay", "record", CASE, "--agent", "林美華", "--customer", "A",
                "--observer", "B", "--ticks", str(ticks), "--json", data=data_dir,
            )
        )
    )  # fmt: skip
    assert summary["completed"] is False and summary["scores"]["3.5"] == 0
    from .conftest import observation

    agent = tmp_path / "agent.json"
    full = observation()
    agent.write_text(
        json.dumps({"report": full["report"], "reflection": full["reflection"]}), encoding="utf-8"
    )
    args = ("roleplay", "agent", summary["attempt_id"], "--file", str(agent), "--json")
    done = json.loads(ok(run_cli(*args, data=data_dir)))
    assert done["completed"] is True and done["scores"]["3.4"] > summary["scores"]["3.4"]
    again = run_cli(*args, data=data_dir)  # the agent's part comes once
    assert again.returncode == 1 and "once" in again.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"ticks": ["nope"]}', encoding="utf-8")
    refused = run_cli(
        "roleplay", "record", CASE, "--agent", "X", "--customer", "Y", "--observer", "Z",
        "--ticks", str(bad), data=data_dir,
    )  # fmt: skip
    assert refused.returncode == 1 and "unknown behaviours" in refused.stderr
