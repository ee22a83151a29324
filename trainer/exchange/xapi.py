"""xAPI 1.0.3 statements, one attempt at a time (export file and LRS push).

Mapping (docs/exchange.md, "xAPI"):
- initialized: the attempt started (object: the case).
- answered: each choice. The object is the option list it was made in (one activity
  per list: `<case>/steps/<step>/<group>`), a `cmi.interaction` of
  `interactionType: choice` whose `choices` hold every option's id and its text in
  zh-TW and en, and `correctResponsesPattern` the options rated best. response: the
  option id; success: rated best or good; duration: thinking time.
- answered (report): the internal report (3.4), with the root cause as response and
  the root cause, recipients and preventive text in result.extensions.
- responded: each reflection answer; the activity's name is the prompt's text.
- completed, then passed or failed (PASS_MARK): a finished attempt, with the total
  as result.score and each indicator's score in result.extensions.
- scored: each instructor adjustment, with the instructor's account as actor, the
  adjusted score (and for a total, success against PASS_MARK), and the learner in
  context.extensions.
context.registration is the attempt; the case is the parent activity and the iCAP
unit the grouping activity. The learner is an `account` named by their stable
pseudonym; attempt ids are re-keyed (trainer.exchange.pseudonyms.Rekeyer) and
timestamps rounded to the minute, so nothing joins back to a named export.
Statement ids are UUIDv5 of (re-keyed attempt, kind, sequence): exporting or pushing
twice gives the same ids. The base IRI and the account homePage are configurable
(XapiConfig, kept in instructor_settings).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from trainer.core.vocab import INDICATOR_LABELS, INDICATORS, UNIT_ID, UNIT_TITLE
from trainer.exchange.atomic import ExportError, atomic_file
from trainer.exchange.filters import Filters
from trainer.exchange.pseudonyms import Rekeyer, pseudonym_map, round_minute
from trainer.exchange.source import Source, opened
from trainer.store.db import APP_VERSION, now_iso
from trainer.store.roster import person_sql, settle_identities

BASE = "https://complaint-trainer.invalid"  # default activity IRIs; not meant to resolve
HOME_PAGE = f"{BASE}/learners"
VERB = "http://adlnet.gov/expapi/verbs/"
ID_NAMESPACE = uuid.UUID("6f1c3a52-2d0e-4f5e-9a43-3c1c1d6a7e10")
PASS_MARK = 60
GOOD = ("best", "good")
LANG_TAGS = {"zh-TW": "zh-TW", "en": "en-US"}
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
SETTING_KEYS = {"base_iri": "xapi_base_iri", "home_page": "xapi_home_page"}
GROUP_NAMES = {
    "questions": {"zh-TW": "提問", "en": "Questions"},
    "paraphrases": {"zh-TW": "複述", "en": "Paraphrases"},
    "tones": {"zh-TW": "語氣", "en": "Tones"},
    "actions": {"zh-TW": "行動", "en": "Actions"},
    "offers": {"zh-TW": "方案", "en": "Offers"},
    "follow_ups": {"zh-TW": "追蹤", "en": "Follow-ups"},
    "root_causes": {"zh-TW": "根本原因", "en": "Root causes"},
}


@dataclass(frozen=True)
class XapiConfig:
    """Where our IRIs live and whose accounts the actors are."""

    base_iri: str = BASE
    home_page: str = HOME_PAGE
    instructor: str = "instructor"  # the account name of adjustments' actor

    @property
    def ext(self) -> str:
        return f"{self.base_iri}/xapi/extensions/"

    def checked(self) -> XapiConfig:
        for value in (self.base_iri, self.home_page):
            if not value.startswith(("http://", "https://")) or any(c.isspace() for c in value):
                raise ExportError(f"'{value}' is not an http(s) IRI")
        return XapiConfig(
            self.base_iri.rstrip("/"), self.home_page, self.instructor.strip() or "instructor"
        )


def load_config(conn: sqlite3.Connection, **overrides: str | None) -> XapiConfig:
    """The saved configuration (instructor_settings), with non-empty overrides on top."""
    saved = dict(
        conn.execute(
            "select key, value from instructor_settings where key in (?, ?)",
            list(SETTING_KEYS.values()),
        ).fetchall()
    )
    base = overrides.get("base_iri") or saved.get(SETTING_KEYS["base_iri"]) or BASE
    home = overrides.get("home_page") or saved.get(SETTING_KEYS["home_page"])
    home = home or (HOME_PAGE if base == BASE else f"{base.rstrip('/')}/learners")
    return XapiConfig(base, home, overrides.get("instructor") or "instructor").checked()


def save_config(conn: sqlite3.Connection, config: XapiConfig) -> None:
    config = config.checked()
    stamp = now_iso()
    for field, key in SETTING_KEYS.items():
        conn.execute(
            "insert into instructor_settings (key, value, updated_at) values (?, ?, ?) "
            "on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at",
            [key, getattr(config, field), stamp],
        )


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


def _lang_map(names: Mapping[str, str]) -> dict[str, str]:
    return {LANG_TAGS.get(k, k): v for k, v in names.items() if v}


def _ltext(text: Any) -> dict[str, str]:
    """A case's LText as {zh-TW, en} (English only where the case has it)."""
    out = {"zh-TW": text.get("zh-TW")}
    if text.has("en"):
        out["en"] = text.get("en")
    return out


def _activity(iri: str, names: Mapping[str, str], kind: str) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": iri,
        "definition": {
            "name": _lang_map(names),
            "type": f"http://adlnet.gov/expapi/activities/{kind}",
        },
    }


class CaseTexts:
    """Option lists and prompt texts of the installed cases (None: ids only)."""

    def __init__(self, library: Any | None) -> None:
        self.cases = dict(getattr(library, "cases", {}) or {})
        self._groups: dict[str, dict[str, tuple[str, list[Any]]]] = {}

    def case(self, case_id: str) -> Any | None:
        loaded = self.cases.get(case_id)
        return None if loaded is None else loaded.case

    def group_of(self, case_id: str, option_id: str) -> tuple[str, list[Any]] | None:
        if case_id not in self._groups:
            case = self.case(case_id)
            index: dict[str, tuple[str, list[Any]]] = {}
            if case is not None:
                for group, options in case.option_groups().items():
                    for option in options:
                        index[option.id] = (group, list(options))
            self._groups[case_id] = index
        return self._groups[case_id].get(option_id)

    def prompt(self, case_id: str, prompt_id: str) -> dict[str, str] | None:
        case = self.case(case_id)
        if case is None:
            return None
        for prompt in case.steps.reflecting.prompts:
            if prompt.id == prompt_id:
                return _ltext(prompt.text)
        return None

    def recipients(self, case_id: str) -> dict[str, dict[str, str]]:
        case = self.case(case_id)
        if case is None:
            return {}
        return {r.id: _ltext(r.label) for r in case.steps.feedback.recipients}

    def option_text(self, case_id: str, option_id: str) -> dict[str, str] | None:
        case = self.case(case_id)
        if case is None:
            return None
        try:
            return _ltext(case.option(option_id).text)
        except KeyError:
            return None


class StatementBuilder:
    def __init__(
        self, attempt: dict[str, Any], pseudonym: str, config: XapiConfig, rekey: Rekeyer
    ) -> None:
        self.attempt = attempt
        self.config = config
        self.ext = config.ext
        self.registration = str(rekey(attempt["id"]))
        self.case_iri = f"{config.base_iri}/cases/{attempt['case_id']}"
        title = attempt["case_title"] or attempt["case_id"]
        self.case = _activity(self.case_iri, {attempt["lang"] or "zh-TW": title}, "simulation")
        self.unit = _activity(f"{config.base_iri}/icap/{UNIT_ID}", dict(UNIT_TITLE), "course")
        self.learner = {
            "objectType": "Agent",
            "account": {"homePage": config.home_page, "name": pseudonym},
        }
        self.instructor = {
            "objectType": "Agent",
            "account": {"homePage": config.home_page, "name": config.instructor},
        }
        #: An observed role-play's observer, the context's instructor (issue 18).
        self.observer: dict[str, Any] | None = None

    def statement_id(self, kind: str, n: int | str) -> str:
        return str(uuid.uuid5(ID_NAMESPACE, f"{self.registration}/{kind}/{n}"))

    def make(
        self,
        kind: str,
        n: int | str,
        verb: str,
        obj: dict[str, Any],
        stamp: str | None,
        result: dict[str, Any] | None = None,
        actor: dict[str, Any] | None = None,
        extensions: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        a = self.attempt
        activities: dict[str, Any] = {"grouping": [self.unit]}
        if obj.get("id") != self.case_iri:
            activities["parent"] = [self.case]
        statement: dict[str, Any] = {
            "id": self.statement_id(kind, n),
            "actor": actor or self.learner,
            "verb": _verb(verb),
            "object": obj,
            "context": {
                "registration": self.registration,
                "contextActivities": activities,
                "platform": "Complaint-handling trainer",
                "language": LANG_TAGS.get(a["lang"] or "zh-TW", "zh-TW"),
                "extensions": {
                    self.ext + "mode": a["mode"],
                    self.ext + "case-version": a["case_version"],
                    self.ext + "app-version": a["app_version"] or APP_VERSION,
                    **(extensions or {}),
                },
            },
            "version": "1.0.3",
        }
        stamp = round_minute(stamp)
        if stamp:
            statement["timestamp"] = stamp
        if result is not None:
            statement["result"] = result
        if self.observer is not None:
            statement["context"]["instructor"] = self.observer
        return statement


def _choice_activity(
    b: StatementBuilder, step: str, indicator: str | None, group: str, options: list[Any]
) -> dict[str, Any]:
    label = INDICATOR_LABELS.get(indicator or "", {})
    names = {
        lang: f"{label.get(lang, step)} · {GROUP_NAMES.get(group, {}).get(lang, group)}"
        for lang in ("zh-TW", "en")
    }
    return {
        "objectType": "Activity",
        "id": f"{b.case_iri}/steps/{step}/{group}",
        "definition": {
            "name": _lang_map(names),
            "type": INTERACTION,
            "interactionType": "choice",
            "correctResponsesPattern": [o.id for o in options if o.rated_quality.value == "best"],
            "choices": [{"id": o.id, "description": _lang_map(_ltext(o.text))} for o in options],
        },
    }


def _report_statement(
    conn: sqlite3.Connection,
    b: StatementBuilder,
    texts: CaseTexts,
    seq: int,
    ts: str | None,
    option_id: str | None,
    quality: str | None,
    think_ms: int | None,
) -> dict[str, Any]:
    a = b.attempt
    row = conn.execute(
        "select root_cause, recipients, preventive from internal_reports where attempt_id = ?",
        [a["id"]],
    ).fetchone()
    root, recipients, preventive = row if row else (option_id, "", "")
    names = texts.recipients(a["case_id"])
    recipient_ids = [r for r in (recipients or "").split(",") if r]
    label = INDICATOR_LABELS["3.4"]
    obj = {
        "objectType": "Activity",
        "id": f"{b.case_iri}/steps/feedback/report",
        "definition": {
            "name": _lang_map(
                {
                    k: f"{v} · 內部報告" if k == "zh-TW" else f"{v} · internal report"
                    for k, v in label.items()
                }
            ),
            "type": INTERACTION,
            "interactionType": "other",
        },
    }
    result: dict[str, Any] = {
        "response": root or option_id or "report",
        "duration": iso_duration(think_ms),
        "extensions": {
            b.ext + "indicator": "3.4",
            b.ext + "quality": quality,
            b.ext + "root-cause": root,
            b.ext + "root-cause-text": texts.option_text(a["case_id"], root or ""),
            b.ext + "recipients": [
                {"id": r, "name": _lang_map(names.get(r, {"en": r}))} for r in recipient_ids
            ],
            b.ext + "preventive": preventive or "",
        },
    }
    if quality:
        result["success"] = quality in GOOD
    return b.make("answered", seq, "answered", obj, ts, result)


def attempt_statements(
    conn: sqlite3.Connection,
    attempt: dict[str, Any],
    pseudonym: str,
    config: XapiConfig | None = None,
    texts: CaseTexts | None = None,
    rekey: Rekeyer | None = None,
) -> Iterator[dict[str, Any]]:
    config = config or XapiConfig()
    texts = texts or CaseTexts(None)
    b = StatementBuilder(attempt, pseudonym, config, rekey or Rekeyer(conn))
    aid, case_id = attempt["id"], attempt["case_id"]
    if attempt["mode"] == "roleplay":
        b.observer = _observer(conn, b, aid)
    yield b.make("initialized", 0, "initialized", b.case, attempt["started_at"])
    decisions = conn.execute(
        "select seq, ts, step, indicator, action, option_id, quality, think_ms from decisions "
        "where attempt_id = ? and action in ('choose', 'report') order by seq",
        [aid],
    ).fetchall()
    for seq, ts, step, indicator, action, option_id, quality, think_ms in decisions:
        if action == "report":
            yield _report_statement(conn, b, texts, seq, ts, option_id, quality, think_ms)
            continue
        found = texts.group_of(case_id, option_id or "")
        if found is not None:
            obj = _choice_activity(b, step, indicator, *found)
        else:  # a case not installed here: the option list is unknown
            label = INDICATOR_LABELS.get(indicator or "", {})
            obj = _activity(
                f"{b.case_iri}/steps/{step}", dict(label) or {"en": step}, "interaction"
            )
        result: dict[str, Any] = {
            "response": option_id or action,
            "duration": iso_duration(think_ms),
            "extensions": {b.ext + "indicator": indicator, b.ext + "quality": quality},
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
        names = texts.prompt(case_id, prompt_id) or {"en": prompt_id}
        obj = _activity(f"{b.case_iri}/reflection/{prompt_id}", names, "question")
        yield b.make("responded", n, "responded", obj, created_at, {"response": text or ""})
    if attempt["status"] == "completed" and attempt["total"] is not None:
        yield from _outcome(conn, b)
    yield from _adjustments(conn, b)


def _observer(
    conn: sqlite3.Connection, b: StatementBuilder, attempt_id: str
) -> dict[str, Any] | None:
    """The observer of a role-play: a learner profile goes out as its pseudonym,
    anyone else (a teacher) by the name they gave."""
    row = conn.execute(
        "select payload from decisions where attempt_id = ? and action = 'observe' "
        "order by seq limit 1",
        [attempt_id],
    ).fetchone()
    try:
        name = str(json.loads(row[0] or "{}").get("observer") or "").strip() if row else ""
    except (ValueError, AttributeError):
        name = ""
    if not name:
        return None
    found = conn.execute(
        "select p.pseudonym from learners l join pseudonyms p on p.learner_id = l.id "
        "where l.display_name = ? order by l.created_at limit 1",
        [name],
    ).fetchone()
    account = {"homePage": b.config.home_page, "name": str(found[0]) if found else name}
    return {"objectType": "Agent", "account": account}


def _outcome(conn: sqlite3.Connection, b: StatementBuilder) -> Iterator[dict[str, Any]]:
    attempt = b.attempt
    scores = dict(
        conn.execute(
            "select indicator, score from scores where attempt_id = ?", [attempt["id"]]
        ).fetchall()
    )
    total = int(attempt["total"])
    result = {
        "score": {"scaled": round(total / 100, 4), "raw": total, "min": 0, "max": 100},
        "duration": iso_duration(_ms_between(attempt["started_at"], attempt["finished_at"])),
        "extensions": {b.ext + f"indicator/{i}": scores[i] for i in INDICATORS if i in scores}
        | {b.ext + "outcome": attempt["outcome"], b.ext + "escalated": bool(attempt["escalated"])},
    }
    done = attempt["finished_at"]
    yield b.make("completed", 0, "completed", b.case, done, {**result, "completion": True})
    verdict = "passed" if total >= PASS_MARK else "failed"
    yield b.make(verdict, 0, verdict, b.case, done, {**result, "success": total >= PASS_MARK})


def _adjustments(conn: sqlite3.Connection, b: StatementBuilder) -> Iterator[dict[str, Any]]:
    """Each adjusted score, by the instructor (comments stay in the instructor's database)."""
    attempt = b.attempt
    originals = dict(
        conn.execute(
            "select indicator, score from scores where attempt_id = ?", [attempt["id"]]
        ).fetchall()
    )
    originals["total"] = attempt["total"]
    rows = conn.execute(
        "select id, coalesce(indicator, 'total'), adjusted_score, created_at from attempt_reviews "
        "where attempt_id = ? and adjusted_score is not null order by created_at, rowid",
        [attempt["id"]],
    ).fetchall()
    for review_id, indicator, score, created_at in rows:
        score = int(score)
        result: dict[str, Any] = {
            "score": {"scaled": round(score / 100, 4), "raw": score, "min": 0, "max": 100},
            "extensions": {
                b.ext + "indicator": indicator,
                b.ext + "original-score": originals.get(indicator),
            },
        }
        if indicator == "total":
            result["success"] = score >= PASS_MARK
        extensions = {b.ext + "learner": b.learner["account"]}
        yield b.make(
            "adjusted", review_id, "scored", b.case, created_at, result, b.instructor, extensions
        )


def iter_statements(
    conn: sqlite3.Connection,
    filters: Filters,
    config: XapiConfig | None = None,
    library: Any | None = None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(attempt id, statement) for every chosen attempt, oldest attempt first."""
    pseudonyms = pseudonym_map(conn)
    config = config or load_config(conn)
    texts = CaseTexts(library)
    rekey = Rekeyer(conn)
    where, params = filters.where()
    # one learner across laptops: an alias profile's attempts go out as its person's
    cursor = conn.execute(
        f"select a.*, l.id as person_id from attempts a join learners l on l.id = "
        f"{person_sql('a')} where {where} order by a.started_at, a.id",
        params,
    )
    columns = [d[0] for d in cursor.description]
    for row in cursor.fetchall():
        attempt = dict(zip(columns, row, strict=True))
        for statement in attempt_statements(
            conn, attempt, pseudonyms[attempt["person_id"]], config, texts, rekey
        ):
            yield attempt["id"], statement


def library_for(conn: sqlite3.Connection) -> Any | None:
    """The case library of the data folder holding this database (None in memory)."""
    path = db_path_of_conn(conn)
    if path is None:
        return None
    from trainer.core.loader import load_library
    from trainer.paths import case_cache_dir, case_folders

    root = Path(path).parent
    return load_library(case_folders(root), case_cache_dir(root))


def db_path_of_conn(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row and row[2] else None


def export_xapi(
    source: Source,
    out: Path,
    filters: Filters | None = None,
    config: XapiConfig | None = None,
    library: Any | None = None,
) -> int:
    """Write the statements as one JSON array, streamed; returns how many."""
    filters = filters or Filters()
    n = 0
    with opened(source) as db:
        filters.check(db.conn)
        settle_identities(db)  # the same student number on two laptops: one actor
        if library is None:
            library = library_for(db.conn)
        with atomic_file(Path(out)) as tmp, tmp.open("w", encoding="utf-8") as fh:
            fh.write("[")
            for _attempt, statement in iter_statements(db.conn, filters, config, library):
                fh.write(",\n" if n else "\n")
                fh.write(json.dumps(statement, ensure_ascii=False))
                n += 1
            fh.write("\n]\n")
    return n


__all__ = ["XapiConfig", "export_xapi", "iter_statements", "load_config", "save_config"]
