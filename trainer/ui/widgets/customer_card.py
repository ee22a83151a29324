"""The customer card: who the customer is, non-verbal cues, and the mood meter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from trainer.ui.widgets.common import card, chip, clear_layout, plain, restyle, set_bar

if TYPE_CHECKING:
    from trainer.core.model import Case


def mood_word(mood: int, lang: str) -> str:
    words = [
        (20, "非常不滿", "furious"),
        (40, "不滿", "upset"),
        (60, "平靜", "calm"),
        (80, "滿意", "pleased"),
    ]
    for limit, zh, en in words:
        if mood < limit:
            return en if lang == "en" else zh
    return "very pleased" if lang == "en" else "非常滿意"


class CustomerCard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, self.body = card("card")
        outer.addWidget(frame)
        self.title = plain("", "cardTitle")
        self.name = plain("", "customerName")
        self.chips = QHBoxLayout()
        self.chips.setSpacing(6)
        self.details = plain("", "muted")
        self.profile = plain("", "body")
        self.cues_title = plain(self.tr("非語言線索"), "sectionLabel")
        self.cues = plain("", "body")
        self.mood_row = QWidget()
        mood_layout = QVBoxLayout(self.mood_row)
        mood_layout.setContentsMargins(0, 4, 0, 0)
        mood_layout.setSpacing(4)
        head = QHBoxLayout()
        head.addWidget(plain(self.tr("顧客情緒"), "sectionLabel"))
        head.addStretch(1)
        self.mood_word = plain("", "moodWord", wrap=False)
        head.addWidget(self.mood_word)
        mood_layout.addLayout(head)
        self.mood = QProgressBar()
        self.mood.setObjectName("moodMeter")
        self.mood.setRange(0, 100)
        self.mood.setTextVisible(False)
        self.mood.setFixedHeight(10)
        self.mood.setAccessibleName(self.tr("顧客情緒量表"))
        mood_layout.addWidget(self.mood)
        for label in (self.title, self.name):
            self.body.addWidget(label)
        self.body.addLayout(self.chips)
        for widget in (self.details, self.profile, self.cues_title, self.cues, self.mood_row):
            self.body.addWidget(widget)
        self.lang = "zh-TW"

    def set_case(self, case: Case, lang: str, show_mood: bool) -> None:
        self.lang = lang
        c = case.customer
        self.title.setText(self.tr("顧客"))
        self.name.setText(c.name.get(lang))
        clear_layout(self.chips)
        if c.regular:
            self.chips.addWidget(chip(self.tr("常客"), "accent"))
        if c.internal:
            self.chips.addWidget(chip(self.tr("內部顧客"), "neutral"))
        if c.special_needs:
            self.chips.addWidget(chip(self.tr("特殊需求"), "warn"))
        self.chips.addStretch(1)
        bits = []
        if c.age:
            bits.append(self.tr("{n} 歲").format(n=c.age))
        if c.gender:
            bits.append(c.gender.get(lang))
        if c.culture:
            bits.append(c.culture.get(lang))
        self.details.setText(" · ".join(bits))
        lines = []
        if c.profile:
            lines.append(c.profile.get(lang))
        lines.extend(n.get(lang) for n in c.special_needs)
        self.profile.setText("\n".join(lines))
        self.profile.setVisible(bool(lines))
        cues = [f"• {cue.get(lang)}" for cue in c.nonverbal_cues]
        self.cues.setText("\n".join(cues))
        self.cues_title.setVisible(bool(cues))
        self.cues.setVisible(bool(cues))
        self.mood_row.setVisible(show_mood)
        self.set_mood(c.mood)

    def set_mood(self, mood: int) -> None:
        set_bar(self.mood, mood)
        self.mood_word.setText(mood_word(mood, self.lang))
        level = "low" if mood < 35 else ("mid" if mood < 65 else "high")
        restyle(self.mood, level=level)
        restyle(self.mood_word, level=level)
