"""Round-trip YAML (ruamel.yaml) under the loader's safety rules.

Every text is first parsed by `trainer.core.loader.parse_yaml`, which enforces the
size cap, UTF-8, no NUL bytes, no tags, anchors, aliases, merge keys or duplicate
keys. Only then does ruamel.yaml read it again in round-trip mode, keeping comments,
key order, quoting and flow lists, so a hand-written file saved by the editor keeps
its layout. Output uses the library's layout: 2-space mappings, lists indented by 4
with the dash at 2, long lines never folded.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from trainer.core.loader import parse_yaml


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # a long sentence stays on one line
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    return yaml


def load_text(text: str, name: str = "<case>") -> CommentedMap:
    """Safe-check, then load `text` for editing (raises loader.CaseError)."""
    parse_yaml(text.encode("utf-8"), name)
    value = _yaml().load(text)
    if not isinstance(value, CommentedMap):
        from trainer.core.loader import CaseError, CaseProblem

        raise CaseError([CaseProblem(name, 1, "a case file must be a YAML mapping (key: value)")])
    return value


def dump_text(data: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


def to_node(value: Any) -> Any:
    """Plain dicts/lists -> ruamel containers (so new parts dump in block style)."""
    if isinstance(value, dict) and not isinstance(value, CommentedMap):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = to_node(item)
        return node
    if isinstance(value, list) and not isinstance(value, CommentedSeq):
        seq = CommentedSeq(to_node(item) for item in value)
        if all(isinstance(item, str | int | float) for item in value):
            seq.fa.set_flow_style()  # short id lists read best as [a, b]
        return seq
    return value


def to_plain(value: Any) -> Any:
    """ruamel containers -> plain dicts/lists/scalars (str subclasses become str)."""
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value
