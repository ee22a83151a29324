"""The conversation pane: customer lines, the learner's choices and notes, like a chat."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.widgets.common import plain as _selectable_plain


def plain(text: str, role: str) -> QLabel:
    """A conversation label: plain text, not selectable.

    A selectable QLabel draws through a text-control document that is laid out
    again at paint time; every new bubble then asked for a second paint of the
    whole pane. Not selecting chat lines (as in chat apps) made a step ~15% faster.
    """
    label = _selectable_plain(text, role)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class Conversation(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversation")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        inner = QWidget()
        inner.setObjectName("conversationInner")
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(14, 14, 14, 14)
        self.column.setSpacing(10)
        self.column.addStretch(1)
        self.setWidget(inner)
        # Follow new entries whenever the content grows (see `_follow`).
        self.verticalScrollBar().rangeChanged.connect(lambda _lo, _hi: self._follow())
        #: (kind, text) of every entry, in order (used by tests and replay checks).
        self.entries: list[tuple[str, str]] = []
        #: The first widget of every row, in order, and the rows of the current turn.
        self.rows: list[QWidget] = []
        self._turn_start = 0
        #: Decisions of a resumed attempt not shown yet (behind the "earlier" button).
        self.hidden_decisions = 0

    def clear(self) -> None:
        """Empty the pane: a fresh inner widget; the old one goes with all its bubbles
        in one deletion (unparenting ~150 bubbles one by one took ~50 ms)."""
        self.entries.clear()
        self.rows.clear()
        self._turn_start = 0
        self.hidden_decisions = 0
        old = self.takeWidget()
        inner = QWidget()
        inner.setObjectName("conversationInner")
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(14, 14, 14, 14)
        self.column.setSpacing(10)
        self.column.addStretch(1)
        self.setWidget(inner)
        if old is not None:
            old.hide()
            old.deleteLater()

    def begin_turn(self) -> None:
        """What is added from now on is one turn: the learner's choice and its results."""
        self._turn_start = len(self.rows)

    def _follow(self) -> None:
        """Show the newest turn: all of it when it fits, else from the customer's reply.

        Plain "scroll to the end" hid the customer's reply (which carries the facts)
        above the coach feedback and the next step's header whenever a turn was taller
        than the pane.
        """
        bar = self.verticalScrollBar()
        inner = self.widget()
        new = self.rows[self._turn_start :]
        if inner is None or not new:
            bar.setValue(bar.maximum())
            return
        anchor = next((w for w in new if w.property("role") == "bubbleCustomer"), new[0])
        if not inner.isAncestorOf(anchor):
            return
        top = anchor.mapTo(inner, QPoint(0, 0)).y() - 8
        bottom = inner.height()
        if bottom - top <= self.viewport().height():
            bar.setValue(bar.maximum())
        else:
            bar.setValue(max(0, min(bar.maximum(), top)))

    def page(self, direction: int) -> None:
        """PgUp / PgDn: scroll by one page."""
        action = (
            QScrollBar.SliderAction.SliderPageStepAdd
            if direction > 0
            else QScrollBar.SliderAction.SliderPageStepSub
        )
        self.verticalScrollBar().triggerAction(action)

    def _append(self, row: QHBoxLayout | QWidget) -> None:
        index = self.column.count() - 1
        if isinstance(row, QWidget):
            self.column.insertWidget(index, row)
            widgets: list[QWidget] = [row]
        else:
            self.column.insertLayout(index, row)
            items = (row.itemAt(n) for n in range(row.count()))
            widgets = [w for item in items if item is not None and (w := item.widget())]
        if widgets:
            self.rows.append(widgets[0])
        # Shown now rather than by the layout's queued show, so that lay_out_now()
        # sizes them before the first paint.
        for widget in widgets:
            widget.show()

    def _bubble(self, role: str, who: str, text: str, footer: str = "", extra: str = "") -> QFrame:
        frame = QFrame()
        frame.setProperty("role", role)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        if who:  # one short line (a name, a step): no height-for-width to compute
            label = plain(who, "bubbleWho")
            label.setWordWrap(role == "stepHeader")
            layout.addWidget(label)
        body = plain(text, "bubbleText")
        layout.addWidget(body)
        if extra:
            layout.addWidget(plain(extra, "bubbleExtra"))
        if footer:
            layout.addWidget(plain(footer, "bubbleFooter"))
        return frame

    def add_customer(self, who: str, text: str) -> None:
        row = QHBoxLayout()
        row.addWidget(self._bubble("bubbleCustomer", who, text), 5)
        row.addStretch(2)
        self._append(row)
        self.entries.append(("customer", text))

    def add_learner(
        self, who: str, text: str, free_text: str | None = None, footer: str = ""
    ) -> None:
        row = QHBoxLayout()
        row.addStretch(2)
        extra = (
            QCoreApplication.translate("Conversation", "「{t}」").format(t=free_text)
            if free_text
            else ""
        )
        row.addWidget(self._bubble("bubbleLearner", who, text, footer, extra), 5)
        self._append(row)
        self.entries.append(("learner", text))
        if free_text:
            self.entries.append(("free_text", free_text))

    def lay_out_now(self) -> None:
        """Lay the new entries out now, before the next paint.

        Left to the event loop, the column is laid out in a second pass after the
        first paint, so every bubble moves and the pane is painted twice per step.
        """
        inner = self.widget()
        if inner is not None and (layout := inner.layout()) is not None:
            layout.activate()
            # The scroll area resizes its widget (and so moves the scroll bar to the
            # newest entry) on a posted layout request, after that first paint: ask now.
            QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def add_earlier(self, text: str, show: Callable[[], None]) -> None:
        """A button standing for the earlier part of a long conversation."""
        button = QPushButton(text)
        button.setProperty("role", "ghost")
        button.setAccessibleName(text)
        button.setAccessibleDescription(
            QCoreApplication.translate("Conversation", "把整段對話從頭顯示出來")
        )
        button.clicked.connect(show)
        self._append(button)
        self.entries.append(("earlier", text))

    def add_note(self, text: str, kind: str = "info") -> None:
        label = plain(text, "note")
        label.setProperty("kind", kind)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._append(label)
        self.entries.append(("note", text))

    def add_feedback(self, quality: str, title: str, text: str) -> None:
        frame = self._bubble("feedback", title, text)
        frame.setProperty("quality", quality)
        row = QHBoxLayout()
        row.addSpacing(40)
        row.addWidget(frame, 1)
        row.addSpacing(40)
        self._append(row)
        self.entries.append(("feedback", text))

    def add_step(self, title: str, intro: str) -> None:
        frame = (
            self._bubble("stepHeader", title, intro)
            if intro
            else self._bubble("stepHeader", "", title)
        )
        self._append(frame)
        self.entries.append(("step", title))

    def texts(self) -> list[str]:
        return [text for _, text in self.entries]
