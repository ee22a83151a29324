"""xAPI 1.0.3 export: a JSON array of statements, one attempt at a time.

Mapping (docs/exchange.md):
- initialized: the attempt started (object: the case).
- answered: each choice or internal report (object: the case's step; response: the
  option id; success: the option was rated best or good; duration: thinking time).
- responded: each reflection answer (object: the reflection prompt).
- completed, then passed or failed (PASS_MARK): a finished attempt, with the total
  as result.score and each indicator's score in result.extensions.
context.registration is the attempt id; the case is the parent activity and the
iCAP unit the grouping activity. The actor is an `account` whose name is the
learner's stable pseudonym: never a real name or e-mail. Statement ids are UUIDv5
of (attempt, kind, n), so exporting twice gives the same ids (an LRS de-duplicates).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from trainer.core.vocab import INDICATOR_LABELS, INDICATORS, UNIT_ID, UNIT_TITLE
from trainer.exchange.atomic import atomic_file
from trainer.exchange.filters import Filters
from trainer.exchange.pseudonyms import pseudonym_map
from trainer.exchange.source import Source, opened
from trainer.store.db import APP_VERSION

BASE = "https://complaint-trainer.invalid"  # our activity IRIs; not meant to resolve
HOME_PAGE = f"{BASE}/learners"
VERB = "http://adlnet.gov/expapi/verbs/"
EXT = f"{BASE}/xapi/extensions/"
ID_NAMESPACE = uuid.UUID("6f1c3a52-2d0e-4f5e-9a43-3c1c1d6a7e10")
PASS_MARK = 60
GOOD = ("best", "good")
LANG_TAGS = {"zh-TW": "zh-TW", "en": "en-US"}


def iso_duration(ms: float | None) -> str:
    """Milliseconds as an ISO 8601 duration, e.g. 12500 -> 'PT12.5S'."""
    total = max(0.0, float(ms or 0)) / 1000
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{int(hours)}H"
    if minutes:
        text += f"{int(minutes)}M"
    secs = f"{round(seconds, 2):.2f}".rstrip("0").rstrip(".")
    if secs != "0" or text == "PT":
        text += f"{secs}S"
    return text


def _ms_between(start: str | None, end: str | None) -> float:
    if not start or not end:
        return 0.0
    try:
        delta = datetime.fromisoformat(end) - datetime.fromisoformat(start)
    except ValueError:
        return 0.0
    return max(0.0, delta.total_seconds() * 1000)


def _verb(name: str) -> dict[str, Any]:
    return {"id": VERB + name, "display": {"en-US": name}}


def _activity(iri: str, names: dict[str, str], kind: str) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": iri,
        "definition": {
            "name": {LANG_TAGS.get(k, k): v for k, v in names.items() if v},
            "type": f"http://adlnet.gov/expapi/activities/{kind}",
        },
    }


UNIT = _activity(f"{BASE}/icap/{UNIT_ID}", dict(UNIT_TITLE), "course")


class StatementBuilder:
    def __init__(self, attempt: dict[str, Any], pseudonym: str) -> None:
        self.attempt = attempt
        self.case_iri = f"{BASE}/cases/{attempt['case_id']}"
        title = attempt["case_title"] or attempt["case_id"]
        self.case = _activity(self.case_iri, {attempt["lang"] or "zh-TW": title}, "simulation")
        self.actor = {
            "objectType": "Agent",
            "account": {"homePage": HOME_PAGE, "name": pseudonym},
        }

    def make(
        self,
        kind: str,
        n: int,
        verb: str,
        obj: dict[str, Any],
        stamp: str | None,
        result: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        a = self.attempt
        activities: dict[str, Any] = {"grouping": [UNIT]}
        if obj["id"] != self.case_iri:
            activities["parent"] = [self.case]
        statement: dict[str, Any] = {
            "id": str(uuid.uuid5(ID_NAMESPACE, f"{a['id']}/{kind}/{n}")),
            "actor": self.actor,
            "verb": _verb(verb),
            "object": obj,
            "context": {
                "registration": a["id"],
                "contextActivities": activities,
                "platform": "Complaint-handling trainer",
                "language": LANG_TAGS.get(a["lang"] or "zh-TW", "zh-TW"),
                "extensions": {
                    EXT + "mode": a["mode"],
                    EXT + "case-version": a["case_version"],
                    EXT + "app-version": a["app_version"] or APP_VERSION,
                },
            },
            "version": "1.0.3",
        }
        if stamp:
            statement["timestamp"] = stamp
        if result is not None:
            statement["result"] = result
        return statement


def attempt_statements(
    conn: sqlite3.Connection, attempt: dict[str, Any], pseudonym: str
) -> Iterator[dict[str, Any]]:
    b = StatementBuilder(attempt, pseudonym)
    aid = attempt["id"]
    yield b.make("initialized", 0, "initialized", b.case, attempt["started_at"])
    decisions = conn.execute(
        "select seq, ts, step, indicator, action, option_id, quality, think_ms from decisions "
        "where attempt_id = ? and action in ('choose', 'report') order by seq",
        [aid],
    )
    for seq, ts, step, indicator, action, option_id, quality, think_ms in decisions:
        label = INDICATOR_LABELS.get(indicator or "", {})
        obj = _activity(f"{b.case_iri}/steps/{step}", dict(label) or {"en": step}, "interaction")
        result: dict[str, Any] = {
            "response": option_id or action,
            "duration": iso_duration(think_ms),
            "extensions": {EXT + "indicator": indicator, EXT + "quality": quality},
        }
        if quality:
            result["success"] = quality in GOOD
        yield b.make("answered", seq, "answered", obj, ts, result)
    reflections = conn.execute(
        "select prompt_id, text, created_at from reflections where attempt_id = ? "
        "order by prompt_id",
        [aid],
    )
    for n, (prompt_id, text, created_at) in enumerate(reflections, 1):
        obj = _activity(f"{b.case_iri}/reflection/{prompt_id}", {"en": prompt_id}, "question")
        yield b.make("responded", n, "responded", obj, created_at, {"response": text or ""})
    if attempt["status"] != "completed" or attempt["total"] is None:
        return
    scores = dict(
        conn.execute("select indicator, score from scores where attempt_id = ?", [aid]).fetchall()
    )
    total = int(attempt["total"])
    result = {
        "score": {"scaled": round(total / 100, 4), "raw": total, "min": 0, "max": 100},
        "duration": iso_duration(_ms_between(attempt["started_at"], attempt["finished_at"])),
        "extensions": {EXT + f"indicator/{i}": scores[i] for i in INDICATORS if i in scores}
        | {EXT + "outcome": attempt["outcome"], EXT + "escalated": bool(attempt["escalated"])},
    }
    done = attempt["finished_at"]
    yield b.make("completed", 0, "completed", b.case, done, {**result, "completion": True})
    verdict = "passed" if total >= PASS_MARK else "failed"
    yield b.make(verdict, 0, verdict, b.case, done, {**result, "success": total >= PASS_MARK})


def iter_statements(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    pseudonyms = pseudonym_map(conn)
    where, params = filters.where()
    cursor = conn.execute(
        f"select a.* from attempts a join learners l on l.id = a.learner_id where {where} "
        "order by a.started_at, a.id",
        params,
    )
    columns = [d[0] for d in cursor.description]
    for row in cursor:
        attempt = dict(zip(columns, row, strict=True))
        yield from attempt_statements(conn, attempt, pseudonyms[attempt["learner_id"]])


def export_xapi(source: Source, out: Path, filters: Filters | None = None) -> int:
    """Write the statements as one JSON array, streamed; returns how many."""
    filters = filters or Filters()
    n = 0
    with opened(source) as db:
        filters.check(db.conn)
        with atomic_file(Path(out)) as tmp, tmp.open("w", encoding="utf-8") as fh:
            fh.write("[")
            for statement in iter_statements(db.conn, filters):
                fh.write(",\n" if n else "\n")
                fh.write(json.dumps(statement, ensure_ascii=False))
                n += 1
            fh.write("\n]\n")
    return n
