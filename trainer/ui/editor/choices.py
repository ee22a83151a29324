"""Drop-down contents: the unit's vocabularies and the case's own ids."""

from __future__ import annotations

from trainer.core.model import GROUP_KINDS, Quality
from trainer.core.vocab import (
    COMPLAINT_TYPES,
    EXTERNAL_SEGMENTS,
    FACT_KINDS,
    INTERNAL_SEGMENTS,
    NEEDS,
    OUTCOMES,
    SETTINGS,
)
from trainer.editor.document import OPTION_LISTS, CaseDocument


def _label(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("zh-TW", ""))
    return "" if value is None else str(value)


def _vocab(table: dict[str, object]) -> list[tuple[str, str]]:
    return [(k, f"{k}  {_label(v)}") for k, v in table.items()]


def settings(_doc: CaseDocument) -> list[tuple[str, str]]:
    return _vocab(dict(SETTINGS))


def complaint_types(_doc: CaseDocument) -> list[tuple[str, str]]:
    return _vocab(dict(COMPLAINT_TYPES))


def segments(doc: CaseDocument) -> list[tuple[str, str]]:
    internal = bool(doc.get(("customer", "internal")))
    return _vocab(dict(INTERNAL_SEGMENTS if internal else EXTERNAL_SEGMENTS))


def need_choices(_doc: CaseDocument) -> list[tuple[str, str]]:
    return _vocab(dict(NEEDS))


def fact_kinds(_doc: CaseDocument) -> list[tuple[str, str]]:
    return _vocab(dict(FACT_KINDS))


def outcome_choices(_doc: CaseDocument) -> list[tuple[str, str]]:
    return _vocab(dict(OUTCOMES))


def quality_choices(_doc: CaseDocument) -> list[tuple[str, str]]:
    names = {"best": "最佳", "good": "好", "fair": "尚可", "poor": "差"}
    return [(q.value, f"{q.value}  {names[q.value]}") for q in Quality]


def kind_choices(group: str) -> list[tuple[str, str]]:
    """Only the kinds this option list accepts."""
    return [(k.value, k.value) for k in sorted(GROUP_KINDS[group], key=lambda k: k.value)]


def fact_choices(doc: CaseDocument) -> list[tuple[str, str]]:
    facts = doc.get(("facts",)) or []
    return [(str(x.get("id")), _label(x.get("text"))) for x in facts if isinstance(x, dict)]


def option_choices(doc: CaseDocument) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for step, group in OPTION_LISTS:
        for row in doc.get(("steps", step, group)) or []:
            if isinstance(row, dict) and row.get("id"):
                out.append((str(row["id"]), _label(row.get("text"))))
    return out


def recipient_choices(doc: CaseDocument) -> list[tuple[str, str]]:
    rows = doc.get(("steps", "feedback", "recipients")) or []
    return [(str(r.get("id")), _label(r.get("label"))) for r in rows if isinstance(r, dict)]


LANGUAGE_CHOICES = [("zh-TW", "zh-TW 中文"), ("en", "en English")]
INDICATOR_CHOICES = [(i, i) for i in ("3.1", "3.2", "3.3", "3.4")]
OFFER_OUTCOMES = [
    ("accepted", "accepted 接受"),
    ("partial", "partial 部分接受"),
    ("refused", "refused 拒絕"),
]
