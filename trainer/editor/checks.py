"""Live checking for the editor: schema + lint + the players' figures, each problem
with the document path of its field (so a click can jump there).

Runs on YAML text (the worker thread dumps a copy of the document); Qt-free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trainer.core.baseline import BaselineResult
from trainer.core.cues import ListCue, list_cues
from trainer.core.lint import lint_report
from trainer.core.loader import CaseError, Path_, load_case_bytes, parse_yaml
from trainer.core.scoring import ScoreCard


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" | "warning"
    message: str
    line: int
    path: Path_


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    valid: bool = False
    baselines: list[BaselineResult] = field(default_factory=list)
    expert: ScoreCard | None = None
    cues: list[ListCue] = field(default_factory=list)
    cues_en: list[ListCue] = field(default_factory=list)
    seconds: float = 0.0
    #: The YAML text that was checked (the editor autosaves it as the draft).
    text: str = ""

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def _line_paths(text: str) -> dict[int, Path_]:
    """Line -> the deepest document path that starts on it."""
    try:
        _value, lines = parse_yaml(text.encode("utf-8"), "<editor>")
    except CaseError:
        return {}
    out: dict[int, Path_] = {}
    for path, line in lines.items():
        if line not in out or len(path) > len(out[line]):
            out[line] = path
    return out


def _path_for(line: int, paths: dict[int, Path_]) -> Path_:
    for probe in range(line, 0, -1):  # a missing key points at its parent's line
        if probe in paths:
            return paths[probe]
    return ()


_LOC = re.compile(r"^([A-Za-z_][\w\-]*(?:\.[\w\-]+|\[\d+\])*): ")
_PART = re.compile(r"\[(\d+)\]|([\w\-]+)")


def loc_path(message: str) -> Path_ | None:
    """The path a schema message names ("customer.needs[0]: ..."), if any."""
    match = _LOC.match(message)
    if not match:
        return None
    return tuple(int(i) if i else name for i, name in _PART.findall(match.group(1)))


#: Texts a new row starts with (trainer.editor.document); still there = not written.
PLACEHOLDERS = frozenset({"（請填寫）", "(to write)", "（詞語）"})


def _placeholders(text: str) -> list[Finding]:
    try:
        value, lines = parse_yaml(text.encode("utf-8"), "<editor>")
    except CaseError:
        return []
    found: list[Finding] = []

    def walk(node: object, path: Path_) -> None:
        if isinstance(node, dict):
            for key, item in node.items():
                walk(item, (*path, key))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, (*path, i))
        elif isinstance(node, str) and node.strip() in PLACEHOLDERS:
            where = ".".join(str(p) for p in path)
            found.append(
                Finding(
                    "warning",
                    f"{where}: 還沒寫 still to write ({node.strip()})",
                    lines.get(path, 1),
                    path,
                )
            )

    walk(value, ())
    return found


def check_text(text: str) -> CheckResult:
    import time

    started = time.perf_counter()
    result = CheckResult(text=text)
    paths = _line_paths(text)
    try:
        loaded = load_case_bytes(text.encode("utf-8"), "<editor>")
    except CaseError as exc:
        result.findings = [
            Finding("error", p.message, p.line, loc_path(p.message) or _path_for(p.line, paths))
            for p in exc.problems
        ]
        result.seconds = time.perf_counter() - started
        return result
    result.valid = True
    report = lint_report(loaded)
    result.findings = [
        Finding(p.severity, p.message, p.line, _path_for(p.line, paths)) for p in report.problems
    ] + _placeholders(text)
    result.findings.sort(key=lambda f: (f.severity != "error", f.line))
    result.baselines = list(report.baselines)
    result.expert = report.expert
    result.cues = list_cues(loaded.case)
    result.cues_en = list_cues(loaded.case, "en")
    result.seconds = time.perf_counter() - started
    return result
