"""Checking incoming logs and staging them, a batch at a time: the merge's worker.

Each file of a batch is checked (validate.py) and its tables copied with pure SQL,
through a read-only ATTACH of the checked private copy, into the batch's staging
file: private and disposable, so written without a journal or fsync. The merging
process attaches each finished staging file and inserts its rows.

For a big merge this runs in a child process, `python -m trainer.exchange.merge_stage`
(the job as JSON on stdin, one JSON line per staged batch on stdout), while the
merging process inserts the batches already staged (trainer.exchange.child says why
a process). For a small merge it runs in the merging process, one batch at a time.
It imports neither sqlite-utils nor Qt, so the child starts quickly.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from trainer.exchange.atomic import ExportError
from trainer.exchange.child import kill, last_error_line, read_job, start_module
from trainer.exchange.validate import CheckedLog, RefusedFile, check_log, ro_uri
from trainer.store.names import DATA_TABLES


@dataclass(frozen=True)
class StageJob:
    files: list[str]
    batches: list[tuple[int, int]]  # contiguous runs of file numbers, [start, stop)
    work: str  # the merge's private temporary folder
    columns: dict[str, list[str]]  # the class database's columns per data table
    known: list[str]  # the schema steps this version knows

    def to_json(self) -> str:
        return json.dumps(asdict(self))  # ASCII: pipes may not be UTF-8 (Windows)

    @classmethod
    def from_json(cls, text: str) -> StageJob:
        data = json.loads(text)
        data["batches"] = [tuple(b) for b in data["batches"]]
        return cls(**data)


@dataclass(frozen=True)
class StagedBatch:
    numbers: range
    staging: Path
    logs: list[CheckedLog]

    def to_json(self) -> str:
        logs = [
            {"original": str(log.original), "copy": str(log.copy), "counts": log.counts}
            for log in self.logs
        ]
        return json.dumps(
            {
                "start": self.numbers.start,
                "stop": self.numbers.stop,
                "staging": str(self.staging),
                "logs": logs,
            }
        )

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> StagedBatch:
        logs = [
            CheckedLog(Path(log["original"]), Path(log["copy"]), dict(log["counts"]))
            for log in message["logs"]
        ]
        return cls(range(message["start"], message["stop"]), Path(message["staging"]), logs)


def staged_table(number: int, table: str) -> str:
    """The staging table holding `table` of file `number`."""
    return f"file_{number}_{table}"


def stage_batch(job: StageJob, numbers: range) -> StagedBatch:
    """Check the files of one batch, in order, and copy each into the batch's staging
    file. The first bad file raises RefusedFile."""
    work = Path(job.work)
    staging = work / f"stage-{numbers.start}.db"
    conn = sqlite3.connect(staging, isolation_level=None)
    logs: list[CheckedLog] = []
    try:
        conn.execute("pragma journal_mode = off")
        conn.execute("pragma synchronous = off")
        conn.execute("pragma trusted_schema = off")
        for n in numbers:
            log = check_log(Path(job.files[n]), work / f"file-{n}", job.columns, job.known)
            _copy_tables(conn, log, n, job.columns)
            logs.append(log)
    finally:
        conn.close()
    return StagedBatch(numbers, staging, logs)


def _copy_tables(
    conn: sqlite3.Connection, log: CheckedLog, number: int, columns: dict[str, list[str]]
) -> None:
    conn.execute("attach database ? as incoming", [ro_uri(log.copy)])
    try:
        conn.execute("begin")
        for table in DATA_TABLES:
            cols = ", ".join(f"[{c}]" for c in columns[table])
            conn.execute(
                f"create table [{staged_table(number, table)}] as "
                f"select {cols} from incoming.[{table}]"
            )
        attempts = staged_table(number, "attempts")
        conn.execute(f"create index [{attempts}_id] on [{attempts}](id)")
        conn.execute("commit")
    finally:
        if conn.in_transaction:
            conn.execute("rollback")
        conn.execute("detach database incoming")


class InProcessStaging:
    """The batches, checked and staged in this process as they are asked for."""

    def __init__(self, job: StageJob) -> None:
        self.job = job

    def __iter__(self) -> Iterator[StagedBatch]:
        for start, stop in self.job.batches:
            yield stage_batch(self.job, range(start, stop))

    def close(self) -> None:
        pass


class StagingChild:
    """The batches, checked and staged by a child process, yielded as each is ready.

    The child stops at the first bad file and says why; any other failure of the
    child is an ExportError naming its last line of error output.
    """

    def __init__(self, job: StageJob) -> None:
        self.job = job
        self.process = start_module("trainer.exchange.merge_stage", job.to_json())

    def __iter__(self) -> Iterator[StagedBatch]:
        stdout = self.process.stdout
        assert stdout is not None
        for expected in self.job.batches:
            line = stdout.readline()
            if not line:
                break
            try:
                message = json.loads(line)
                refused = message.get("refused")
                batch = None if refused else StagedBatch.from_message(message)
            except (ValueError, KeyError, TypeError, AttributeError):  # not our line
                break
            if refused:
                raise RefusedFile(str(refused))
            if batch is None or (batch.numbers.start, batch.numbers.stop) != tuple(expected):
                break
            yield batch
        else:
            return
        _, err = self.process.communicate()
        raise ExportError(f"checking the files failed: {last_error_line(err)}")

    def close(self) -> None:
        """Kill the child if it is still running (the merge has ended either way)."""
        kill(self.process)


def main() -> int:
    job = StageJob.from_json(read_job())  # and exit if this process loses its parent
    try:
        for start, stop in job.batches:
            print(stage_batch(job, range(start, stop)).to_json(), flush=True)
    except RefusedFile as exc:
        print(json.dumps({"refused": str(exc)}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
