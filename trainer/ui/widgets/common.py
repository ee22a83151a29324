"""Shared widget helpers: plain-text labels, cards, chips, re-styling by property."""

from __future__ import annotations

import html
import itertools

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)


class PlainLabel(QLabel):
    """A QLabel that remembers its height for each width it was asked about.

    A selectable word-wrapped QLabel lays its text document out twice per
    heightForWidth() call (at the asked width, then back), and layouts ask again
    for every label in a column whenever any sibling changes: that was most of a
    play step's time. The answer depends on the text, the font and the style
    sheet's box (padding, border), so it is kept while the text and font stay the
    same and the label is not re-polished (`repolish` forgets it).

    (No changeEvent() override: with PySide6 6.12 every call of the base
    changeEvent from Python drops a reference to None, and a style change sends
    one to every label.)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self._measured: tuple[str, QFont] | None = None

    def heightForWidth(self, width: int) -> int:
        if not self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            return super().heightForWidth(width)  # the style sheet's box is not applied yet
        key = (self.text(), self.font())
        if key != self._measured:
            self._heights.clear()
            self._measured = key
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) > 64:  # e.g. while the window is being resized
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def forget_heights(self) -> None:
        self._heights.clear()

    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)


def plain(
    text: str = "", role: str | None = None, wrap: bool = True, parent: QWidget | None = None
) -> QLabel:
    """A QLabel that never interprets its text as HTML (author/learner text is data)."""
    label = PlainLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def card(role: str = "card", parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setProperty("role", role)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 14, 16, 14)
    layout.setSpacing(8)
    return frame, layout


def chip(text: str, kind: str = "neutral", parent: QWidget | None = None) -> QLabel:
    label = plain(text, "chip", wrap=False, parent=parent)
    label.setProperty("kind", kind)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def restyle(widget: QWidget, **properties: object) -> None:
    """Set dynamic properties and make the style sheet see the change.

    Re-polishing is costly (it re-resolves the style sheet), so an unchanged
    property set is a no-op: this runs after every click.
    """
    if all(widget.property(key) == value for key, value in properties.items()):
        return
    for key, value in properties.items():
        widget.setProperty(key, value)
    repolish(widget)


def repolish(widget: QWidget) -> None:
    """Re-resolve the style sheet for `widget` (e.g. after an ancestor's property changed)."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    if isinstance(widget, PlainLabel):
        widget.forget_heights()


def set_bar(bar: QProgressBar, value: int) -> None:
    """Like bar.setValue(value), but painted with the rest of the window.

    QProgressBar.setValue() repaints at once, which also paints everything else
    already dirty (the conversation, mid-step) and is then painted again.
    """
    if bar.value() == value:
        return
    bar.setUpdatesEnabled(False)
    bar.setValue(value)
    bar.setUpdatesEnabled(True)  # schedules an ordinary update()


def show_document(view: QTextEdit, doc: QTextDocument) -> None:
    """Show `doc` in `view` and delete the document shown before it.

    QTextEdit deletes a replaced document only when it is a child of its internal
    text control, so documents made for it (a reflection sheet, ~2 MB each with its
    mood chart) piled up in memory for as long as the window was open.
    """
    old = view.document()
    doc.setParent(view)  # ours: deleted with the view, or when the next one replaces it
    view.setDocument(doc)
    # the view's own first document is deleted by setDocument itself
    if old is not doc and shiboken6.isValid(old) and old.parent() == view:
        old.deleteLater()


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            clear_layout(inner)


def scrolling_form(owner: QWidget) -> tuple[QVBoxLayout, QVBoxLayout]:
    """Fill `owner` with a scrollable form area: (owner's layout, the form's layout)."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setObjectName("formScroll")
    holder = QWidget()
    holder.setObjectName("formHolder")
    body = QVBoxLayout(holder)
    body.setContentsMargins(0, 0, 8, 0)
    body.setSpacing(8)
    scroll.setWidget(holder)
    outer.addWidget(scroll, 1)
    return outer, body


def submit_row(layout: QVBoxLayout, text: str, accessible: str) -> tuple[QLabel, QPushButton]:
    """A form's bottom row: an error line and the primary submit button."""
    row = QHBoxLayout()
    error = plain("", "error")
    row.addWidget(error, 1)
    button = QPushButton(text)
    button.setProperty("role", "primary")
    button.setAccessibleName(accessible)
    button.setAccessibleDescription(
        QCoreApplication.translate("Forms", "送出這份表單（Ctrl+Enter）")
    )
    row.addWidget(button)
    layout.addLayout(row)
    return error, button


class WrapChoice(QWidget):
    """A radio button or check box whose text wraps (a QRadioButton's never does).

    The text is a plain label beside the button; a click on it clicks the button,
    so the whole row is the target. The button carries the accessible name. While
    the button has the keyboard the whole row shows the focus ring (a ring round
    the bare indicator alone was too small to notice).
    """

    def __init__(self, button: QAbstractButton, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = button
        self.setProperty("role", "choiceRow")
        self.setProperty("focused", False)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 6, 2)
        layout.setSpacing(4)
        button.setText("")
        button.setAccessibleName(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.label = plain(text, "choiceText")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setBuddy(button)
        layout.addWidget(self.label, 1)
        self.label.installEventFilter(self)
        button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
        ):
            focused = event.type() == QEvent.Type.FocusIn
            if self.property("focused") != focused:
                restyle(self, focused=focused)
                repolish(self.label)  # its colour follows the row's property
            return False
        if watched is self.label and event.type() == QEvent.Type.MouseButtonRelease:
            self.button.click()
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            return True
        return False


class NoteEdit(QPlainTextEdit):
    """A form's answer box, `lines` text lines tall at the current text size.

    The boxes had fixed pixel heights (60-70 px): a second line of an answer already
    brought a scroll bar over the text, and more so at a larger text size. The height
    follows the font (Ctrl+= / Ctrl+-) because the size hint is asked again on a font
    change. Tab moves on to the next field.
    """

    def __init__(self, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setTabChangesFocus(True)
        policy = self.sizePolicy()
        policy.setVerticalPolicy(policy.Policy.Fixed)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        document = int(self.document().documentMargin()) * 2
        text = self.fontMetrics().lineSpacing() * self.lines
        height = text + document + margins.top() + margins.bottom() + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


def tab_chain(widgets: list[QWidget]) -> None:
    """Make Tab visit `widgets` in this order (the order they appear on screen).

    Widgets made after the window are appended to the end of its Tab chain, so a
    form's rows built per case came after everything else and Tab from the last
    one jumped to the app bar (where a typed space pressed a navigation button).
    """
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def enter_presses_buttons(root: QWidget) -> None:
    """Let Enter press a focused button under `root`, as Space does.

    Qt's push buttons take Enter only inside dialogs (autoDefault); in the main
    window a learner who tabbed to "Restart" or "Export PDF" pressed Enter and
    nothing happened.
    """
    for button in root.findChildren(QPushButton):
        button.setAutoDefault(True)


def keyboard_into(page: QWidget | None) -> None:
    """Put the keyboard in `page` when it is not there yet (the page just shown).

    Pages give their main control the focus while still hidden, which does not
    always survive the switch (after a language switch every page is new): the
    keyboard was then nowhere and the first Tab went to the app bar.
    """
    from PySide6.QtWidgets import QApplication

    if page is None or not page.isVisible():
        return
    focus = QApplication.focusWidget()
    if focus is not None and (focus is page or page.isAncestorOf(focus)) and focus.isVisible():
        return
    target: QWidget | None = page.focusWidget()
    if target is None or not target.isVisible() or not page.isAncestorOf(target):
        target = None
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                target = widget
                break
            widget = widget.nextInFocusChain()
    if target is None and page.focusPolicy() & Qt.FocusPolicy.TabFocus:
        target = page
    if target is not None:
        target.setFocus(Qt.FocusReason.OtherFocusReason)


def reveal(widget: QWidget | None) -> None:
    """Scroll every scroll area holding `widget` so that it is in view.

    Connected to QApplication.focusChanged: the focused control is always visible,
    whether it got there by Tab, a shortcut or a form taking the keyboard.
    """
    if widget is None:
        return
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            inner = parent.widget()
            if inner is not None and inner.isAncestorOf(child):
                parent.ensureWidgetVisible(child, 16, 16)
                child = parent
        parent = parent.parentWidget()


def plain_tip(text: str) -> str:
    """A tooltip that shows author or learner text literally.

    Qt guesses whether a tooltip is rich text; text from a case file or a merged log
    could otherwise render markup (and fetch images).
    """
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
