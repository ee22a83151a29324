"""Shared helpers for the reliability tests: play attempts, damage files, hash them."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from trainer.core.autoplay import ExpertPolicy
from trainer.core.loader import LoadedCase, load_case_file
from trainer.paths import builtin_cases_dir
from trainer.service import AttemptRunner
from trainer.store.recovery import open_store

CASE_ID = "beitou-hot-spring-cold-water"


@cache
def the_case() -> LoadedCase:
    # One case file, loaded once: loading the whole library per test is slow.
    return load_case_file(builtin_cases_dir() / f"{CASE_ID}.yaml")


def play_attempts(root: Path, count: int, name: str = "王小明") -> list[str]:
    """Open the database of `root` as the app does, play `count` expert attempts, close."""
    store, _ = open_store(root)
    try:
        learner = store.learner_id_for(name)
        ids = []
        for _ in range(count):
            runner = AttemptRunner.start(store, the_case(), learner)
            policy = ExpertPolicy()
            while not runner.finished:
                runner.act(policy.next_action(runner.session))
            ids.append(runner.attempt_id)
        return ids
    finally:
        store.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_pages(path: Path) -> None:
    """Overwrite the middle of the file (not the header) with junk: a malformed b-tree."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page * 2):
        data[start : start + 512] = b"\xa5\x5a" * 256
    path.write_bytes(bytes(data))


def damage_header(path: Path) -> None:
    """Overwrite SQLite's 100-byte header: "file is not a database"."""
    data = bytearray(path.read_bytes())
    data[:100] = b"this is not sqlite " * 5 + b"!!!!!"
    path.write_bytes(bytes(data))


def truncate_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def drop_index_entries(db: Path, table: str = "decisions") -> str:
    """Leave the unique index of `table` short of entries while its rows stay (as a
    torn write or a buggy tool can): quick_check passes, integrity_check does not.
    Returns the index's name."""
    import sqlite3

    conn = sqlite3.connect(db, isolation_level=None)
    try:
        name, sql = conn.execute(
            "select name, sql from sqlite_master where type = 'index' and tbl_name = ? "
            "and sql like '%UNIQUE%'",
            [table],
        ).fetchone()
        # Rebuild it as a partial index over fewer rows, then restore its definition.
        conn.execute(f"drop index [{name}]")
        conn.execute(sql + " where seq > 2" if table == "decisions" else sql + " where 0")
        conn.execute("pragma writable_schema = on")
        conn.execute("update sqlite_master set sql = ? where name = ?", [sql, name])
        conn.execute("pragma writable_schema = off")
    finally:
        conn.close()
    return str(name)
