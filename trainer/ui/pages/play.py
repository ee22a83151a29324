"""The play page: one attempt through the five steps, or a read-only replay of one.

The page only shows engine state and forwards the learner's choices to the
AttemptRunner, which commits each decision before the page sees its events.

Layout (built for 1366×768 and 1280×720): a header, the step bar, then a splitter of
three panes whose sizes are remembered: the conversation (the largest, with the
escalation banner on top), the action pane (options, report form, reflection form)
and a side column (figures, notebook, customer). Keys: 1–9 anywhere on the page
except in a text field, ↑/↓ to move through the options, Enter to send, PgUp/PgDn
to scroll the conversation (page shortcuts, so text fields keep their own keys).
"""

from __future__ import annotations

import errno
import functools
import logging
import sqlite3
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMetaMethod,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
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
from trainer.ui.widgets.common import card, chip, plain, restyle
from trainer.ui.widgets.conversation import Conversation
from trainer.ui.widgets.customer_card import CustomerCard
from trainer.ui.widgets.notebook import Notebook
from trainer.ui.widgets.options import ADVANCE, OptionsPanel, OptionView
from trainer.ui.widgets.policy_panel import PoliciesCard, PolicyPanel
from trainer.ui.widgets.reflection_form import ReflectionForm
from trainer.ui.widgets.report_form import ReportForm
from trainer.ui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from trainer.core.engine import Action, Event, Session
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
    "follow_ups_escalated": QT_TRANSLATE_NOOP(
        "PlayPage", "投訴已升級給主管。你還能怎麼對顧客做後續回饋？"
    ),
    "follow_ups_lost": QT_TRANSLATE_NOOP(
        "PlayPage", "顧客沒有接受任何方案就離開了。你還能怎麼做後續回饋？"
    ),
}

#: Why the customer escalated (SessionState.escalation_reason) and what happens now.
ESCALATION_REASONS = {
    "mood": QT_TRANSLATE_NOOP("PlayPage", "顧客的情緒失控，要求找主管。"),
    "time": QT_TRANSLATE_NOOP("PlayPage", "處理拖得太久，顧客失去耐心，要求找主管。"),
    "patience": QT_TRANSLATE_NOOP("PlayPage", "幾次不當的回應讓顧客不再信任你，要求找主管。"),
    "handed_over": QT_TRANSLATE_NOOP("PlayPage", "你把這件投訴轉交給主管處理。"),
}
ESCALATION_NEXT = QT_TRANSLATE_NOOP(
    "PlayPage",
    "投訴已升級：主管接手處理，沒做的步驟會標示為略過。接下來是 3.4 回饋與 3.5 反思。",
)

#: Decisions of a resumed attempt shown as bubbles at once (the rest on request).
RECENT_TURNS = 8

#: Default pane proportions: conversation, actions, side column.
DEFAULT_SPLIT = [560, 440, 330]


def _t(text: str) -> str:
    return QCoreApplication.translate("PlayPage", text)


def _disk_full(exc: BaseException) -> bool:
    """SQLite's SQLITE_FULL or the OS's ENOSPC: the one failure a learner can fix."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return isinstance(exc, sqlite3.DatabaseError) and "full" in str(exc).lower()


class PlayPage(QWidget):
    finished = Signal(str)
    leave = Signal()
    #: "Restart this case" for the attempt id (confirmed by the learner).
    restart = Signal(str)
    #: "Try again from here": (attempt id, decisions to replay) from a replay.
    try_again = Signal(str, int)
    #: The pane sizes after the learner moved a splitter handle.
    split_changed = Signal(list)

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
        self._past: list[tuple[str, list[Event]]] = []
        self._built_for: tuple[object, str, bool] | None = None
        self._wanted_split: list[int] | None = None
        self.replay_pos = 0
        self.replay_attempt_id = ""
        self.replay_seed: int | None = None
        #: Steps the attempt has been in, and the step in which it escalated.
        self.visited: set[str] = set()
        self.escalated_at: str | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(400)
        self._draft_timer.timeout.connect(self.save_draft)
        self._build()
        self._shortcuts()

    # -- layout -----------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 6, 14, 8)
        root.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(10)
        self.back = QPushButton(self.tr("← 個案庫"))
        self.back.setProperty("role", "ghost")
        self.back.setAccessibleName(self.tr("回到個案庫"))
        self.back.setAccessibleDescription(self.tr("進度已自動儲存，可以之後再繼續"))
        self.back.clicked.connect(self._leave)
        head.addWidget(self.back)
        self.title = plain("", "pageTitle")
        head.addWidget(self.title, 1)
        self.restart_button = QPushButton(self.tr("重新開始"))
        self.restart_button.setProperty("role", "ghost")
        self.restart_button.setAccessibleName(self.tr("重新開始這個個案"))
        self.restart_button.setAccessibleDescription(
            self.tr("這次作答會保留在紀錄中，標示為放棄，再從頭開始")
        )
        self.restart_button.clicked.connect(self._ask_restart)
        head.addWidget(self.restart_button)
        self.mode_chip = chip("", "accent")
        head.addWidget(self.mode_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        root.addLayout(head)
        self.steps = StepBar()
        root.addWidget(self.steps)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("playSplit")
        self.split.setChildrenCollapsible(False)
        self.split.setHandleWidth(8)
        self.split.addWidget(self._build_conversation_column())
        self.action_area = QStackedWidget()
        self.action_area.setObjectName("actionArea")
        self.action_area.setMinimumWidth(300)
        self.options = OptionsPanel()
        self.options.confirmed.connect(self._on_option)
        self.report = ReportForm()
        self.report.submitted.connect(self._on_report)
        self.report.edited.connect(self._draft_timer.start)
        self.reflection = ReflectionForm()
        self.reflection.submitted.connect(self._on_reflect)
        self.reflection.edited.connect(self._draft_timer.start)
        self.done_panel = QWidget()
        for widget in (self.options, self.report, self.reflection, self.done_panel):
            self.action_area.addWidget(widget)
        self.split.addWidget(self.action_area)
        self.split.addWidget(self._build_side())
        for index, stretch in enumerate((5, 4, 3)):
            self.split.setStretchFactor(index, stretch)
        self.split.setSizes(DEFAULT_SPLIT)
        self.split.splitterMoved.connect(lambda *_: self.split_changed.emit(self.split.sizes()))
        root.addWidget(self.split, 1)

    def _build_conversation_column(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.banner = plain("", "escalationBanner")
        self.banner.setAccessibleName(self.tr("投訴升級"))
        self.banner.hide()
        layout.addWidget(self.banner)
        self.conversation = Conversation()
        self.conversation.setMinimumWidth(360)
        layout.addWidget(self.conversation, 1)
        self.replay_bar = self._build_replay_bar()
        self.replay_bar.hide()
        layout.addWidget(self.replay_bar)
        return column

    def _build_side(self) -> QWidget:
        side = QScrollArea()
        side.setObjectName("sidePanel")
        side.setWidgetResizable(True)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder = QWidget()
        holder.setObjectName("sideHolder")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(8)
        self.policy = PolicyPanel(columns=2)
        self.notebook = Notebook()
        self.customer = CustomerCard()
        self.policies = PoliciesCard()
        # The mood meter sits at the top of the column, visible without scrolling.
        mood, mood_body = card("card")
        mood_body.setContentsMargins(12, 6, 12, 8)
        mood_body.addWidget(self.customer.mood_row)
        self.mood_card = mood
        for widget in (mood, self.notebook, self.policy, self.customer, self.policies):
            column.addWidget(widget)
        self.side_column = column
        self.side_order = "notebook"
        column.addStretch(1)
        side.setWidget(holder)
        side.setMinimumWidth(260)
        side.viewport().installEventFilter(self)
        self.side = side
        return side

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.side.viewport() and event.type() == QEvent.Type.Resize:
            self.policy.fit(self.side.viewport().width() - 6)
        return False

    def _build_replay_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("replayBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 2, 0, 2)
        self.prev_button = QPushButton(self.tr("◀ 上一步  ←"))
        self.prev_button.setAccessibleDescription(self.tr("重播退回上一個決定"))
        self.prev_button.setAccessibleName(self.tr("重播上一步"))
        self.prev_button.clicked.connect(lambda: self.replay_to(self.replay_pos - 1))
        self.next_button = QPushButton(self.tr("下一步 ▶  →"))
        self.next_button.setAccessibleDescription(self.tr("重播前進到下一個決定"))
        self.next_button.setProperty("role", "primary")
        self.next_button.setAccessibleName(self.tr("重播下一步"))
        self.next_button.clicked.connect(lambda: self.replay_to(self.replay_pos + 1))
        self.branch_button = QPushButton(self.tr("從這裡再試一次"))
        self.branch_button.setAccessibleName(self.tr("從這一步再試一次"))
        self.branch_button.setAccessibleDescription(
            self.tr("開始新的練習，前面的選擇照舊，從下一個決定開始重新選")
        )
        self.branch_button.clicked.connect(
            lambda: self.try_again.emit(self.replay_attempt_id, self.replay_pos)
        )
        self.replay_label = plain("", "prompt", wrap=False)
        layout.addWidget(plain(self.tr("重播（唯讀）"), "formTitle", wrap=False))
        layout.addWidget(self.replay_label)
        layout.addStretch(1)
        layout.addWidget(self.branch_button)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        return bar

    def _shortcuts(self) -> None:
        """Page-wide keys. Shortcuts, not key events: a text field that types the
        key (a digit in the free-text box) takes it first, everywhere else it works."""

        def key(sequence: QKeySequence | Qt.Key, slot: Callable[[], Any]) -> QShortcut:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            return shortcut

        self.option_keys = [
            key(getattr(Qt.Key, f"Key_{n}"), functools.partial(self._number, n))
            for n in range(1, 10)
        ]
        self.option_keys += [
            key(Qt.Key.Key_Up, lambda: self._arrow(-1)),
            key(Qt.Key.Key_Down, lambda: self._arrow(+1)),
            key(Qt.Key.Key_Return, self._enter),
            key(Qt.Key.Key_Enter, self._enter),
        ]
        # ←/→ step through a replay: shortcuts, because Qt 6 buttons move the focus on
        # arrow keys (→ on "Next" went to the app bar instead of the next step)
        self.replay_keys = [
            key(Qt.Key.Key_Left, lambda: self.replay_to(self.replay_pos - 1)),
            key(Qt.Key.Key_Right, lambda: self.replay_to(self.replay_pos + 1)),
        ]
        for shortcut in self.replay_keys:
            shortcut.setEnabled(False)  # only while replaying (text fields keep ←/→)
        key(Qt.Key.Key_PageUp, lambda: self.conversation.page(-1))
        key(Qt.Key.Key_PageDown, lambda: self.conversation.page(+1))
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            key(QKeySequence(sequence), self._submit_form)

    # -- entering ---------------------------------------------------------------

    def set_split_sizes(self, sizes: object) -> None:
        """Restore remembered pane sizes (ignored unless three positive numbers)."""
        if (
            isinstance(sizes, list)
            and len(sizes) == 3
            and all(isinstance(n, int) and n > 0 for n in sizes)
        ):
            # Applied when the page is first shown: a splitter not yet laid out at
            # its real width would spread them evenly.
            self._wanted_split = list(sizes)
            if self.isVisible():
                self._apply_split()

    def _apply_split(self) -> None:
        if self._wanted_split is not None:
            self.split.setSizes(self._wanted_split)
            self._wanted_split = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply_split()

    def _setup(self, case: Case, lang: str, mode: str, show_mood: bool) -> None:
        self.case = case
        self.lang = lang
        self.mode = mode
        self.show_mood = show_mood
        self.visited = {"questioning"}
        self.escalated_at = None
        self.title.setText(case.title.get(lang))
        restyle(self.mode_chip, kind="warn" if mode == "assessment" else "accent")
        self.mode_chip.setText(self.tr("評量模式") if mode == "assessment" else self.tr("練習模式"))
        self.steps.set_labels(lang)
        self.policy.set_case(case, lang, countdown=mode == "assessment")
        key = (case, lang, show_mood)
        if key == self._built_for:
            # The same case again (resume, restart): empty the forms, keep the widgets.
            self.report.reset()
            self.reflection.reset()
        else:
            self.customer.set_case(case, lang, show_mood)
            self.mood_card.setVisible(show_mood)
            self.policies.set_case(case, lang)
            self.report.set_case(case, lang)
            self.reflection.set_case(case, lang)
            self._built_for = key
        self.banner.hide()
        self.conversation.clear()
        render_intro(self.conversation, case, lang)

    def start(
        self,
        runner: AttemptRunner,
        lang: str,
        mode: str,
        show_mood: bool,
        turns: list[tuple[str, list[Event]]] | None = None,
    ) -> None:
        """Show a new or resumed attempt; past decisions are replayed into the view.

        `turns` (step, events) per past decision, when the caller already replayed
        the log (service.resume_with_events), saves replaying it again here.
        """
        from trainer.store.drafts import load_drafts

        self._draft_timer.stop()
        self.runner = None  # no draft is saved while the forms are being reset
        self.replay_actions = []
        self._setup(runner.case, lang, mode, show_mood)
        self.replay_bar.hide()
        for shortcut in self.replay_keys:
            shortcut.setEnabled(False)
        self.action_area.show()
        # Only where someone handles it (not in the case editor's play-test window).
        self.restart_button.setVisible(self.isSignalConnected(QMetaMethod.fromSignal(self.restart)))
        self.back.setText(self.tr("← 個案庫（進度已自動儲存）"))
        if turns is None:
            turns = self._replay_log(runner)
        self._past = turns
        if turns:
            self._render_past(runner, turns, RECENT_TURNS)
        self.runner = runner
        self._refresh(runner.session)
        drafts = load_drafts(runner.store, runner.attempt_id)
        if "report" in drafts and self.action_area.currentWidget() is self.report:
            self.report.restore(drafts["report"])
        if "reflection" in drafts and self.action_area.currentWidget() is self.reflection:
            self.reflection.restore(drafts["reflection"])
        self._draft_timer.stop()

    @staticmethod
    def _replay_log(runner: AttemptRunner) -> list[tuple[str, list[Event]]]:
        from trainer.core.engine import Action, Session
        from trainer.service import with_intros

        view = Session(runner.case, order_seed=runner.session.state.order_seed)
        turns = []
        for row in runner.store.iter_actions(runner.attempt_id):
            step = view.state.step
            turns.append((step, with_intros(view, view.apply(Action.from_dict(row)))))
        return turns

    def _render_past(
        self, runner: AttemptRunner, turns: list[tuple[str, list[Event]]], recent: int | None
    ) -> None:
        """Rebuild the conversation of a resumed attempt from its replayed log.

        Only the last `recent` decisions become bubbles (None: all); earlier ones sit
        behind a "show earlier" button, so a long attempt reopens at once (building
        hundreds of bubbles took over a second for 60 decisions).
        """
        hidden = 0 if recent is None else max(0, len(turns) - recent)
        if hidden:
            self.conversation.add_earlier(
                self.tr("顯示較早的對話（{n} 個決定）").format(n=hidden),
                lambda: self._show_all_past(runner),
            )
        for index, (step, events) in enumerate(turns):
            self._track(step, events)
            if index == len(turns) - 1:
                # reopen at the last turn (as after a choice), not at the opening lines
                self.conversation.begin_turn()
            if index >= hidden:
                render_events(
                    self.conversation, runner.case, events, self.lang, self._feedback_on(), None
                )
        self.conversation.hidden_decisions = hidden
        branched = runner.store.attempt(runner.attempt_id).get("branch_seq")
        if branched is not None:  # "try again from here", not a resume
            note = self.tr("前 {n} 個決定照原樣重播，從這裡重新選擇。").format(n=len(turns))
        else:
            note = self.tr("已從上次中斷的地方繼續。")
        self.conversation.add_note(note, "info")

    def _show_all_past(self, runner: AttemptRunner) -> None:
        """The learner asked for the whole conversation: rebuild it with every turn."""
        if self.runner is not runner:
            return
        self.conversation.clear()
        render_intro(self.conversation, runner.case, self.lang)
        self._render_past(runner, self._past, None)
        self.conversation.lay_out_now()
        self.conversation.verticalScrollBar().setValue(0)

    def replay(
        self,
        case: Case,
        actions: list[Action],
        lang: str,
        mode: str,
        attempt_id: str = "",
        order_seed: int | None = None,
    ) -> None:
        """Read-only replay of a logged attempt, one decision at a time, from the start."""
        self.runner = None
        self.replay_actions = list(actions)
        self.replay_attempt_id = attempt_id
        self.replay_seed = order_seed
        self._setup(case, lang, mode, show_mood=True)
        self.back.setText(self.tr("← 返回歷程"))
        self.restart_button.hide()
        self.action_area.hide()  # the conversation takes the room of the action pane
        self.replay_bar.show()
        for shortcut in self.replay_keys:
            shortcut.setEnabled(True)
        self.branch_button.setVisible(
            bool(attempt_id) and self.isSignalConnected(QMetaMethod.fromSignal(self.try_again))
        )
        self.replay_to(0)
        self.next_button.setFocus()

    def replay_to(self, position: int) -> None:
        from trainer.core.engine import Session

        assert self.case is not None
        position = max(0, min(position, len(self.replay_actions)))
        self.replay_pos = position
        self.visited = {"questioning"}
        self.escalated_at = None
        self.conversation.clear()
        render_intro(self.conversation, self.case, self.lang)
        session = Session(self.case, order_seed=self.replay_seed)
        for index, action in enumerate(self.replay_actions[:position]):
            if index == position - 1:
                self.conversation.begin_turn()
            step = session.state.step
            events = session.apply(action)
            self._track(step, events)
            render_events(
                self.conversation, self.case, events, self.lang, show_feedback=True, session=session
            )
        self._show_state(session)
        self.conversation.lay_out_now()
        self.replay_label.setText(
            self.tr("第 {n} / {total} 步").format(n=position, total=len(self.replay_actions))
        )
        self.prev_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(self.replay_actions))
        self.branch_button.setEnabled(position < len(self.replay_actions))

    @property
    def replaying(self) -> bool:
        return self.runner is None and self.case is not None

    def _feedback_on(self) -> bool:
        return self.mode == "practice"

    # -- state -> view ------------------------------------------------------------

    def _track(self, step_before: str, events: list[Event]) -> None:
        """Remember the steps entered and where the attempt escalated."""
        for event in events:
            if event.kind == "escalated" and self.escalated_at is None:
                self.escalated_at = step_before
            elif event.kind == "step":
                self.visited.add(str(event.data["step"]))

    def _arrange_side(self, step: str) -> None:
        """Notebook first while finding facts; the money and time figures first in 3.3."""
        order = "figures" if step == "resolving" else "notebook"
        if order == self.side_order:
            return
        first, second = (
            (self.policy, self.notebook) if order == "figures" else (self.notebook, self.policy)
        )
        self.side_column.removeWidget(first)
        self.side_column.insertWidget(1, first)
        self.side_column.removeWidget(second)
        self.side_column.insertWidget(2, second)
        self.side_order = order

    def _show_state(self, session: Session) -> None:
        s = session.state
        self._arrange_side(s.step)
        self.steps.set_step(
            s.step, finished=s.finished, escalated_at=self.escalated_at, visited=self.visited
        )
        self.customer.set_mood(s.mood)
        self.policy.update_state(s.cost, s.authority, s.minutes)
        assert self.case is not None
        self.notebook.set_facts(self.case, s.facts, self.lang)
        self._show_banner(session)

    def _show_banner(self, session: Session) -> None:
        s = session.state
        if not s.escalated:
            self.banner.hide()
            return
        reason = _t(ESCALATION_REASONS.get(s.escalation_reason or "", ESCALATION_REASONS["mood"]))
        assert self.case is not None
        consequence = self.case.escalation.consequence
        text = f"⚠ {reason}\n{_t(ESCALATION_NEXT)}"
        if consequence is not None:
            text += "\n" + consequence.get(self.lang)
        self.banner.setText(text)
        self.banner.show()

    def _refresh(self, session: Session) -> None:
        self._show_state(session)
        if session.state.finished:
            return
        lang = self.lang
        if session.needs_reflection():
            self._show_actions(self.reflection)
        elif session.needs_report() and not session.available_options():
            self._show_actions(self.report)
        else:
            slots = session.option_slots()
            views = [
                OptionView(s.option.id, s.option.text.get(lang), s.number, s.asked) for s in slots
            ]
            if session.can_advance():
                views.append(
                    OptionView(
                        ADVANCE,
                        self.tr("問夠了，結束提問 → 進入 3.2 釐清"),
                        len(slots) + 1,
                        advance=True,
                    )
                )
            self.options.set_options(self.tr(self._prompt_key(session, slots)), views)
            self._show_actions(self.options)
        self.shown_at = time.monotonic()

    def _show_actions(self, widget: QWidget) -> None:
        changed = self.action_area.currentWidget() is not widget
        self.action_area.setCurrentWidget(widget)
        keys_on = widget is self.options
        if self.option_keys[0].isEnabled() != keys_on:
            for shortcut in self.option_keys:
                shortcut.setEnabled(keys_on)
        if widget is self.options:
            if changed or not self.hasFocus():
                self.setFocus()
        elif changed and isinstance(widget, ReportForm | ReflectionForm):
            widget.focus_first()  # the keyboard goes into each new form

    def take_keyboard(self) -> None:
        """Give the keyboard to what the learner acts on now: the 3.4/3.5 form when
        one is showing (also after a resume, when the form was already current),
        else the page (whose shortcuts choose options)."""
        widget = self.action_area.currentWidget()
        if isinstance(widget, ReportForm | ReflectionForm) and not self.replaying:
            widget.focus_first()
        else:
            self.setFocus()

    @staticmethod
    def _prompt_key(session: Session, slots: list[Any]) -> str:
        step = session.state.step
        if step == "questioning":
            return PROMPTS["questions"]
        if step == "clarifying":
            open_groups = {s.group for s in slots if not s.asked}
            return PROMPTS["paraphrases" if "paraphrases" in open_groups else "tones"]
        if step == "resolving":
            return PROMPTS["resolving"]
        if session.state.outcome == "escalated":
            return PROMPTS["follow_ups_escalated"]
        if session.state.outcome == "lost":
            return PROMPTS["follow_ups_lost"]
        return PROMPTS["follow_ups"]

    # -- learner actions -----------------------------------------------------------

    def _act(self, action: Action) -> bool:
        runner = self.runner
        if runner is None:
            return False
        think_ms = int((time.monotonic() - self.shown_at) * 1000)
        step = runner.session.state.step
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
            return False
        assert self.case is not None
        self._track(step, events)
        self.conversation.begin_turn()
        render_events(
            self.conversation, self.case, events, self.lang, self._feedback_on(), runner.session
        )
        if runner.finished:
            self._show_state(runner.session)
            self.finished.emit(runner.attempt_id)
            return True
        self._refresh(runner.session)
        self.conversation.lay_out_now()
        return True

    def _on_option(self, option_id: str, free_text: str) -> None:
        from trainer.core.engine import Action

        if option_id == ADVANCE:
            self._act(Action.advance())
        else:
            self._act(Action.choose(option_id, free_text or None))

    def _on_report(self, root: str, recipients: list[str], preventive: str, note: str) -> None:
        from trainer.core.engine import Action

        self._draft_timer.stop()
        if self._act(Action.report(root, recipients, preventive, note)):
            self._drop_draft("report")

    def _on_reflect(self, answers: dict[str, str], ratings: dict[str, int]) -> None:
        from trainer.core.engine import Action

        self._draft_timer.stop()
        if self._act(Action.reflect(answers, ratings)):
            self._drop_draft("reflection")

    # -- drafts ---------------------------------------------------------------------

    def save_draft(self) -> None:
        """Save the form on screen as the attempt's draft (called 0.4 s after an edit)."""
        from trainer.store.drafts import save_draft

        runner = self.runner
        if runner is None or runner.finished:
            return
        current = self.action_area.currentWidget()
        try:
            if current is self.report:
                save_draft(runner.store, runner.attempt_id, "report", self.report.draft())
            elif current is self.reflection:
                save_draft(runner.store, runner.attempt_id, "reflection", self.reflection.draft())
        except Exception:  # a draft is a convenience: never interrupt the learner
            log.exception("cannot save the draft of attempt %s", runner.attempt_id)

    def _drop_draft(self, kind: str) -> None:
        from trainer.store.drafts import drop_draft

        runner = self.runner
        if runner is None:
            return
        try:
            drop_draft(runner.store, runner.attempt_id, kind)  # type: ignore[arg-type]
        except Exception:
            log.exception("cannot drop the draft of attempt %s", runner.attempt_id)

    def flush_draft(self) -> None:
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush_draft()
        super().hideEvent(event)

    # -- keyboard -------------------------------------------------------------------

    def _number(self, number: int) -> None:
        if self.action_area.currentWidget() is self.options and not self.replaying:
            self.options.select_number(number)

    def _arrow(self, delta: int) -> None:
        if self.action_area.currentWidget() is self.options and not self.replaying:
            self.options.step_selection(delta)

    def _enter(self) -> None:
        # Enter on a focused button of the page ("Restart", "Try again from here")
        # presses it; elsewhere it sends the selected option.
        focus = QApplication.focusWidget()
        if (
            isinstance(focus, QPushButton)
            and focus is not self.options.send
            and focus.isEnabled()
            and self.isAncestorOf(focus)
        ):
            focus.click()
            return
        if self.action_area.currentWidget() is self.options and not self.replaying:
            self.options.confirm()

    def _submit_form(self) -> None:
        current = self.action_area.currentWidget()
        if self.replaying:
            return
        if current is self.report:
            self.report.submit.click()
        elif current is self.reflection:
            self.reflection.submit.click()

    def _leave(self) -> None:
        self.flush_draft()
        self.leave.emit()

    def _ask_restart(self) -> None:
        runner = self.runner
        if runner is None:
            return
        if dialogs.ask(
            self,
            self.tr("重新開始這個個案"),
            self.tr("要重新開始嗎？這次作答會保留在學習紀錄中，標示為「放棄」。"),
        ):
            self.restart.emit(runner.attempt_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The page's own keys when the shortcuts did not take them (the window is
        not the active one, as in tests); ←/→ step through a replay."""
        key = event.key()
        if self.replaying:
            if key == Qt.Key.Key_Left:
                self.replay_to(self.replay_pos - 1)
                return
            if key == Qt.Key.Key_Right:
                self.replay_to(self.replay_pos + 1)
                return
        elif not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                self._number(key - Qt.Key.Key_0)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter()
                return
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._arrow(-1 if key == Qt.Key.Key_Up else 1)
                return
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.conversation.page(-1 if key == Qt.Key.Key_PageUp else 1)
                return
        super().keyPressEvent(event)
