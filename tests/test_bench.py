"""`python -m trainer bench`: it runs end to end and reports every figure.

Timing never decides pass or fail here (the machine may be busy): the tests check
that every key is present and is a number, or null with a note saying why.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import run_cli
from trainer.bench import ui_measure
from trainer.bench.bundle import find_bundle
from trainer.bench.report import table
from trainer.bench.run import KEYS
from trainer.bench.stats import median, percentile

SECTIONS = ("quick", "baselines", "extra", "sizes", "machine", "notes")


def _check_report(report: dict[str, object], quick: bool) -> None:
    for key in (*KEYS, *SECTIONS):
        assert key in report, f"bench --json lacks {key}"
    assert report["quick"] is quick
    notes = report["notes"]
    assert isinstance(notes, dict)
    for key in KEYS:
        value = report[key]
        if value is None:
            assert notes.get(key), f"{key} is null without a note"
        else:
            assert isinstance(value, int | float) and not isinstance(value, bool), key
            assert math.isfinite(value) and value >= 0, (key, value)
    if report["remerge_added"] is not None:
        assert report["remerge_added"] == 0, "merging the same logs twice added rows"
    # Where the measured code is installed, a null is a broken bench, not a note.
    required = [k for k in KEYS if not k.startswith(("startup", "ui_", "peak_rss_mb_app"))]
    if ui_measure.available():
        required = list(KEYS)
    if find_bundle() is None:  # the bundle figures need a built bundle
        required = [k for k in required if not k.startswith("bundle_")]
    missing = {k: notes.get(k) for k in required if report[k] is None}
    assert not missing, missing


def test_bench_quick_json_reports_every_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick bench runs in a subprocess and yields every key, number or null+note."""
    home = tmp_path / "user-data"
    home.mkdir()
    monkeypatch.setenv("TRAINER_DATA_DIR", str(home))  # the "user's" data: must stay empty
    proc = run_cli(
        "bench", "--quick", "--json", "--no-progress", "--work-dir", str(tmp_path), timeout=400
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    _check_report(report, quick=True)
    assert report["sizes"]["merge_logs"] == 10
    assert report["sizes"]["export_csv_decisions"] == 100_000
    # Nothing was written to the user's data folder, and the temp folder is gone.
    assert list(home.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["user-data"]
    text = table(report)
    for key in KEYS:
        assert key in text


def test_bench_rejects_a_missing_work_dir(tmp_path: Path) -> None:
    """A --work-dir that does not exist is a clear error, not a traceback."""
    proc = run_cli("bench", "--quick", "--work-dir", str(tmp_path / "nope"), timeout=60)
    assert proc.returncode == 1
    assert "--work-dir" in proc.stderr and "Traceback" not in proc.stderr


def test_percentile_matches_linear_interpolation() -> None:
    """p95 of 1..100 interpolates like numpy's default; the median of 4 is the mean of two."""
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile(values, 0) == 1.0 and percentile(values, 100) == 100.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    with pytest.raises(ValueError):
        percentile([], 50)


def test_table_marks_missed_goals_and_notes() -> None:
    """The human table shows n/a with the note for a null figure and flags a missed goal."""
    report: dict[str, object] = dict.fromkeys(KEYS)
    report.update(quick=False, baselines={}, notes={"startup_s": "no window here"})
    report["decision_p95_ms"] = 40.0
    report["load_cases_s"] = 0.1
    text = table(report)
    assert "note: startup_s: no window here" in text
    line = next(li for li in text.splitlines() if li.startswith("decision_p95_ms"))
    assert "MISSED" in line
    line = next(li for li in text.splitlines() if li.startswith("load_cases_s"))
    assert line.rstrip().endswith("ok")


@pytest.mark.slow
def test_bench_full_json_reports_every_key(tmp_path: Path) -> None:
    """The full-size bench (several minutes) also yields every key."""
    proc = run_cli("bench", "--json", "--no-progress", "--work-dir", str(tmp_path), timeout=3600)
    assert proc.returncode == 0, proc.stderr
    _check_report(json.loads(proc.stdout), quick=False)


HOSTILE_YAML = [
    b"id: a\nid: b\n",  # duplicate key
    b"a: &x 1\nb: *x\n",  # anchor and alias
    b"a: !!python/object:os.system 1\n",  # a python tag
    b"<<: {a: 1}\n",  # merge key
    b"a: [1, 2\n",  # unclosed flow sequence
    b"a:\n\tb: 1\n",  # a tab for indentation
    b"",  # empty
]


@pytest.mark.parametrize("data", HOSTILE_YAML)
def test_fast_yaml_parser_refuses_like_the_python_one(
    data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The libyaml-fed loader (a bench-driven speed-up) refuses the same files, same line."""
    from trainer.core import loader
    from trainer.core.loader import CaseError, parse_yaml

    problems = []
    for cls in (loader._StrictLoader, loader._Loader):
        monkeypatch.setattr(loader, "_Loader", cls)
        with pytest.raises(CaseError) as err:
            parse_yaml(data, "x.yaml")
        problems.append(err.value.problems[0])
    assert problems[0].line == problems[1].line
    assert problems[0].message.split(":")[0] == problems[1].message.split(":")[0]


def test_control_characters_are_a_case_error() -> None:
    """A control character is reported as a case problem (the pure-Python reader raised
    its ReaderError before parse_yaml's error handling; libyaml reports it in parsing)."""
    from trainer.core.loader import CaseError, parse_yaml

    with pytest.raises(CaseError, match=r"x\.yaml:1: YAML error: unacceptable character"):
        parse_yaml(b"a: \x07\n", "x.yaml")


def test_fast_yaml_parser_reads_every_bundled_case_identically(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Both YAML loaders give the same data and line map for every bundled case."""
    from trainer.core import loader
    from trainer.core.loader import case_files, parse_yaml
    from trainer.paths import builtin_cases_dir

    fast = loader._Loader
    for path in case_files([builtin_cases_dir()]):
        data = path.read_bytes()
        monkeypatch.setattr(loader, "_Loader", loader._StrictLoader)
        slow_result = parse_yaml(data, path.name)
        monkeypatch.setattr(loader, "_Loader", fast)
        assert parse_yaml(data, path.name) == slow_result, path.name


@given(
    st.lists(
        st.one_of(
            st.none(),
            st.integers(),
            st.floats(allow_nan=False),
            st.binary(max_size=4),
            st.text(max_size=6),
            st.sampled_from(["=1+1", "-3", "+1.5", "@x", "\t=x", "-", "1e5", "-.5e-3x"]),
        ),
        max_size=8,
    )
)
def test_neutralise_row_writes_what_neutralise_writes(row: list[object]) -> None:
    """The inlined row version (a bench-driven speed-up) gives the same CSV bytes."""
    import csv
    import io

    from trainer.exchange.csv_export import neutralise, neutralise_row

    slow, fast = io.StringIO(), io.StringIO()
    csv.writer(slow).writerow([neutralise(v) for v in row])
    csv.writer(fast).writerow(neutralise_row(row))
    assert fast.getvalue() == slow.getvalue()
