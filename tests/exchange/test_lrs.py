"""Pushing to an LRS: a real Ralph LRS on 127.0.0.1, and a scripted one for failures.

Ralph 5.1's filesystem backend accepts one write per store, so each Ralph push
below goes to a fresh store in a single batch; batching, retries and resuming are
checked against a small scripted LRS (http.server) on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.exchange.conftest import ClassLogs, ok
from trainer.exchange.instructor import add_review
from trainer.exchange.lrs import PASSWORD_ENV, LrsError, LrsTarget, push
from trainer.exchange.merge import merge_files
from trainer.store.db import open_database
from trainer.store.outbox import acked_ids


@pytest.fixture(scope="module")
def class_db(class_logs: ClassLogs, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lrs-class")
    merge_files(root / "trainer.db", class_logs.logs)
    db = open_database(root / "trainer.db")
    attempt = db.execute("select id from attempts order by started_at limit 1").fetchone()[0]
    db.close()
    add_review(root / "trainer.db", attempt, adjusted_score=70, author="林老師")
    return root


def fresh(class_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "class"
    shutil.copytree(class_db, copy)
    return copy


def push_cli(data: Path, endpoint: str, password: str, *extra: str) -> Any:
    env_before = os.environ.get(PASSWORD_ENV)
    os.environ[PASSWORD_ENV] = password
    try:
        return run_cli(
            "lrs", "push", "--endpoint", endpoint, "--user", "trainer-test", *extra, data=data
        )
    finally:
        if env_before is None:
            os.environ.pop(PASSWORD_ENV, None)
        else:
            os.environ[PASSWORD_ENV] = env_before


def test_push_to_ralph_then_a_second_push_sends_nothing(class_db: Path, tmp_path: Path) -> None:
    from tests.exchange.ralph_lrs import LRS, PASSWORD, RalphUnavailable, ensure_ralph

    try:
        python = ensure_ralph()
    except RalphUnavailable as exc:
        pytest.skip(f"Ralph LRS cannot be installed here: {exc}")
    data = fresh(class_db, tmp_path)
    lrs = LRS(python, tmp_path / "ralph").start()
    try:
        endpoint = lrs.base + "/xAPI/"
        wrong = push_cli(data, endpoint, "not-the-password", "--json")
        assert wrong.returncode == 3, wrong.stderr
        assert json.loads(wrong.stdout)["error"] == "auth"
        assert "refused the user or password" in wrong.stderr

        first = json.loads(ok(push_cli(data, endpoint, PASSWORD, "--json", "--batch", "100000")))
        assert first["sent"] == first["statements"] > 50 and first["already_sent"] == 0
        assert first["batches"] == 1
        status, found = lrs.request("GET", "/xAPI/statements?limit=1000")
        assert status == 200
        stored = found["statements"]
        assert len(stored) == first["sent"]
        scored = [s for s in stored if s["verb"]["id"].endswith("/scored")]
        assert len(scored) == 1 and scored[0]["result"]["score"]["raw"] == 70
        assert scored[0]["result"]["success"] is True  # adjusted to 70: a pass
        choice = next(
            s for s in stored if s["object"]["definition"].get("interactionType") == "choice"
        )
        assert choice["object"]["definition"]["choices"]

        second = json.loads(ok(push_cli(data, endpoint, PASSWORD, "--json")))
        assert second["sent"] == 0 and second["batches"] == 0
        assert second["already_sent"] == first["statements"]
        status, again = lrs.request("GET", "/xAPI/statements?limit=1000")
        assert len(again["statements"]) == len(stored)
        shown = ok(run_cli("lrs", "status", data=data))
        assert f"{first['sent']} acknowledged" in shown
    finally:
        lrs.stop()


class Scripted:
    """A scripted LRS: answers from `plan` (one status per request, then 200)."""

    def __init__(self) -> None:
        self.plan: list[int] = []
        self.reject: set[str] = set()
        self.received: list[list[dict[str, Any]]] = []
        self.auth: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.auth.append(self.headers.get("Authorization", ""))
                status = outer.plan.pop(0) if outer.plan else 200
                if status == 200 and any(s["id"] in outer.reject for s in body):
                    status = 400
                if status == 200:
                    outer.received.append(body)
                reply = json.dumps([s["id"] for s in body] if status == 200 else {"detail": "no"})
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(reply.encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def scripted() -> Iterator[Scripted]:
    lrs = Scripted()
    yield lrs
    lrs.stop()


def test_batches_retry_with_backoff_and_resume(
    class_db: Path, tmp_path: Path, scripted: Scripted
) -> None:
    data = fresh(class_db, tmp_path)
    target = LrsTarget(scripted.url, "teacher", "secret")
    waits: list[float] = []
    seen: list[tuple[int, int]] = []
    # batch 1 ok; batch 2 fails 503 twice (retried with backoff), then ok;
    # batch 3 fails five times: the push stops with a server error
    scripted.plan = [200, 503, 503, 200, 503, 503, 503, 503, 503]
    with pytest.raises(LrsError) as stopped:
        push(
            data,
            target,
            batch_size=10,
            retries=4,
            backoff=0.5,
            sleep=waits.append,
            progress=lambda d, t: seen.append((d, t)),
        )
    assert stopped.value.kind == "server" and stopped.value.sent == 20
    assert waits[:2] == [0.5, 1.0] and waits[2:] == [0.5, 1.0, 2.0, 4.0]
    assert seen[0][0] == 0 and seen[-1][0] == 20
    total = seen[0][1]
    db = open_database(data / "trainer.db")
    try:
        assert len(acked_ids(db, scripted.url)) == 20
    finally:
        db.close()
    # resume: only what was not acknowledged goes out, in batches
    result = push(data, target, batch_size=10, sleep=waits.append)
    assert result.already == 20 and result.sent == total - 20
    sent_ids = [s["id"] for batch in scripted.received for s in batch]
    assert len(sent_ids) == len(set(sent_ids)) == total  # nothing twice
    assert all(len(b) <= 10 for b in scripted.received)
    assert push(data, target, sleep=waits.append).sent == 0
    assert scripted.auth[0].startswith("Basic ")


def test_a_rejected_statement_is_named_and_the_rest_before_it_is_kept(
    class_db: Path, tmp_path: Path, scripted: Scripted
) -> None:
    data = fresh(class_db, tmp_path)
    from trainer.exchange.filters import Filters
    from trainer.exchange.xapi import iter_statements

    db = open_database(data / "trainer.db")
    try:
        statements = [s for _a, s in iter_statements(db.conn, Filters())]
    finally:
        db.close()
    bad = statements[13]["id"]
    scripted.reject = {bad}
    with pytest.raises(LrsError) as stopped:
        push(data, LrsTarget(scripted.url, "t", "p"), batch_size=8, sleep=lambda s: None)
    assert stopped.value.kind == "rejected"
    assert bad in str(stopped.value) and "HTTP 400" in str(stopped.value)
    assert stopped.value.sent == 13  # everything before it was narrowed down and kept


def test_unreachable_and_missing_password_are_explained(class_db: Path, tmp_path: Path) -> None:
    data = fresh(class_db, tmp_path)
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = push_cli(data, f"http://127.0.0.1:{port}/xAPI/", "pw", "--retries", "1")
    assert done.returncode == 3 and "cannot reach the LRS" in done.stderr
    assert "tried 2 times" in done.stderr
    done = push_cli(data, f"http://127.0.0.1:{port}/xAPI/", "")
    assert done.returncode == 3 and PASSWORD_ENV in done.stderr
