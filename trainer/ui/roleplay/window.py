"""The observer window: set up -> live ticks -> ratings -> the agent's report and
reflection -> the sheet. Every step is written before the window moves on; an
interrupted observed attempt continues where it stopped (`continue_attempt`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from trainer.roleplay.observed import ObservedAttempt
from trainer.service import Workspace
from trainer.ui import dialogs
from trainer.ui.roleplay.live_page import LivePage
from trainer.ui.roleplay.rate_page import RatePage
from trainer.ui.roleplay.setup_page import SetupPage
from trainer.ui.roleplay.text import pick
from trainer.ui.widgets.common import plain
from trainer.ui.widgets.reflection_form import ReflectionForm
from trainer.ui.widgets.report_form import ReportForm

#: Fits a 1366×768 laptop screen with the taskbar.
DEFAULT_SIZE = (1280, 680)


class RoleplayWindow(QWidget):
    #: the attempt is complete (report and reflection saved): show its sheet
    completed = Signal(str)

    def __init__(self, workspace: Workspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.lang = lang
        self.observed: ObservedAttempt | None = None
        self.customer = ""
        self.observer = ""
        self.elapsed = 0
        self.setWindowTitle(pick(lang, "觀察角色扮演", "Observed role-play"))
        self.resize(*DEFAULT_SIZE)
        layout = QVBoxLayout(self)
        self.banner = plain("", "sectionLabel")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.setup = SetupPage(lang)
        self.live = LivePage(lang)
        self.rate = RatePage(lang)
        self.report_form = ReportForm()
        self.reflection_form = ReflectionForm()
        for page in (self.setup, self.live, self.rate, self.report_form, self.reflection_form):
            self.stack.addWidget(page)
        self.setup.start.connect(self._guard(self.start))
        self.setup.kit.connect(self._guard(self.save_kit))
        self.setup.show_kit.connect(self._guard(self.view_kit))
        self.live.toggled.connect(self._guard(self.toggle))
        self.live.finished.connect(self._guard(self.to_rating))
        self.rate.saved.connect(self._guard(self.save_observation))
        self.report_form.submitted.connect(self._guard(self.save_report))
        self.reflection_form.submitted.connect(self._guard(self.save_reflection))
        store = workspace.store
        self.setup.fill(workspace.library, store.learners())

    def _guard(self, fn: Callable[..., object]) -> Callable[..., None]:
        """Run a slot; a refusal or a write error is shown, never raised into Qt."""

        def run(*args: object) -> None:
            try:
                fn(*args)
            except Exception as exc:
                dialogs.error(self, str(exc))

        return run

    # -- steps ------------------------------------------------------------------

    def start(self, case_id: str, agent: str, customer: str, observer: str) -> None:
        store = self.workspace.store
        loaded = self.workspace.library.get(case_id)
        lang = self.lang if loaded.case.title.has(self.lang) else "zh-TW"
        agent_id = store.learner_id_for(agent)
        self.observed = ObservedAttempt.start(store, loaded, agent_id, lang)
        self.customer, self.observer = customer, observer
        self._live(agent, {}, 0)

    def continue_attempt(self, attempt_id: str) -> None:
        store = self.workspace.store
        observed = ObservedAttempt.load(store, self.workspace.library, attempt_id)
        self.observed = observed
        agent = str(store.learner(store.attempt(attempt_id)["learner_id"])["display_name"])
        state = observed.state
        if state.observation is None:
            self._live(agent, dict(state.ticked), max(state.ticked.values(), default=0))
        elif state.report is None:
            self._agent_report()
        else:
            self._agent_reflection()

    def _people(self, agent: str) -> str:
        return pick(
            self.lang,
            f"服務人員：{agent}　顧客：{self.customer or '—'}　觀察員：{self.observer or '—'}",
            f"Agent: {agent}   Customer: {self.customer or '—'}   Observer: {self.observer or '—'}",
        )

    def _live(self, agent: str, ticked: dict[str, int], offset: int) -> None:
        assert self.observed is not None
        self.live.set_case(self.observed.case, self._people(agent), ticked, offset)
        self.stack.setCurrentWidget(self.live)
        self.live.setFocus()

    def toggle(self, behaviour: str, on: bool, at_s: int) -> None:
        assert self.observed is not None
        try:
            if on:
                self.observed.tick(behaviour, at_s)
            else:
                self.observed.untick(behaviour, at_s)
        except Exception:
            self.live.buttons[behaviour].setChecked(behaviour in self.observed.state.ticked)
            raise

    def to_rating(self, elapsed: int) -> None:
        assert self.observed is not None
        self.live.stop()
        self.elapsed = elapsed
        ticked = len(self.observed.state.ticked)
        total = len(self.live.buttons)
        self.rate.set_case(
            self.observed.case,
            pick(
                self.lang,
                f"觀察到 {ticked}/{total} 項行為，時間 {elapsed // 60:02d}:{elapsed % 60:02d}",
                f"{ticked}/{total} behaviours observed in {elapsed // 60:02d}:{elapsed % 60:02d}",
            ),
            self.observer,
            self.customer,
        )
        self.stack.setCurrentWidget(self.rate)

    def save_observation(
        self, ratings: dict[str, int], notes: dict[str, str], observer: str, customer: str
    ) -> None:
        assert self.observed is not None
        self.observer, self.customer = observer, customer
        self.observed.observe(ratings, notes, observer, customer, self.elapsed)
        self._agent_report()

    def _agent_report(self) -> None:
        assert self.observed is not None
        self.banner.setText(
            pick(
                self.lang,
                "觀察已儲存。請把電腦交給服務人員，完成內部回饋報告（3.4）與反思（3.5）。",
                "Observation saved. Hand the laptop to the agent for the internal report (3.4) "
                "and the reflection (3.5).",
            )
        )
        self.banner.show()
        self.report_form.set_case(self.observed.case, self.lang)
        self.stack.setCurrentWidget(self.report_form)
        self.report_form.focus_first()

    def save_report(self, root: str, recipients: list[str], preventive: str, note: str) -> None:
        assert self.observed is not None
        self.observed.report(root, recipients, preventive, note)
        self._agent_reflection()

    def _agent_reflection(self) -> None:
        assert self.observed is not None
        self.reflection_form.set_case(self.observed.case, self.lang)
        self.stack.setCurrentWidget(self.reflection_form)
        self.reflection_form.focus_first()

    def save_reflection(self, answers: dict[str, str], ratings: dict[str, int]) -> None:
        assert self.observed is not None
        self.observed.reflect(answers, ratings)
        self.completed.emit(self.observed.attempt_id)
        self.close()

    # -- the kit ----------------------------------------------------------------

    def view_kit(self, case_id: str) -> None:
        if not case_id:
            return
        from trainer.ui.roleplay.kit_view import KitView

        self.kit_view = KitView(self.workspace.library.get(case_id).case, self.lang, self)
        self.kit_view.show()

    def save_kit(self, case_id: str) -> None:
        if not case_id:
            return
        from trainer.render.kit_html import write_kit_pdf
        from trainer.roleplay.kit import build_kit

        path = dialogs.save_pdf_path(self, f"roleplay-kit-{case_id}.pdf")
        if path is None:
            return
        write_kit_pdf(build_kit(self.workspace.library.get(case_id).case, self.lang), Path(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.live.stop()
        super().closeEvent(event)
