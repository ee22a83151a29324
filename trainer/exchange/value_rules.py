"""What every value of an incoming learner log must be: ONE declarative table.

A log's declared column types prove nothing (a file can declare a column without a
type, or redeclare a table), so every rule here is checked on the value itself, in
SQL, whatever the file declares. A newcomer who adds a learner-data column or table
adds one line per column to RULES; `tests/exchange/test_merge.py` fails while a
data column has no rule.

Columns and tables the class database does not have are never read: the merge
copies the class database's columns only (see docs/exchange.md, "What is checked").
A data column that has no rule here gets DEFAULT_RULE (a short single-line text or
an integer), so a column added elsewhere without a rule is still bounded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from trainer.core.vocab import INDICATORS, LANGUAGES, OUTCOMES, STEPS

MAX_TEXT_CHARS = 20_000  # longer than any reflection a person types
MAX_LINE_CHARS = 300  # a name, a title, a single-line field
EARLIEST = "2020-01-01"  # no trainer log is older

MODES = ("practice", "assessment", "roleplay")
STATUSES = ("in_progress", "completed", "abandoned")
#: Decision actions; tick/untick/observe come from role-play.
ACTIONS = ("choose", "advance", "report", "reflect", "tick", "untick", "observe")
QUALITIES = ("best", "good", "fair", "poor")

_HEX = "[0-9a-f]"
UUID_GLOB = "-".join(_HEX * n for n in (8, 4, 4, 4, 12))
#: C0 and C1 control characters other than tab and newline (NUL is checked apart:
#: SQLite's text functions stop at it).
CONTROL_CLASS = "\x01-\x08\x0b-\x1f\x7f-\x9f"
CONTROL_GLOB = f"*[{CONTROL_CLASS}]*"
CONTROL_GLOB_SINGLE_LINE = f"*[{CONTROL_CLASS}\t\n]*"


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _in(values: Iterable[str]) -> str:
    return ", ".join(_q(v) for v in values)


@dataclass(frozen=True)
class Rule:
    """One column's rule. `bad(col)` is an SQL condition true for a bad value."""

    kind: str  # uuid, ident, idlist, text, int, vocab, stamp, json
    required: bool = False
    low: int = 0
    high: int = 0
    values: tuple[str, ...] = ()
    multiline: bool = False

    def bad(self, col: str) -> str:
        c = f"[{col}]"
        null = f"{c} is null" if self.required else "0"
        return f"case when {c} is null then {null} else ({self._bad_value(c)}) end"

    def _bad_value(self, c: str) -> str:
        text = f"typeof({c}) != 'text' or instr(cast({c} as blob), x'00') > 0"
        if self.kind == "uuid":
            return f"{text} or {c} not glob '{UUID_GLOB}'"
        if self.kind == "ident":  # trainer.core.model.Identifier
            return (
                f"{text} or length({c}) not between 1 and 64 "
                f"or substr({c}, 1, 1) not glob '[a-z0-9]' or {c} glob '*[^a-z0-9_-]*'"
            )
        if self.kind == "idlist":  # identifiers joined by commas (report recipients)
            return f"{text} or length({c}) > {MAX_LINE_CHARS} or {c} glob '*[^a-z0-9_,-]*'"
        if self.kind == "text":
            limit = MAX_TEXT_CHARS if self.multiline else MAX_LINE_CHARS
            controls = CONTROL_GLOB if self.multiline else CONTROL_GLOB_SINGLE_LINE
            return f"{text} or length({c}) > {limit} or {c} glob {_q(controls)}"
        if self.kind == "int":
            return f"typeof({c}) != 'integer' or {c} not between {self.low} and {self.high}"
        if self.kind == "vocab":
            return f"{text} or {c} not in ({_in(self.values)})"
        if self.kind == "stamp":  # one julianday() per value: it is the costly part
            return (
                f"{text} or length({c}) > 40 or {c} not glob "
                "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]*' "
                f"or coalesce(julianday({c}) not between {_EARLIEST_JD} and {_latest_jd()}, 1)"
            )
        if self.kind == "json":  # a JSON object, as the store writes payloads
            return (
                f"{text} or length({c}) > {MAX_TEXT_CHARS} or case when json_valid({c}) "
                f"then json_type({c}) != 'object' else 1 end"
            )
        raise ValueError(f"unknown rule kind {self.kind!r}")

    def describe(self) -> str:
        if self.kind == "int":
            return f"a whole number from {self.low} to {self.high}"
        if self.kind == "vocab":
            return "one of " + ", ".join(self.values)
        return {
            "uuid": "a lowercase UUID",
            "ident": "an identifier (a-z, 0-9, _ and -)",
            "idlist": "identifiers separated by commas",
            "text": "text without control characters, at most "
            f"{MAX_TEXT_CHARS if self.multiline else MAX_LINE_CHARS:,} characters",
            "stamp": f"an ISO 8601 time between {EARLIEST} and tomorrow",
            "json": "a JSON object",
        }[self.kind]


_EARLIEST_JD = 2458849.5  # julianday('2020-01-01')


def _latest_jd() -> float:
    """julianday() of now plus one day."""
    return (datetime.now(UTC) + timedelta(days=1)).timestamp() / 86400 + 2440587.5


BIG = 2**31 - 1
ID = Rule("uuid", required=True)
PARENT = Rule("uuid", required=True)
STAMP = Rule("stamp", required=True)


def _int(low: int, high: int, required: bool = False) -> Rule:
    return Rule("int", required, low, high)


def _vocab(values: Iterable[str], required: bool = False) -> Rule:
    return Rule("vocab", required, values=tuple(values))


def _text(required: bool = False, multiline: bool = False) -> Rule:
    return Rule("text", required, multiline=multiline)


#: table -> column -> rule. One line per column.
RULES: dict[str, dict[str, Rule]] = {
    "learners": {
        "id": ID,
        "display_name": _text(required=True),
        "student_no": _text(),
        "class_name": _text(),
        "created_at": STAMP,
    },
    "attempts": {
        "id": ID,
        "learner_id": PARENT,
        "case_id": Rule("ident", required=True),
        "case_version": _int(0, BIG),
        "case_digest": _text(),
        "case_title": _text(),
        "mode": _vocab(MODES, required=True),
        "lang": _vocab(LANGUAGES),
        "status": _vocab(STATUSES, required=True),
        "started_at": STAMP,
        "updated_at": Rule("stamp"),
        "finished_at": Rule("stamp"),
        "step": _vocab(STEPS),
        "mood": _int(0, 100),
        "sim_minutes": _int(0, BIG),
        "cost": _int(0, BIG),
        "authority": _int(0, BIG),
        "decisions": _int(0, 100_000),
        "outcome": _vocab(OUTCOMES),
        "escalated": _int(0, 1),
        "total": _int(0, 100),
        "app_version": _text(),
        "order_seed": _int(-(2**63), 2**63 - 1),
        "parent_attempt_id": Rule("uuid"),
        "branch_seq": _int(0, 100_000),
    },
    "decisions": {
        "id": ID,
        "attempt_id": PARENT,
        "seq": _int(1, 100_000, required=True),
        "ts": STAMP,
        "think_ms": _int(0, BIG),
        "step": _vocab(STEPS, required=True),
        "indicator": _vocab(INDICATORS),
        "action": _vocab(ACTIONS, required=True),
        "option_id": Rule("ident"),
        "quality": _vocab(QUALITIES),
        "free_text": _text(multiline=True),
        "payload": Rule("json"),
        "mood_before": _int(0, 100),
        "mood_after": _int(0, 100),
        "sim_minute": _int(0, BIG),
        "cost_total": _int(0, BIG),
        "facts_found": _int(0, 100_000),
    },
    "internal_reports": {
        "id": ID,
        "attempt_id": PARENT,
        "root_cause": Rule("ident"),
        "recipients": Rule("idlist"),
        "preventive": _text(multiline=True),
        "profile_note": _text(multiline=True),
        "created_at": Rule("stamp"),
    },
    "reflections": {
        "id": ID,
        "attempt_id": PARENT,
        "prompt_id": Rule("ident", required=True),
        "text": _text(multiline=True),
        "created_at": Rule("stamp"),
    },
    "self_ratings": {
        "id": ID,
        "attempt_id": PARENT,
        "indicator": _vocab(INDICATORS, required=True),
        "rating": _int(1, 5),
    },
    "scores": {
        "id": ID,
        "attempt_id": PARENT,
        "indicator": _vocab(INDICATORS, required=True),
        "score": _int(0, 100, required=True),
        "reason_zh": _text(multiline=True),
        "reason_en": _text(multiline=True),
    },
}

#: A data column nobody wrote a rule for: short single-line text, or an integer.
DEFAULT_RULE_SQL = (
    "case when {c} is null then 0 else not ("
    f"(typeof({{c}}) = 'text' and length({{c}}) <= {MAX_LINE_CHARS} "
    f"and {{c}} not glob {_q(CONTROL_GLOB_SINGLE_LINE)} "
    "and instr(cast({c} as blob), x'00') = 0) "
    f"or (typeof({{c}}) = 'integer' and {{c}} between -{BIG} and {BIG})) end"
)

#: Natural keys: at most one row per key inside one file (and in the class database).
UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "decisions": ("attempt_id", "seq"),
    "internal_reports": ("attempt_id",),
    "reflections": ("attempt_id", "prompt_id"),
    "self_ratings": ("attempt_id", "indicator"),
    "scores": ("attempt_id", "indicator"),
}


def rule_for(table: str, column: str) -> Rule | None:
    return RULES.get(table, {}).get(column)


def bad_value_sql(table: str, column: str) -> str:
    """SQL condition true when `column` of a row of `table` holds a bad value."""
    rule = rule_for(table, column)
    if rule is None:
        return DEFAULT_RULE_SQL.replace("{c}", f"[{column}]")
    return rule.bad(column)


def describe(table: str, column: str) -> str:
    rule = rule_for(table, column)
    if rule is None:
        return "short text or a whole number"
    required = " (required)" if rule.required else ""
    return rule.describe() + required
