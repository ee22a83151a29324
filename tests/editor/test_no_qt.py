"""The editor's document layer and `cases new` / `cases import FILE.yaml` load no Qt."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

SCRIPT = r"""
import sys, tempfile, pathlib, contextlib, io
import trainer.editor.document, trainer.editor.checks, trainer.editor.drafts
import trainer.editor.graph, trainer.editor.install, trainer.editor.library
import trainer.editor.template, trainer.editor.trial, trainer.editor.yamlio
from trainer.cli import main
root = tempfile.mkdtemp()
out = pathlib.Path(root) / "mine.yaml"
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    assert main(["--data-dir", root, "cases", "new", "--out", str(out)]) == 0
    assert main(["--data-dir", root, "cases", "import", str(out)]) == 0
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print("QT:" + ",".join(loaded))
"""


def test_editor_core_does_not_import_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "QT:"
