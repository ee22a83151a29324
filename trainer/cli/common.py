"""Helpers shared by the CLI commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from trainer.paths import data_dir
from trainer.service import Workspace


def root_of(args: argparse.Namespace) -> Path:
    return data_dir(getattr(args, "data_dir", None))


def open_workspace(args: argparse.Namespace, *, writer: bool = False) -> Workspace:
    """Open the data folder (`writer`: take its writer lock); tell recovery notices."""
    workspace = Workspace.open(root_of(args), writer=writer)
    for notice in workspace.notices:
        print(f"notice: {notice}", file=sys.stderr)
    return workspace


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def print_jsonl(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()
