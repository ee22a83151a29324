"""The work behind the instructor area's buttons, Qt-free so workers can run it.

Exports go through trainer.exchange.export.export, exactly as `python -m trainer
export` does; merges call `merge_files` like `python -m trainer merge`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from trainer.exchange.atomic import ExportError
from trainer.exchange.merge import MergeSummary, merge_files

LOG_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def merge_logs(database: Path, files: Sequence[Path]) -> MergeSummary:
    """Merge learner logs; anything but a .db / .sqlite file is refused up front."""
    wrong = [f.name for f in files if f.suffix.lower() not in LOG_SUFFIXES]
    if wrong:
        raise ExportError(
            f"not a learner log (.db / .sqlite): {', '.join(wrong)}; nothing was merged"
        )
    return merge_files(database, list(files))
