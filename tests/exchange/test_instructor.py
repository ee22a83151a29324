"""The instructor PIN (salted scrypt hash) and reviews kept beside original scores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.exchange.conftest import ClassLogs
from trainer.exchange.instructor import (
    PinError,
    add_review,
    adjusted_scores,
    has_pin,
    reviews,
    set_pin,
    verify_pin,
)
from trainer.exchange.merge import merge_files
from trainer.exchange.sqlite_copy import export_sqlite
from trainer.store.db import StoreError, open_database


@pytest.fixture
def db(class_logs: ClassLogs, tmp_path: Path) -> Path:
    target = tmp_path / "trainer.db"
    merge_files(target, class_logs.logs[:1])
    return target


def test_pin_is_set_once_verified_and_stored_only_as_a_salted_hash(db: Path) -> None:
    assert not has_pin(db)
    assert not verify_pin(db, "2468")
    set_pin(db, "2468")
    assert has_pin(db)
    assert verify_pin(db, "2468")
    assert not verify_pin(db, "2469")
    assert not verify_pin(db, "")
    conn = sqlite3.connect(db)
    stored = conn.execute("select value from instructor_settings").fetchone()[0]
    conn.close()
    assert "2468" not in stored and stored.startswith("scrypt$16384$8$1$")
    set_pin(db.parent, "8642", old_pin="2468")  # a data dir works as well
    first_hash = stored
    conn = sqlite3.connect(db)
    assert conn.execute("select value from instructor_settings").fetchone()[0] != first_hash
    conn.close()
    assert verify_pin(db, "8642") and not verify_pin(db, "2468")


def test_changing_the_pin_needs_the_current_one(db: Path) -> None:
    set_pin(db, "2468")
    with pytest.raises(PinError):
        set_pin(db, "1111")
    with pytest.raises(PinError):
        set_pin(db, "1111", old_pin="0000")
    with pytest.raises(PinError):
        set_pin(db, "12", old_pin="2468")  # too short
    assert verify_pin(db, "2468")


def test_same_pin_gets_a_different_salt(tmp_path: Path, db: Path) -> None:
    other = tmp_path / "other.db"
    open_database(other).close()
    set_pin(db, "2468")
    set_pin(other, "2468")
    values = []
    for path in (db, other):
        conn = sqlite3.connect(path)
        values.append(conn.execute("select value from instructor_settings").fetchone()[0])
        conn.close()
    assert values[0] != values[1]


def test_pin_hash_never_leaves_in_an_export(db: Path, tmp_path: Path) -> None:
    set_pin(db, "2468")
    out = tmp_path / "copy.db"
    export_sqlite(db, out)
    assert b"scrypt$" not in out.read_bytes()


def test_reviews_are_kept_beside_the_original_scores(db: Path) -> None:
    conn = sqlite3.connect(db)
    attempt = conn.execute("select id from attempts limit 1").fetchone()[0]
    original = dict(
        conn.execute(
            "select indicator, score from scores where attempt_id = ?", [attempt]
        ).fetchall()
    )
    conn.close()
    add_review(db, attempt, comment="請先同理再解釋", author="林老師")
    add_review(db, attempt, adjusted_score=80, indicator="3.2")
    add_review(db, attempt, adjusted_score=85, indicator="3.2", comment="重新評估")
    add_review(db, attempt, adjusted_score=70)
    assert adjusted_scores(db, attempt) == {"3.2": 85, "total": 70}
    assert [r["comment"] for r in reviews(db, attempt)] == [
        "請先同理再解釋",
        None,
        "重新評估",
        None,
    ]
    conn = sqlite3.connect(db)
    after = dict(
        conn.execute(
            "select indicator, score from scores where attempt_id = ?", [attempt]
        ).fetchall()
    )
    conn.close()
    assert after == original
    with pytest.raises(StoreError):
        add_review(db, attempt)
    with pytest.raises(StoreError):
        add_review(db, attempt, adjusted_score=101)
    with pytest.raises(StoreError):
        add_review(db, attempt, adjusted_score=50, indicator="9.9")
    with pytest.raises(StoreError):
        add_review(db, "no-such-attempt", comment="x")
