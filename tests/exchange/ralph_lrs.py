"""A real Learning Record Store for the xAPI test: Ralph, filesystem backend, loopback only.

Ralph is installed into its OWN virtual environment in a cache folder (never into
the project's dependencies, whose versions it would fight over). The first run
installs it (about a minute); later runs reuse it. Set RALPH_VENV to choose the
folder. `LRS.start()` runs it on 127.0.0.1 on a free port with a throwaway user.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

# The fs backend is built in; the `lrs` extra forgets `requests`, which its OIDC module imports.
RALPH_REQUIREMENT = "ralph-malph[lrs]==5.1.0"
EXTRA_REQUIREMENTS = ("requests",)
USER, PASSWORD = "trainer-test", "trainer-test-password"


class RalphUnavailable(Exception):
    """Ralph could not be installed here (offline, no pip): the test is skipped."""


def venv_dir() -> Path:
    if os.environ.get("RALPH_VENV"):
        return Path(os.environ["RALPH_VENV"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "complaint-trainer-tests" / "ralph-5.1.0"


def _python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_ralph() -> Path:
    """The Python of a venv where `import ralph.api` works, installing it if needed."""
    venv = venv_dir()
    python = _python(venv)
    check = [str(python), "-c", "import ralph.api, bcrypt, uvicorn"]
    env = {**os.environ, "RALPH_RUNSERVER_BACKEND": "fs"}
    if python.exists() and subprocess.run(check, capture_output=True, env=env).returncode == 0:
        return python
    base = getattr(sys, "_base_executable", sys.executable)
    steps = [
        [base, "-m", "venv", "--clear", str(venv)],
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            RALPH_REQUIREMENT,
            *EXTRA_REQUIREMENTS,
        ],
    ]
    for cmd in steps:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise RalphUnavailable(
                f"cannot install {RALPH_REQUIREMENT} into {venv}: "
                f"{(done.stderr or done.stdout).strip()[-400:]}"
            )
    done = subprocess.run(check, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RalphUnavailable(
            f"{RALPH_REQUIREMENT} installed but `import ralph.api` fails: {done.stderr[-400:]}"
        )
    return python


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LRS:
    def __init__(self, python: Path, workdir: Path) -> None:
        self.python = python
        self.workdir = workdir
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> LRS:
        store = self.workdir / "lrs"
        store.mkdir(parents=True, exist_ok=True)
        hashed = subprocess.run(
            [
                str(self.python),
                "-c",
                "import bcrypt,sys; print(bcrypt.hashpw(sys.argv[1].encode(), "
                "bcrypt.gensalt()).decode())",
                PASSWORD,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        auth = self.workdir / "auth.json"
        auth.write_text(
            json.dumps(
                [
                    {
                        "username": USER,
                        "hash": hashed,
                        "scopes": ["all"],
                        "agent": {"account": {"homePage": "http://127.0.0.1", "name": USER}},
                    }
                ]
            )
        )
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.workdir),
            "RALPH_APP_DIR": str(self.workdir / "app"),
            "RALPH_AUTH_FILE": str(auth),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(store),
        }
        self.log = (self.workdir / "ralph.log").open("wb")
        self.proc = subprocess.Popen(
            [
                str(self.python),
                "-m",
                "uvicorn",
                "ralph.api:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
            ],
            cwd=self.workdir,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Ralph exited: {self.output()}")
            try:
                with urllib.request.urlopen(self.base + "/__lbheartbeat__", timeout=2):
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"Ralph did not start within {timeout}s: {self.output()}")

    def output(self) -> str:
        return (self.workdir / "ralph.log").read_text(errors="replace")[-2000:]

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode("utf-8")
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        req = urllib.request.Request(
            self.base + path,
            data=data,
            method=method,
            headers={
                "Authorization": f"Basic {token}",
                "Content-Type": "application/json",
                "X-Experience-API-Version": "1.0.3",
            },
        )
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                raw = resp.read()
                return resp.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
