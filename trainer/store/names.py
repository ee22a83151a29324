"""Names of the schema that code without sqlite-utils needs (the merge's worker).

trainer.store.schema re-exports them; this module imports nothing, so a child
process that only checks incoming files starts quickly.
"""

from __future__ import annotations

MIGRATION_SET = "trainer"

#: Tables that hold learner data, in the order they must be copied (parents first).
DATA_TABLES = (
    "learners",
    "attempts",
    "decisions",
    "internal_reports",
    "reflections",
    "self_ratings",
    "scores",
)
