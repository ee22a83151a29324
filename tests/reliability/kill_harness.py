"""SIGKILL a headless attempt at random moments and check that nothing committed is lost.

One *trial* on a data folder:
1. start `play CASE --auto random --jsonl --step-delay-ms D` and kill it (SIGKILL)
   at a random moment: either a random time after launch (often during start-up or
   the first transaction) or just after the k-th reported decision plus a random
   fraction of the step delay (often in the middle of the next transaction);
2. sometimes also kill the `play --resume` that follows, the same way;
3. after every kill check the database (`check_database`): integrity_check is ok,
   every decision the killed process reported on stdout is stored with the same id
   and seq, no attempt is half-written, every listed backup is healthy;
4. finish every unfinished attempt with `play --resume ID --auto random` and check
   it completed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from trainer.store.backup import healthy, list_backups
from trainer.store.recovery import open_store

REPO = Path(__file__).resolve().parents[2]
INDICATOR_COUNT = 5


@dataclass
class Figures:
    kills: int = 0
    reported: int = 0
    lost: int = 0
    half_written: int = 0
    integrity_failures: int = 0
    resumes: int = 0
    resume_failures: int = 0
    killed_before_first_decision: int = 0
    resume_seconds: list[float] = field(default_factory=list)
    reopen_seconds: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def merge(self, other: Figures) -> None:
        for name in (
            "kills",
            "reported",
            "lost",
            "half_written",
            "integrity_failures",
            "resumes",
            "resume_failures",
            "killed_before_first_decision",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.resume_seconds += other.resume_seconds
        self.reopen_seconds += other.reopen_seconds
        self.problems += other.problems

    def summary(self) -> dict[str, object]:
        times = sorted(self.resume_seconds) or [0.0]
        reopen = sorted(self.reopen_seconds) or [0.0]
        return {
            "kills": self.kills,
            "decisions_reported_before_kill": self.reported,
            "decisions_lost": self.lost,
            "half_written": self.half_written,
            "integrity_failures": self.integrity_failures,
            "resumes": self.resumes,
            "resume_failures": self.resume_failures,
            "killed_before_first_decision": self.killed_before_first_decision,
            "resume_seconds_median": round(statistics.median(times), 3),
            "resume_seconds_max": round(max(times), 3),
            "reopen_seconds_median": round(statistics.median(reopen), 4),
            "reopen_seconds_max": round(max(reopen), 4),
        }


def _cli(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "trainer", "--data-dir", str(data), *args]


def _play(data: Path, rng: random.Random, target: list[str], *output: str) -> list[str]:
    seed = str(rng.randrange(10**6))
    return _cli(data, "play", *target, "--auto", "random", "--seed", seed, *output)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("TRAINER_DATA_DIR", None)
    return env


def kill_at_random(
    cmd: list[str], rng: random.Random, delay_ms: int
) -> tuple[bool, list[dict[str, object]]]:
    """Run `cmd`, SIGKILL it at a random moment; (was it killed, JSONL lines it reported).

    A process that finished before its moment came is not counted as a kill.
    """
    proc = subprocess.Popen(
        cmd, cwd=REPO, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    lines: list[str] = []
    seen = threading.Condition()
    ended = threading.Event()

    def reader() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            with seen:
                lines.append(line)
                seen.notify_all()
        with seen:
            ended.set()
            seen.notify_all()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 1.5))
    else:
        wanted = rng.randint(1, 8)
        with seen:
            seen.wait_for(lambda: len(lines) >= wanted or ended.is_set(), timeout=30)
        time.sleep(rng.uniform(0.0, (delay_ms + 3) / 1000))
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    killed = killed and proc.returncode == -signal.SIGKILL
    thread.join(timeout=30)
    reported = []
    for line in lines:
        try:
            reported.append(json.loads(line))
        except ValueError:
            continue  # a line cut by the kill was never fully reported
    return killed, reported


def reopen(db_path: Path, figures: Figures) -> None:
    """Open the killed database as the next start would; time it; expect no notice."""
    start = time.perf_counter()
    store, notices = open_store(db_path.parent)
    try:
        offered = sorted(a["id"] for a in store.unfinished_attempts())  # what the app offers
    finally:
        store.close()
    figures.reopen_seconds.append(time.perf_counter() - start)
    if notices:
        figures.problems.append(f"reopening after a kill needed recovery: {notices}")
    if offered != sorted(unfinished(db_path)):
        figures.problems.append(f"resume offer {offered} != unfinished attempts")


def check_database(db_path: Path, reported: list[dict[str, object]], figures: Figures) -> None:
    """The checks run after every kill (see the module docstring)."""
    if not db_path.exists():
        if reported:
            figures.lost += len(reported)
            figures.problems.append("database missing after decisions were reported")
        return
    conn = sqlite3.connect(str(db_path))
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            figures.integrity_failures += 1
            figures.problems.append(f"integrity_check: {result[:3]}")
            return
        for line in reported:
            row = conn.execute(
                "select seq, attempt_id from decisions where id = ?", [line["event_id"]]
            ).fetchone()
            if row is None or row[0] != line["seq"] or row[1] != line["attempt_id"]:
                figures.lost += 1
                figures.problems.append(f"reported decision not stored: {line}")
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        if "attempts" not in tables:
            return
        for attempt_id, status, count, total, finished in conn.execute(
            "select id, status, decisions, total, finished_at from attempts"
        ).fetchall():
            rows, top = conn.execute(
                "select count(*), coalesce(max(seq), 0) from decisions where attempt_id = ?",
                [attempt_id],
            ).fetchone()
            scores = conn.execute(
                "select count(*) from scores where attempt_id = ?", [attempt_id]
            ).fetchone()[0]
            bad = count != rows or top != rows
            if status == "completed":
                bad = bad or scores != INDICATOR_COUNT or total is None or finished is None
            else:
                bad = bad or scores != 0
            if bad:
                figures.half_written += 1
                figures.problems.append(
                    f"half-written attempt {attempt_id}: status {status}, decisions {count}, "
                    f"rows {rows}, max seq {top}, scores {scores}"
                )
    finally:
        conn.close()
    for backup in list_backups(db_path.parent):
        if healthy(backup.path):
            figures.problems.append(f"unhealthy backup listed: {backup.path.name}")


def unfinished(db_path: Path) -> list[str]:
    if not db_path.exists():
        return []
    conn = sqlite3.connect(str(db_path))
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        if "attempts" not in tables:
            return []
        return [r[0] for r in conn.execute("select id from attempts where status = 'in_progress'")]
    finally:
        conn.close()


def status_of(db_path: Path, attempt_id: str) -> str:
    conn = sqlite3.connect(str(db_path))
    try:
        row = conn.execute("select status from attempts where id = ?", [attempt_id]).fetchone()
    finally:
        conn.close()
    return str(row[0]) if row else "missing"


def run_trials(
    data: Path, case_ids: list[str], kills: int, seed: int, delay_ms: int = 5
) -> Figures:
    """Kill `kills` processes on one data folder; resume every attempt to completion."""
    rng = random.Random(seed)
    figures = Figures()
    db_path = data / "trainer.db"
    while figures.kills < kills:
        jsonl = ("--jsonl", "--step-delay-ms", str(delay_ms))
        victims = [_play(data, rng, [rng.choice(case_ids)], *jsonl)]
        while victims and figures.kills < kills:
            killed, reported = kill_at_random(victims.pop(), rng, delay_ms)
            check_database(db_path, reported, figures)
            if not killed:
                continue  # it finished first: checked, but not a kill
            figures.kills += 1
            figures.reported += len(reported)
            figures.killed_before_first_decision += not reported
            reopen(db_path, figures)
            pending = unfinished(db_path)
            if pending and rng.random() < 0.5 and figures.kills < kills:
                victims.append(_play(data, rng, ["--resume", pending[0]], *jsonl))
        for attempt_id in unfinished(db_path):
            start = time.perf_counter()
            command = _play(data, rng, ["--resume", attempt_id], "--json")
            done = subprocess.run(
                command, cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120
            )
            figures.resume_seconds.append(time.perf_counter() - start)
            figures.resumes += 1
            if done.returncode != 0 or status_of(db_path, attempt_id) != "completed":
                figures.resume_failures += 1
                figures.problems.append(f"resume of {attempt_id} failed: {done.stderr[-500:]}")
            check_database(db_path, [], figures)
    return figures
