"""The options of the current step: numbered, selectable by click, number key or ↑/↓.

Rows keep their place and number for the whole step: an option already asked stays
where it was, ticked and disabled (the engine's `option_slots`), so the numbers of
the others never shift. Enter (or the confirm button) sends the selected option,
with the learner's own optional wording, as `confirmed(option_id, free_text)`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.widgets.common import plain, repolish, restyle

ADVANCE = "__advance__"


@dataclass(frozen=True)
class OptionView:
    option_id: str
    text: str
    #: The row's number (its key 1–9); 0 numbers the row by its position.
    number: int = 0
    #: Chosen earlier in this step: shown in place, ticked, not selectable.
    asked: bool = False
    advance: bool = False


class OptionButton(QAbstractButton):
    """A wrapping, style-sheet-painted button holding one option's text.

    Buttons are reused from click to click (`show_view`): creating, polishing and
    showing fresh widgets was most of the cost of a step.
    """

    def __init__(self, number: int, view: OptionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        # As wide as the list, never wider: the text wraps instead.
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        # A button's default vertical policy is Fixed at its one-line size hint, which
        # clipped a reused row whose new text wraps to more lines.
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The first view's properties are set before the first polish, not re-polished.
        self.setProperty("role", "optionAdvance" if view.advance else "option")
        self.setProperty("selected", False)
        self.setProperty("asked", view.asked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 12, 8)
        layout.setSpacing(10)
        self.badge = plain("", "optionNumber", wrap=False)
        self.badge.setProperty("asked", view.asked)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.label = plain("", "optionText")
        self.label.setProperty("asked", view.asked)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        column.addWidget(self.label)
        layout.addLayout(column, 1)
        self.toggled.connect(lambda on: restyle(self, selected=on))
        self.view = view
        self.show_view(number, view)

    def show_view(self, number: int, view: OptionView) -> None:
        """Show `view` as option `number`, touching only what changed."""
        self.view = view
        role = "optionAdvance" if view.advance else "option"
        role_changed = self.property("role") != role
        restyle(self, role=role, asked=view.asked)
        self.number = number
        # Rows past 9 have no key but still show their number (an empty dot looked broken).
        self.badge.setText("✓" if view.asked else str(number))
        if role_changed:
            repolish(self.badge)  # its colour depends on the button's role
        restyle(self.badge, asked=view.asked)
        if self.label.text() != view.text:
            self.label.setText(view.text)
            # The list caches each row's height: tell it this row's height may change now,
            # not on a posted layout request after the list was laid out.
            own = self.layout()
            if own is not None:
                own.invalidate()
            self.updateGeometry()
        restyle(self.label, asked=view.asked)
        self.setEnabled(not view.asked)
        if view.asked:
            self.setAccessibleName(f"{number}. {view.text}")
            self.setAccessibleDescription(QCoreApplication.translate("OptionsPanel", "已經問過"))
        else:
            self.setAccessibleName(f"{number}. {view.text}")
            self.setAccessibleDescription(
                QCoreApplication.translate("OptionsPanel", "按 {n} 選擇，Enter 送出").format(
                    n=number
                )
                if number <= 9
                else QCoreApplication.translate("OptionsPanel", "按 Enter 送出")
            )

    def paintEvent(self, event: object) -> None:
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.end()


class OptionsPanel(QWidget):
    confirmed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.prompt = plain("", "prompt")
        layout.addWidget(self.prompt)
        scroll = QScrollArea()
        scroll.setObjectName("optionsScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder.setObjectName("optionsHolder")
        self.list = QVBoxLayout(holder)
        self.list.setContentsMargins(0, 0, 6, 0)
        self.list.setSpacing(6)
        self.list.addStretch(1)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.free_text = QLineEdit()
        self.free_text.setAccessibleDescription(self.tr("用自己的話補充所選的回應，會記在紀錄中"))
        self.free_text.setObjectName("freeText")
        self.free_text.setPlaceholderText(self.tr("用自己的話補充（選填，老師看得到）"))
        self.free_text.setAccessibleName(self.tr("自己的說法"))
        self.free_text.setMaxLength(500)
        bottom.addWidget(self.free_text, 1)
        self.send = QPushButton(self.tr("送出  ⏎"))
        self.send.setAccessibleDescription(self.tr("送出選取的選項"))
        self.send.setProperty("role", "primary")
        self.send.setAccessibleName(self.tr("送出選擇"))
        self.send.setToolTip(self.tr("Enter"))
        self.send.clicked.connect(self.confirm)
        bottom.addWidget(self.send)
        layout.addLayout(bottom)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.buttonToggled.connect(lambda *_: self._sync())
        #: The selectable buttons of the current step, in order.
        self.buttons: list[OptionButton] = []
        #: Every button made so far; those beyond the current step are hidden.
        self.pool: list[OptionButton] = []
        self.scroll_area = scroll
        self._ordered = 0
        self._sync()

    def set_options(self, prompt: str, views: list[OptionView]) -> None:
        # Clear the selection first: the group is exclusive, so switch that off.
        self.group.setExclusive(False)
        for button in self.pool:
            button.setChecked(False)
            self.group.removeButton(button)
        self.group.setExclusive(True)
        self.buttons = []
        self.prompt.setText(prompt)
        for index, view in enumerate(views):
            number = view.number or index + 1
            if index < len(self.pool):
                button = self.pool[index]
                button.show_view(number, view)
            else:
                button = OptionButton(number, view)
                self.pool.append(button)
                self.list.insertWidget(index, button)
            if not view.asked:
                self.group.addButton(button)
                self.buttons.append(button)
            button.setVisible(True)
        for button in self.pool[len(views) :]:
            button.setVisible(False)
        if len(self.pool) > self._ordered:  # Tab follows the screen: rows, text, send
            chain: list[QWidget] = [*self.pool, self.free_text, self.send]
            for first, second in itertools.pairwise(chain):
                QWidget.setTabOrder(first, second)
            self._ordered = len(self.pool)
        self.free_text.clear()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._sync()

    def selectable(self) -> list[OptionButton]:
        return [b for b in self.buttons if b.isEnabled()]

    def select_index(self, index: int) -> bool:
        """Select the `index`-th selectable row (0-based, asked rows skipped)."""
        buttons = self.selectable()
        if 0 <= index < len(buttons):
            self._select(buttons[index])
            return True
        return False

    def select_number(self, number: int) -> bool:
        """Select the row shown with `number` (its key); False if it is asked or absent."""
        for button in self.selectable():
            if button.number == number:
                self._select(button)
                return True
        return False

    def step_selection(self, delta: int) -> None:
        """↑/↓: select the previous / next selectable row (the first when none is)."""
        buttons = self.selectable()
        if not buttons:
            return
        current = self.selected()
        if current in buttons:
            index = max(0, min(len(buttons) - 1, buttons.index(current) + delta))
        else:
            index = 0 if delta > 0 else len(buttons) - 1
        self._select(buttons[index])

    def _select(self, button: OptionButton) -> None:
        button.setChecked(True)
        self.scroll_area.ensureWidgetVisible(button, 0, 12)
        self.scroll_area.horizontalScrollBar().setValue(0)

    def selected(self) -> OptionButton | None:
        button = self.group.checkedButton()
        return button if isinstance(button, OptionButton) else None

    def confirm(self) -> None:
        button = self.selected()
        if button is None:
            return
        self.confirmed.emit(button.view.option_id, self.free_text.text().strip())

    def _sync(self) -> None:
        self.send.setEnabled(self.selected() is not None)
