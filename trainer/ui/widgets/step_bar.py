"""The five-step indicator 3.1 提問 → 3.5 反思, always visible while playing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from trainer.core.vocab import INDICATOR_LABELS, STEP_INDICATOR, STEPS
from trainer.ui.widgets.common import plain, restyle


class StepBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.items: dict[str, QLabel] = {}
        for index, step in enumerate(STEPS):
            if index:
                arrow = plain("›", "stepArrow", wrap=False)
                layout.addWidget(arrow)
            item = plain("", "step", wrap=False)
            item.setProperty("state", "todo")
            item.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.items[step] = item
            layout.addWidget(item, 1)
        self.set_labels("zh-TW")
        self.current = STEPS[0]
        self.setAccessibleName(QCoreApplication.translate("StepBar", "步驟進度"))

    def set_labels(self, lang: str) -> None:
        key = "en" if lang == "en" else "zh-TW"
        for step, item in self.items.items():
            indicator = STEP_INDICATOR[step]
            item.setText(f"{indicator}  {INDICATOR_LABELS[indicator][key]}")

    def set_step(self, step: str, finished: bool = False) -> None:
        self.current = step
        index = STEPS.index(step)
        for i, item in enumerate(self.items.values()):
            if finished or i < index:
                state = "done"
            elif i == index:
                state = "current"
            else:
                state = "todo"
            done_mark = "✓ " if state == "done" else ""
            text = item.text().removeprefix("✓ ")
            item.setText(done_mark + text)
            item.setAccessibleName(f"{text} ({state})")
            restyle(item, state=state)
