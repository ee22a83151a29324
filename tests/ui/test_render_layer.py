"""The window-free rendering layer: exchange and render never pull in trainer.ui or QtWidgets."""

from __future__ import annotations

import subprocess
import sys


def test_render_and_pdf_export_import_no_window_code() -> None:
    """Importing the PDF export path loads no trainer.ui module and no QtWidgets."""
    code = (
        "import sys\n"
        "import trainer.exchange.pdf_export, trainer.render.report_pdf, trainer.render.charts\n"
        "import trainer.render.fonts, trainer.render.sheet_html\n"
        "bad = [m for m in sys.modules if m.startswith('trainer.ui') or m == 'PySide6.QtWidgets']\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
