"""Who is who in an instructor's class folder: the roster, aliases, the audit trail.

- A *class folder* is a data folder the instructor marked with `class init` (or in
  the instructor area). Its welcome screen lists only the profiles created on it in
  the app (`local_profiles`); learners merged into it are reached only through the
  instructor area, behind the PIN.
- Learners with the same student number (same person, several laptops) are one
  learner: the oldest profile is kept, the others become *aliases* of it. The
  instructor can also merge two profiles by hand, and rename one. Every change is
  written to `identity_audit` with its actor.
- Merged rows are never changed (a later merge of the same log must find them
  as they were), so an alias's attempts keep their learner id; views resolve it
  with `person_sql` (the dashboard, histories, portfolios, xAPI). `settle_identities`
  links new duplicates after a merge and when the instructor area refreshes.

All tables are instructor-only (trainer.store.schema PRIVATE_TABLES).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from trainer.store.db import StoreError, new_id, now_iso

CLASS_KEY = "class_folder"
AUTO = "auto (student no.)"


# -- the class folder ------------------------------------------------------------


def class_folder_name(db: Database) -> str | None:
    """The class folder's label, or None when this is a learner's own folder."""
    row = db.execute("select value from instructor_settings where key = ?", [CLASS_KEY]).fetchone()
    return str(row[0]) if row and row[0] is not None else None


def is_class_folder(db: Database) -> bool:
    return class_folder_name(db) is not None


def init_class_folder(db: Database, label: str = "") -> bool:
    """Mark this data folder as an instructor's class folder; False if it already was.

    Profiles that exist at this moment and were made here stay on the welcome screen
    only when no attempt of theirs came from elsewhere is detectable, which we
    cannot tell; so existing profiles are hidden too (safe by default).
    """
    already = is_class_folder(db)
    with db.atomic():
        db.execute(
            "insert into instructor_settings (key, value, updated_at) values (?, ?, ?) "
            "on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at",
            [CLASS_KEY, label.strip(), now_iso()],
        )
    return not already


def mark_local(db: Database, learner_id: str) -> None:
    """A profile created in the app on this folder: listed on its welcome screen."""
    with db.atomic():
        db.execute(
            "insert or ignore into local_profiles (learner_id, created_at) values (?, ?)",
            [learner_id, now_iso()],
        )


def welcome_learners(db: Database, learners: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The profiles the learner welcome screen may list (filters `learners`).

    A learner's own folder lists everyone (as before); a class folder only the
    profiles made on it in the app, never a merged learner.
    """
    if not is_class_folder(db):
        return list(learners)
    local = {r[0] for r in db.execute("select learner_id from local_profiles")}
    return [r for r in learners if r["id"] in local]


def learner_visible_without_pin(db: Database, learner_id: str) -> bool:
    return bool(welcome_learners(db, [{"id": learner_id}]))


# -- aliases -------------------------------------------------------------------------


def person_sql(attempts_alias: str = "a") -> str:
    """SQL for the learner an attempt belongs to, with aliases resolved."""
    a = attempts_alias
    return (
        f"coalesce((select la.learner_id from learner_aliases la "
        f"where la.alias_id = {a}.learner_id), {a}.learner_id)"
    )


def profile_ids(db: Database, learner_id: str) -> list[str]:
    """A learner's own id and the ids of every profile merged into it."""
    rows = db.execute("select alias_id from learner_aliases where learner_id = ?", [learner_id])
    return [learner_id, *(str(r[0]) for r in rows)]


def alias_map(db: Database) -> dict[str, str]:
    return {r[0]: r[1] for r in db.execute("select alias_id, learner_id from learner_aliases")}


def canonical_learners(db: Database) -> list[dict[str, Any]]:
    """Every learner that is not an alias of another, by name."""
    cursor = db.execute(
        "select * from learners where id not in (select alias_id from learner_aliases) "
        "order by display_name, created_at, id"
    )
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def _audit(
    db: Database,
    action: str,
    learner_id: str,
    other_id: str | None,
    details: dict[str, Any],
    actor: str,
) -> None:
    db.execute(
        "insert into identity_audit (id, ts, action, learner_id, other_id, details, actor) "
        "values (?, ?, ?, ?, ?, ?, ?)",
        [
            new_id(),
            now_iso(),
            action,
            learner_id,
            other_id,
            json.dumps(details, ensure_ascii=False),
            actor,
        ],
    )


def _learner(db: Database, learner_id: str) -> dict[str, Any]:
    cursor = db.execute("select * from learners where id = ?", [learner_id])
    row = cursor.fetchone()
    if row is None:
        raise StoreError(f"no learner with id {learner_id}")
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def resolve_learner(db: Database, text: str) -> str:
    """The one canonical learner a name, student number or id stands for."""
    key = text.strip()
    rows = db.execute(
        "select id from learners where (id = ? or display_name = ? or student_no = ?) "
        "and id not in (select alias_id from learner_aliases)",
        [key, key, key],
    ).fetchall()
    if not rows:
        target = alias_map(db).get(key)
        if target:
            return target
        raise StoreError(f"no learner with the name, student number or id '{text}'")
    if len(rows) > 1:
        raise StoreError(
            f"several learners match '{text}'; give an id: {', '.join(r[0] for r in rows)}"
        )
    return str(rows[0][0])


def _link(db: Database, keep_id: str, other_id: str, reason: str, actor: str) -> int:
    """Make `other_id` an alias of `keep_id` (inside a transaction); its attempt count."""
    if keep_id == other_id:
        raise StoreError("a profile cannot be merged into itself")
    aliases = alias_map(db)
    if keep_id in aliases:
        raise StoreError(f"{keep_id} is itself merged into {aliases[keep_id]}; keep that one")
    keep, other = _learner(db, keep_id), _learner(db, other_id)
    db.execute(
        "insert into learner_aliases (alias_id, learner_id, reason, created_at) "
        "values (?, ?, ?, ?) on conflict(alias_id) do update set learner_id = excluded.learner_id",
        [other_id, keep_id, reason, now_iso()],
    )
    # earlier aliases of the merged profile follow it to the kept one
    db.execute(
        "update learner_aliases set learner_id = ? where learner_id = ?", [keep_id, other_id]
    )
    moved = db.execute("select count(*) from attempts where learner_id = ?", [other_id]).fetchone()[
        0
    ]
    if not keep.get("student_no") and other.get("student_no"):
        db.execute(
            "update learners set student_no = ? where id = ?", [other["student_no"], keep_id]
        )
    if not keep.get("class_name") and other.get("class_name"):
        db.execute(
            "update learners set class_name = ? where id = ?", [other["class_name"], keep_id]
        )
    _audit(
        db,
        "merge",
        keep_id,
        other_id,
        {
            "reason": reason,
            "kept": keep["display_name"],
            "merged": other["display_name"],
            "student_no": other.get("student_no"),
            "attempts": moved,
        },
        actor,
    )
    return int(moved)


def merge_profiles(db: Database, keep_id: str, other_id: str, actor: str = "instructor") -> int:
    """Merge profile `other_id` into `keep_id`; returns how many attempts it brings."""
    with db.atomic():
        return _link(db, keep_id, other_id, "merged by the instructor", actor)


def rename_profile(
    db: Database,
    learner_id: str,
    *,
    display_name: str | None = None,
    student_no: str | None = None,
    class_name: str | None = None,
    actor: str = "instructor",
) -> dict[str, Any]:
    """Change a profile's name / student number / class; returns what changed."""
    before = _learner(db, learner_id)
    changes: dict[str, Any] = {}
    for column, value in (
        ("display_name", display_name),
        ("student_no", student_no),
        ("class_name", class_name),
    ):
        if value is None:
            continue
        value = value.strip()
        if column == "display_name" and not value:
            raise StoreError("a display name cannot be empty")
        if value != (before.get(column) or ""):
            changes[column] = {"from": before.get(column), "to": value or None}
    if not changes:
        return {}
    with db.atomic():
        for column, change in changes.items():
            db.execute(f"update learners set {column} = ? where id = ?", [change["to"], learner_id])
        _audit(db, "rename", learner_id, None, changes, actor)
    return changes


def _link_duplicates(db: Database, actor: str) -> int:
    """Profiles sharing a student number become aliases of the oldest one."""
    rows = db.execute(
        "select id, trim(student_no) from learners "
        "where coalesce(trim(student_no), '') != '' "
        "and id not in (select alias_id from learner_aliases) "
        "order by trim(student_no), created_at, id"
    ).fetchall()
    linked = 0
    keep: dict[str, str] = {}
    for learner_id, number in rows:
        if number in keep:
            _link(db, keep[number], learner_id, f"same student no. {number}", actor)
            linked += 1
        else:
            keep[number] = learner_id
    return linked


def settle_identities(db: Database, actor: str = AUTO) -> dict[str, int]:
    """After a merge: profiles that share a student number are linked."""
    with db.atomic():
        linked = _link_duplicates(db, actor)
    return {"linked": linked}


# -- the roster ----------------------------------------------------------------------


@dataclass(frozen=True)
class RosterRow:
    student_no: str
    display_name: str
    class_name: str | None = None


@dataclass
class RosterResult:
    added: int = 0
    updated: int = 0
    renamed: int = 0
    linked: int = 0
    unmatched: list[str] = field(default_factory=list)  # roster numbers nobody used yet

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "renamed": self.renamed,
            "linked": self.linked,
            "not_seen_yet": self.unmatched,
        }


def import_roster(db: Database, rows: Iterable[RosterRow], actor: str = "roster") -> RosterResult:
    """Store the class list, link duplicates, and give profiles their roster name/class."""
    result = RosterResult()
    stamp = now_iso()
    items = list(rows)
    with db.atomic():
        for row in items:
            existing = db.execute(
                "select display_name, class_name from roster where student_no = ?",
                [row.student_no],
            ).fetchone()
            if existing is None:
                result.added += 1
            elif tuple(existing) != (row.display_name, row.class_name):
                result.updated += 1
            db.execute(
                "insert into roster (student_no, display_name, class_name, imported_at) "
                "values (?, ?, ?, ?) on conflict(student_no) do update set "
                "display_name = excluded.display_name, class_name = excluded.class_name, "
                "imported_at = excluded.imported_at",
                [row.student_no, row.display_name, row.class_name, stamp],
            )
        result.linked = _link_duplicates(db, AUTO)
    for row in items:
        found = db.execute(
            "select id from learners where trim(student_no) = ? "
            "and id not in (select alias_id from learner_aliases)",
            [row.student_no],
        ).fetchone()
        if found is None:
            result.unmatched.append(row.student_no)
            continue
        changed = rename_profile(
            db,
            str(found[0]),
            display_name=row.display_name,
            class_name=row.class_name if row.class_name else None,
            actor=actor,
        )
        result.renamed += bool(changed)
    return result


def roster(db: Database) -> list[dict[str, Any]]:
    cursor = db.execute("select * from roster order by class_name, student_no")
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def audit_trail(db: Database, learner_id: str | None = None) -> list[dict[str, Any]]:
    sql = "select * from identity_audit"
    params: list[Any] = []
    if learner_id:
        sql += " where learner_id = ? or other_id = ?"
        params = [learner_id, learner_id]
    cursor = db.execute(sql + " order by ts, rowid", params)
    columns = [d[0] for d in cursor.description]
    out = []
    for row in cursor:
        entry = dict(zip(columns, row, strict=True))
        entry["details"] = json.loads(entry["details"] or "{}")
        out.append(entry)
    return out


def learner_for(store: Any, name: str, student_no: str | None, class_name: str | None) -> str:
    """The profile `play --learner NAME --student-no N --class C` plays as.

    A student number picks that learner (one person across laptops); otherwise the
    name does, as before. A new profile is created with all three; an existing one
    gets a missing student number or class filled in.
    """
    number = (student_no or "").strip() or None
    klass = (class_name or "").strip() or None
    db = store.db
    row = None
    if number:
        row = db.execute(
            "select id, student_no, class_name from learners where trim(student_no) = ? "
            "and id not in (select alias_id from learner_aliases) order by created_at limit 1",
            [number],
        ).fetchone()
    if row is None:
        found = store.learner_by_name(name)
        if found and not (number and found.get("student_no")):  # not someone else's number
            row = (found["id"], found.get("student_no"), found.get("class_name"))
    if row is None:
        return str(store.create_learner(name, number, klass))
    learner_id, has_no, has_class = row
    with db.atomic():
        if number and not has_no:
            db.execute("update learners set student_no = ? where id = ?", [number, learner_id])
        if klass and not has_class:
            db.execute("update learners set class_name = ? where id = ?", [klass, learner_id])
    return str(learner_id)
