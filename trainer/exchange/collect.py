"""Collecting learner logs (issue 14, item 3): folders in, a preview before merging.

- `expand(paths)`: files as given, and each folder's learner logs (`*.db`, hand-ins
  `*.handin.db` included; `-wal`/`-shm`/`-journal` and hidden files are not logs).
- `preview_merge(target, paths)`: what merging would do, file by file: the learner,
  and the attempts that are new, taken further, already merged, or older than what
  is merged (a stale copy); a warning for files that are not hand-ins; and the
  refusal of any file that would be refused. It runs the real merge with every
  check and rolls it back (merge_files(dry_run=True)), so the preview and the merge
  cannot disagree; the class database is not changed and no backup is made.

Qt-free: the instructor area and `python -m trainer merge --preview` both use it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.exchange.atomic import ExportError
from trainer.exchange.merge import LearnerCount, MergeSummary, merge_files
from trainer.exchange.validate import RefusedFile
from trainer.store.db import open_database
from trainer.store.sqlite_file import HANDIN_APPLICATION_ID

LOG_SUFFIXES = (".db", ".sqlite", ".sqlite3")
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def expand(paths: Iterable[Path | str]) -> tuple[list[Path], list[str]]:
    """Files to merge (folders expanded, sorted by name, each file once) and notes."""
    files: list[Path] = []
    notes: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in LOG_SUFFIXES
            )
            if not found:
                notes.append(f"{path}: no learner logs (*.db) in this folder")
            files += found
        else:
            files.append(path)
    unique = list(dict.fromkeys(files))
    return unique, notes


def is_handin(path: Path) -> bool:
    """Stamped as a hand-in (trainer.exchange.handin) in its SQLite header."""
    try:
        with Path(path).open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    return len(header) >= 72 and int.from_bytes(header[68:72], "big") == HANDIN_APPLICATION_ID


@dataclass
class FilePreview:
    path: Path
    learners: list[LearnerCount] = field(default_factory=list)
    handin: bool = False
    refused: str | None = None
    warnings: list[str] = field(default_factory=list)

    def count(self, what: str) -> int:
        return sum(getattr(c, what) for c in self.learners)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "handin": self.handin,
            "refused": self.refused,
            "warnings": self.warnings,
            "learners": [vars(c).copy() for c in self.learners],
        }


@dataclass
class MergePreview:
    files: list[FilePreview]
    notes: list[str]

    @property
    def ok(self) -> bool:
        """Merging would succeed."""
        return bool(self.files) and not any(f.refused for f in self.files)

    @property
    def paths(self) -> list[Path]:
        return [f.path for f in self.files]

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "notes": self.notes, "files": [f.as_dict() for f in self.files]}

    def text(self) -> str:
        lines = [*(f"note: {n}" for n in self.notes)]
        for f in self.files:
            who = ", ".join(c.name for c in f.learners) or "-"
            if f.refused:
                lines.append(f"{f.path.name}: REFUSED: {f.refused}")
                continue
            lines.append(
                f"{f.path.name}: {who}: {f.count('new')} new, {f.count('extended')} taken "
                f"further, {f.count('present')} already merged, {f.count('stale')} older "
                f"copies; {f.count('decisions'):,} decision(s) to add"
            )
            lines += [f"  warning: {w}" for w in f.warnings]
        verdict = "ready to merge" if self.ok else "this merge would be refused; nothing merged"
        lines.append(f"{len(self.files)} file(s): {verdict}")
        return "\n".join(lines)


def _warnings(preview: FilePreview) -> list[str]:
    found = []
    if not preview.handin:
        found.append(
            "not a hand-in (a copied database or an export): check it is the learner's "
            "latest log / 非「繳交我的紀錄」產生的檔案，請確認是最新紀錄"
        )
    if preview.count("stale") and not (preview.count("new") or preview.count("extended")):
        found.append(
            "a stale copy: what is already merged is further along; it adds nothing / "
            "舊的副本：已合併的紀錄較新，此檔不會新增任何內容"
        )
    elif preview.count("stale"):
        found.append(f"{preview.count('stale')} attempt(s) here are older than the merged ones")
    return found


def preview_merge(target: Path, paths: Sequence[Path | str]) -> MergePreview:
    """What merging `paths` (files or folders) into the database `target` would do."""
    files, notes = expand(paths)
    rows = {str(p): FilePreview(path=p, handin=is_handin(p)) for p in files}
    with tempfile.TemporaryDirectory(prefix="trainer-preview-") as work:
        database = Path(target)
        if database.is_dir():
            database = database / "trainer.db"
        if not database.exists():  # a new class folder: preview against an empty one
            database = Path(work) / "empty.db"
            open_database(database).close()
        remaining = list(files)
        while remaining:
            try:
                summary = merge_files(database, remaining, dry_run=True)
            except RefusedFile as exc:
                bad = _refused_file(str(exc), remaining)
                if bad is None:
                    raise
                rows[str(bad)].refused = str(exc).split(": refused: ", 1)[-1]
                remaining.remove(bad)
                continue
            _fill(rows, summary)
            break
    for row in rows.values():
        if not row.refused:
            row.warnings = _warnings(row)
    return MergePreview(list(rows.values()), notes)


def _refused_file(message: str, files: list[Path]) -> Path | None:
    """The file a refusal names (messages start with the file's name)."""
    for file in files:
        if message.startswith(f"{file.name}: refused"):
            return file
    return None


def _fill(rows: dict[str, FilePreview], summary: MergeSummary) -> None:
    for name, learners in summary.file_learners.items():
        if name in rows:
            rows[name].learners = list(learners.values())


def merge_collected(target: Path, paths: Sequence[Path | str]) -> MergeSummary:
    """Merge files and folders (folders expanded as in the preview)."""
    files, _ = expand(paths)
    if not files:
        raise ExportError("no learner logs found in what was given")
    return merge_files(target, files)
