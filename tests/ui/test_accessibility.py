"""Accessibility: every interactive control has an accessible name and description
(what a screen reader announces), on every page of the learner window; and every
text colour of the style sheet meets WCAG AA contrast (4.5:1) on its background."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from trainer.core.autoplay import ExpertPolicy
from trainer.ui.main_window import MainWindow

from .conftest import start_case

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
)
STYLE = Path(__file__).resolve().parents[2] / "resources" / "style.qss"


def _unnamed(page: QWidget) -> list[str]:
    """Visible interactive controls of `page` a screen reader cannot name or describe."""
    missing = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QScrollBar | QHeaderView) or isinstance(
            widget.parentWidget(), QComboBox | QAbstractSpinBox | QLineEdit
        ):
            # Scroll bars, a table's headers, a combo's own line edit, a line edit's
            # clear button: not in the Tab order, announced through their owner.
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface is not None
        name = iface.text(QAccessible.Text.Name).strip()
        description = iface.text(QAccessible.Text.Description).strip()
        if not name or not description:
            label = (
                f"{type(widget).__name__} {widget.objectName()} name={name!r} "
                f"description={description!r} text={getattr(widget, 'text', lambda: '')()!r}"
            )
            missing.append(label)
    return missing


def test_every_control_on_every_page_is_named_and_described(
    qtbot: Any, window: MainWindow, no_modals: dict[str, list[Any]]
) -> None:
    pages: dict[str, QWidget] = {"window bar": window.menuWidget() or window}
    pages["profiles"] = window.profiles
    start_case(qtbot, window)
    pages["library"] = window.library
    play = window.play
    pages["play: options"] = play
    assert _unnamed(play) == [], "play: options"
    policy = ExpertPolicy()
    seen = {"options"}
    while play.runner is not None and not play.runner.finished:
        current = play.action_area.currentWidget()
        name = {play.report: "report", play.reflection: "reflection"}.get(current)
        if name and name not in seen:
            seen.add(name)
            assert _unnamed(play) == [], f"play: {name}"
        play._act(policy.next_action(play.runner.session))
    assert {"report", "reflection"} <= seen
    pages["sheet"] = window.sheet
    window.show_history()
    pages["history"] = window.history
    for name, page in pages.items():
        missing = _unnamed(page)
        assert not missing, name + ":\n" + "\n".join(missing)
    window.history.replay_button.click()
    assert _unnamed(play) == [], "play: replay"


# -- contrast -------------------------------------------------------------------------

HEX = re.compile(r"#([0-9a-fA-F]{6})\b")
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
CANVAS = ("#ffffff", "#f3f5fa")  # cards and the page canvas


def _luminance(hex_color: str) -> float:
    value = hex_color.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _prop(body: str, name: str) -> str | None:
    match = re.search(rf"(?:^|;)\s*{name}\s*:\s*([^;]+)", body)
    return match.group(1).strip() if match else None


#: Rules whose widgets sit on a background the selector does not name: the nav
#: buttons are on the app bar's gradient (both stops are checked).
PLACED_ON = {'QPushButton[role="nav"]': ("#18244a", "#2a4fae")}


def _grounds(body: str) -> list[str]:
    background = _prop(body, "background") or _prop(body, "background-color")
    if background and "transparent" not in background and HEX.search(background):
        return ["#" + h for h in HEX.findall(background)]
    return []


def text_pairs() -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every rule that sets a text colour.

    The background is the rule's own solid background, or (for gradient stops) each
    stop, or else both the white card and the page canvas it may sit on. Disabled
    states are exempt (WCAG 1.4.3).
    """
    css = re.sub(r"/\*.*?\*/", "", STYLE.read_text(encoding="utf-8"), flags=re.S)
    rules = [(" ".join(sel.split()), body) for sel, body in RULE.findall(css)]
    backgrounds: dict[str, list[str]] = {}
    for selector, body in rules:
        for single in selector.split(","):
            if grounds := _grounds(body):
                backgrounds.setdefault(single.strip(), grounds)
    pairs = []
    for selector, body in rules:
        color = _prop(body, "color")
        if not color or ":disabled" in selector or not HEX.search(color):
            continue
        fg = "#" + HEX.search(color).group(1)  # type: ignore[union-attr]
        for single in (part.strip() for part in selector.split(",")):
            grounds = _grounds(body)
            # A descendant rule ("A B") sits on A's background when A has one.
            ancestor = single.rsplit(" ", 1)[0] if " " in single else ""
            if not grounds and ancestor in backgrounds:
                grounds = backgrounds[ancestor]
            if not grounds:
                grounds = list(PLACED_ON.get(single, CANVAS))
            pairs.extend((single, fg, bg) for bg in grounds)
    return pairs


def test_style_sheet_text_colours_meet_wcag_aa() -> None:
    pairs = text_pairs()
    assert len(pairs) > 40
    failing = [
        f"{sel}: {fg} on {bg} = {contrast(fg, bg):.2f}"
        for sel, fg, bg in pairs
        if contrast(fg, bg) < 4.5
    ]
    assert failing == []


@pytest.mark.parametrize(
    ("fg", "bg", "ratio"), [("#000000", "#ffffff", 21.0), ("#777777", "#ffffff", 4.48)]
)
def test_contrast_formula(fg: str, bg: str, ratio: float) -> None:
    assert contrast(fg, bg) == pytest.approx(ratio, abs=0.01)
