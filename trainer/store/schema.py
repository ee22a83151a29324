"""The learner database schema, as a chain of sqlite-utils migrations.

Every row id is a UUID (text), so logs from many laptops merge without clashes.
The decision log is append-only. See docs/schema.md.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

# Re-exported: defined without dependencies for the merge's worker process.
from trainer.store import summary
from trainer.store.names import DATA_TABLES as DATA_TABLES
from trainer.store.names import MIGRATION_SET as MIGRATION_SET

migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_core_tables(db: Database) -> None:
    db.table("learners").create(
        {
            "id": str,
            "display_name": str,
            "student_no": str,
            "class_name": str,
            "created_at": str,
        },
        pk="id",
        not_null={"display_name", "created_at"},
    )
    db.table("attempts").create(
        {
            "id": str,
            "learner_id": str,
            "case_id": str,
            "case_version": int,
            "case_digest": str,
            "case_title": str,
            "mode": str,
            "lang": str,
            "status": str,
            "started_at": str,
            "updated_at": str,
            "finished_at": str,
            "step": str,
            "mood": int,
            "sim_minutes": int,
            "cost": int,
            "authority": int,
            "decisions": int,
            "outcome": str,
            "escalated": int,
            "total": int,
            "app_version": str,
        },
        pk="id",
        not_null={"learner_id", "case_id", "mode", "status", "started_at"},
        foreign_keys=[("learner_id", "learners", "id")],
    )
    db.table("decisions").create(
        {
            "id": str,
            "attempt_id": str,
            "seq": int,
            "ts": str,
            "think_ms": int,
            "step": str,
            "indicator": str,
            "action": str,
            "option_id": str,
            "quality": str,
            "free_text": str,
            "payload": str,
            "mood_before": int,
            "mood_after": int,
            "sim_minute": int,
            "cost_total": int,
            "facts_found": int,
        },
        pk="id",
        not_null={"attempt_id", "seq", "ts", "step", "action"},
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    db.table("decisions").create_index(["attempt_id", "seq"], unique=True)
    db.table("internal_reports").create(
        {
            "id": str,
            "attempt_id": str,
            "root_cause": str,
            "recipients": str,
            "preventive": str,
            "profile_note": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    db.table("internal_reports").create_index(["attempt_id"], unique=True)
    db.table("reflections").create(
        {"id": str, "attempt_id": str, "prompt_id": str, "text": str, "created_at": str},
        pk="id",
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    db.table("reflections").create_index(["attempt_id", "prompt_id"], unique=True)
    db.table("self_ratings").create(
        {"id": str, "attempt_id": str, "indicator": str, "rating": int},
        pk="id",
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    db.table("self_ratings").create_index(["attempt_id", "indicator"], unique=True)
    db.table("scores").create(
        {
            "id": str,
            "attempt_id": str,
            "indicator": str,
            "score": int,
            "reason_zh": str,
            "reason_en": str,
        },
        pk="id",
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    db.table("scores").create_index(["attempt_id", "indicator"], unique=True)
    db.table("attempts").create_index(["learner_id"])
    db.table("attempts").create_index(["case_id"])


def known_migrations() -> list[str]:
    return [m.name for m in migrations._migrations]


@migrations()
def m002_instructor_tables(db: Database) -> None:
    """Instructor-only data: never merged from learner logs, never exported raw.

    - instructor_settings: key/value (the PIN's salted scrypt hash lives here).
    - pseudonyms: learner id -> stable pseudonym used by --pseudonymize and xAPI.
    - attempt_reviews: an instructor's comment and/or adjusted score for an attempt
      (optionally for one indicator), appended beside the original scores.
    The first two never leave this database; reviews go into grade exports.
    """
    db.table("instructor_settings").create(
        {"key": str, "value": str, "updated_at": str}, pk="key", if_not_exists=True
    )
    db.table("pseudonyms").create(
        {"learner_id": str, "pseudonym": str, "created_at": str},
        pk="learner_id",
        not_null={"pseudonym", "created_at"},
        if_not_exists=True,
    )
    db.table("pseudonyms").create_index(["pseudonym"], unique=True, if_not_exists=True)
    db.table("attempt_reviews").create(
        {
            "id": str,
            "attempt_id": str,
            "indicator": str,
            "adjusted_score": int,
            "comment": str,
            "author": str,
            "created_at": str,
        },
        pk="id",
        not_null={"attempt_id", "created_at"},
        foreign_keys=[("attempt_id", "attempts", "id")],
        if_not_exists=True,
    )
    db.table("attempt_reviews").create_index(["attempt_id"], if_not_exists=True)


#: Instructor-only tables: never merged; the private ones never leave the database.
INSTRUCTOR_TABLES = ("instructor_settings", "pseudonyms", "attempt_reviews")
PRIVATE_TABLES = (
    "instructor_settings",
    "pseudonyms",
    # m005 (below): instructor-only too; emptied in every SQLite copy and hand-in
    "roster",
    "learner_aliases",
    "identity_audit",
    "local_profiles",
    "lrs_outbox",
    # m004 (below): a learner's half-filled forms stay on the laptop
    "drafts",
)


@migrations()
def m003_attempt_order_and_branch(db: Database) -> None:
    """Per-attempt option order, and where a "try again" attempt branched from.

    - order_seed: the seed that shuffles every option list of the attempt
      (trainer.core.engine.Session's `order_seed`); NULL on attempts made before it,
      which keep the authored order.
    - parent_attempt_id / branch_seq: a practice attempt replayed from decision
      `branch_seq` of `parent_attempt_id` ("Try again from here" on the sheet).
    """
    attempts = db.table("attempts")
    existing = {c.name for c in attempts.columns}
    for name, kind in (("order_seed", int), ("parent_attempt_id", str), ("branch_seq", int)):
        if name not in existing:
            attempts.add_column(name, kind)


@migrations()
def m005_instructor_roster_outbox(db: Database) -> None:
    """Instructor-only: the class list, who is who across laptops, the LRS outbox.

    - roster: the imported class list (student number, name, class).
    - learner_aliases: a learner profile that is the same person as `learner_id`
      (same student number on another laptop, or merged by the instructor); the
      alias's attempts point at `learner_id` (trainer.store.roster).
    - identity_audit: every merge, rename and automatic link, with its actor.
    - local_profiles: profiles created in the app on an instructor's class folder;
      only these are listed on its welcome screen (merged learners never are).
    - lrs_outbox: statement ids an LRS acknowledged, per endpoint, so a second push
      sends nothing that was already stored.
    None of these is merged from learner logs or copied into any export.
    """
    db.table("roster").create(
        {"student_no": str, "display_name": str, "class_name": str, "imported_at": str},
        pk="student_no",
        not_null={"display_name", "imported_at"},
        if_not_exists=True,
    )
    db.table("learner_aliases").create(
        {"alias_id": str, "learner_id": str, "reason": str, "created_at": str},
        pk="alias_id",
        not_null={"learner_id", "created_at"},
        if_not_exists=True,
    )
    db.table("learner_aliases").create_index(["learner_id"], if_not_exists=True)
    db.table("identity_audit").create(
        {
            "id": str,
            "ts": str,
            "action": str,
            "learner_id": str,
            "other_id": str,
            "details": str,
            "actor": str,
        },
        pk="id",
        not_null={"ts", "action", "learner_id"},
        if_not_exists=True,
    )
    db.table("local_profiles").create(
        {"learner_id": str, "created_at": str}, pk="learner_id", if_not_exists=True
    )
    db.table("lrs_outbox").create(
        {"endpoint": str, "statement_id": str, "attempt_id": str, "acked_at": str},
        pk=("endpoint", "statement_id"),
        not_null={"acked_at"},
        if_not_exists=True,
    )
    # Covering indexes for the class dashboard (scores joined to their attempt): on a
    # class database of a million decisions they make its score queries ~4x faster.
    # Written only when an attempt starts or completes, never per decision.
    db.table("scores").create_index(
        ["attempt_id", "indicator", "score"], index_name="idx_scores_dashboard", if_not_exists=True
    )
    db.table("attempts").create_index(
        ["id", "status", "learner_id", "case_id", "started_at"],
        index_name="idx_attempts_dashboard",
        if_not_exists=True,
    )


#: m005's tables: instructor-only, never merged, never exported.
ROSTER_TABLES = ("roster", "learner_aliases", "identity_audit", "local_profiles", "lrs_outbox")


@migrations()
def m004_drafts(db: Database) -> None:
    """Half-filled 3.4 reports and 3.5 reflections, saved while the learner types.

    One row per attempt and form (`kind` 'report' or 'reflection'); `payload` is the
    form's JSON. Local to this laptop: a draft is deleted once its form is submitted,
    and it is never merged (trainer.store.drafts).
    """
    db.table("drafts").create(
        {"attempt_id": str, "kind": str, "payload": str, "updated_at": str},
        pk=("attempt_id", "kind"),
        not_null={"payload", "updated_at"},
        foreign_keys=[("attempt_id", "attempts", "id")],
        if_not_exists=True,
    )


#: m004's table: local to one laptop, never merged.
DRAFT_TABLES = ("drafts",)


@migrations()
def m006_dashboard_summary(db: Database) -> None:
    """Summary tables for the class dashboard, kept current by triggers
    (trainer.store.summary): one row per attempt with its five scores side by side,
    and a count per chosen option. Derived data: never merged, never exported."""
    summary.install(db.conn)
