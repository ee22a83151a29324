"""Which attempts an export or a dashboard covers, as SQL.

Every export and dashboard query selects attempts `a` joined to learners `l`
through `Filters.where()`; child rows (decisions, scores...) follow their attempt.
Dates are compared as ISO 8601 text, which sorts like time (timestamps are UTC).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from trainer.exchange.atomic import ExportError


def parse_date(text: str | None) -> date | None:
    """`YYYY-MM-DD` -> date, with a clear message for anything else."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ExportError(f"'{text}' is not a date; use YYYY-MM-DD, e.g. 2025-03-01") from None


@dataclass(frozen=True)
class Filters:
    learner: str | None = None  # a learner id, display name or student number
    class_name: str | None = None
    since: date | None = None  # inclusive, by attempt start (UTC)
    until: date | None = None  # inclusive
    case_id: str | None = None
    attempt_id: str | None = None
    mode: str | None = None  # practice, assessment or roleplay (observed role-play)

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.learner,
                self.class_name,
                self.since,
                self.until,
                self.case_id,
                self.attempt_id,
                self.mode,
            )
        )

    def learner_where(self, alias: str = "l") -> tuple[str, list[Any]]:
        """Conditions on learners alone (for the learners table of an export)."""
        parts: list[str] = []
        params: list[Any] = []
        if self.learner:
            parts.append(f"({alias}.id = ? or {alias}.display_name = ? or {alias}.student_no = ?)")
            params += [self.learner.strip()] * 3
        if self.class_name:
            parts.append(f"{alias}.class_name = ?")
            params.append(self.class_name.strip())
        return (" and ".join(parts) or "1"), params

    def where(self, a: str = "a", l: str = "l") -> tuple[str, list[Any]]:  # noqa: E741
        """Conditions on attempts `a` joined to learners `l`."""
        sql, params = self.learner_where(l)
        parts = [sql]
        if self.since:
            parts.append(f"{a}.started_at >= ?")
            params.append(self.since.isoformat())
        if self.until:
            parts.append(f"{a}.started_at < ?")
            params.append((self.until + timedelta(days=1)).isoformat())
        if self.case_id:
            parts.append(f"{a}.case_id = ?")
            params.append(self.case_id)
        if self.attempt_id:
            parts.append(f"{a}.id = ?")
            params.append(self.attempt_id.strip())
        if self.mode:
            parts.append(f"{a}.mode = ?")
            params.append(self.mode)
        return " and ".join(parts), params

    def attempt_ids_sql(self) -> tuple[str, list[Any]]:
        """A sub-select of the chosen attempt ids, for `attempt_id in (...)`."""
        where, params = self.where()
        return (
            f"select a.id from attempts a join learners l on l.id = a.learner_id where {where}",
            params,
        )

    def check(self, conn: sqlite3.Connection) -> None:
        """Refuse a --learner or --attempt that names nobody (a typo, most likely)."""
        if self.learner:
            sql, params = Filters(learner=self.learner).learner_where()
            if not conn.execute(f"select 1 from learners l where {sql}", params).fetchone():
                raise ExportError(
                    f"no learner with the name, student number or id '{self.learner}'"
                )
        if (
            self.attempt_id
            and not conn.execute(
                "select 1 from attempts where id = ?", [self.attempt_id.strip()]
            ).fetchone()
        ):
            raise ExportError(f"no attempt with id {self.attempt_id}")
