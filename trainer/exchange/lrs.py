"""Pushing xAPI statements to a Learning Record Store (e.g. the school's Ralph).

- Statements are built exactly as the xAPI export builds them (trainer.exchange.xapi),
  with deterministic ids, so a resend can never duplicate.
- Only statements the outbox (trainer.store.outbox) has not recorded for this
  endpoint are sent, in batches (POST <endpoint>/statements, xAPI 1.0.3, HTTP Basic).
  Each acknowledged batch is recorded at once: an interrupted push resumes, and a
  second push sends nothing.
- A connection failure, a timeout, HTTP 429 or 5xx is retried with exponential
  backoff; then the push stops with a clear error. HTTP 401/403 stops at once (bad
  user or password). HTTP 400 (a statement rejected) is narrowed down by splitting
  the batch until the one rejected statement is named; everything sent before it
  stays recorded.
- The password is never stored by this module (the CLI reads TRAINER_LRS_PASSWORD;
  the GUI asks, or uses the system keyring).
"""

from __future__ import annotations

import base64
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.exchange.atomic import ExportError
from trainer.exchange.filters import Filters
from trainer.exchange.source import Source, opened
from trainer.exchange.xapi import XapiConfig, iter_statements, library_for
from trainer.store.outbox import acked_ids, endpoint_key, record_acked
from trainer.store.roster import settle_identities

PASSWORD_ENV = "TRAINER_LRS_PASSWORD"
KEYRING_SERVICE = "complaint-trainer-lrs"
DEFAULT_BATCH = 100
TIMEOUT_S = 30.0

Progress = Callable[[int, int], None]  # (sent so far, to send)


class LrsError(ExportError):
    """A push that stopped; `kind` is auth, unreachable, rejected, server or cancelled."""

    def __init__(self, kind: str, message: str, sent: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.sent = sent


@dataclass(frozen=True)
class LrsTarget:
    endpoint: str
    user: str
    password: str = field(repr=False)

    @property
    def statements_url(self) -> str:
        return endpoint_key(self.endpoint) + "/statements"

    def checked(self) -> LrsTarget:
        if not self.endpoint.startswith(("http://", "https://")):
            raise LrsError("config", f"the endpoint '{self.endpoint}' is not an http(s) URL")
        if not self.user:
            raise LrsError("config", "an LRS user is needed")
        if not self.password:
            raise LrsError(
                "auth", f"no password: set {PASSWORD_ENV} (command line) or type it in the app"
            )
        return self


@dataclass
class PushResult:
    endpoint: str
    total: int  # statements for the chosen attempts
    already: int  # acknowledged by an earlier push
    sent: int  # acknowledged by this push
    batches: int
    retries: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "statements": self.total,
            "already_sent": self.already,
            "sent": self.sent,
            "batches": self.batches,
            "retries": self.retries,
        }


class _Http:
    """One LRS conversation: POSTs with retry and backoff."""

    def __init__(
        self,
        target: LrsTarget,
        retries: int,
        backoff: float,
        sleep: Callable[[float], None],
    ) -> None:
        self.target = target
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.retried = 0
        token = base64.b64encode(f"{target.user}:{target.password}".encode()).decode()
        self.headers = {
            "Authorization": f"Basic {token}",
            "Content-Type": "application/json",
            "X-Experience-API-Version": "1.0.3",
        }

    def post(self, statements: Sequence[dict[str, Any]]) -> tuple[int, str]:
        """(HTTP status, body) of one POST; retries what may pass on a second try."""
        data = json.dumps(list(statements), ensure_ascii=False).encode("utf-8")
        url = self.target.statements_url
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.retried += 1
                self.sleep(self.backoff * 2 ** (attempt - 1))
            request = urllib.request.Request(url, data=data, method="POST", headers=self.headers)
            try:
                with urllib.request.urlopen(request, timeout=TIMEOUT_S) as resp:
                    return int(resp.status), resp.read().decode("utf-8", "replace")
            except urllib.error.HTTPError as exc:
                body = exc.read().decode("utf-8", "replace")
                if exc.code == 429 or exc.code >= 500:
                    last = f"the LRS answered HTTP {exc.code}: {body[:300]}"
                    continue
                return int(exc.code), body
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                last = f"cannot reach the LRS at {url}: {reason}"
                continue
        kind = "server" if last.startswith("the LRS answered") else "unreachable"
        raise LrsError(kind, f"{last} (tried {self.retries + 1} times)")


def _describe(statement: dict[str, Any]) -> str:
    verb = str(statement.get("verb", {}).get("id", "?")).rsplit("/", 1)[-1]
    obj = str(statement.get("object", {}).get("id", "?"))
    return f"statement {statement.get('id')} ({verb} {obj})"


class _Pusher:
    def __init__(self, db: Any, http: _Http, progress: Progress | None, cancel: Any) -> None:
        self.db = db
        self.http = http
        self.progress = progress
        self.cancel = cancel
        self.sent = 0
        self.batches = 0
        self.total = 0

    def send(self, batch: list[tuple[str, dict[str, Any]]]) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise LrsError("cancelled", f"cancelled after {self.sent} statements", self.sent)
        status, body = self.http.post([s for _a, s in batch])
        self.batches += 1
        if status in (200, 204):
            self._ack(batch)
        elif status == 409:
            # The LRS holds these ids already (same deterministic ids): nothing to resend.
            self._ack(batch)
        elif status in (401, 403):
            raise LrsError(
                "auth",
                f"the LRS refused the user or password (HTTP {status}); nothing more was sent",
                self.sent,
            )
        elif status in (400, 413) and len(batch) > 1:
            middle = len(batch) // 2
            self.send(batch[:middle])
            self.send(batch[middle:])
        else:
            attempt_id, statement = batch[0]
            raise LrsError(
                "rejected",
                f"the LRS rejected {_describe(statement)} of attempt {attempt_id} "
                f"(HTTP {status}): {body[:400]}",
                self.sent,
            )

    def _ack(self, batch: list[tuple[str, dict[str, Any]]]) -> None:
        record_acked(self.db, self.http.target.endpoint, [(s["id"], a) for a, s in batch])
        self.sent += len(batch)
        if self.progress is not None:
            self.progress(self.sent, self.total)


def push(
    source: Source | Path,
    target: LrsTarget,
    filters: Filters | None = None,
    *,
    config: XapiConfig | None = None,
    library: Any | None = None,
    batch_size: int = DEFAULT_BATCH,
    retries: int = 4,
    backoff: float = 0.5,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PushResult:
    """Send the statements the LRS has not acknowledged yet; see the module docstring."""
    target = target.checked()
    filters = filters or Filters()
    with opened(source) as db:
        filters.check(db.conn)
        settle_identities(db)  # the same student number on two laptops: one actor
        if library is None:
            library = library_for(db.conn)
        done = acked_ids(db, target.endpoint)
        pending: list[tuple[str, dict[str, Any]]] = []
        total = 0
        for attempt_id, statement in iter_statements(db.conn, filters, config, library):
            total += 1
            if statement["id"] not in done:
                pending.append((attempt_id, statement))
        http = _Http(target, retries, backoff, sleep)
        pusher = _Pusher(db, http, progress, cancel)
        pusher.total = len(pending)
        if progress is not None:
            progress(0, len(pending))
        size = max(1, int(batch_size))
        try:
            for start in range(0, len(pending), size):
                pusher.send(pending[start : start + size])
        except LrsError as exc:
            exc.sent = pusher.sent
            raise
    return PushResult(
        endpoint=endpoint_key(target.endpoint),
        total=total,
        already=total - len(pending),
        sent=pusher.sent,
        batches=pusher.batches,
        retries=http.retried,
    )


def keyring_password(endpoint: str, user: str) -> str | None:
    """The password saved in the system keyring, if the `keyring` package is there."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, f"{user}@{endpoint_key(endpoint)}")
    except Exception:  # no usable backend on this system
        return None
    return str(value) if value else None


def save_keyring_password(endpoint: str, user: str, password: str) -> bool:
    try:
        import keyring
    except ImportError:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, f"{user}@{endpoint_key(endpoint)}", password)
    except Exception:
        return False
    return True


def keyring_available() -> bool:
    try:
        import keyring  # noqa: F401
    except ImportError:
        return False
    return True
