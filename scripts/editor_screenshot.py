"""Write docs/screenshots/editor.png and editor-map.png: the case editor at 1366×768.

A throwaway data dir; a new case from the template with one weak action added in 3.3
(so the detail form shows its pickers), the lint panel after a check:
    .venv/bin/python scripts/editor_screenshot.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from trainer.editor.document import CaseDocument
    from trainer.editor.template import from_template
    from trainer.ui.app import apply_style, create_app, setup_fonts
    from trainer.ui.editor.editor_window import EditorWindow

    app = create_app(sys.argv)
    family, _problem = setup_fonts()
    apply_style(app, 1.0, family)
    with tempfile.TemporaryDirectory() as tmp:
        doc = CaseDocument(from_template("my-hotel-breakfast"), "my-hotel-breakfast.yaml")
        window = EditorWindow(doc, Path(tmp), None)
        window.resize(*SIZE)
        window.show()
        window.show_section("resolving")
        form = window.form_resolving  # type: ignore[attr-defined]
        actions = next(c for c in form.children_ if c.spec.rel[-1] == "actions")
        row = actions.add_row()
        actions.set_cell(row, "kind", "stall")
        actions.set_cell(row, "text.ltext-zh", "請您先回房間休息，我們明天再處理。")
        actions.set_cell(
            row, "text.ltext-en", "Please rest in your room; we will deal with it tomorrow."
        )
        assert actions.detail is not None
        feedback = actions.detail.field(("feedback",))
        feedback.set_value("zh-TW", "拖延讓顧客繼續等待，超過指定的反應時間（知識六.1）。")
        feedback.set_value(
            "en", "Stalling keeps them waiting past the response time (knowledge 6.1)."
        )
        window.lint.run_now()
        window.lint.wait()
        for _ in range(5):
            app.processEvents()
        scroll = window.stack.currentWidget()
        holder = scroll.widget()  # type: ignore[attr-defined]
        top = actions.mapTo(holder, actions.rect().topLeft()).y()
        scroll.verticalScrollBar().setValue(max(0, top - 300))  # type: ignore[attr-defined]
        app.processEvents()
        out = Path(args.out)
        window.grab().save(str(out / "editor.png"))
        window.show_section("map")
        app.processEvents()
        window.grab().save(str(out / "editor-map.png"))
        print(window.lint.status.text())
        doc.mark_saved()
        window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
