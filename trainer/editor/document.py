"""The editor's document: one case as round-trip YAML data, with undo/redo.

The forms read and write values by path (`("customer", "name")`, `("steps",
"resolving", "offers", 2, "reveals")`). Every change first snapshots the data (a deep
copy of the ruamel tree, ~50 ms for a 900-line case); typing into one field coalesces
into one undo step. Comments and key order of a hand-written file survive, because
the tree is ruamel's round-trip tree and only the touched values change.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from trainer.core.loader import CaseError, CaseProblem, LoadedCase, load_case_bytes
from trainer.core.model import Case
from trainer.editor.yamlio import dump_text, load_text, to_node

Key = str | int
DocPath = tuple[Key, ...]

MAX_UNDO = 200
COALESCE_SECONDS = 2.0

#: Option lists: (step, list) -> default kind of a new row.
OPTION_LISTS: dict[tuple[str, str], str] = {
    ("questioning", "questions"): "open_question",
    ("clarifying", "paraphrases"): "paraphrase_accurate",
    ("clarifying", "tones"): "tone_empathetic",
    ("resolving", "actions"): "ask_wants",
    ("resolving", "offers"): "offer",
    ("feedback", "follow_ups"): "follow_up",
    ("feedback", "root_causes"): "root_cause",
}
_ID_PREFIX = {
    "questions": "q",
    "paraphrases": "p",
    "tones": "t",
    "actions": "a",
    "offers": "o",
    "follow_ups": "fu",
    "root_causes": "rc",
}


@dataclass
class _Snapshot:
    data: CommentedMap
    label: str


class CaseDocument:
    """A case being edited. `changed` listeners run after every edit, undo and redo."""

    def __init__(self, text: str, name: str = "<case>") -> None:
        self.name = name
        self.data: CommentedMap = load_text(text, name)
        self._undo: list[_Snapshot] = []
        self._redo: list[_Snapshot] = []
        self._last_key: str | None = None
        self._last_time = 0.0
        self.revision = 0
        self.saved_revision = 0
        self.listeners: list[Callable[[], None]] = []

    # -- reading -------------------------------------------------------------

    def get(self, path: DocPath, default: Any = None) -> Any:
        node: Any = self.data
        for key in path:
            if isinstance(key, int):
                if not isinstance(node, list) or not -len(node) <= key < len(node):
                    return default
                node = node[key]
            else:
                if not isinstance(node, dict) or key not in node:
                    return default
                node = node[key]
        return node

    def text_of(self, path: DocPath, lang: str) -> str:
        """One language of a localised text ('' when absent)."""
        node = self.get(path)
        if isinstance(node, dict):
            value = node.get(lang)
            return "" if value is None else str(value)
        if isinstance(node, str) and lang == "zh-TW":
            return str(node)
        return ""

    @property
    def case_id(self) -> str:
        return str(self.data.get("id", ""))

    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    def fact_ids(self) -> list[str]:
        return [str(f.get("id")) for f in self.get(("facts",), []) or [] if isinstance(f, dict)]

    def option_ids(self) -> list[str]:
        ids: list[str] = []
        for step, group in OPTION_LISTS:
            for row in self.get(("steps", step, group), []) or []:
                if isinstance(row, dict) and row.get("id"):
                    ids.append(str(row["id"]))
        return ids

    def text(self) -> str:
        # Dump a copy: ruamel.yaml's emitter leaves marks in the comment tokens of the
        # tree it writes, after which deep copies (undo snapshots) lose blank lines.
        return dump_text(copy.deepcopy(self.data))

    def validate(self) -> LoadedCase:
        """Load the current text like the app does (raises CaseError)."""
        return load_case_bytes(self.text().encode("utf-8"), self.name)

    def problems(self) -> list[CaseProblem]:
        try:
            self.validate()
        except CaseError as exc:
            return exc.problems
        return []

    # -- changing ------------------------------------------------------------

    def _checkpoint(self, label: str, coalesce: str | None) -> None:
        now = time.monotonic()
        recent = now - self._last_time < COALESCE_SECONDS
        if coalesce is not None and coalesce == self._last_key and recent:
            self._last_time = now
            return
        self._undo.append(_Snapshot(copy.deepcopy(self.data), label))
        del self._undo[:-MAX_UNDO]
        self._redo.clear()
        self._last_key = coalesce
        self._last_time = now

    def _changed(self) -> None:
        self.revision += 1
        for listener in list(self.listeners):
            listener()

    def _container(self, path: DocPath) -> Any:
        """The parent container of `path`, creating missing mappings on the way."""
        node: Any = self.data
        for depth, key in enumerate(path[:-1]):
            if isinstance(key, int):
                node = node[key]
                continue
            if key not in node or not isinstance(node[key], dict | list):
                _put(node, path[: depth + 1], CommentedMap())
            node = node[key]
        return node

    def set(self, path: DocPath, value: Any, *, coalesce: str | None = None) -> None:
        """Set a value; None (or an empty list) removes an optional key."""
        if self.get(path) == value and value is not None:
            return
        self._checkpoint(f"set {path}", coalesce)
        parent = self._container(path)
        key = path[-1]
        if value is None or (isinstance(value, list) and not value and isinstance(key, str)):
            if isinstance(key, str) and key in parent:
                del parent[key]
                self._prune(path[:-1])
        else:
            _put(parent, path, to_node(value))
        self._changed()

    def _prune(self, path: DocPath) -> None:
        """Drop an optional block left empty (`when: {}` would always hold)."""
        if path and path[-1] in _EMPTY_DROPS and self.get(path) == {}:
            parent = self.get(path[:-1])
            if isinstance(parent, dict):
                del parent[path[-1]]

    def set_text(self, path: DocPath, lang: str, value: str, *, coalesce: bool = True) -> None:
        """Set one language of a localised text, keeping the plain-string form when
        only zh-TW is there; an empty optional text is removed."""
        node = self.get(path)
        zh = self.text_of(path, "zh-TW")
        en = self.text_of(path, "en")
        if lang == "zh-TW":
            zh = value
        else:
            en = value
        if (zh, en) == (self.text_of(path, "zh-TW"), self.text_of(path, "en")):
            return
        key = "/".join(map(str, path)) + "/" + lang if coalesce else None
        self._checkpoint(f"text {path}", key)
        parent = self._container(path)
        last = path[-1]
        if not zh and not en:
            if isinstance(last, str) and last in parent:
                del parent[last]
        elif isinstance(node, dict):
            node["zh-TW"] = zh
            if en:
                node["en"] = en
            elif "en" in node:
                del node["en"]
        elif en:
            _put(parent, path, to_node({"zh-TW": zh, "en": en}))
        else:
            _put(parent, path, zh)
        self._changed()

    def append(self, path: DocPath, value: Any) -> int:
        self._checkpoint(f"add {path}", None)
        seq = self.get(path)
        if not isinstance(seq, list):
            seq = CommentedSeq()
            self._container(path)[path[-1]] = seq
        seq.append(to_node(value))
        self._changed()
        return len(seq) - 1

    def remove(self, path: DocPath, index: int) -> None:
        seq = self.get(path)
        if not isinstance(seq, list) or not 0 <= index < len(seq):
            return
        self._checkpoint(f"remove {path}", None)
        del seq[index]
        self._changed()

    def move(self, path: DocPath, index: int, delta: int) -> int:
        seq = self.get(path)
        target = index + delta
        if not isinstance(seq, list) or not (0 <= index < len(seq) and 0 <= target < len(seq)):
            return index
        self._checkpoint(f"move {path}", None)
        item = seq.pop(index)
        seq.insert(target, item)
        self._changed()
        return target

    def new_id(self, prefix: str) -> str:
        used = set(self.option_ids()) | set(self.fact_ids())
        n = 1
        while f"{prefix}_{n}" in used:
            n += 1
        return f"{prefix}_{n}"

    def add_option(self, step: str, group: str) -> int:
        """A new row in an option list, with a fresh id and the list's default kind."""
        kind = OPTION_LISTS[(step, group)]
        row: dict[str, Any] = {
            "id": self.new_id(_ID_PREFIX[group]),
            "kind": kind,
            "text": {"zh-TW": "（請填寫）", "en": "(to write)"},
            "feedback": {"zh-TW": "（請填寫）", "en": "(to write)"},
        }
        if kind in ("offer", "follow_up", "root_cause", "ask_wants"):
            row["quality"] = "fair"
        if kind == "offer":
            row["outcome"] = "accepted"
        return self.append(("steps", step, group), row)

    def add_fact(self) -> int:
        row = {
            "id": self.new_id("fact"),
            "kind": "detail",
            "text": {"zh-TW": "（請填寫）", "en": "(to write)"},
            "keywords": {"zh-TW": ["（詞語）"], "en": ["(to write)"]},
        }
        return self.append(("facts",), row)

    def rename_id(self, old: str, new: str) -> None:
        """Give an option or fact a new id and update every reference to it."""
        if not new or old == new:
            return
        self._checkpoint(f"rename {old}", None)

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                for key, value in list(node.items()):
                    if key == "id" and value == old:
                        node[key] = new
                    elif isinstance(value, list) and key in _REF_KEYS:
                        for i, item in enumerate(value):
                            if item == old:
                                value[i] = new
                    else:
                        walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(self.data.get("facts"))
        walk(self.data.get("steps"))
        path = self.data.get("expert_path")
        if isinstance(path, list):
            for i, item in enumerate(path):
                if item == old:
                    path[i] = new
        self._changed()

    def replace_all(self, text: str) -> None:
        """Replace the whole document (e.g. from a draft), as one undo step."""
        data = load_text(text, self.name)
        self._checkpoint("replace", None)
        self.data = data
        self._changed()

    # -- undo / redo ---------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(_Snapshot(self.data, "redo"))
        self.data = self._undo.pop().data
        self._last_key = None
        self._changed()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(_Snapshot(self.data, "undo"))
        self.data = self._redo.pop().data
        self._last_key = None
        self._changed()
        return True

    def mark_saved(self) -> None:
        self.saved_revision = self.revision


def _model_at(path: DocPath) -> type[BaseModel] | None:
    """The pydantic model of the mapping at `path` (None when unknown)."""
    model: Any = Case
    for key in path:
        if isinstance(key, int):
            continue  # a list item has the list's item model, already found
        field = model.model_fields.get(key) if model is not None else None
        if field is None:
            return None
        model = _model_of(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _model_of(annotation: Any) -> Any:
    for arg in (annotation, *get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        for inner in get_args(arg):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def _put(parent: Any, path: DocPath, value: Any) -> None:
    """Set parent[key]; a new key goes where the format's field order puts it, so a
    saved file reads in the usual order (id, kind, text, reply, feedback, ...)."""
    key = path[-1]
    if isinstance(key, int) or key in parent or not isinstance(parent, CommentedMap):
        parent[key] = value
        return
    model = _model_at(path[:-1])
    if model is None:
        parent[key] = value
        return
    order = [f.alias or name for name, f in model.model_fields.items()]
    if key not in order:
        parent[key] = value
        return
    rank = order.index(key)
    position = sum(1 for k in parent if k in order and order.index(k) < rank)
    parent.insert(position, key, value)


#: Optional blocks removed when their last key is removed.
_EMPTY_DROPS = frozenset({"when", "keywords"})

#: Keys whose lists hold ids of options or facts.
_REF_KEYS = frozenset(
    {"reveals", "requires", "requires_facts", "chosen", "not_chosen", "facts", "missing_facts"}
)
