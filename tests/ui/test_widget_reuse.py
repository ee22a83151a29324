"""The play step's speed-ups must not change what is shown: reused option buttons,
labels that remember their height per width, progress bars painted later."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

from trainer.ui.widgets.common import plain, restyle, set_bar
from trainer.ui.widgets.options import ADVANCE, OptionsPanel, OptionView

LONG = "我們的溫泉池水是冷的，這不是我預期的服務品質。Cold water, not what I paid for. " * 3


def _shown(qtbot: Any, *labels: QLabel) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    for label in labels:
        layout.addWidget(label)
    qtbot.addWidget(holder)
    holder.show()
    return holder


def test_label_height_matches_qlabel_after_text_style_and_font_changes(qtbot: Any) -> None:
    """The remembered height equals what QLabel itself computes, whatever changed."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    label = plain(LONG, "note")
    holder = _shown(qtbot, label)  # keep the parent (and so the label) alive

    def same() -> None:
        for width in (120, 240, 241, 500, 120):
            assert label.heightForWidth(width) == QLabel.heightForWidth(label, width)

    same()
    label.setText(LONG * 2)  # new text
    same()
    old_sheet = app.styleSheet()
    try:
        app.setStyleSheet(old_sheet + '\nQLabel[role="note"][kind="x"] { padding: 30px 40px; }')
        same()
        restyle(label, kind="x")  # new padding from the style sheet
        same()
        app.setStyleSheet(old_sheet + '\nQLabel[role="note"] { font-size: 22pt; }')  # new font
        same()
    finally:
        app.setStyleSheet(old_sheet)
    same()
    assert holder.isVisible()


def test_reused_option_buttons_show_the_new_step(qtbot: Any) -> None:
    """Buttons are reused, but texts, numbers, asked marks and names follow the views."""
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.show()
    first = [OptionView(f"q{i}", f"問題 {i}") for i in range(5)]
    panel.set_options("先問", first)
    made = list(panel.pool)
    panel.select_index(2)
    assert panel.selected() is panel.buttons[2] and panel.buttons[2].property("selected") is True

    second = [
        OptionView("a", "道歉", 1),
        OptionView("b", "已經問過", 2, asked=True),
        OptionView(ADVANCE, "結束提問", 3, advance=True),
    ]
    panel.set_options("再選", second)
    assert panel.pool[:3] == made[:3]  # no new widgets
    assert panel.prompt.text() == "再選"
    assert panel.selected() is None and not panel.send.isEnabled()
    assert all(b.property("selected") is False for b in panel.pool)
    assert [b.view.option_id for b in panel.buttons] == ["a", ADVANCE]
    assert [b.isVisible() for b in panel.pool] == [True, True, True, False, False]
    a, asked, advance = panel.pool[:3]
    assert (a.badge.text(), a.label.text(), a.accessibleName()) == ("1", "道歉", "1. 道歉")
    # An asked row keeps its place and number, ticked and disabled; numbers never shift.
    assert asked.badge.text() == "✓" and not asked.isEnabled() and asked.number == 2
    assert asked.label.property("asked") is True
    assert advance.property("role") == "optionAdvance" and advance.badge.text() == "3"
    assert not panel.select_number(2) and panel.select_number(3)
    assert panel.selected() is advance
    panel.step_selection(-1)
    assert panel.selected() is a  # ↑ skips the asked row

    panel.set_options("又一步", [OptionView(f"x{i}", f"選項 {i}") for i in range(7)])
    assert len(panel.pool) == 7 and panel.pool[:5] == made
    assert all(b.isVisible() and b.isEnabled() for b in panel.pool)
    assert panel.pool[1].property("role") == "option" and panel.pool[2].property("role") == "option"
    assert panel.pool[1].label.property("asked") is False and panel.pool[1].isEnabled()
    assert [b.badge.text() for b in panel.pool] == [str(i) for i in range(1, 8)]
    emitted: list[tuple[str, str]] = []
    panel.confirmed.connect(lambda oid, text: emitted.append((oid, text)))
    assert panel.select_index(6)
    panel.confirm()
    assert emitted == [("x6", "")]


def test_set_bar_sets_the_value(qtbot: Any) -> None:
    bar = QProgressBar()
    bar.setRange(0, 100)
    qtbot.addWidget(bar)
    bar.show()
    set_bar(bar, 40)
    assert bar.value() == 40 and bar.updatesEnabled()
    set_bar(bar, 40)
    set_bar(bar, 0)
    assert bar.value() == 0


def test_a_shown_document_replaces_the_last_one_in_memory(qtbot: Any) -> None:
    """Every reflection sheet shown used to stay in memory (~2 MB each): QTextEdit
    deletes a replaced document only when its own text control is the parent."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QTextBrowser

    from trainer.ui.widgets.common import show_document

    view = QTextBrowser()
    qtbot.addWidget(view)
    for n in range(6):
        doc = QTextDocument()
        doc.setPlainText(f"sheet {n}")
        show_document(view, doc)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert view.document().toPlainText() == "sheet 5"
    assert len(view.findChildren(QTextDocument)) == 1
