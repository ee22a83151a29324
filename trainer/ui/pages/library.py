"""The case library: filters (setting, complaint type, difficulty, done / not done,
language), search by title, best score per case, broken case files with the reason.

A card is one list item: a click anywhere on it selects it (its labels let the
mouse through), a double-click or Enter starts it, the arrow keys move between
cards. Cards are as tall as their text needs at the list's width and text size.
Cases written only in Chinese carry a 中文 badge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trainer.core.vocab import COMPLAINT_TYPES, SETTINGS
from trainer.ui import labels
from trainer.ui.widgets.common import chip, plain

if TYPE_CHECKING:
    from trainer.core.loader import CaseError, LoadedCase


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    title: str
    summary: str
    setting: str
    complaint_type: str
    difficulty: int
    best: int | None
    done: bool
    in_progress: bool
    has_english: bool = True


class CaseItem(QWidget):
    def __init__(self, row: CaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(16)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(plain(row.title, "itemTitle"))
        column.addWidget(plain(row.summary, "muted"))
        chips = QHBoxLayout()
        chips.setSpacing(6)
        if not row.has_english:
            badge = chip("中文", "warn")
            badge.setToolTip(self.tr("這個個案只有中文版"))
            badge.setAccessibleName(self.tr("只有中文版"))
            chips.addWidget(badge)
        chips.addWidget(chip(labels.setting(row.setting), "accent"))
        chips.addWidget(chip(labels.complaint_type(row.complaint_type), "neutral"))
        chips.addWidget(
            chip(self.tr("難度 ") + "●" * row.difficulty + "○" * (3 - row.difficulty), "neutral")
        )
        if row.in_progress:
            chips.addWidget(chip(self.tr("進行中，可繼續"), "warn"))
        chips.addStretch(1)
        column.addLayout(chips)
        layout.addLayout(column, 1)
        score = QVBoxLayout()
        score.setSpacing(0)
        best = plain("—" if row.best is None else str(row.best), "bestScore", wrap=False)
        best.setAlignment(Qt.AlignmentFlag.AlignCenter)
        score.addWidget(best)
        caption = plain(
            self.tr("最佳成績") if row.done else self.tr("尚未完成"), "muted", wrap=False
        )
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        score.addWidget(caption)
        layout.addLayout(score)
        # The card is one target: its labels neither select text nor take the clicks.
        for label in self.findChildren(QLabel):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class FilterCombo(QComboBox):
    """A filter box never narrower than its "all ..." entry at the current text size.

    Sized to a few characters, "All complaint types" showed as "All complaint typ"
    in English at 1366 px; the width follows Ctrl+= / Ctrl+- (asked on each layout).
    """

    def _first_width(self) -> int:
        text = self.itemText(0) if self.count() else ""
        return self.fontMetrics().horizontalAdvance(text) + 44  # padding and the arrow

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._first_width()), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._first_width()), hint.height())


class LibraryPage(QWidget):
    start = Signal(str, str)  # case_id, mode
    mode_changed = Signal(str)
    language_filter_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPage")
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 20, 32, 20)
        root.setSpacing(12)
        head = QHBoxLayout()
        self.greeting = plain("", "pageTitle")
        head.addWidget(self.greeting, 1)
        head.addWidget(plain(self.tr("模式："), "muted", wrap=False))
        self.mode_group = QButtonGroup(self)
        self.practice = QRadioButton(self.tr("練習（立即回饋與提示）"))
        self.practice.setAccessibleDescription(self.tr("每個選擇後立即看到教練回饋"))
        self.assessment = QRadioButton(self.tr("評量（計時，結束後才看回饋）"))
        self.assessment.setAccessibleDescription(self.tr("計時作答，結束後在反思單上看回饋"))
        for button, mode in ((self.practice, "practice"), (self.assessment, "assessment")):
            button.setProperty("mode", mode)
            button.setAccessibleName(button.text())
            self.mode_group.addButton(button)
            head.addWidget(button)
        self.practice.setChecked(True)
        self.mode_group.buttonToggled.connect(self._mode_toggled)
        root.addLayout(head)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit()
        self.search.setAccessibleDescription(self.tr("輸入標題中的字，清單會只顯示符合的個案"))
        self.search.setPlaceholderText(self.tr("搜尋個案標題（Ctrl+F）"))
        self.search.setAccessibleName(self.tr("搜尋個案標題"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        filters.addWidget(self.search, 3)
        self.setting = self._combo(
            self.tr("所有場域"), labels.translated(SETTINGS), self.tr("場域篩選")
        )
        self.ctype = self._combo(
            self.tr("所有投訴類型"), labels.translated(COMPLAINT_TYPES), self.tr("投訴類型篩選")
        )
        self.difficulty = self._combo(
            self.tr("所有難度"),
            {"1": self.tr("難度 1"), "2": self.tr("難度 2"), "3": self.tr("難度 3")},
            self.tr("難度篩選"),
        )
        self.status = self._combo(
            self.tr("全部"),
            {"done": self.tr("已完成"), "todo": self.tr("未完成")},
            self.tr("完成狀態篩選"),
        )
        self.language = self._combo(
            self.tr("所有語言"),
            {"en": self.tr("有英文版"), "zh-only": self.tr("只有中文版")},
            self.tr("語言篩選"),
        )
        for combo in (self.setting, self.ctype, self.difficulty, self.status, self.language):
            filters.addWidget(combo, 1)
        self.search.textChanged.connect(self.apply_filters)
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_filter_changed.emit(str(self.language.currentData() or "all"))
        )
        root.addLayout(filters)

        self.list = QListWidget()
        self.list.setObjectName("caseList")
        self.list.setAccessibleName(self.tr("個案清單"))
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(4)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemActivated.connect(self._activate)
        self.list.itemDoubleClicked.connect(self._activate)
        self.list.setAccessibleDescription(self.tr("方向鍵選擇個案，Enter 或按兩下開始"))
        self.list.viewport().installEventFilter(self)
        root.addWidget(self.list, 1)
        self.count = plain("", "muted")
        self.broken = plain("", "brokenList")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        self.start_button = QPushButton(self.tr("開始這個個案  ⏎"))
        self.start_button.setAccessibleDescription(self.tr("用選取的模式開始選取的個案"))
        self.start_button.setProperty("role", "primary")
        self.start_button.setAccessibleName(self.tr("開始選取的個案"))
        self.start_button.clicked.connect(lambda: self._activate(self.list.currentItem()))
        bottom.addWidget(self.start_button)
        root.addLayout(bottom)
        root.addWidget(self.broken)
        self.rows: list[CaseRow] = []

    def _mode_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.mode_changed.emit(str(button.property("mode")))

    def _combo(self, all_label: str, values: dict[str, str], name: str) -> QComboBox:
        combo = FilterCombo()
        combo.setAccessibleName(name)
        combo.setAccessibleDescription(name)
        combo.setToolTip(name)
        # As narrow as the row needs (the popup still shows whole items), so the search
        # box keeps its room at large text sizes.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.addItem(all_label, "")
        for key, text in values.items():
            combo.addItem(text, key)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    @property
    def mode(self) -> str:
        return "assessment" if self.assessment.isChecked() else "practice"

    def set_mode(self, mode: str) -> None:
        (self.assessment if mode == "assessment" else self.practice).setChecked(True)

    def set_library(
        self,
        cases: list[LoadedCase],
        broken: dict[str, CaseError],
        best: dict[str, int],
        in_progress: set[str],
        lang: str,
        learner_name: str,
    ) -> None:
        self.greeting.setText(self.tr("{name}，選一個個案開始練習").format(name=learner_name))
        self.rows = [
            CaseRow(
                case_id=c.case.id,
                title=c.case.title.get(lang),
                summary=c.case.summary.get(lang),
                setting=c.case.setting,
                complaint_type=c.case.complaint_type,
                difficulty=c.case.difficulty,
                best=best.get(c.case.id),
                done=c.case.id in best,
                in_progress=c.case.id in in_progress,
                has_english="en" in c.case.languages,
            )
            for c in cases
        ]
        current = self.list.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.list.clear()
        for row in self.rows:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, row.case_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, row.title)
            widget = CaseItem(row)
            self.list.addItem(item)
            self.list.setItemWidget(item, widget)
            if row.case_id == current_id:
                self.list.setCurrentItem(item)
        if broken:
            lines = [self.tr("無法使用的個案檔（請通知老師）：")]
            for path, error in broken.items():
                reason = error.problems[0].message if error.problems else str(error)
                lines.append(f"• {path.rsplit('/', 1)[-1]}：{reason}")
            self.broken.setText("\n".join(lines))
        self.broken.setVisible(bool(broken))
        self.fit_cards()
        self.apply_filters()
        if self.list.currentItem() is None:
            self._select_first_visible()
        self.list.setFocus()

    def fit_cards(self) -> None:
        """Make every card as tall as its wrapped text at the list's current width."""
        width = max(200, self.list.viewport().width() - 2 * self.list.spacing() - 12)
        for i in range(self.list.count()):
            item = self.list.item(i)
            widget = self.list.itemWidget(item)
            if widget is None:
                continue
            layout = widget.layout()
            height = layout.totalHeightForWidth(width) if layout is not None else -1
            height = max(height + 8, widget.minimumSizeHint().height(), 80)
            if item.sizeHint().height() != height:
                item.setSizeHint(QSize(width - 8, height))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_cards()
        return False

    def set_language_filter(self, value: str) -> None:
        index = self.language.findData(value)
        self.language.setCurrentIndex(max(0, index))

    def visible_case_ids(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if not self.list.item(i).isHidden()
        ]

    def apply_filters(self) -> None:
        needle = self.search.text().strip().lower()
        setting = self.setting.currentData()
        ctype = self.ctype.currentData()
        difficulty = self.difficulty.currentData()
        status = self.status.currentData()
        language = self.language.currentData()
        shown = 0
        for i, row in enumerate(self.rows):
            visible = (
                (not needle or needle in row.title.lower())
                and (not setting or row.setting == setting)
                and (not ctype or row.complaint_type == ctype)
                and (not difficulty or str(row.difficulty) == difficulty)
                and (not status or (status == "done") == row.done)
                and (not language or (language == "en") == row.has_english)
            )
            self.list.item(i).setHidden(not visible)
            shown += visible
        self.count.setText(
            self.tr("顯示 {n} / {total} 個個案").format(n=shown, total=len(self.rows))
        )
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self._select_first_visible()
        self.start_button.setEnabled(shown > 0)

    def _select_first_visible(self) -> None:
        for i in range(self.list.count()):
            if not self.list.item(i).isHidden():
                self.list.setCurrentRow(i)
                return

    def _activate(self, item: QListWidgetItem | None) -> None:
        if item is not None and not item.isHidden():
            self.start.emit(str(item.data(Qt.ItemDataRole.UserRole)), self.mode)
