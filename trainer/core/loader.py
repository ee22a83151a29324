"""Load case files safely and report problems as `FILE:LINE: message` lines.

Safety rules (case files come from colleagues and from zip packs):
- at most MAX_CASE_BYTES, strict UTF-8, no NUL bytes;
- YAML through PyYAML's SafeLoader only: no python tags, no custom tags;
- anchors, aliases and merge keys are refused (they allow "billion laughs" bombs);
- duplicate mapping keys are refused (the second would silently win otherwise).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from trainer.core.case_messages import is_follow_on, schema_message, yaml_hint
from trainer.core.model import Case

MAX_CASE_BYTES = 512 * 1024
MAX_NODES = 50_000
MAX_DEPTH = 40

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class CaseProblem:
    file: str
    line: int
    message: str
    #: "error" makes a case unusable (lint fails); "warning" is advice to the author.
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        tag = "" if self.is_error else "warning: "
        return f"{self.file}:{self.line}: {tag}{self.message}"


class CaseError(Exception):
    """A case file that cannot be used; `problems` holds one entry per error."""

    def __init__(self, problems: list[CaseProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class LoadedCase:
    case: Case
    path: Path | None
    digest: str
    lines: dict[Path_, int] = field(default_factory=dict)
    source: str = "<case>"

    def line_of(self, path: Path_) -> int:
        return _line_for(self.lines, path)


class _StrictComposer(yaml.composer.Composer):
    """A composer that refuses anchors and aliases at the event level."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if isinstance(event, yaml.AliasEvent):
            raise _NodeError(line, "YAML aliases (*name) are not allowed")
        if getattr(event, "anchor", None) is not None:
            raise _NodeError(line, "YAML anchors (&name) are not allowed")
        return super().compose_node(parent, index)


class _StrictLoader(_StrictComposer, yaml.SafeLoader):
    """SafeLoader with the strict composer (pure Python)."""


_Loader: Any = _StrictLoader
if getattr(yaml, "__with_libyaml__", False):  # PyYAML built with libyaml (the wheels are)
    from yaml._yaml import CParser as _CParser

    class _FastStrictLoader(
        _StrictComposer,
        _CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """The same strict composer fed by libyaml's C scanner and parser.

        Profiling showed the pure-Python scanner taking ~90% of case loading; the
        events, marks and errors are the same, so the checks above are unchanged.
        """

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            yaml.composer.Composer.__init__(self)

    _Loader = _FastStrictLoader


class _NodeError(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


class _Builder:
    """Turns a composed YAML node tree into plain data, remembering each node's line."""

    def __init__(self, loader: _StrictLoader) -> None:
        self.loader = loader
        self.lines: dict[Path_, int] = {}
        self.count = 0

    def build(self, node: yaml.Node, path: Path_ = ()) -> Any:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_NODES:
            raise _NodeError(line, f"file has more than {MAX_NODES} YAML nodes")
        if len(path) > MAX_DEPTH:
            raise _NodeError(line, f"nesting deeper than {MAX_DEPTH} levels")
        self.lines[path] = line
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                raise _NodeError(line, f"unsupported YAML tag {node.tag}")
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<":
                    raise _NodeError(key_line, "YAML merge keys (<<) are not allowed")
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                    raise _NodeError(key_line, "mapping keys must be plain text")
                key = str(self.loader.construct_object(key_node))
                if key in result:
                    raise _NodeError(key_line, f"duplicate key '{key}'")
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise _NodeError(line, f"unsupported YAML tag {node.tag}")
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if node.tag not in _PLAIN_TAGS:
            raise _NodeError(line, f"unsupported YAML tag {node.tag}")
        return self.loader.construct_object(node)


def _line_for(lines: dict[Path_, int], path: Path_) -> int:
    # Walk up until a node with a known line is found (pydantic may point at a
    # missing key, which has no node of its own).
    probe = tuple(path)
    while probe:
        if probe in lines:
            return lines[probe]
        probe = probe[:-1]
    return lines.get((), 1)


def parse_yaml(data: bytes, name: str) -> tuple[Any, dict[Path_, int]]:
    """Parse bytes into plain data and a node-path -> line map, or raise CaseError."""

    def fail(line: int, message: str) -> CaseError:
        return CaseError([CaseProblem(name, line, message)])

    if len(data) > MAX_CASE_BYTES:
        raise fail(1, f"file is {len(data)} bytes; the limit is {MAX_CASE_BYTES}")
    if b"\x00" in data:
        raise fail(1, "file contains NUL bytes: it is binary, not a YAML case file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(line, "file is not UTF-8 text") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise fail(1, "file is empty")
        builder = _Builder(loader)
        value = builder.build(node)
    except _NodeError as exc:
        raise fail(exc.line, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        message = exc.problem or exc.context or "YAML syntax error"
        hint = yaml_hint(message, exc.context, _line_text(text, line))
        if hint and exc.context and "quoted scalar" in exc.context and exc.context_mark:
            line = exc.context_mark.line + 1  # where the unclosed quote opened
        raise fail(line, f"YAML error: {message}" + (f" ({hint})" if hint else "")) from None
    except yaml.YAMLError as exc:
        raise fail(1, f"YAML error: {exc}") from None
    except (RecursionError, ValueError, OverflowError) as exc:
        raise fail(1, f"cannot read YAML: {type(exc).__name__}") from None
    finally:
        loader.dispose()
    return value, builder.lines


def _line_text(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _format_loc(loc: Iterable[str | int]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts)


def _is_schema_label(part: str) -> bool:
    # pydantic inserts labels such as "function-after[...]" for validators.
    return "[" in part or part.startswith("function-")


def validate_data(data: Any, lines: dict[Path_, int], name: str) -> Case:
    if not isinstance(data, dict):
        raise CaseError([CaseProblem(name, 1, "a case file must be a YAML mapping (key: value)")])
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        problems = []
        errors = exc.errors(include_url=False)
        # Drop pydantic's internal union/validator labels from the locations.
        locs = [
            tuple(p for p in e["loc"] if isinstance(p, int) or not _is_schema_label(p))
            for e in errors
        ]
        for error, loc in zip(errors, locs, strict=True):
            if is_follow_on(error["type"], loc, locs):
                continue
            where = _format_loc(loc)
            message = error["msg"].removeprefix("Value error, ")
            message = schema_message(error["type"], loc, message)
            text = f"{where}: {message}" if where else message
            problems.append(CaseProblem(name, _line_for(lines, loc), text))
        raise CaseError(problems) from None


#: C0 and C1 control characters other than tab and newline (issue 15): a title with
#: "\e]0;...\a" would retitle a terminal and rewrite its lines when printed.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_problems(value: Any, lines: dict[Path_, int], name: str) -> list[CaseProblem]:
    """Every text (key or value) holding a control character, with its line."""
    problems: list[CaseProblem] = []

    def walk(item: Any, path: Path_) -> None:
        if isinstance(item, str):
            found = _CONTROLS.search(item)
            if found:
                known = [lines[path[:n]] for n in range(len(path), -1, -1) if path[:n] in lines]
                at = known[0] if known else 1
                problems.append(
                    CaseProblem(
                        name,
                        at,
                        f"text contains the control character U+{ord(found.group()):04X}; "
                        "remove it (only tab and newline are allowed)",
                    )
                )
        elif isinstance(item, dict):
            for key, sub in item.items():
                walk(key, path)
                walk(sub, (*path, key))
        elif isinstance(item, list):
            for n, sub in enumerate(item):
                walk(sub, (*path, n))

    walk(value, ())
    return problems


def load_case_bytes(data: bytes, name: str = "<case>", path: Path | None = None) -> LoadedCase:
    value, lines = parse_yaml(data, name)
    controls = control_problems(value, lines, name)
    if controls:
        raise CaseError(controls)
    case = validate_data(value, lines, name)
    digest = hashlib.sha256(data).hexdigest()
    return LoadedCase(case=case, path=path, digest=digest, lines=lines, source=name)


def load_case_file(path: Path) -> LoadedCase:
    return load_case_bytes(_read_capped(path), str(path), path)


def case_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their *.yaml files, sorted; keep files as given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        else:
            files.append(path)
    return files


@dataclass
class Library:
    """All cases found in some folders: the usable ones and the broken ones."""

    cases: dict[str, LoadedCase]
    broken: dict[str, CaseError]

    def get(self, case_id: str) -> LoadedCase:
        return self.cases[case_id]

    def sorted_cases(self) -> list[LoadedCase]:
        return sorted(
            self.cases.values(), key=lambda c: (c.case.difficulty, c.case.setting, c.case.id)
        )


def _read_capped(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_CASE_BYTES + 1)
    except OSError as exc:
        raise CaseError([CaseProblem(str(path), 1, f"cannot read file: {exc.strerror}")]) from None


def _load_cached(path: Path, cache_dir: Path, used: set[str]) -> LoadedCase:
    from trainer.core import case_cache

    data = _read_capped(path)
    key = case_cache.cache_key(data)
    used.add(key)
    case = case_cache.read(cache_dir, key)
    if case is not None:
        digest = hashlib.sha256(data).hexdigest()
        return LoadedCase(case=case, path=path, digest=digest, source=str(path))
    loaded = load_case_bytes(data, str(path), path)
    case_cache.write(cache_dir, key, loaded.case)
    return loaded


def load_library(folders: Iterable[Path], cache_dir: Path | None = None) -> Library:
    """Load every case in `folders`; broken files are kept aside with their errors.

    With `cache_dir`, validated cases are cached by content (see case_cache): the
    app's start-up then skips YAML parsing. Cached cases carry no line map.
    """
    cases: dict[str, LoadedCase] = {}
    broken: dict[str, CaseError] = {}
    used: set[str] = set()
    for path in case_files(folders):
        try:
            loaded = _load_cached(path, cache_dir, used) if cache_dir else load_case_file(path)
        except CaseError as exc:
            broken[str(path)] = exc
            continue
        if loaded.case.id in cases:
            other = cases[loaded.case.id].path
            broken[str(path)] = CaseError(
                [
                    CaseProblem(
                        str(path),
                        loaded.line_of(("id",)),
                        f"case id '{loaded.case.id}' is also used by {other}",
                    )
                ]
            )
            continue
        cases[loaded.case.id] = loaded
    if cache_dir:
        from trainer.core import case_cache

        case_cache.prune(cache_dir, used)
    return Library(cases=cases, broken=broken)
