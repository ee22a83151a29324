"""The five-step indicator 3.1 提問 → 3.5 反思, always visible while playing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from trainer.core.vocab import INDICATOR_LABELS, STEP_INDICATOR, STEPS
from trainer.ui.labels import QT_TRANSLATE_NOOP
from trainer.ui.widgets.common import plain, restyle


class StepBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.items: dict[str, QLabel] = {}
        self.names: dict[str, str] = {}
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
        self.names = {
            step: f"{STEP_INDICATOR[step]}  {INDICATOR_LABELS[STEP_INDICATOR[step]][key]}"
            for step in self.items
        }
        for step, item in self.items.items():
            item.setText(self.names[step])

    def set_step(
        self,
        step: str,
        finished: bool = False,
        escalated_at: str | None = None,
        visited: set[str] | None = None,
    ) -> None:
        """Mark each step done ✓, current, to do, escalated ⚠ or skipped –.

        `escalated_at` is the step in which the customer escalated; the steps between
        it and the one the attempt jumped to were never played and are never ticked.
        """
        self.current = step
        index = STEPS.index(step)
        escalated_index = STEPS.index(escalated_at) if escalated_at else None
        for i, (name, item) in enumerate(self.items.items()):
            skipped = visited is not None and name not in visited and i < index
            if escalated_index is not None and i == escalated_index and i < index:
                state = "escalated"
            elif skipped or (
                escalated_index is not None
                and escalated_index < i < index
                and (visited is None or name not in visited)  # 3.4 is played after it
            ):
                state = "skipped"
            elif finished or i < index:
                state = "done"
            elif i == index:
                state = "current"
            else:
                state = "todo"
            mark = {"done": "✓ ", "escalated": "⚠ ", "skipped": "– "}.get(state, "")
            text = mark + self.names[name]
            if item.text() == text and item.property("state") == state:
                continue  # unchanged: no relayout of the bar on this step
            item.setText(text)
            item.setAccessibleName(f"{self.names[name]} ({_t(STATE_NAMES[state])})")
            item.setToolTip(_t(STATE_NAMES[state]))
            restyle(item, state=state)


def _t(text: str) -> str:
    return QCoreApplication.translate("StepBar", text)


STATE_NAMES = {
    "done": QT_TRANSLATE_NOOP("StepBar", "已完成"),
    "current": QT_TRANSLATE_NOOP("StepBar", "目前步驟"),
    "todo": QT_TRANSLATE_NOOP("StepBar", "尚未開始"),
    "escalated": QT_TRANSLATE_NOOP("StepBar", "在這一步升級給主管"),
    "skipped": QT_TRANSLATE_NOOP("StepBar", "因升級而略過"),
}
