"""Plain-language wording for the loader's errors (YAML syntax and schema).

An author who has never seen YAML gets: the likely cause of a syntax error (an
unquoted ": ", a tab, an unclosed quote), which values a field expects, only the
kinds the list at hand accepts, and no validation library follow-on noise.
"""

from __future__ import annotations

import difflib
import types
import typing
from enum import Enum
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from trainer.core.model import GROUP_KINDS, Case, LText
from trainer.core.vocab import COMPLAINT_TYPES, FACT_KINDS, NEEDS, SETTINGS

#: Field name -> the values it takes (ids from the unit's vocabulary).
_NAMED_VALUES: dict[str, list[str]] = {
    "setting": sorted(SETTINGS),
    "complaint_type": sorted(COMPLAINT_TYPES),
    "needs": sorted(NEEDS),
    "meets_needs": sorted(NEEDS),
}

_GROUP_OF_PATH = {
    ("questioning", "questions"): "questions",
    ("clarifying", "paraphrases"): "paraphrases",
    ("clarifying", "tones"): "tones",
    ("resolving", "actions"): "actions",
    ("resolving", "offers"): "offers",
    ("feedback", "follow_ups"): "follow_ups",
    ("feedback", "root_causes"): "root_causes",
}


def yaml_hint(problem: str, context: str | None, line_text: str) -> str:
    """The likely cause of a YAML syntax error, or '' when none is known."""
    if "\t" in line_text:
        return "likely cause: a tab character; YAML indents with spaces only"
    if "mapping values are not allowed" in problem:
        return (
            'likely cause: a text containing ": " (colon and space) that is not quoted; '
            'put the whole text in double quotes: "..."'
        )
    if context and "quoted scalar" in context:
        return (
            "likely cause: an unclosed quote; a text that starts with \" or ' must end "
            "with the same quote on its last line"
        )
    if "cannot start any token" in problem:
        return "likely cause: a text starting with a special character (` @ % |); quote it"
    return ""


def _field_at(loc: tuple[str | int, ...]) -> tuple[Any, str] | None:
    """The annotation of the model field at `loc`, and the field's name."""
    found = _field_info_at(loc)
    return (found[0], found[1]) if found else None


def _bounds(loc: tuple[str | int, ...]) -> str:
    found = _field_info_at(loc)
    if not found:
        return ""
    low = high = None
    for item in found[2]:
        low = getattr(item, "ge", None) if getattr(item, "ge", None) is not None else low
        high = getattr(item, "le", None) if getattr(item, "le", None) is not None else high
    if low is not None and high is not None:
        return f" from {low} to {high}"
    return f" of at least {low}" if low is not None else ""


def _field_info_at(loc: tuple[str | int, ...]) -> tuple[Any, str, list[Any]] | None:
    model: Any = Case
    annotation: Any = None
    name = ""
    metadata: list[Any] = []
    for part in loc:
        if isinstance(part, int):
            annotation = _item_type(annotation)
            model = annotation if _is_model(annotation) else None
            continue
        if model is None or not _is_model(model):
            return None
        field = model.model_fields.get(part)
        if field is None:
            return None
        annotation, name, metadata = field.annotation, part, list(field.metadata)
        inner = _unwrap_optional(annotation)
        model = inner if _is_model(inner) else None
    return (annotation, name, metadata) if name else None


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _unwrap_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _item_type(annotation: Any) -> Any:
    annotation = _unwrap_optional(annotation)
    args = get_args(annotation)
    if get_origin(annotation) in (tuple, list) and args:
        return args[0]
    if get_origin(annotation) is dict and len(args) == 2:
        return args[1]
    return None


def expected_values(loc: tuple[str | int, ...]) -> str:
    """'expected: ...' for the field at `loc` ('' when nothing useful can be said)."""
    kind_list = _kind_list(loc)
    if kind_list:
        return f"expected one of: {kind_list}"
    found = _field_at(loc)
    if found is None:
        return ""
    annotation, name = found
    if name in _NAMED_VALUES:
        return "expected one of: " + ", ".join(_NAMED_VALUES[name])
    if name == "kind" and "facts" in loc:
        return "expected one of: " + ", ".join(sorted(FACT_KINDS))
    text = _describe(_unwrap_optional(annotation))
    if text in ("expected a whole number", "expected a number"):
        text += _bounds(loc)
    return text


def _describe(annotation: Any) -> str:
    if annotation is LText:
        return "expected a text: one line of zh-TW, or zh-TW: ... and en: ... on their own lines"
    if annotation is bool:
        return "expected true or false"
    if annotation is int:
        return "expected a whole number"
    if annotation is float:
        return "expected a number"
    origin = get_origin(annotation)
    if origin is Literal:
        return "expected one of: " + ", ".join(str(a) for a in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "expected one of: " + ", ".join(str(m.value) for m in annotation)
    if origin in (tuple, list):
        return "expected a list ([a, b] or one '- item' per line)"
    if _is_model(annotation):
        keys = ", ".join(
            n if f.is_required() else f"{n}?" for n, f in annotation.model_fields.items()
        )
        return f"expected a block with: {keys} (? = optional)"
    if typing.get_origin(annotation) is typing.Annotated:
        return _describe(get_args(annotation)[0])
    return ""


def _kind_list(loc: tuple[str | int, ...]) -> str:
    """For an option's `kind` inside a step list: the kinds that list accepts."""
    if len(loc) == 5 and loc[0] == "steps" and loc[4] == "kind":
        group = _GROUP_OF_PATH.get((str(loc[1]), str(loc[2])))
        if group:
            return ", ".join(sorted(k.value for k in GROUP_KINDS[group]))
    return ""


def schema_message(error_type: str, loc: tuple[str | int, ...], message: str) -> str:
    """Reword one pydantic error for a case author."""
    if error_type == "enum" and _kind_list(loc):
        return f"unknown kind; {loc[2]} take {_kind_list(loc)}"
    if error_type == "missing":
        hint = expected_values(loc)
        return f"missing (required){'; ' + hint if hint else ''}"
    if error_type == "extra_forbidden" and loc and isinstance(loc[-1], str):
        parent = _field_at(loc[:-1])
        model = _unwrap_optional(parent[0]) if parent else Case
        if loc[:-1] and parent and not _is_model(model):
            model = _item_type(parent[0])
        if _is_model(model):
            close = difflib.get_close_matches(loc[-1], list(model.model_fields), n=1)
            if close:
                return f"unknown field '{loc[-1]}'; did you mean '{close[0]}'?"
            return f"unknown field '{loc[-1]}'; allowed here: {', '.join(model.model_fields)}"
    if error_type in (
        "int_parsing",
        "int_type",
        "bool_parsing",
        "bool_type",
        "string_type",
        "literal_error",
        "float_parsing",
        "tuple_type",
        "model_type",
        "dict_type",
    ):
        hint = expected_values(loc)
        if hint and hint not in message:
            return f"{message}; {hint}"
    return message


def is_follow_on(
    error_type: str, loc: tuple[str | int, ...], others: list[tuple[Any, ...]]
) -> bool:
    """A length error caused by an item error inside the same list (noise)."""
    if error_type != "too_short":
        return False
    return any(len(other) > len(loc) and tuple(other[: len(loc)]) == loc for other in others)
