"""The main window: app bar, menus, and a stack of pages; it wires pages to the store.

All learner data changes go through AttemptRunner / Store; the pages only show
state and report what the learner chose.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThread, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.store.roster import (
    is_class_folder,
    learner_visible_without_pin,
    mark_local,
    welcome_learners,
)
from trainer.ui import dialogs, handin_menu
from trainer.ui.widgets.common import enter_presses_buttons, keyboard_into, plain, reveal

if TYPE_CHECKING:
    from trainer.service import Workspace
    from trainer.settings import Settings
    from trainer.ui.pages.history import HistoryPage
    from trainer.ui.pages.library import LibraryPage
    from trainer.ui.pages.play import PlayPage
    from trainer.ui.pages.profiles import ProfilesPage
    from trainer.ui.pages.sheet import SheetPage

log = logging.getLogger(__name__)


class WorkspaceLoader(QThread):
    """Opens the database and loads the case library off the UI thread."""

    loaded = Signal(object)
    failed = Signal(str, str)

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.root = root

    def run(self) -> None:
        try:
            from trainer.service import Workspace

            # The window is this data folder's one writer (trainer.store.lock).
            self.loaded.emit(Workspace.open(self.root, writer=True))
        except Exception as exc:
            self.failed.emit(str(exc), "".join(traceback.format_exception(exc)))


class PageStack(QStackedWidget):
    """The window's pages. Its size comes from the window, never from its contents'
    height for a width: without this, every layout pass of the play page asked every
    page built so far (library cards, history, sheet) for its height for width."""

    def hasHeightForWidth(self) -> bool:
        return False


class MainWindow(QMainWindow):
    def __init__(
        self,
        root: Path,
        settings: Settings,
        workspace: Workspace | None = None,
        font_problem: str | None = None,
        on_scale: Callable[[float], None] | None = None,
    ) -> None:
        super().__init__()
        self.root = root
        self.settings = settings
        self.workspace: Workspace | None = None
        self.owns_workspace = workspace is None
        self.learner: dict[str, Any] | None = None
        self.on_scale = on_scale
        self.loader: WorkspaceLoader | None = None
        self._pages: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("顧客投訴處理訓練 Complaint Trainer"))
        self.resize(1366, 768)
        self.setMinimumSize(1024, 640)
        self._build(font_problem)
        self._menus()
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the focused control is always scrolled into view
            app.focusChanged.connect(lambda _old, new: reveal(new))
        if workspace is not None:
            self.set_workspace(workspace)

    @property
    def lang(self) -> str:
        return str(self.settings["language"])

    # -- layout -----------------------------------------------------------------

    def _build(self, font_problem: str | None) -> None:
        central = QWidget()
        central.setObjectName("central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        bar = QFrame()
        bar.setObjectName("appBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(20, 6, 20, 6)
        row.setSpacing(10)
        titles = QHBoxLayout()
        titles.setSpacing(14)
        titles.addWidget(plain(self.tr("顧客投訴處理訓練"), "appTitle", wrap=False))
        titles.addWidget(
            plain(self.tr("iCAP TRM3R0182v2 · 三、解決顧客投訴"), "appSubtitle", wrap=False)
        )
        row.addLayout(titles)
        row.addStretch(1)
        self.nav_library = QPushButton(self.tr("個案庫"))
        self.nav_library.setAccessibleDescription(self.tr("前往個案庫（Ctrl+L）"))
        self.nav_history = QPushButton(self.tr("學習歷程"))
        self.nav_history.setAccessibleDescription(self.tr("前往學習歷程（Ctrl+H）"))
        self.nav_learner = QPushButton("")
        self.nav_learner.setAccessibleDescription(self.tr("換另一位學習者（Ctrl+Shift+L）"))
        for button in (self.nav_library, self.nav_history, self.nav_learner):
            button.setProperty("role", "nav")
            row.addWidget(button)
        self.nav_learner.setAccessibleName(self.tr("切換學習者"))
        self.nav_library.clicked.connect(lambda: self.guard(self.show_library))
        self.nav_history.clicked.connect(lambda: self.guard(self.show_history))
        self.nav_learner.clicked.connect(lambda: self.guard(self.show_profiles))
        column.addWidget(bar)
        self.banner = plain("", "banner")
        self.banner.setVisible(bool(font_problem))
        if font_problem:
            self.banner.setText(font_problem)
        column.addWidget(self.banner)
        self.stack = PageStack()
        # whichever way a page was reached, the keyboard ends up in it
        stack = self.stack  # the timer dies with this stack (rebuilt on a language switch)
        stack.currentChanged.connect(
            lambda _i: QTimer.singleShot(0, stack, lambda: keyboard_into(stack.currentWidget()))
        )
        self.loading = QWidget()
        loading_layout = QVBoxLayout(self.loading)
        self.loading_label = plain(self.tr("正在載入個案庫…"), "heroSub")
        loading_layout.addStretch(1)
        loading_layout.addWidget(self.loading_label)
        loading_layout.addStretch(1)
        self.stack.addWidget(self.loading)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._nav_visible(False)

    # -- pages, built on first use ------------------------------------------------
    # The window opens with only its loading page: building every page up front
    # (the play page alone is ~100 ms of widgets and style polish) made startup slower.

    def _page(self, name: str) -> Any:
        page = self._pages.get(name)
        if page is None:
            page = getattr(self, f"_build_{name}")()
            enter_presses_buttons(page)
            self.stack.addWidget(page)
            self._pages[name] = page
        return page

    def _showing(self, name: str) -> bool:
        page = self._pages.get(name)
        return page is not None and self.stack.currentWidget() is page

    @property
    def profiles(self) -> ProfilesPage:
        return self._page("profiles")  # type: ignore[no-any-return]

    @property
    def library(self) -> LibraryPage:
        return self._page("library")  # type: ignore[no-any-return]

    @property
    def play(self) -> PlayPage:
        return self._page("play")  # type: ignore[no-any-return]

    @property
    def sheet(self) -> SheetPage:
        return self._page("sheet")  # type: ignore[no-any-return]

    @property
    def history(self) -> HistoryPage:
        return self._page("history")  # type: ignore[no-any-return]

    def _build_profiles(self) -> ProfilesPage:
        from trainer.ui.pages.profiles import ProfilesPage

        page = ProfilesPage()
        page.chosen.connect(lambda lid: self.guard(self.choose_learner, lid))
        page.create_requested.connect(lambda *a: self.guard(self.create_learner, *a))
        return page

    def _build_library(self) -> LibraryPage:
        from trainer.ui.pages.library import LibraryPage

        page = LibraryPage()
        page.start.connect(lambda cid, mode: self.guard(self.start_case, cid, mode))
        page.mode_changed.connect(lambda mode: self.settings.__setitem__("mode", mode))
        page.set_language_filter(str(self.settings["library_language"]))
        page.language_filter_changed.connect(
            lambda value: self.settings.__setitem__("library_language", value)
        )
        return page

    def _build_play(self) -> PlayPage:
        from trainer.ui.pages.play import PlayPage

        page = PlayPage()
        page.finished.connect(lambda aid: self.guard(self.show_sheet, aid))
        page.leave.connect(lambda: self.guard(self._leave_play))
        page.restart.connect(lambda aid: self.guard(self.restart_attempt, aid))
        page.try_again.connect(lambda aid, n: self.guard(self.try_again_from, aid, n))
        page.split_changed.connect(lambda sizes: self.settings.__setitem__("play_split", sizes))
        page.set_split_sizes(self.settings["play_split"])
        return page

    def _build_sheet(self) -> SheetPage:
        from trainer.ui.pages.sheet import SheetPage

        page = SheetPage()
        page.scale = float(self.settings["font_scale"])
        page.leave.connect(lambda: self.guard(self.show_library))
        page.replay.connect(lambda aid: self.guard(self.replay_attempt, aid))
        page.try_again.connect(lambda aid, n: self.guard(self.try_again_from, aid, n))
        return page

    def _build_history(self) -> HistoryPage:
        from trainer.ui.pages.history import HistoryPage

        page = HistoryPage()
        page.leave.connect(lambda: self.guard(self.show_library))
        page.open_sheet.connect(lambda aid: self.guard(self.show_sheet, aid))
        page.resume.connect(lambda aid: self.guard(self.resume_attempt, aid))
        page.replay.connect(lambda aid: self.guard(self.replay_attempt, aid))
        page.portfolio.connect(lambda: self.guard(self.export_portfolio))
        return page

    def _nav_visible(self, on: bool) -> None:
        for button in (self.nav_library, self.nav_history, self.nav_learner):
            button.setVisible(on)

    def _action(
        self,
        menu: Any,
        text: str,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: Callable[[], Any],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda: self.guard(slot))
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("檔案(&F)"))
        self._action(file, self.tr("切換學習者"), "Ctrl+Shift+L", self.show_profiles)
        file.addSeparator()
        self.act_pdf = self._action(file, self.tr("匯出反思單 PDF…"), "Ctrl+E", self._export_sheet)
        self.act_print = self._action(file, self.tr("列印反思單…"), "Ctrl+P", self._print_sheet)
        self._action(
            file, self.tr("匯出評量證據作品集 PDF…"), "Ctrl+Shift+E", self.export_portfolio
        )
        file.addSeparator()
        self._action(file, self.tr("繳交我的學習紀錄…"), None, self.hand_in_log)
        self._action(file, self.tr("開啟我的資料夾"), None, self.open_data_folder)
        file.addSeparator()
        self._action(file, self.tr("結束"), "Ctrl+Q", self.close)
        go = bar.addMenu(self.tr("前往(&G)"))
        self._action(go, self.tr("個案庫"), "Ctrl+L", self.show_library)
        self._action(go, self.tr("學習歷程"), "Ctrl+H", self.show_history)
        self._action(go, self.tr("搜尋個案"), "Ctrl+F", self._focus_search)
        self._action(
            # bilingual like the language names (its window picks the language itself)
            go,
            "觀察角色扮演 Observed role-play",
            "Ctrl+Shift+R",
            self.open_roleplay,
        )
        view = bar.addMenu(self.tr("檢視(&V)"))
        self._action(view, self.tr("放大文字"), "Ctrl+=", lambda: self.scale_text(+0.1))
        self._action(view, self.tr("縮小文字"), "Ctrl+-", lambda: self.scale_text(-0.1))
        self._action(view, self.tr("還原文字大小"), "Ctrl+0", lambda: self.scale_text(0))
        view.addSeparator()
        # Language names stay in their own language so either reader finds theirs.
        languages = view.addMenu(self.tr("語言 Language"))
        self.language_group = QActionGroup(self)
        for code, name in (("zh-TW", "中文（台灣）"), ("en", "English")):
            action = self._action(languages, name, None, functools.partial(self.set_language, code))
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.setData(code)
            self.language_group.addAction(action)
        teacher = bar.addMenu(self.tr("教師(&T)"))
        self._action(
            teacher, self.tr("教師專區 Instructor area"), "Ctrl+Shift+I", self.open_instructor_area
        )
        helpm = bar.addMenu(self.tr("說明(&H)"))
        self._action(helpm, self.tr("鍵盤快捷鍵"), "F1", self._show_keys)

    # -- workspace ----------------------------------------------------------------

    def start_loading(self) -> None:
        self.loader = WorkspaceLoader(self.root, self)
        self.loader.loaded.connect(self.set_workspace)
        self.loader.failed.connect(self._load_failed)
        self.loader.start()

    def _load_failed(self, message: str, details: str) -> None:
        log.error("cannot open workspace: %s\n%s", message, details)
        self.loading_label.setText(self.tr("無法開啟學習紀錄資料庫。\n{m}").format(m=message))
        dialogs.error(
            self,
            self.tr("無法開啟學習紀錄資料庫，請通知老師。\n（{m}）").format(m=message),
            details,
        )

    def set_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        for path, error in workspace.library.broken.items():
            log.warning("case file unavailable: %s: %s", path, error)
        self.show_profiles()
        # Build the play page once the window is idle (while the learner picks a
        # profile or reads "continue?"), so reopening an attempt does not wait for it.
        QTimer.singleShot(400, self._warm_up)
        for notice in workspace.notices:  # e.g. a damaged database restored from a backup
            log.warning("workspace notice: %s", notice)
            dialogs.info(self, self.tr("學習紀錄資料庫"), notice)

    def _warm_up(self) -> None:
        if self.workspace is not None and "play" not in self._pages:
            self._page("play")

    def ws(self) -> Workspace:
        if self.workspace is None:
            raise RuntimeError("the case library is still loading")
        return self.workspace

    def guard(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run a UI action; any failure becomes a short message plus a log entry."""
        try:
            return fn(*args)
        except Exception as exc:
            log.exception("UI action %s failed", getattr(fn, "__name__", fn))
            dialogs.error(
                self, self.tr("操作沒有完成：{m}").format(m=_short(exc)), traceback.format_exc()
            )
            return None

    # -- navigation ---------------------------------------------------------------

    def show_profiles(self) -> None:
        store = self.ws().store
        self._nav_visible(False)
        current = self.learner["id"] if self.learner else self.settings["last_learner_id"]
        # a class folder lists only profiles made on it: merged learners need the PIN
        self.profiles.set_learners(welcome_learners(store.db, store.learners()), current)
        self.profiles.set_class_folder(is_class_folder(store.db))
        self.stack.setCurrentWidget(self.profiles)

    def create_learner(self, name: str, student_no: str, class_name: str) -> None:
        learner_id = self.ws().store.create_learner(name, student_no or None, class_name or None)
        mark_local(self.ws().store.db, learner_id)  # listed on this folder's welcome screen
        self.choose_learner(learner_id)

    def choose_learner(self, learner_id: str) -> None:
        store = self.ws().store
        if not learner_visible_without_pin(store.db, learner_id):
            self.show_profiles()  # a merged learner of a class folder: instructor area only
            return
        self.learner = store.learner(learner_id)
        self.settings["last_learner_id"] = learner_id
        self.nav_learner.setText(self.tr("{name} · 切換").format(name=self.learner["display_name"]))
        self._nav_visible(True)
        unfinished = [
            a
            for a in store.unfinished_attempts(learner_id)
            if a["case_id"] in self.ws().library.cases
        ]
        if unfinished:
            attempt = unfinished[0]
            question = self.tr("你上次的「{title}」還沒完成，要從中斷的地方繼續嗎？").format(
                title=attempt.get("case_title") or attempt["case_id"]
            )
            if dialogs.ask(self, self.tr("繼續上次的作答"), question):
                self.resume_attempt(attempt["id"])
                return
        self.show_library()

    def _need_learner(self) -> dict[str, Any] | None:
        if self.learner is None:
            self.show_profiles()
        return self.learner

    def show_library(self) -> None:
        learner = self._need_learner()
        if learner is None:
            return
        ws = self.ws()
        attempts = ws.store.attempts(learner["id"])
        best: dict[str, int] = {}
        for a in attempts:
            if a["status"] == "completed" and a.get("total") is not None:
                best[a["case_id"]] = max(best.get(a["case_id"], 0), int(a["total"]))
        in_progress = {a["case_id"] for a in attempts if a["status"] == "in_progress"}
        self.library.set_mode(str(self.settings["mode"]))
        self.library.set_library(
            ws.library.sorted_cases(),
            ws.library.broken,
            best,
            in_progress,
            self.lang,
            str(learner["display_name"]),
        )
        self.stack.setCurrentWidget(self.library)
        self.library.list.setFocus()  # the keyboard is on the cards, not the app bar

    def start_case(self, case_id: str, mode: str) -> None:
        from trainer.service import AttemptRunner

        learner = self._need_learner()
        if learner is None:
            return
        ws = self.ws()
        # The card says "in progress, can continue": continue it rather than leave
        # it behind and start a second attempt ("Restart" on the play page starts afresh).
        unfinished = [
            a
            for a in ws.store.unfinished_attempts(learner["id"])
            if a["case_id"] == case_id and a.get("mode") != "roleplay"
        ]
        if unfinished:
            self.resume_attempt(unfinished[0]["id"])
            return
        loaded = ws.library.get(case_id)
        lang = self.lang if loaded.case.title.has(self.lang) else "zh-TW"
        runner = AttemptRunner.start(ws.store, loaded, learner["id"], mode, lang)
        self.play.start(runner, lang, mode, bool(self.settings["show_mood_meter"]))
        self.stack.setCurrentWidget(self.play)
        self.play.setFocus()

    def resume_attempt(self, attempt_id: str) -> None:
        from trainer.service import resume_with_events

        ws = self.ws()
        if ws.store.attempt(attempt_id).get("mode") == "roleplay":
            self.open_roleplay(attempt_id)  # the observer or the agent continues
            return
        runner, turns = resume_with_events(ws.store, ws.library, attempt_id)
        attempt = ws.store.attempt(attempt_id)
        lang = str(attempt.get("lang") or self.lang)
        self.stack.setCurrentWidget(self.play)
        self.play.start(
            runner, lang, str(attempt["mode"]), bool(self.settings["show_mood_meter"]), turns
        )
        self.play.take_keyboard()  # back in the 3.4/3.5 form if that is where it stopped

    def replay_attempt(self, attempt_id: str) -> None:
        from trainer.core.engine import Action

        ws = self.ws()
        attempt = ws.store.attempt(attempt_id)
        if attempt["case_id"] not in ws.library.cases:
            raise RuntimeError(self.tr("這個個案已不在個案庫中。"))
        if attempt["mode"] == "roleplay":  # nothing to replay: its sheet shows the ticks
            self.show_sheet(attempt_id)
            return
        actions = [Action.from_dict(a) for a in ws.store.iter_actions(attempt_id)]
        loaded = ws.library.get(attempt["case_id"])
        self.stack.setCurrentWidget(self.play)
        self.play.replay(
            loaded.case,
            actions,
            str(attempt.get("lang") or self.lang),
            str(attempt["mode"]),
            attempt_id,
            attempt.get("order_seed"),
        )

    def restart_attempt(self, attempt_id: str) -> None:
        """ "Restart this case": the old attempt is kept, marked abandoned."""
        from trainer.service import restart_attempt

        ws = self.ws()
        runner = restart_attempt(ws.store, ws.library, attempt_id)
        attempt = ws.store.attempt(runner.attempt_id)
        self.play.start(
            runner,
            str(attempt.get("lang") or self.lang),
            str(attempt["mode"]),
            bool(self.settings["show_mood_meter"]),
        )
        self.stack.setCurrentWidget(self.play)
        self.play.setFocus()
        self.statusBar().showMessage(self.tr("已重新開始；上一次作答保留在學習歷程中。"), 6000)

    def try_again_from(self, attempt_id: str, decisions: int) -> None:
        """ "Try again from here": a practice attempt replayed up to `decisions`."""
        from trainer.service import try_again_from

        ws = self.ws()
        runner = try_again_from(ws.store, ws.library, attempt_id, decisions)
        attempt = ws.store.attempt(runner.attempt_id)
        # shown in the window's language when the case has it (as a new attempt is)
        lang = self.lang if runner.case.title.has(self.lang) else attempt.get("lang")
        self.stack.setCurrentWidget(self.play)
        self.play.start(
            runner,
            str(lang or self.lang),
            "practice",
            bool(self.settings["show_mood_meter"]),
        )
        if runner.finished:
            self.show_sheet(runner.attempt_id)

    def _leave_play(self) -> None:
        if self.play.replaying:
            self.show_history()
        else:
            self.show_library()

    def show_sheet(self, attempt_id: str) -> None:
        self.sheet.show_sheet(self.ws(), attempt_id, self.lang)
        self.stack.setCurrentWidget(self.sheet)

    def show_history(self) -> None:
        learner = self._need_learner()
        if learner is None:
            return
        store = self.ws().store
        attempts = store.attempts(learner["id"])
        scores = {
            a["id"]: {k: int(v["score"]) for k, v in store.scores(a["id"]).items()}
            for a in attempts
            if a["status"] == "completed"
        }
        self.history.set_attempts(attempts, scores)
        self.stack.setCurrentWidget(self.history)

    # -- menu actions -------------------------------------------------------------

    def _export_sheet(self) -> None:
        if self._showing("sheet"):
            self.sheet.export_pdf()
        else:
            self.statusBar().showMessage(self.tr("請先開啟一張反思單。"), 4000)

    def _print_sheet(self) -> None:
        if self._showing("sheet"):
            self.sheet.print_sheet()
        else:
            self.statusBar().showMessage(self.tr("請先開啟一張反思單。"), 4000)

    def export_portfolio(self) -> Path | None:
        from trainer.render.report_pdf import write_portfolio_pdf

        learner = self._need_learner()
        if learner is None:
            return None
        safe = "".join(ch for ch in str(learner["display_name"]) if ch.isalnum()) or "learner"
        path = dialogs.save_pdf_path(self, str(Path.home() / f"{safe}-portfolio.pdf"))
        if path is None:
            return None
        write_portfolio_pdf(self.ws(), learner["id"], path, self.lang)
        dialogs.info(
            self, self.tr("已匯出"), self.tr("作品集已存成 PDF：\n{p}").format(p=str(path))
        )
        return path

    def hand_in_log(self) -> None:
        learner = self._need_learner()
        if learner is not None:
            handin_menu.hand_in_log(self, self.ws(), learner)

    def open_data_folder(self) -> None:
        handin_menu.open_data_folder(self.ws())

    def _focus_search(self) -> None:
        if not self._showing("library"):
            self.show_library()
        self.library.search.setFocus()
        self.library.search.selectAll()

    def scale_text(self, delta: float) -> None:
        scale = 1.0 if delta == 0 else float(self.settings["font_scale"]) + delta
        scale = round(max(0.8, min(1.8, scale)), 2)
        self.settings["font_scale"] = scale
        if self.on_scale is not None:
            self.on_scale(scale)
        if "sheet" in self._pages:  # a page not built yet picks the scale up when it is
            self.sheet.set_scale(scale)

    def set_language(self, lang: str) -> None:
        """Switch zh-TW / English at once: translations (the app's and Qt's own) are
        swapped, then the window's bar, menus and pages are built again and the
        learner is put back where they were (an attempt re-renders from its log)."""
        from PySide6.QtWidgets import QApplication

        from trainer.ui import app as appmod

        if lang == self.lang:
            return
        self.flush_drafts()
        self.settings["language"] = lang
        qapp = QApplication.instance()
        if qapp is not None:
            appmod.set_language(qapp, lang)
        where = self._where()
        for page in list(self._pages.values()):
            page.deleteLater()
        self._pages.clear()
        banner = self.banner.text() if self.banner.isVisible() else None
        self._build(banner)
        self.menuBar().clear()
        self._menus()
        if self.workspace is not None:
            self._restore_place(where)

    def _where(self) -> dict[str, Any]:
        """Which page is showing and what it shows, to come back to after a rebuild."""
        if self.workspace is None:
            return {"page": "loading"}
        for name, page in self._pages.items():
            if self.stack.currentWidget() is page:
                place: dict[str, Any] = {"page": name}
                if name == "play":
                    play = self.play
                    if play.replaying:
                        place.update(replay=play.replay_attempt_id, pos=play.replay_pos)
                    elif play.runner is not None:
                        place.update(runner=play.runner, mode=play.mode)
                elif name == "sheet" and self.sheet.sheet is not None:
                    place["attempt"] = self.sheet.sheet.attempt_id
                return place
        return {"page": "profiles"}

    def _restore_place(self, place: dict[str, Any]) -> None:
        page = place.get("page")
        if self.learner is not None:
            self.nav_learner.setText(
                self.tr("{name} · 切換").format(name=self.learner["display_name"])
            )
            self._nav_visible(True)
        if page == "play" and place.get("runner") is not None:
            runner = place["runner"]
            lang = self.lang if runner.case.title.has(self.lang) else "zh-TW"
            self.stack.setCurrentWidget(self.play)
            self.play.start(runner, lang, place["mode"], bool(self.settings["show_mood_meter"]))
            self.play.take_keyboard()
        elif page == "play" and place.get("replay"):
            self.replay_attempt(place["replay"])
            self.play.replay_to(int(place.get("pos") or 0))
        elif page == "sheet" and place.get("attempt"):
            self.show_sheet(place["attempt"])
        elif page == "history" and self.learner is not None:
            self.show_history()
        elif page in ("library", "play", "sheet") and self.learner is not None:
            self.show_library()
        else:
            self.show_profiles()

    def flush_drafts(self) -> None:
        """Write a form draft that is waiting for its 0.4 s pause."""
        if "play" in self._pages:
            self.play.flush_draft()

    def open_roleplay(self, attempt_id: str | None = None) -> None:
        """Observer mode (issue 18) in its own window; the sheet shows when it completes."""
        from trainer.ui.roleplay import open_roleplay

        window = open_roleplay(self, self.ws(), self.lang, attempt_id)
        window.completed.connect(lambda aid: self.guard(self.show_sheet, aid))
        self.roleplay_window = window

    def open_instructor_area(self) -> None:
        if importlib.util.find_spec("trainer.ui.instructor") is None:
            dialogs.info(
                self,
                self.tr("教師專區 Instructor area"),
                self.tr("這台電腦尚未安裝教師專區。\nThe instructor area is not installed."),
            )
            return
        module = importlib.import_module("trainer.ui.instructor")
        module.open_instructor_area(self, self.ws())

    def _show_keys(self) -> None:
        dialogs.info(
            self,
            self.tr("鍵盤快捷鍵"),
            self.tr(
                "作答時\n"
                "1–9：選擇該號碼的選項（在文字框內除外）\n"
                "↑ / ↓：上一個 / 下一個選項　Enter：送出選擇\n"
                "PgUp / PgDn：捲動對話\n"
                "Ctrl+Enter：提交報告或反思　Tab：移到下一個欄位\n"
                "重播時 ← / →：上一步 / 下一步\n"
                "個案庫\n"
                "方向鍵：在個案之間移動　Enter 或按兩下：開始個案　Ctrl+F：搜尋個案\n"
                "全部頁面\n"
                "Ctrl+L：個案庫　Ctrl+H：學習歷程　Ctrl+Shift+L：切換學習者\n"
                "Ctrl+E：匯出反思單 PDF　Ctrl+Shift+E：匯出作品集 PDF　Ctrl+P：列印\n"
                "Ctrl+= / Ctrl+- / Ctrl+0：放大 / 縮小 / 還原文字\n"
                "Ctrl+Shift+I：教師專區　Ctrl+Q：結束　F1：這份清單"
            ),
        )

    def show_initially(self) -> None:
        """Open with the remembered geometry, else maximised on screens up to 1440 px
        wide (classroom laptops, projectors), else at 1366×768."""
        from PySide6.QtCore import QByteArray

        saved = self.settings["window_geometry"]
        if (
            isinstance(saved, str)
            and saved
            and self.restoreGeometry(QByteArray.fromBase64(saved.encode()))
        ):
            self.show()
            return
        screen = self.screen()
        if screen is not None and screen.availableGeometry().width() <= 1440:
            self.showMaximized()
        else:
            self.show()

    def shutdown(self) -> None:
        """Wait for the loader thread and close the database (idempotent)."""
        if self.loader is not None and self.loader.isRunning():
            self.loader.wait(10000)
        if self.owns_workspace and self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every decision is already committed; closing mid-case loses nothing.
        self.flush_drafts()
        # Qt's saved geometry holds the normal size and whether it was maximised.
        self.settings["window_geometry"] = self.saveGeometry().toBase64().toStdString()
        self.shutdown()
        super().closeEvent(event)


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
