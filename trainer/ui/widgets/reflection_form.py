"""The reflection of 3.5: the case's prompts, and a self-rating 1–5 for 3.1–3.4."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.core.vocab import INDICATORS
from trainer.ui import labels
from trainer.ui.widgets.common import (
    NoteEdit,
    clear_layout,
    plain,
    restyle,
    scrolling_form,
    submit_row,
    tab_chain,
)

if TYPE_CHECKING:
    from trainer.core.model import Case

RATED = INDICATORS[:4]


class ReflectionForm(QWidget):
    submitted = Signal(dict, dict)
    #: Any answer or rating changed (the page saves a draft, debounced).
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer, body = scrolling_form(self)
        body.addWidget(plain(self.tr("反思與自評（3.5）"), "formTitle"))
        self.prompts = QVBoxLayout()
        self.prompts.setSpacing(6)
        body.addLayout(self.prompts)
        body.addWidget(
            plain(
                self.tr("自評：你覺得自己在每個步驟做得如何？（1 = 需要加強，5 = 非常好）"),
                "sectionLabel",
            )
        )
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        body.addLayout(self.grid)
        self.groups: dict[str, QButtonGroup] = {}
        for row, indicator in enumerate(RATED):
            name = labels.indicator(indicator)
            self.grid.addWidget(plain(name, "body", wrap=False), row, 0)
            group = QButtonGroup(self)
            for value in range(1, 6):
                button = QPushButton(str(value))
                button.setAccessibleDescription(self.tr("1 = 需要加強，5 = 非常好"))
                button.setCheckable(True)
                button.setProperty("role", "rating")
                button.setAccessibleName(self.tr("{i} 自評 {v} 分").format(i=indicator, v=value))
                button.toggled.connect(lambda on, b=button: restyle(b, selected=on))
                button.toggled.connect(lambda _on: self.edited.emit())
                group.addButton(button, value)
                self.grid.addWidget(button, row, value)
            self.groups[indicator] = group
        self.grid.setColumnStretch(6, 1)
        self.error, self.submit = submit_row(
            outer, self.tr("完成並查看反思單  Ctrl+⏎"), self.tr("提交反思並查看反思單")
        )
        self.submit.clicked.connect(self._submit)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.minimums: dict[str, int] = {}

    def set_case(self, case: Case, lang: str) -> None:
        clear_layout(self.prompts)
        self.edits.clear()
        step = case.steps.reflecting
        if step.intro:
            self.prompts.addWidget(plain(step.intro.get(lang), "muted"))
        for prompt in step.prompts:
            self.prompts.addWidget(plain(prompt.text.get(lang), "sectionLabel"))
            edit = NoteEdit(3)
            edit.setAccessibleDescription(self.tr("寫下你的反思；Tab 移到下一題"))
            edit.setAccessibleName(prompt.text.get(lang))
            edit.setPlaceholderText(self.tr("建議至少 {n} 字").format(n=prompt.min_chars))
            edit.textChanged.connect(self.edited.emit)
            self.prompts.addWidget(edit)
            self.edits[prompt.id] = edit
            self.minimums[prompt.id] = prompt.min_chars
        # Tab follows the screen: the answers (made per case), the ratings, submit.
        ratings = [b for g in self.groups.values() for b in g.buttons()]
        tab_chain([*self.edits.values(), *ratings, self.submit])
        for group in self.groups.values():
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.error.clear()

    def reset(self) -> None:
        """Empty the form for a new attempt of the same case."""
        for edit in self.edits.values():
            edit.clear()
        for group in self.groups.values():
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.error.clear()

    def draft(self) -> dict[str, object]:
        return {
            "answers": {k: e.toPlainText() for k, e in self.edits.items()},
            "ratings": {i: g.checkedId() for i, g in self.groups.items() if g.checkedId() > 0},
        }

    def restore(self, draft: dict[str, object]) -> None:
        answers = draft.get("answers")
        if isinstance(answers, dict):
            for key, edit in self.edits.items():
                if isinstance(answers.get(key), str):
                    edit.setPlainText(answers[key])
        ratings = draft.get("ratings")
        if isinstance(ratings, dict):
            for indicator, value in ratings.items():
                if indicator in self.groups and isinstance(value, int):
                    self.set_rating(indicator, value)

    def focus_first(self) -> None:
        """Put the keyboard in the form: the first answer box."""
        first = next(iter(self.edits.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.submit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_rating(self, indicator: str, value: int) -> None:
        button = self.groups[indicator].button(value)
        if button is not None:
            button.setChecked(True)

    def _submit(self) -> None:
        ratings = {i: g.checkedId() for i, g in self.groups.items() if g.checkedId() > 0}
        missing = [i for i in RATED if i not in ratings]
        if missing:
            sep = self.tr("、")
            self.error.setText(self.tr("請為 {ids} 自評。").format(ids=sep.join(missing)))
            # the keyboard (and the view) go to what is missing, often below the fold
            first = self.groups[missing[0]].button(1)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        answers = {k: e.toPlainText().strip() for k, e in self.edits.items()}
        self.error.clear()
        self.submitted.emit(answers, ratings)

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
            return
        super().keyPressEvent(event)
