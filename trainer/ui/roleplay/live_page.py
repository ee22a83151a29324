"""Step 2 of observer mode: large tick targets per indicator, shortcuts, a running clock.

Each tick or untick is written to the database at once (the log is append-only), so
a crash or a flat battery loses nothing already ticked.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trainer.core.model import Case
from trainer.core.vocab import INDICATOR_LABELS
from trainer.roleplay.checklist import observer_behaviours
from trainer.roleplay.rubric import RATED_INDICATORS
from trainer.ui.roleplay.text import TICK_KEYS, pick
from trainer.ui.widgets.common import clear_layout, plain

#: Tick targets per row: two columns fit 1366 px with readable labels.
COLUMNS = 2
#: Smallest tick target height (px): thumb-sized on a laptop held in one hand.
MIN_TARGET = 48


TICKED = "background-color: #1f8a4c; border: 2px solid #176b3a; border-radius: 6px;"
UNTICKED = "background-color: #ffffff; border: 2px solid #b8c2d0; border-radius: 6px;"


class TickButton(QPushButton):
    """A large checkable target whose text wraps (a QPushButton's never does)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setProperty("role", "tick")
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(MIN_TARGET)
        self.toggled.connect(self._paint)
        self._paint(False)

    def _paint(self, on: bool) -> None:
        self.setStyleSheet(f"QPushButton {{{TICKED if on else UNTICKED}}}")
        colour = "#ffffff" if on else "#1b2430"
        self.label.setStyleSheet(f"color: {colour}; font-size: 11pt; background: transparent;")

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(MIN_TARGET, self.label.heightForWidth(max(50, width - 20)) + 14)

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, MIN_TARGET)


class LivePage(QWidget):
    #: behaviour id, ticked?, second of the role-play
    toggled = Signal(str, bool, int)
    finished = Signal(int)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.started = time.monotonic()
        self.offset = 0
        self.target_s = 0
        self.buttons: dict[str, QPushButton] = {}
        #: key text -> its tick target (handled in keyPressEvent, so the keys work
        #: whichever target has the focus, and never while typing elsewhere)
        self.keys: dict[str, QPushButton] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = plain("", "formTitle")
        top.addWidget(self.title, 1)
        self.clock = QLabel("00:00")
        self.clock.setObjectName("roleplayClock")
        self.clock.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self.clock.setAccessibleName(pick(lang, "經過時間", "Elapsed time"))
        top.addWidget(self.clock)
        layout.addLayout(top)
        self.people = plain("", "muted")
        layout.addWidget(self.people)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        self.board = QVBoxLayout(holder)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addWidget(
            plain(
                pick(
                    lang,
                    "按按鈕或鍵盤上標示的鍵來勾選；再按一次取消。",
                    "Tap a target or press its key to tick it; again to untick.",
                ),
                "muted",
            ),
            1,
        )
        self.done = QPushButton(
            pick(lang, "結束角色扮演，開始評分  Ctrl+⏎", "End and rate  Ctrl+⏎")
        )
        self.done.setProperty("role", "primary")
        self.done.setMinimumHeight(48)
        self.done.clicked.connect(lambda: self.finished.emit(self.elapsed()))
        row.addWidget(self.done)
        layout.addLayout(row)
        finish = QShortcut(QKeySequence("Ctrl+Return"), self)
        finish.activated.connect(self.done.click)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self._tick_clock)

    def elapsed(self) -> int:
        return self.offset + int(time.monotonic() - self.started)

    def set_case(self, case: Case, people: str, ticked: dict[str, int], offset_s: int = 0) -> None:
        """Lay out the targets; `ticked` and `offset_s` continue an interrupted role-play."""
        self.title.setText(case.title.get(self.lang))
        self.people.setText(people)
        self.target_s = case.business.target_minutes * 60
        self.keys.clear()
        self.buttons.clear()
        clear_layout(self.board)
        behaviours = observer_behaviours(case)
        keys = iter(TICK_KEYS)
        for indicator in RATED_INDICATORS:
            items = [b for b in behaviours if b.indicator == indicator]
            if not items:
                continue
            label = INDICATOR_LABELS[indicator]["en" if self.lang == "en" else "zh-TW"]
            self.board.addWidget(plain(f"{indicator} {label}", "sectionLabel"))
            grid = QGridLayout()
            for index, behaviour in enumerate(items):
                key = next(keys, "")
                text = behaviour.label(self.lang)
                button = TickButton(f"[{key}]  {text}" if key else text)
                button.setChecked(behaviour.id in ticked)
                button.setAccessibleName(text)
                button.clicked.connect(
                    lambda on, bid=behaviour.id: self.toggled.emit(bid, on, self.elapsed())
                )
                self.buttons[behaviour.id] = button
                grid.addWidget(button, index // COLUMNS, index % COLUMNS)
                if key:
                    self.keys[key] = button
            self.board.addLayout(grid)
        self.board.addStretch(1)
        self.offset = offset_s
        self.started = time.monotonic()
        self._tick_clock()
        self.timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.text().upper()
        plain_key = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain_key and key in self.keys:
            self.keys[key].click()
            return
        super().keyPressEvent(event)

    def stop(self) -> None:
        self.timer.stop()

    def _tick_clock(self) -> None:
        seconds = self.elapsed()
        self.clock.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")
        over = self.target_s and seconds > self.target_s
        self.clock.setStyleSheet(
            "font-size: 28pt; font-weight: bold;" + (" color: #c8402f;" if over else "")
        )
