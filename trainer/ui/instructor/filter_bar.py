"""The filter row shared by the dashboard and the export page: class, learner,
case and date range, turned into an exchange `Filters`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from trainer.exchange.filters import Filters
from trainer.store.roster import canonical_learners
from trainer.ui.labels import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from trainer.service import Workspace

NO_DATE = QDate(2000, 1, 1)  # the minimum date stands for "no limit"
MODES = [
    ("practice", QT_TRANSLATE_NOOP("FilterBar", "練習")),
    ("assessment", QT_TRANSLATE_NOOP("FilterBar", "評量")),
    ("roleplay", QT_TRANSLATE_NOOP("FilterBar", "觀察角色扮演")),
]


def class_names(workspace: Workspace) -> list[str]:
    rows = workspace.store.db.execute(
        "select distinct class_name from learners where coalesce(class_name, '') != '' order by 1"
    ).fetchall()
    return [str(r[0]) for r in rows]


def case_choices(workspace: Workspace, lang: str) -> list[tuple[str, str]]:
    """(case id, title) of every installed case and every case seen in the logs."""
    titles = {cid: lc.case.title.get(lang) for cid, lc in workspace.library.cases.items()}
    for cid, title in workspace.store.db.execute(
        "select case_id, max(case_title) from attempts group by case_id"
    ).fetchall():
        titles.setdefault(str(cid), str(title or cid))
    return sorted(titles.items(), key=lambda item: item[1])


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("FilterBar", "不限"))
    edit.setDate(NO_DATE)
    edit.setAccessibleName(name)
    return edit


class FilterBar(QWidget):
    """Combo boxes list plain text only (item text is never rich text)."""

    def __init__(
        self, learner: bool, case: bool, until: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.class_box = self._combo(row, self.tr("班級"))
        self.learner_box = self._combo(row, self.tr("學習者")) if learner else None
        self.case_box = self._combo(row, self.tr("個案")) if case else None
        self.mode_box = self._combo(row, self.tr("模式"))
        self._fill(self.mode_box, [(m, self.tr(text)) for m, text in MODES])
        row.addWidget(QLabel(self.tr("起")))
        self.since = date_edit(self.tr("起始日期"))
        row.addWidget(self.since)
        self.until: QDateEdit | None = None
        if until:
            row.addWidget(QLabel(self.tr("迄")))
            self.until = date_edit(self.tr("結束日期"))
            row.addWidget(self.until)
        row.addStretch(1)

    def _combo(self, row: QHBoxLayout, name: str) -> QComboBox:
        row.addWidget(QLabel(name))
        box = QComboBox()
        box.setAccessibleName(name)
        box.setMinimumContentsLength(8)  # fits a 1280-pixel laptop; the list shows all
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        row.addWidget(box)
        return box

    def _fill(self, box: QComboBox, items: list[tuple[str, str]]) -> None:
        """Refill, keeping the current choice when it still exists."""
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("全部"), None)
        for value, text in items:
            box.addItem(text, value)
        index = box.findData(current)
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)

    def reload(self, workspace: Workspace, lang: str) -> None:
        self._fill(self.class_box, [(c, c) for c in class_names(workspace)])
        if self.learner_box is not None:
            learners = canonical_learners(workspace.store.db)  # one entry per person
            self._fill(
                self.learner_box,
                [
                    (
                        str(r["id"]),
                        " · ".join(
                            str(x)
                            for x in (r["display_name"], r.get("student_no"), r.get("class_name"))
                            if x
                        ),
                    )
                    for r in learners
                ],
            )
        if self.case_box is not None:
            self._fill(self.case_box, case_choices(workspace, lang))

    @staticmethod
    def _date(edit: QDateEdit | None) -> date | None:
        if edit is None or edit.date() == NO_DATE:
            return None
        return date(edit.date().year(), edit.date().month(), edit.date().day())

    def filters(self) -> Filters:
        return Filters(
            learner=self.learner_box.currentData() if self.learner_box is not None else None,
            class_name=self.class_box.currentData(),
            since=self._date(self.since),
            until=self._date(self.until),
            case_id=self.case_box.currentData() if self.case_box is not None else None,
            mode=self.mode_box.currentData(),
        )
