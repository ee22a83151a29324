"""The reflection sheet page: score tiles, then the full sheet (same HTML as the PDF)."""

from __future__ import annotations

import contextlib
import logging
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trainer.render.sheet_html import stars_text
from trainer.ui import dialogs
from trainer.ui.labels import QT_TRANSLATE_NOOP
from trainer.ui.widgets.common import card, clear_layout, plain, restyle, show_document

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from trainer.core.sheet import ReflectionSheet
    from trainer.service import Workspace

log = logging.getLogger(__name__)


def score_level(score: int) -> str:
    return "high" if score >= 80 else ("mid" if score >= 60 else "low")


#: Decision actions other than choosing an option, as the picker names them.
ACTION_NAMES = {
    "advance": QT_TRANSLATE_NOOP("SheetPage", "結束提問"),
    "report": QT_TRANSLATE_NOOP("SheetPage", "提交內部回饋報告"),
    "reflect": QT_TRANSLATE_NOOP("SheetPage", "提交反思與自評"),
}


class SheetPage(QWidget):
    leave = Signal()
    replay = Signal(str)
    #: "Try again from here": (attempt id, decisions replayed before the new choice).
    try_again = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetPage")
        self.workspace: Workspace | None = None
        self.sheet: ReflectionSheet | None = None
        self.doc: QTextDocument | None = None
        self.scale = 1.0  # the learner's text size (MainWindow.scale_text)
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 14, 24, 16)
        root.setSpacing(12)
        head = QHBoxLayout()
        back = QPushButton(self.tr("← 個案庫"))
        back.setAccessibleDescription(self.tr("回到個案庫"))
        back.setProperty("role", "ghost")
        back.setAccessibleName(self.tr("回到個案庫"))
        back.clicked.connect(self.leave.emit)
        head.addWidget(back)
        self.title = plain("", "pageTitle")
        head.addWidget(self.title, 1)
        self.replay_button = QPushButton(self.tr("重播這次作答"))
        self.replay_button.setAccessibleDescription(self.tr("一步一步重看這次作答（唯讀）"))
        self.replay_button.setAccessibleName(self.tr("重播這次作答"))
        self.replay_button.clicked.connect(
            lambda: self.sheet and self.replay.emit(self.sheet.attempt_id)
        )
        self.print_button = QPushButton(self.tr("列印…  Ctrl+P"))
        self.print_button.setAccessibleDescription(self.tr("用印表機印出反思單"))
        self.print_button.setAccessibleName(self.tr("列印反思單"))
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button = QPushButton(self.tr("匯出 PDF…  Ctrl+E"))
        self.pdf_button.setAccessibleDescription(self.tr("把反思單存成 PDF 檔"))
        self.pdf_button.setProperty("role", "primary")
        self.pdf_button.setAccessibleName(self.tr("匯出反思單 PDF"))
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        for button in (self.replay_button, self.print_button, self.pdf_button):
            head.addWidget(button)
        root.addLayout(head)
        self.tiles = QHBoxLayout()
        self.tiles.setSpacing(10)
        root.addLayout(self.tiles)
        retry = QHBoxLayout()
        retry.setSpacing(8)
        retry_label = plain(self.tr("再試一次：從這個決定重新選"), "prompt", wrap=False)
        retry.addWidget(retry_label)
        self.decision_pick = QComboBox()
        self.decision_pick.setAccessibleName(self.tr("要重新選擇的決定"))
        self.decision_pick.setAccessibleDescription(
            self.tr("新的練習會照舊做完前面的決定，從這個決定開始由你重新選")
        )
        self.decision_pick.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.decision_pick.setMinimumContentsLength(30)
        retry_label.setBuddy(self.decision_pick)
        retry.addWidget(self.decision_pick, 1)
        self.try_button = QPushButton(self.tr("從這裡再試一次"))
        self.try_button.setAccessibleName(self.tr("從選定的決定再試一次"))
        self.try_button.setAccessibleDescription(self.tr("開始新的練習作答"))
        self.try_button.clicked.connect(self._try_again)
        retry.addWidget(self.try_button)
        root.addLayout(retry)
        self.browser = QTextBrowser()
        self.browser.setAccessibleDescription(self.tr("反思單全文：分數、理由、證據、路徑與反思"))
        self.browser.setObjectName("sheetBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("反思單內容"))
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        root.addWidget(self.browser, 1)

    def show_sheet(self, workspace: Workspace, attempt_id: str, lang: str) -> None:
        from trainer.service import load_sheet

        self.workspace = workspace
        sheet = load_sheet(workspace, attempt_id, lang)
        self.sheet = sheet
        self.title.setText(self.tr("反思單：{title}").format(title=sheet.case_title))
        self._tiles(sheet)
        self._decisions(workspace, attempt_id, lang)
        self._render(sheet)
        self.browser.verticalScrollBar().setValue(0)
        self.browser.setFocus()

    def _decisions(self, workspace: Workspace, attempt_id: str, lang: str) -> None:
        """Fill the picker with the attempt's decisions, numbered as on the sheet."""
        self.decision_pick.clear()
        attempt = workspace.store.attempt(attempt_id)
        case = (
            workspace.library.get(attempt["case_id"]).case
            if attempt["case_id"] in workspace.library.cases
            else None
        )
        for index, row in enumerate(workspace.store.decisions(attempt_id)):
            text = QCoreApplication.translate(
                "SheetPage", ACTION_NAMES.get(str(row["action"]), str(row["action"]))
            )
            if row.get("option_id") and case is not None:
                with contextlib.suppress(KeyError):
                    text = case.option(row["option_id"]).text.get(lang)
            label = self.tr("第 {n} 個決定：{text}").format(n=row["seq"], text=text)
            self.decision_pick.addItem(label, index)
        self.try_button.setEnabled(case is not None and self.decision_pick.count() > 0)
        self.decision_pick.setEnabled(self.try_button.isEnabled())

    def _try_again(self) -> None:
        if self.sheet is None or self.decision_pick.currentIndex() < 0:
            return
        self.try_again.emit(self.sheet.attempt_id, int(self.decision_pick.currentData()))

    def set_scale(self, scale: float) -> None:
        """Follow the learner's text size (Ctrl+= / Ctrl+-), keeping the scroll place."""
        if scale == self.scale:
            return
        self.scale = scale
        if self.sheet is not None:
            bar = self.browser.verticalScrollBar()
            where = bar.value() / max(1, bar.maximum())
            self._render(self.sheet)
            bar.setValue(round(where * bar.maximum()))

    def _render(self, sheet: ReflectionSheet) -> None:
        from trainer.render.report_pdf import sheet_document

        self.doc = sheet_document(sheet, scale=self.scale)
        self.doc.setDocumentMargin(22)
        show_document(self.browser, self.doc)

    def _tiles(self, sheet: ReflectionSheet) -> None:
        clear_layout(self.tiles)
        frame, body = card("tile")
        body.setContentsMargins(14, 8, 14, 8)
        body.setSpacing(2)
        restyle(frame, level=score_level(sheet.total))
        body.addWidget(plain(self.tr("總分"), "tileLabel", wrap=False))
        body.addWidget(plain(str(sheet.total), "tileScore", wrap=False))
        body.addWidget(plain(sheet.outcome_label, "tileCaption", wrap=False))
        frame.setAccessibleName(self.tr("總分 {n}").format(n=sheet.total))
        self.tiles.addWidget(frame, 0)
        for row in sheet.rows:
            frame, body = card("tile")
            body.setContentsMargins(14, 8, 14, 8)
            body.setSpacing(2)
            restyle(frame, level=score_level(row.score))
            body.addWidget(plain(f"{row.indicator} {row.label}", "tileLabel", wrap=False))
            line = QHBoxLayout()
            line.addWidget(plain(str(row.score), "tileScore", wrap=False))
            line.addStretch(1)
            line.addWidget(plain(stars_text(row.system_stars), "tileStars", wrap=False))
            body.addLayout(line)
            mine = self.tr("自評 ") + stars_text(row.self_rating) if row.self_rating else " "
            body.addWidget(plain(mine, "tileCaption", wrap=False))
            frame.setAccessibleName(f"{row.indicator} {row.label} {row.score}")
            self.tiles.addWidget(frame, 1)

    def print_sheet(self) -> bool:
        from trainer.render.report_pdf import sheet_document

        if self.sheet is None:
            return False
        # Paper gets the print size, whatever the text size on screen.
        return dialogs.print_document(self, sheet_document(self.sheet))

    def suggested_name(self) -> str:
        if self.sheet is None:
            return "sheet.pdf"
        safe = "".join(ch for ch in self.sheet.learner_name if ch.isalnum()) or "learner"
        return f"{safe}-{self.sheet.case_id}-{self.sheet.attempt_id[:8]}.pdf"

    def export_pdf(self, path: Path | None = None) -> Path | None:
        from trainer.render.report_pdf import write_attempt_pdf

        if self.sheet is None or self.workspace is None:
            return None
        if path is None:
            path = dialogs.save_pdf_path(self, str(Path.home() / self.suggested_name()))
            if path is None:
                return None
        try:
            write_attempt_pdf(self.workspace, self.sheet.attempt_id, path, self.sheet.lang)
        except Exception as exc:
            log.exception("PDF export failed")
            dialogs.error(
                self,
                self.tr("無法匯出 PDF：{reason}").format(reason=str(exc)),
                "".join(traceback.format_exception(exc)),
            )
            return None
        dialogs.info(
            self, self.tr("已匯出"), self.tr("反思單已存成 PDF：\n{path}").format(path=str(path))
        )
        return path
