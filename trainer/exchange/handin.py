"""Hand-in: one learner's log, as one consistent file for the instructor to merge.

The copy is made with SQLite's online backup API (trainer.exchange.sqlite_copy), so
it is safe while the app runs and includes what is still in the `-wal` file; it
keeps only the learner's attempts, no instructor data, is vacuumed, verified, and
renamed into place. The file is named `<class>-<student no>-<name>-<date>.handin.db`
and stamped with HANDIN_APP_ID in the SQLite header, so a merge can tell a hand-in
from any other database (`is_handin`).
"""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from trainer.exchange.atomic import ExportError, explain_os_error, fsync_path
from trainer.exchange.filters import Filters
from trainer.exchange.source import Source, opened
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.store.roster import is_class_folder
from trainer.store.sqlite_file import ro_uri

SUFFIX = ".handin.db"
HANDIN_APP_ID = 0x43544831  # "CTH1": complaint-trainer hand-in, format 1
MAX_PART = 40


def safe_part(text: str | None, fallback: str) -> str:
    """A file-name part: letters (any script), digits, '_' and '.'; nothing else."""
    text = unicodedata.normalize("NFC", str(text or "")).strip()
    cleaned = "".join(ch if ch.isalnum() or ch in "._" else "_" for ch in text)
    cleaned = re.sub(r"_+", "_", cleaned).strip("._")[:MAX_PART]
    return cleaned or fallback


def handin_name(learner: dict[str, Any], day: date | None = None) -> str:
    day = day or date.today()
    parts = (
        safe_part(learner.get("class_name"), "noclass"),
        safe_part(learner.get("student_no"), "nono"),
        safe_part(learner.get("display_name"), "learner"),
        day.isoformat(),
    )
    return "-".join(parts) + SUFFIX


@dataclass
class HandinResult:
    path: Path
    learner: str
    student_no: str | None
    class_name: str | None
    attempts: int
    completed: int
    in_progress: int
    decisions: int
    cases: list[str] = field(default_factory=list)
    size_bytes: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "learner": self.learner,
            "student_no": self.student_no,
            "class": self.class_name,
            "attempts": self.attempts,
            "completed": self.completed,
            "in_progress": self.in_progress,
            "decisions": self.decisions,
            "cases": self.cases,
            "bytes": self.size_bytes,
        }

    def text(self) -> str:
        who = " · ".join(x for x in (self.learner, self.student_no, self.class_name) if x)
        return (
            f"{who}\n{self.attempts} attempts ({self.completed} completed, "
            f"{self.in_progress} in progress), {self.decisions} decisions\n"
            f"cases: {', '.join(self.cases) or '-'}\n{self.path} ({self.size_bytes:,} bytes)"
        )


def is_handin(path: Path) -> bool:
    """True when `path` is a SQLite file stamped as a hand-in by this module."""
    try:
        with Path(path).open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    if len(header) < 72 or not header.startswith(b"SQLite format 3\x00"):
        return False
    return int.from_bytes(header[68:72], "big") == HANDIN_APP_ID


def _pick_learner(conn: sqlite3.Connection, learner: str | None) -> dict[str, Any]:
    cursor = conn.execute("select * from learners order by created_at, id")
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, r, strict=True)) for r in cursor]
    if learner:
        key = learner.strip()
        rows = [r for r in rows if key in (r["id"], r["display_name"], r["student_no"])]
        if not rows:
            raise ExportError(f"no learner with the name, student number or id '{learner}'")
    if not rows:
        raise ExportError("there is no learner profile in this data folder yet")
    if len(rows) > 1:
        listed = "; ".join(
            f"{r['display_name']} ({r['student_no'] or 'no number'}, id {r['id']})" for r in rows
        )
        raise ExportError(f"several learners here; choose one with --learner: {listed}")
    return rows[0]


def _stamp(path: Path) -> None:
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"pragma application_id = {HANDIN_APP_ID}")
    finally:
        conn.close()


def hand_in(source: Source, out_dir: Path, learner: str | None = None) -> HandinResult:
    """Write the learner's hand-in file into the folder `out_dir`."""
    out_dir = Path(out_dir).expanduser()
    if not out_dir.is_dir():
        raise ExportError(f"the folder {out_dir} does not exist (is the USB stick plugged in?)")
    with opened(source) as db:
        if is_class_folder(db):
            raise ExportError(
                "this is an instructor's class folder: learners hand in from their own "
                "folder; use the instructor area's export instead"
            )
        chosen = _pick_learner(db.conn, learner)
        dest = out_dir / handin_name(chosen)
        part = out_dir / f".{dest.name}.part"
        try:
            export_sqlite(db, part, Filters(learner=chosen["id"]))
            _stamp(part)
            fsync_path(part)
            os.replace(part, dest)
            fsync_path(out_dir)
        except OSError as exc:
            raise ExportError(explain_os_error(exc, dest)) from None
        finally:
            part.unlink(missing_ok=True)
    return summarize(dest)


def summarize(path: Path) -> HandinResult:
    """What a hand-in file holds (read-only)."""
    conn = sqlite3.connect(ro_uri(path), uri=True)  # percent-encoded
    try:
        name, number, klass = conn.execute(
            "select display_name, student_no, class_name from learners order by created_at limit 1"
        ).fetchone() or (None, None, None)
        attempts, completed, in_progress = conn.execute(
            "select count(*), coalesce(sum(status = 'completed'), 0), "
            "coalesce(sum(status = 'in_progress'), 0) from attempts"
        ).fetchone()
        decisions = conn.execute("select count(*) from decisions").fetchone()[0]
        cases = [
            str(r[0])
            for r in conn.execute(
                "select coalesce(max(case_title), case_id) from attempts group by case_id "
                "order by 1"
            )
        ]
    finally:
        conn.close()
    return HandinResult(
        path=path,
        learner=str(name or "?"),
        student_no=number,
        class_name=klass,
        attempts=int(attempts),
        completed=int(completed),
        in_progress=int(in_progress),
        decisions=int(decisions),
        cases=cases,
        size_bytes=path.stat().st_size,
    )
