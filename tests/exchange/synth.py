"""Synthetic learner logs of any size, for performance tests (valid for merge_files)."""

from __future__ import annotations

import random
import uuid
from pathlib import Path

from trainer.core.vocab import INDICATORS, STEP_INDICATOR
from trainer.store.db import open_database

STEPS = list(STEP_INDICATOR)


def make_log(path: Path, attempts: int, decisions_per_attempt: int, seed: int = 0) -> None:
    """One laptop's log: one learner, `attempts` finished attempts, all rows valid."""
    rnd = random.Random(seed)
    db = open_database(path)
    conn = db.conn
    learner = str(uuid.uuid4())
    stamp = "2025-03-01T09:00:00.000+00:00"
    with db.atomic():
        conn.execute(
            "insert into learners (id, display_name, student_no, class_name, created_at) "
            "values (?, ?, ?, ?, ?)",
            [learner, f"學員{seed:03d}", f"S{seed:05d}", f"班{seed % 3}", stamp],
        )
        for _ in range(attempts):
            attempt = str(uuid.uuid4())
            total = rnd.randint(0, 100)
            conn.execute(
                "insert into attempts (id, learner_id, case_id, case_version, case_title, mode, "
                "lang, status, started_at, updated_at, finished_at, decisions, outcome, "
                "escalated, total) values (?, ?, 'beitou-hot-spring-cold-water', 1, '北投', "
                "'practice', 'zh-TW', 'completed', ?, ?, ?, ?, 'resolved', ?, ?)",
                [
                    attempt,
                    learner,
                    stamp,
                    stamp,
                    "2025-03-01T09:10:00.000+00:00",
                    decisions_per_attempt,
                    rnd.random() < 0.2,
                    total,
                ],
            )
            conn.executemany(
                "insert into decisions (id, attempt_id, seq, ts, think_ms, step, indicator, "
                "action, option_id, quality, free_text, payload) "
                "values (?, ?, ?, ?, ?, ?, ?, 'choose', ?, ?, ?, '{}')",
                (
                    (
                        str(uuid.uuid4()),
                        attempt,
                        seq,
                        stamp,
                        rnd.randint(500, 30000),
                        step,
                        STEP_INDICATOR[step],
                        f"opt_{rnd.randint(1, 9)}",
                        rnd.choice(("best", "good", "fair", "poor")),
                        "我會先道歉，再確認房號。",
                    )
                    for seq in range(1, decisions_per_attempt + 1)
                    for step in [STEPS[min(4, (seq - 1) * 5 // decisions_per_attempt)]]
                ),
            )
            conn.executemany(
                "insert into scores (id, attempt_id, indicator, score, reason_zh, reason_en) "
                "values (?, ?, ?, ?, '理由', 'reason')",
                [(str(uuid.uuid4()), attempt, i, rnd.randint(0, 100)) for i in INDICATORS],
            )
            conn.execute(
                "insert into reflections (id, attempt_id, prompt_id, text, created_at) "
                "values (?, ?, 'do_differently', '下次我會先請客人坐下。', ?)",
                [str(uuid.uuid4()), attempt, stamp],
            )
    db.execute("pragma journal_mode = delete")
    db.close()
