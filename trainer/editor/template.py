"""Starters for a new case: the worked template, or a duplicate of any case.

The template is the library's fully commented example case (it validates and lints
clean), given a new id, version 1 and a header that tells the author what to change.
A new case therefore starts playable, and every check stays green while the author
replaces the story part by part.
"""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from trainer.editor.yamlio import dump_text, load_text
from trainer.paths import builtin_cases_dir

TEMPLATE_CASE_ID = "beitou-hot-spring-cold-water"
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")

TEMPLATE_HEADER = (
    "New case, started from the worked example (北投溫泉). Replace the story part by part:\n"
    "summary and customer, business, facts, then each step's options; keep the checks\n"
    "green (python -m trainer cases lint FILE). Format: docs/case-format.md"
)


def template_path() -> Path:
    return builtin_cases_dir() / f"{TEMPLATE_CASE_ID}.yaml"


def valid_id(case_id: str) -> bool:
    return bool(_ID.match(case_id))


def _retitle(data: CommentedMap, suffix_zh: str, suffix_en: str) -> None:
    title = data.get("title")
    if isinstance(title, dict):
        title["zh-TW"] = f"{title.get('zh-TW', '')}{suffix_zh}"
        if title.get("en"):
            title["en"] = f"{title['en']}{suffix_en}"
    elif isinstance(title, str):
        data["title"] = f"{title}{suffix_zh}"


def starter(source_text: str, new_id: str, *, header: str, suffix: tuple[str, str]) -> str:
    """YAML text of a new case made from `source_text` (round trip keeps comments)."""
    if not valid_id(new_id):
        raise ValueError(
            f"'{new_id}' is not a valid case id: lowercase letters, digits, - and _ "
            "(at most 64, starting with a letter or digit)"
        )
    data = load_text(source_text)
    data["id"] = new_id
    data["version"] = 1
    data.pop("follows", None)  # a copy does not continue the original's story
    _retitle(data, *suffix)
    data.ca.comment = None
    data.yaml_set_start_comment(header)
    return dump_text(data)


def from_template(new_id: str) -> str:
    text = template_path().read_text(encoding="utf-8")
    return starter(text, new_id, header=TEMPLATE_HEADER, suffix=("（新案例）", " (new case)"))


def duplicate(source_text: str, source_id: str, new_id: str) -> str:
    header = f"Copy of case {source_id}; change the story, then lint it."
    return starter(source_text, new_id, header=header, suffix=("（副本）", " (copy)"))
