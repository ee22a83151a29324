"""The play page: one attempt through the five steps, or a read-only replay of one.

The page only shows engine state and forwards the learner's choices to the
AttemptRunner, which commits each decision before the page sees its events.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import time
import traceback
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.ui import dialogs
from trainer.ui.labels import QT_TRANSLATE_NOOP
from trainer.ui.pages.play_render import render_events, render_intro
from trainer.ui.widgets.common import chip, plain, restyle
from trainer.ui.widgets.conversation import Conversation
from trainer.ui.widgets.customer_card import CustomerCard
from trainer.ui.widgets.notebook import Notebook
from trainer.ui.widgets.options import ADVANCE, OptionsPanel, OptionView
from trainer.ui.widgets.policy_panel import PoliciesCard, PolicyPanel
from trainer.ui.widgets.reflection_form import ReflectionForm
from trainer.ui.widgets.report_form import ReportForm
from trainer.ui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from trainer.core.engine import Action, Session
    from trainer.core.model import Case
    from trainer.service import AttemptRunner

log = logging.getLogger(__name__)

PROMPTS = {
    "questions": QT_TRANSLATE_NOOP(
        "PlayPage", "選一個問題問顧客。可以多問幾題，問清楚了再結束提問。"
    ),
    "paraphrases": QT_TRANSLATE_NOOP(
        "PlayPage", "用自己的話向顧客確認問題（換句話說），看看你理解得對不對。"
    ),
    "tones": QT_TRANSLATE_NOOP("PlayPage", "選擇你接下來的回應方式與語氣。"),
    "resolving": QT_TRANSLATE_NOOP(
        "PlayPage", "採取行動或提出方案：詢問顧客想要什麼、聯絡同事或合作廠商、請示主管、提出補償⋯"
    ),
    "follow_ups": QT_TRANSLATE_NOOP("PlayPage", "問題處理後，怎麼對顧客做後續回饋？"),
}


def _disk_full(exc: BaseException) -> bool:
    """SQLite's SQLITE_FULL or the OS's ENOSPC: the one failure a learner can fix."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return isinstance(exc, sqlite3.DatabaseError) and "full" in str(exc).lower()


class PlayPage(QWidget):
    finished = Signal(str)
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playPage")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.runner: AttemptRunner | None = None
        self.case: Case | None = None
        self.lang = "zh-TW"
        self.mode = "practice"
        self.show_mood = True
        self.shown_at = time.monotonic()
        self.replay_actions: list[Action] = []
        self.replay_pos = 0
        self._build()

    # -- layout -----------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 8, 16, 10)
        root.setSpacing(8)
        head = QHBoxLayout()
        head.setSpacing(10)
        self.back = QPushButton(self.tr("← 個案庫"))
        self.back.setProperty("role", "ghost")
        self.back.setAccessibleName(self.tr("回到個案庫"))
        self.back.clicked.connect(self.leave.emit)
        head.addWidget(self.back)
        self.title = plain("", "pageTitle")
        head.addWidget(self.title, 1)
        self.mode_chip = chip("", "accent")
        head.addWidget(self.mode_chip)
        root.addLayout(head)
        self.steps = StepBar()
        root.addWidget(self.steps)
        self.policy = PolicyPanel()
        root.addWidget(self.policy)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        self.conversation = Conversation()
        left.addWidget(self.conversation)
        self.action_area = QStackedWidget()
        self.action_area.setObjectName("actionArea")
        self.options = OptionsPanel()
        self.options.confirmed.connect(self._on_option)
        self.report = ReportForm()
        self.report.submitted.connect(self._on_report)
        self.reflection = ReflectionForm()
        self.reflection.submitted.connect(self._on_reflect)
        self.replay_bar = self._build_replay_bar()
        for widget in (self.options, self.report, self.reflection, self.replay_bar):
            self.action_area.addWidget(widget)
        left.addWidget(self.action_area)
        left.setStretchFactor(0, 5)
        left.setStretchFactor(1, 4)
        self.left = left
        split.addWidget(left)

        side = QScrollArea()
        side.setObjectName("sidePanel")
        side.setWidgetResizable(True)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder.setObjectName("sideHolder")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(10)
        self.customer = CustomerCard()
        self.notebook = Notebook()
        self.policies = PoliciesCard()
        for widget in (self.customer, self.notebook, self.policies):
            column.addWidget(widget)
        column.addStretch(1)
        side.setWidget(holder)
        side.setMinimumWidth(330)
        side.setMaximumWidth(440)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        root.addWidget(split, 1)

    def _build_replay_bar(self) -> QWidget:
        bar = QWidget()
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 8, 0, 8)
        self.prev_button = QPushButton(self.tr("◀ 上一步  ←"))
        self.prev_button.setAccessibleName(self.tr("重播上一步"))
        self.prev_button.clicked.connect(lambda: self.replay_to(self.replay_pos - 1))
        self.next_button = QPushButton(self.tr("下一步 ▶  →"))
        self.next_button.setProperty("role", "primary")
        self.next_button.setAccessibleName(self.tr("重播下一步"))
        self.next_button.clicked.connect(lambda: self.replay_to(self.replay_pos + 1))
        self.replay_label = plain("", "prompt", wrap=False)
        layout.addWidget(plain(self.tr("重播（唯讀）"), "formTitle", wrap=False))
        layout.addStretch(1)
        layout.addWidget(self.replay_label)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        return bar

    # -- entering ---------------------------------------------------------------

    def _setup(self, case: Case, lang: str, mode: str, show_mood: bool) -> None:
        self.case = case
        self.lang = lang
        self.mode = mode
        self.show_mood = show_mood
        self.title.setText(case.title.get(lang))
        restyle(self.mode_chip, kind="warn" if mode == "assessment" else "accent")
        self.mode_chip.setText(self.tr("評量模式") if mode == "assessment" else self.tr("練習模式"))
        self.steps.set_labels(lang)
        self.customer.set_case(case, lang, show_mood)
        self.policy.set_case(case, lang, countdown=mode == "assessment")
        self.policies.set_case(case, lang)
        self.report.set_case(case, lang)
        self.reflection.set_case(case, lang)
        self.conversation.clear()
        render_intro(self.conversation, case, lang)

    def start(self, runner: AttemptRunner, lang: str, mode: str, show_mood: bool) -> None:
        """Show a new or resumed attempt; past decisions are replayed into the view."""
        from trainer.core.engine import Action, Session

        self.runner = runner
        self.replay_actions = []
        self._setup(runner.case, lang, mode, show_mood)
        self.back.setText(self.tr("← 個案庫（進度已自動儲存）"))
        past = [Action.from_dict(a) for a in runner.store.iter_actions(runner.attempt_id)]
        if past:
            view = Session(runner.case)
            for action in past:
                events = view.apply(action)
                render_events(self.conversation, runner.case, events, lang, self._feedback_on())
            self.conversation.add_note(self.tr("已從上次中斷的地方繼續。"), "info")
        self._refresh(runner.session)

    def replay(self, case: Case, actions: list[Action], lang: str, mode: str) -> None:
        """Read-only replay of a logged attempt, one decision at a time."""
        self.runner = None
        self.replay_actions = list(actions)
        self._setup(case, lang, mode, show_mood=True)
        self.back.setText(self.tr("← 返回歷程"))
        self.action_area.setCurrentWidget(self.replay_bar)
        self.replay_to(len(actions))

    def replay_to(self, position: int) -> None:
        from trainer.core.engine import Session

        assert self.case is not None
        position = max(0, min(position, len(self.replay_actions)))
        self.replay_pos = position
        self.conversation.clear()
        render_intro(self.conversation, self.case, self.lang)
        session = Session(self.case)
        for action in self.replay_actions[:position]:
            events = session.apply(action)
            render_events(self.conversation, self.case, events, self.lang, show_feedback=True)
        self._show_state(session)
        self.replay_label.setText(
            self.tr("第 {n} / {total} 步").format(n=position, total=len(self.replay_actions))
        )
        self.prev_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(self.replay_actions))

    @property
    def replaying(self) -> bool:
        return self.runner is None and self.case is not None

    def _feedback_on(self) -> bool:
        return self.mode == "practice"

    # -- state -> view ------------------------------------------------------------

    def _show_state(self, session: Session) -> None:
        s = session.state
        self.steps.set_step(s.step, finished=s.finished)
        self.customer.set_mood(s.mood)
        self.policy.update_state(s.cost, s.authority, s.minutes)
        assert self.case is not None
        self.notebook.set_facts(self.case, s.facts, self.lang)

    def _refresh(self, session: Session) -> None:
        self._show_state(session)
        if session.state.finished:
            return
        lang = self.lang
        available = session.available_options()
        if session.state.step == "reflecting":
            self._show_actions(self.reflection, [200, 600])
        elif not available and session.needs_report():
            self._show_actions(self.report, [200, 600])
        else:
            views = [OptionView(o.id, o.text.get(lang)) for o in available]
            if self._feedback_on():
                for option in session.locked_options():
                    hint = (
                        option.hint.get(lang) if option.hint else self.tr("需要先問清楚其他事情。")
                    )
                    views.append(OptionView(option.id, option.text.get(lang), hint, locked=True))
            if session.can_advance():
                views.append(
                    OptionView(ADVANCE, self.tr("問夠了，結束提問 → 進入 3.2 釐清"), advance=True)
                )
            self.options.set_options(self.tr(self._prompt_key(session, available)), views)
            self._show_actions(self.options, [400, 470])
        self.shown_at = time.monotonic()
        self.setFocus()

    def _show_actions(self, widget: QWidget, sizes: list[int]) -> None:
        # Resizing the splitter re-lays out the whole conversation: only do it when
        # the action area changes (options -> report form -> reflection form).
        if self.action_area.currentWidget() is not widget:
            self.action_area.setCurrentWidget(widget)
            self.left.setSizes(sizes)

    @staticmethod
    def _prompt_key(session: Session, available: list[Any]) -> str:
        step = session.state.step
        if step == "questioning":
            return PROMPTS["questions"]
        if step == "clarifying":
            paraphrase_ids = {o.id for o in session.case.steps.clarifying.paraphrases}
            group = "paraphrases" if any(o.id in paraphrase_ids for o in available) else "tones"
            return PROMPTS[group]
        if step == "resolving":
            return PROMPTS["resolving"]
        return PROMPTS["follow_ups"]

    # -- learner actions -----------------------------------------------------------

    def _act(self, action: Action) -> None:
        runner = self.runner
        if runner is None:
            return
        think_ms = int((time.monotonic() - self.shown_at) * 1000)
        try:
            events = runner.act(action, think_ms)
        except Exception as exc:
            log.exception("action %s failed", action)
            message = (
                self.tr(
                    "電腦的磁碟空間不足，這一步沒有存下來。\n"
                    "請清出一些空間（或請老師協助）後再按一次；之前的作答都還在。"
                )
                if _disk_full(exc)
                else self.tr("這個動作沒有成功，請再試一次。")
            )
            dialogs.error(self, message, "".join(traceback.format_exception(exc)))
            return
        assert self.case is not None
        render_events(self.conversation, self.case, events, self.lang, self._feedback_on())
        if runner.finished:
            self._show_state(runner.session)
            self.finished.emit(runner.attempt_id)
            return
        self._refresh(runner.session)
        self.conversation.lay_out_now()

    def _on_option(self, option_id: str, free_text: str) -> None:
        from trainer.core.engine import Action

        if option_id == ADVANCE:
            self._act(Action.advance())
        else:
            self._act(Action.choose(option_id, free_text or None))

    def _on_report(self, root: str, recipients: list[str], preventive: str, note: str) -> None:
        from trainer.core.engine import Action

        self._act(Action.report(root, recipients, preventive, note))

    def _on_reflect(self, answers: dict[str, str], ratings: dict[str, int]) -> None:
        from trainer.core.engine import Action

        self._act(Action.reflect(answers, ratings))

    # -- keyboard -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.replaying:
            if key == Qt.Key.Key_Left:
                self.replay_to(self.replay_pos - 1)
                return
            if key == Qt.Key.Key_Right:
                self.replay_to(self.replay_pos + 1)
                return
        elif self.action_area.currentWidget() is self.options:
            if (
                Qt.Key.Key_1 <= key <= Qt.Key.Key_9
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.options.select_index(key - Qt.Key.Key_1)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.options.confirm()
                return
        super().keyPressEvent(event)
