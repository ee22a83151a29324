"""The instructor window: dashboard, learners' attempts, import, export, settings."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.exchange.filters import Filters
from trainer.store.roster import person_sql, settle_identities
from trainer.ui.editor.cases_page import CasesPage
from trainer.ui.instructor import prompts
from trainer.ui.instructor.attempts_page import AttemptsPage
from trainer.ui.instructor.class_page import ClassPage
from trainer.ui.instructor.dashboard_page import DashboardPage
from trainer.ui.instructor.export_page import ExportPage
from trainer.ui.instructor.import_page import ImportPage
from trainer.ui.instructor.lrs_page import LrsPage
from trainer.ui.instructor.portfolios_page import PortfoliosPage
from trainer.ui.instructor.settings_page import SettingsPage
from trainer.ui.widgets.common import plain

if TYPE_CHECKING:
    from trainer.service import Workspace
    from trainer.settings import Settings

log = logging.getLogger(__name__)
#: each language by its own name (the switch is read by someone who reads that language)
LANGUAGE_NAMES = {"zh-TW": "中文（台灣）", "en": "English"}


class InstructorWindow(QWidget):
    """A separate window; closing it locks the area again (the PIN is asked next time)."""

    def __init__(
        self, workspace: Workspace, settings: Settings, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.settings = settings
        self.lang = lang
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1366, 768)  # a school laptop; the minimum stays under 1280x720
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.body: QWidget | None = None
        self._retranslate_pending = False
        self._build()

    def _build(self) -> None:
        """The bar and every page, in the language of the installed translators."""
        workspace, lang = self.workspace, self.lang
        self.setWindowTitle(self.tr("教師專區"))
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        bar = QFrame()
        bar.setObjectName("appBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(20, 8, 20, 8)
        row.addWidget(plain(self.tr("教師專區"), "appTitle", wrap=False))
        row.addWidget(
            plain(self.tr("iCAP TRM3R0182v2 三、解決顧客投訴"), "appSubtitle", wrap=False)
        )
        row.addStretch(1)
        # the learner window (and its View → Language) waits while this one is open
        other = "en" if self.lang == "zh-TW" else "zh-TW"
        self.language_button = QPushButton(LANGUAGE_NAMES[other])
        self.language_button.setProperty("role", "nav")
        self.language_button.setAccessibleName(
            self.tr("切換為英文") if other == "en" else self.tr("切換為中文（台灣）")
        )
        self.language_button.clicked.connect(lambda: self.switch_language(other))
        row.addWidget(self.language_button)
        self.lock_button = QPushButton(self.tr("鎖定並關閉"))
        self.lock_button.setProperty("role", "nav")
        self.lock_button.clicked.connect(self.close)
        row.addWidget(self.lock_button)
        column.addWidget(bar)

        self.tabs = QTabWidget()
        self.dashboard = DashboardPage(workspace, lang)
        self.attempts = AttemptsPage(workspace, lang)
        self.imports = ImportPage(workspace)
        self.exports = ExportPage(workspace, lang)
        self.settings_page = SettingsPage(workspace, self.settings)
        self.portfolios = PortfoliosPage(workspace, lang)
        self.class_page = ClassPage(workspace)
        self.lrs = LrsPage(workspace, lang)
        self.cases = CasesPage(workspace, lang)
        for page, title in (
            (self.dashboard, self.tr("儀表板")),
            (self.attempts, self.tr("學習者")),
            (self.imports, self.tr("合併")),
            (self.exports, self.tr("匯出")),
            (self.portfolios, self.tr("作品集")),
            (self.class_page, self.tr("班級")),
            (self.lrs, "LRS"),
            (self.cases, self.tr("案例")),
            (self.settings_page, self.tr("設定")),
        ):
            self.tabs.addTab(page, title)
        column.addWidget(self.tabs, 1)

        self.dashboard.open_learner.connect(self.show_learner)
        self.dashboard.open_attempt.connect(self.show_attempt)
        self.class_page.changed.connect(self.refresh)
        self.imports.merged.connect(lambda _summary: self.refresh())
        self.attempts.reviewed.connect(lambda _aid: self.dashboard.refresh())
        self.attempts.export_sheet.connect(self.export_attempt_pdf)
        old, self.body = self.body, body
        if old is not None:
            self.column.replaceWidget(old, body)
            old.hide()
            old.deleteLater()
        else:
            self.column.addWidget(body)
        self.refresh()

    def switch_language(self, lang: str) -> None:
        """View → Language from here: the learner window's own switch when this area was
        opened from it (it rebuilds too), else save the setting and swap the translators.
        This window follows on the LanguageChange event."""
        owner = self.parentWidget()
        if owner is not None and callable(getattr(owner, "set_language", None)):
            owner.set_language(lang)  # type: ignore[attr-defined]
            return
        from trainer.ui import app as appmod

        self.settings["language"] = lang
        qapp = QApplication.instance()
        if qapp is not None:
            appmod.set_language(qapp, lang)

    @property
    def busy(self) -> bool:
        runners = (
            self.imports.runner,
            self.exports.runner,
            self.portfolios.runner,
            self.lrs.runner,
        )
        return any(r.is_busy for r in runners)

    def changeEvent(self, event: QEvent) -> None:
        """View → Language swaps the translators: build the pages again in the new
        language (once for the burst of events; after a running merge or export)."""
        if event.type() == QEvent.Type.LanguageChange and not self._retranslate_pending:
            self._retranslate_pending = True
            QTimer.singleShot(0, self.retranslate)
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self._retranslate_pending:  # the language changed while hidden
            self.retranslate()
        super().showEvent(event)

    def retranslate(self) -> None:
        if not self.isVisible():  # closed (and being deleted) or not shown yet: on show
            return
        if self.busy:  # the running job reports to the page it started on
            QTimer.singleShot(300, self.retranslate)
            return
        self._retranslate_pending = False
        # app.set_language sets the default locale with the translators
        english = QLocale().language() == QLocale.Language.English
        self.lang = "en" if english else "zh-TW"
        tab = self.tabs.currentIndex()
        log.info("instructor area rebuilt in %s", self.lang)
        self._build()
        self.tabs.setCurrentIndex(tab)

    def refresh(self) -> None:
        """Re-read everything (after a merge or a review)."""
        settle_identities(self.workspace.store.db)  # one learner per student number
        self.dashboard.reload_choices()
        self.exports.reload_choices()
        self.dashboard.refresh()
        self.attempts.reload()
        self.portfolios.reload()
        self.class_page.reload()
        self.lrs.reload()

    def show_learner(self, learner_id: str) -> None:
        self.tabs.setCurrentWidget(self.attempts)
        self.attempts.select_learner(learner_id)

    def show_attempt(self, attempt_id: str) -> None:
        """Open one attempt's reflection sheet in the learner's history."""
        row = self.workspace.store.db.execute(
            f"select {person_sql('a')} from attempts a where a.id = ?", [attempt_id]
        ).fetchone()
        if row is None:
            return
        self.tabs.setCurrentWidget(self.attempts)
        self.attempts.select_attempt(str(row[0]), attempt_id)

    def export_attempt_pdf(self, attempt_id: str) -> bool:
        """One attempt's reflection sheet as PDF, through the export page's worker."""
        short = attempt_id[:8]
        out = prompts.choose_export_path(self, "pdf", Path.home() / f"sheet-{short}.pdf")
        if out is None:
            return False
        self.tabs.setCurrentWidget(self.exports)
        return self.exports.export("pdf", out, Filters(attempt_id=attempt_id), pseudonymize=False)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()  # a merge / export is still writing; close when it is done
            return
        super().closeEvent(event)
