"""The case editor window: section forms, live checks, undo/redo, drafts, play."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.core.loader import CaseError
from trainer.editor import drafts
from trainer.editor.document import CaseDocument, DocPath
from trainer.editor.library import save_own
from trainer.editor.trial import STEP_ORDER, Trial, recorded_path, start_trial
from trainer.ui import dialogs
from trainer.ui.editor.extras import ExpertPathEditor, ModelReflectionEditor
from trainer.ui.editor.forms import Form
from trainer.ui.editor.lint_panel import LintPanel
from trainer.ui.editor.map_view import MapView, plain_tip
from trainer.ui.editor.sections import SECTION_HELP, SECTIONS
from trainer.ui.widgets.common import plain

log = logging.getLogger(__name__)

DRAFT_MS = 2000
STEP_LABELS = {
    "questioning": "3.1 提問",
    "clarifying": "3.2 釐清",
    "resolving": "3.3 解決",
    "feedback": "3.4 回饋",
    "reflecting": "3.5 反思",
}
_TOP_SECTION = {
    "customer": "customer",
    "business": "business",
    "facts": "facts",
    "escalation": "escalation",
    "expert_path": "expert",
}


class EditorWindow(QWidget):
    """Edits one case. `saved(path)` after a successful save."""

    saved = Signal(object)

    def __init__(
        self,
        doc: CaseDocument,
        root: Path,
        path: Path | None,
        *,
        builtin: bool = False,
        lang: str = "zh-TW",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.doc = doc
        self.root = root
        self.path = None if builtin else path
        self.builtin = builtin
        self.lang = lang
        self.draft_key = doc.case_id or "untitled"
        self.play_window: QWidget | None = None
        self.trial: Trial | None = None
        self.recording = False
        self.resize(1366, 768)
        self._build()
        # Drafts are written from the text the lint worker dumped (no dump on the UI
        # thread), at most every DRAFT_MS.
        self.lint.checked.connect(self._draft_from_check)
        self.last_draft = 0.0
        doc.listeners.append(self._on_change)
        self.show_section(0)
        self._update_title()
        self.lint.run_now()

    # -- layout -------------------------------------------------------------

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        bar = QFrame()
        bar.setObjectName("appBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 6, 16, 6)
        self.title_label = plain("", "appTitle", wrap=False)
        row.addWidget(self.title_label, 1)
        self.save_button = QPushButton("儲存 Save")
        self.save_button.setProperty("role", "primary")
        self.undo_button = QPushButton("↶ 復原 Undo")
        self.redo_button = QPushButton("↷ 重做 Redo")
        self.record_button = QPushButton("▶ 錄製專家路徑 Record expert path")
        self.step_combo = QComboBox()
        for step in STEP_ORDER:
            self.step_combo.addItem(f"從 {STEP_LABELS[step]} 開始", step)
        self.step_combo.setAccessibleName("試玩起點 play-test from step")
        self.play_button = QPushButton("試玩 Play-test")
        for widget in (
            self.undo_button,
            self.redo_button,
            self.record_button,
            self.step_combo,
            self.play_button,
            self.save_button,
        ):
            row.addWidget(widget)
        column.addWidget(bar)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.record_button.clicked.connect(self.record_expert_path)
        self.play_button.clicked.connect(lambda: self.play_test(str(self.step_combo.currentData())))
        for keys, slot in (
            ("Ctrl+S", self.save),
            ("Ctrl+Z", self.undo),
            ("Ctrl+Shift+Z", self.redo),
            ("Ctrl+Y", self.redo),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.nav = QListWidget()
        self.nav.setAccessibleName("案例各部分 case sections")
        self.nav.setMaximumWidth(180)
        self.nav.setStyleSheet(
            "QListWidget::item:selected { background: #1d4ed8; color: white; border-radius: 6px; }"
        )
        self.stack = QStackedWidget()
        self.pages: list[tuple[str, Callable[[], None], Callable[[DocPath], bool]]] = []
        # Section pages are built when first shown (opening the window stays quick).
        self._built: dict[str, tuple[Callable[[], None], Callable[[DocPath], bool]]] = {}
        for key, title, _specs in SECTIONS:
            self._add_page(
                key,
                title,
                QWidget(),
                functools.partial(self._load_section, key),
                functools.partial(self._focus_section, key),
            )
        self.expert = ExpertPathEditor(self.doc)
        self.expert.record.connect(self.record_expert_path)
        self._add_page(
            "expert", "專家路徑 Expert path", self.expert, self.expert.load, self.expert.focus_path
        )
        self.map = MapView(self.doc)
        self.map.open_path.connect(self.jump)
        legend = QLabel(
            "藍：事實  灰：選項  黃：方案  綠框：專家路徑  紅虛線：無法到達（沒有任何選擇能讓它出現）\n"
            "Blue: facts, grey: options, yellow: offers, green border: expert path, red dashed: "
            "unreachable. Arrows: reveals (blue), requires (grey), requires_facts (brown). "
            "Double-click a box to edit it."
        )
        legend.setWordWrap(True)
        map_page = QWidget()
        map_box = QVBoxLayout(map_page)
        map_box.addWidget(legend)
        map_box.addWidget(self.map, 1)
        self._add_page("map", "地圖 Map", map_page, self.map.load, lambda _p: False)
        self.nav.currentRowChanged.connect(self.show_section)
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        self.lint = LintPanel(self.doc)
        self.lint.jump.connect(self.jump)
        self.lint.setMinimumWidth(280)
        split.addWidget(self.lint)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 876, 320])
        column.addWidget(split, 1)

    def _add_page(
        self,
        key: str,
        title: str,
        widget: QWidget,
        load: Callable[[], None],
        focus: Callable[[DocPath], bool],
    ) -> None:
        self.pages.append((key, load, focus))
        self.stack.addWidget(widget)
        self.nav.addItem(title)

    def _build_section(self, key: str) -> tuple[Callable[[], None], Callable[[DocPath], bool]]:
        if key in self._built:
            return self._built[key]
        specs = next(specs for k, _title, specs in SECTIONS if k == key)
        form = Form(self.doc, specs)
        extra: ModelReflectionEditor | None = None
        holder = QWidget()
        inner = QVBoxLayout(holder)
        if key in SECTION_HELP:
            help_label = plain(SECTION_HELP[key], "hint")
            help_label.setObjectName("sectionHelp")
            inner.addWidget(help_label)
        inner.addWidget(form)
        if key == "reflecting":
            extra = ModelReflectionEditor(self.doc)
            inner.addWidget(QLabel("範例反思 model_reflection（每題一段）"))
            inner.addWidget(extra)
            self.model_reflection = extra
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        index = self.page_index(key)
        placeholder = self.stack.widget(index)
        assert placeholder is not None
        self.stack.insertWidget(index, scroll)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        setattr(self, f"form_{key}", form)
        built = (self._loader(form, extra), self._focuser(form, extra))
        self._built[key] = built
        return built

    def _load_section(self, key: str) -> None:
        self._build_section(key)[0]()

    def _focus_section(self, key: str, path: DocPath) -> bool:
        return self._build_section(key)[1](path)

    @staticmethod
    def _loader(form: Form, extra: ModelReflectionEditor | None) -> Callable[[], None]:
        def load() -> None:
            form.load()
            if extra is not None:
                extra.load()

        return load

    @staticmethod
    def _focuser(form: Form, extra: ModelReflectionEditor | None) -> Callable[[DocPath], bool]:
        def focus(path: DocPath) -> bool:
            if extra is not None and extra.focus_path(path):
                return True
            return form.focus_path(path)

        return focus

    # -- navigation ---------------------------------------------------------

    def page_index(self, key: str) -> int:
        return next(i for i, page in enumerate(self.pages) if page[0] == key)

    def show_section(self, index: int | str) -> None:
        if isinstance(index, str):
            index = self.page_index(index)
        if index < 0:
            return
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)  # comes back here through the signal
            return
        self.pages[index][1]()  # builds the page on first show
        self.stack.setCurrentIndex(index)

    def section_for(self, path: DocPath) -> str:
        if not path:
            return "summary"
        head = str(path[0])
        if head == "steps" and len(path) > 1:
            return str(path[1])
        return _TOP_SECTION.get(head, "summary")

    def jump(self, path: tuple[Any, ...]) -> None:
        """Show the page of `path` and put the cursor in its field."""
        key = self.section_for(path)
        self.show_section(key)
        self.pages[self.page_index(key)][2](tuple(path))

    # -- document changes ---------------------------------------------------

    def _on_change(self) -> None:
        self.lint.schedule()
        self._update_title()

    def _update_title(self) -> None:
        where = (
            "內建案例的副本 copy of a built-in case"
            if self.builtin
            else (str(self.path) if self.path else "尚未儲存 not saved yet")
        )
        mark = " ●" if self.doc.dirty else ""
        self.title_label.setText(f"編輯案例 {self.doc.case_id}{mark}")
        self.title_label.setToolTip(plain_tip(where))
        self.setWindowTitle(f"案例編輯器 Case editor — {self.doc.case_id}{mark}")
        self.undo_button.setEnabled(self.doc.can_undo)
        self.redo_button.setEnabled(self.doc.can_redo)

    def reload_page(self) -> None:
        self.pages[self.stack.currentIndex()][1]()

    def undo(self) -> None:
        if self.doc.undo():
            self.reload_page()

    def redo(self) -> None:
        if self.doc.redo():
            self.reload_page()

    # -- saving -------------------------------------------------------------

    def save(self) -> bool:
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # an id typed but not yet confirmed is written now
        try:
            path, _loaded = save_own(self.root, self.doc.text(), self.path)
        except CaseError as exc:
            first = exc.problems[0]
            dialogs.error(
                self,
                "案例還不能儲存：請先修正標示的錯誤。\nThe case cannot be saved yet.\n\n"
                + "\n".join(p.message for p in exc.problems[:8]),
            )
            if first.line:
                self.lint.run_now()
            return False
        except OSError as exc:
            dialogs.error(self, f"無法寫入檔案 Cannot write the file: {exc}")
            return False
        self.path = path
        self.builtin = False
        self.doc.mark_saved()
        drafts.discard_draft(self.root, self.draft_key)
        self.draft_key = self.doc.case_id
        self._update_title()
        self.saved.emit(path)
        return True

    def _draft_from_check(self, result: Any) -> None:
        now = time.monotonic()
        current = self.lint.result_revision == self.doc.revision  # not an older text
        if (
            not (self.doc.dirty and current and result.text)
            or now - self.last_draft < DRAFT_MS / 1000
        ):
            return
        self.last_draft = now
        try:
            drafts.save_draft(self.root, self.draft_key, result.text, str(self.path or ""))
        except OSError:
            log.exception("cannot save the editor draft")

    def save_draft(self) -> None:
        if not self.doc.dirty:
            return
        try:
            drafts.save_draft(self.root, self.draft_key, self.doc.text(), str(self.path or ""))
        except OSError:
            log.exception("cannot save the editor draft")

    # -- playing ------------------------------------------------------------

    def _playable(self) -> Any:
        try:
            return self.doc.validate()
        except CaseError as exc:
            dialogs.error(
                self,
                "案例有格式錯誤，還不能試玩。The case has format errors.\n\n"
                + "\n".join(p.message for p in exc.problems[:8]),
            )
            return None

    def _open_play(self, trial: Trial, title: str) -> None:
        from trainer.ui.pages.play import PlayPage

        if self.play_window is not None:
            self.play_window.close()
        window = QWidget(self, Qt.WindowType.Window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowTitle(title)
        box = QVBoxLayout(window)
        box.setContentsMargins(0, 0, 0, 0)
        note = QLabel(
            "試玩不會記錄成學習者的作答 A trial is never logged as a learner's attempt."
            + (f"\n⚠ {trial.stopped}" if trial.stopped else "")
        )
        note.setObjectName("trialNote")
        note.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(note)
        page = PlayPage()
        box.addWidget(page, 1)
        page.start(trial.runner, self.lang, "practice", True, turns=trial.turns)
        page.finished.connect(lambda _aid: self._play_finished())
        page.leave.connect(window.close)
        window.resize(1366, 768)
        window.destroyed.connect(lambda *_: self._play_closed())
        self.play_window = window
        self.play_page = page
        self.trial = trial
        window.show()

    def record_expert_path(self) -> None:
        loaded = self._playable()
        if loaded is None:
            return
        self.recording = True
        trial = start_trial(loaded, self.lang)
        self._open_play(trial, "錄製專家路徑 Record expert path — 像專家一樣玩一次")

    def play_test(self, from_step: str = "questioning") -> None:
        loaded = self._playable()
        if loaded is None:
            return
        self.recording = False
        trial = start_trial(loaded, self.lang, from_step)
        self._open_play(trial, f"試玩 Play-test — {STEP_LABELS[from_step]}")

    def _play_finished(self) -> None:
        if self.trial is None:
            return
        if self.recording:
            path = recorded_path(self.trial.runner)
            self.doc.set(("expert_path",), path)
            self.recording = False
            self.show_section("expert")
            dialogs.info(
                self,
                "專家路徑已錄製 Expert path recorded",
                f"已存下 {len(path)} 個選擇。Saved {len(path)} choices.",
            )

    def _play_closed(self) -> None:
        self.play_window = None
        self.recording = False

    # -- closing ------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.doc.dirty:
            self.save_draft()
            keep = dialogs.ask(
                self,
                "尚未儲存 Not saved",
                "這個案例有尚未儲存的修改（已存成草稿，下次開啟可以還原）。仍要關閉嗎？\n"
                "Unsaved changes are kept as a draft. Close anyway?",
            )
            if not keep:
                event.ignore()
                return
        self.lint.wait(10000)
        if self._on_change in self.doc.listeners:
            self.doc.listeners.remove(self._on_change)
        super().closeEvent(event)
