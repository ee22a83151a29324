"""The core, the store and the headless CLI never import Qt."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

SCRIPT = r"""
import sys, tempfile, contextlib, io
import trainer.core.model, trainer.core.loader, trainer.core.engine, trainer.core.scoring
import trainer.core.lint, trainer.core.autoplay, trainer.core.sheet, trainer.core.coverage
import trainer.store.db, trainer.service
from trainer.cli import main
root = tempfile.mkdtemp()
out = io.StringIO()
with contextlib.redirect_stdout(out):
    assert main(["--data-dir", root, "cases", "validate"]) == 0
    assert main(["--data-dir", root, "cases", "list", "--json"]) == 0
    assert main(["--data-dir", root, "play", "beitou-hot-spring-cold-water", "--auto", "expert", "--json"]) == 0
    assert main(["--data-dir", root, "db", "check"]) == 0
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print("QT:" + ",".join(loaded))
"""


def test_core_and_cli_do_not_import_qt() -> None:
    """Importing the core and running the headless commands loads no PySide6 module."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "QT:"
