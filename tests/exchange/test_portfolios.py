"""Portfolios for a class: one PDF per person, never one overwriting another."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import run_cli
from tests.exchange.conftest import CASE, ok
from trainer.exchange.merge import merge_files
from trainer.exchange.sqlite_copy import export_sqlite


def test_namesakes_get_two_files_and_the_summary_lists_them(tmp_path: Path) -> None:
    logs = []
    for n in (1, 2):  # two different learners called Amy, no number, no class
        data = tmp_path / f"laptop{n}"
        ok(run_cli("play", CASE, "--auto", "expert", "--learner", "Amy", data=data))
        logs.append(tmp_path / f"log{n}.db")
        export_sqlite(data / "trainer.db", logs[-1])
    cls = tmp_path / "class"
    merge_files(cls / "trainer.db", logs)
    out = tmp_path / "pdfs"
    out.mkdir()
    shown = json.loads(ok(run_cli("portfolios", "--out", str(out), "--json", data=cls)))
    assert len(shown["written"]) == 2 and len(set(shown["written"])) == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(shown["written"])
    for path in out.iterdir():
        text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
        assert "Amy" in text
    summary = tmp_path / "summary.pdf"
    ok(run_cli("class-summary", "--out", str(summary), "--lang", "en", data=cls))
    text = " ".join("".join(p.extract_text() or "" for p in PdfReader(summary).pages).split())
    assert "Class summary" in text and text.count("Amy") >= 2
