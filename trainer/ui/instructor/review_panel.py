"""One attempt's scores, original beside adjusted, its comments, and a form to add
a review. Reviews are appended (exchange.instructor.add_review); the original
score is never replaced."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trainer.core.vocab import INDICATORS
from trainer.exchange.instructor import add_review, reviews
from trainer.store.db import StoreError
from trainer.ui.instructor.tables import cell, fill, make_table
from trainer.ui.labels import indicator as indicator_text
from trainer.ui.widgets.common import plain

if TYPE_CHECKING:
    from trainer.service import Workspace

TOTAL = "total"
NO_SCORE = -1


def review_lines(rows: list[dict[str, Any]]) -> str:
    """The reviews as plain text, newest last."""
    out = []
    for r in rows:
        key = r["indicator"] or TOTAL
        what = item_texts().get(key, key)
        head = f"{str(r['created_at'])[:16].replace('T', ' ')}"
        if r.get("author"):
            head += f" · {r['author']}"
        if r["adjusted_score"] is not None:
            head += f" · {what} → {r['adjusted_score']}"
        out.append(head + (f"\n{r['comment']}" if r.get("comment") else ""))
    return "\n\n".join(out)


def item_texts() -> dict[str, str]:
    """What a review can adjust: the total or one indicator, in the UI language."""
    total = QCoreApplication.translate("ReviewPanel", "總分")
    return {TOTAL: total} | {i: indicator_text(i) for i in INDICATORS}


class ReviewPanel(QWidget):
    changed = Signal(str)  # attempt id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.attempt_id: str | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(plain(self.tr("分數：原始與教師調整"), "cardTitle"))
        self.scores = make_table(
            [self.tr("項目"), self.tr("原始"), self.tr("調整後")], self.tr("分數"), stretch=0
        )
        self.scores.setMinimumHeight(236)
        column.addWidget(self.scores)
        column.addWidget(plain(self.tr("教師評語"), "cardTitle"))
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.history.setAccessibleName(self.tr("教師評語紀錄"))
        self.history.setPlaceholderText(self.tr("尚無評語"))
        column.addWidget(self.history, 1)
        form = QFormLayout()
        self.indicator = QComboBox()
        for key, text in item_texts().items():
            self.indicator.addItem(text, key)
        self.indicator.setAccessibleName(self.tr("調整項目"))
        form.addRow(self.tr("項目"), self.indicator)
        self.score = QSpinBox()
        self.score.setRange(NO_SCORE, 100)
        self.score.setSpecialValueText(self.tr("不調整"))
        self.score.setValue(NO_SCORE)
        self.score.setAccessibleName(self.tr("調整後分數"))
        form.addRow(self.tr("調整後分數"), self.score)
        self.author = QLineEdit()
        self.author.setPlaceholderText(self.tr("教師姓名（可不填）"))
        self.author.setAccessibleName(self.tr("教師姓名"))
        form.addRow(self.tr("教師"), self.author)
        column.addLayout(form)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("評語"))
        self.comment.setAccessibleName(self.tr("評語"))
        self.comment.setMaximumHeight(90)
        column.addWidget(self.comment)
        self.error = plain("", "error")
        self.error.setVisible(False)
        column.addWidget(self.error)
        self.add_button = QPushButton(self.tr("新增評語／調整"))
        self.add_button.setProperty("role", "primary")
        self.add_button.clicked.connect(self.submit)
        column.addWidget(self.add_button)
        self.set_attempt(None)

    def set_attempt(self, attempt_id: str | None) -> None:
        self.attempt_id = attempt_id
        self.add_button.setEnabled(attempt_id is not None)
        self.error.setVisible(False)
        if attempt_id is None:
            fill(self.scores, [])
            self.history.setPlainText("")
            return
        store = self.workspace.store
        attempt = store.attempt(attempt_id)
        original: dict[str, Any] = {TOTAL: attempt.get("total")}
        original |= {k: v["score"] for k, v in store.scores(attempt_id).items()}
        rows = reviews(store, attempt_id)
        adjusted: dict[str, int] = {}
        for r in rows:
            if r["adjusted_score"] is not None:
                adjusted[r["indicator"] or TOTAL] = int(r["adjusted_score"])
        fill(
            self.scores,
            (
                (
                    key,
                    [
                        text,
                        original.get(key),
                        _adjusted_cell(adjusted[key], original.get(key))
                        if key in adjusted
                        else None,
                    ],
                )
                for key, text in item_texts().items()
            ),
        )
        self.history.setPlainText(review_lines(rows))

    def submit(self) -> str | None:
        if self.attempt_id is None:
            return None
        score = self.score.value()
        try:
            review_id = add_review(
                self.workspace.store,
                self.attempt_id,
                comment=self.comment.toPlainText(),
                adjusted_score=None if score == NO_SCORE else score,
                indicator=None
                if self.indicator.currentData() == TOTAL
                else self.indicator.currentData(),
                author=self.author.text(),
            )
        except StoreError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return None
        self.comment.clear()
        self.score.setValue(NO_SCORE)
        self.set_attempt(self.attempt_id)
        self.changed.emit(self.attempt_id)
        return review_id


def _adjusted_cell(value: int, original: Any) -> Any:
    item = cell(value)
    if original is not None and value != original:
        item.setText(f"{value} ({value - int(original):+d})")
    return item
