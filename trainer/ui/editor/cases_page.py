"""The instructor area's Cases page: built-in and own cases; new, duplicate, edit,
delete, export a pack, import a pack or a single .yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.core.loader import CaseError, load_library
from trainer.editor import drafts
from trainer.editor.document import CaseDocument
from trainer.editor.install import install_case_file
from trainer.editor.library import CaseEntry, delete_own, entries
from trainer.editor.template import duplicate, from_template, valid_id
from trainer.exchange.packs import PackError, export_pack, import_pack
from trainer.paths import case_cache_dir, case_folders
from trainer.ui import dialogs
from trainer.ui.editor import prompts
from trainer.ui.editor.editor_window import EditorWindow
from trainer.ui.editor.map_view import plain_tip

if TYPE_CHECKING:
    from trainer.service import Workspace


class CasesPage(QWidget):
    def __init__(self, workspace: Workspace, lang: str = "zh-TW") -> None:
        super().__init__()
        self.workspace = workspace
        self.root = workspace.root
        self.lang = lang
        self.rows: list[CaseEntry] = []
        self.editors: list[EditorWindow] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        intro = QLabel(
            "內建案例不能修改，可以複製後再改；自訂案例存在資料夾的 cases/，學習者的個案庫會看到。\n"
            "Built-in cases are read-only: duplicate one to change it. Your own cases are saved "
            "in the data folder's cases/ and appear in the learners' library."
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("＋ 從範本新增 New from template")
        self.new_button.setProperty("role", "primary")
        self.duplicate_button = QPushButton("複製 Duplicate")
        self.edit_button = QPushButton("編輯 Edit")
        self.delete_button = QPushButton("刪除 Delete")
        self.export_button = QPushButton("匯出案例包 Export pack")
        self.import_button = QPushButton("匯入 Import (.zip / .yaml)")
        for button in (
            self.new_button,
            self.duplicate_button,
            self.edit_button,
            self.delete_button,
            self.export_button,
            self.import_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            ["代號 id", "標題 title", "來源 source", "狀態 status"]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName("案例 cases")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.table, 1)
        self.status = QLabel("")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        box.addWidget(self.status)
        self.new_button.clicked.connect(self.new_from_template)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.import_button.clicked.connect(self.import_file)
        self.table.itemSelectionChanged.connect(self._enable)
        self.loaded = False  # the list is read when the tab is first shown
        self._enable()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.reload()

    # -- list ---------------------------------------------------------------

    def reload(self) -> None:
        self.loaded = True
        self.rows = entries(self.root)
        self.table.setRowCount(len(self.rows))
        for r, entry in enumerate(self.rows):
            title = entry.title if self.lang != "en" or not entry.title_en else entry.title_en
            cells = (
                entry.case_id,
                title,
                "內建 built-in" if entry.builtin else "自訂 own",
                _status(entry),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tip(str(entry.path) if c == 0 else text))
                self.table.setItem(r, c, item)
        self._enable()

    def _refresh_library(self) -> None:
        """The learners' library sees saved/imported/deleted cases at once."""
        self.workspace.library = load_library(case_folders(self.root), case_cache_dir(self.root))
        self.reload()

    def selected(self) -> list[CaseEntry]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.rows[r] for r in rows if r < len(self.rows)]

    def select_case(self, case_id: str) -> None:
        self.ensure_loaded()
        for r, entry in enumerate(self.rows):
            if entry.case_id == case_id:
                # Not selectRow(): with Ctrl held it toggles the row instead.
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().select(self.table.model().index(r, 0), flags)
                self.table.setCurrentCell(r, 0, QItemSelectionModel.SelectionFlag.NoUpdate)
                return

    def _enable(self) -> None:
        chosen = self.selected()
        one = len(chosen) == 1
        self.duplicate_button.setEnabled(one and not chosen[0].problem)
        self.edit_button.setEnabled(one)
        self.delete_button.setEnabled(bool(chosen) and all(not e.builtin for e in chosen))

    # -- actions ------------------------------------------------------------

    def _ask_id(self, suggested: str) -> str | None:
        self.ensure_loaded()
        taken = {e.case_id for e in self.rows}
        while True:
            case_id = prompts.ask_case_id(self, suggested)
            if case_id is None:
                return None
            if not valid_id(case_id):
                dialogs.error(self, f"「{case_id}」不是有效的代號：只能用小寫英文、數字、- 和 _。")
            elif case_id in taken:
                dialogs.error(self, f"已經有代號為「{case_id}」的案例 A case with this id exists.")
            else:
                return case_id
            suggested = case_id

    def _open(self, doc: CaseDocument, path: Path | None, builtin: bool = False) -> EditorWindow:
        draft = drafts.load_draft(self.root, doc.case_id)
        if (
            draft is not None
            and draft.text != doc.text()
            and dialogs.ask(
                self,
                "還原草稿 Restore draft",
                f"「{doc.case_id}」有 {draft.saved_at} 自動存下的草稿，要還原嗎？\n"
                "An autosaved draft exists. Restore it?",
            )
        ):
            try:
                doc.replace_all(draft.text)
            except CaseError:
                dialogs.error(self, "草稿無法讀取 The draft cannot be read.")
        window = EditorWindow(doc, self.root, path, builtin=builtin, lang=self.lang)
        window.saved.connect(lambda _p: self._refresh_library())
        window.destroyed.connect(lambda *_: self._forget(window))
        self.editors.append(window)
        window.show()
        return window

    def _forget(self, window: EditorWindow) -> None:
        if window in self.editors:
            self.editors.remove(window)

    def new_from_template(self) -> EditorWindow | None:
        case_id = self._ask_id("my-new-case")
        if case_id is None:
            return None
        return self._open(CaseDocument(from_template(case_id), f"{case_id}.yaml"), None)

    def duplicate_selected(self) -> EditorWindow | None:
        chosen = self.selected()
        if len(chosen) != 1:
            return None
        source = chosen[0]
        case_id = self._ask_id(f"{source.case_id}-2"[:64])
        if case_id is None:
            return None
        text = duplicate(source.path.read_text(encoding="utf-8"), source.case_id, case_id)
        return self._open(CaseDocument(text, f"{case_id}.yaml"), None)

    def edit_selected(self) -> EditorWindow | None:
        chosen = self.selected()
        if len(chosen) != 1:
            return None
        entry = chosen[0]
        if entry.builtin:
            dialogs.info(
                self,
                "內建案例 Built-in case",
                "內建案例不能直接修改；接下來會開一份副本讓你改。\n"
                "Built-in cases are read-only; you will edit a copy.",
            )
            return self.duplicate_selected()
        try:
            doc = CaseDocument(entry.path.read_text(encoding="utf-8"), entry.path.name)
        except (OSError, CaseError) as exc:
            dialogs.error(self, f"無法開啟 Cannot open {entry.path.name}:\n{exc}")
            return None
        return self._open(doc, entry.path)

    def delete_selected(self) -> None:
        chosen = [e for e in self.selected() if not e.builtin]
        if not chosen:
            return
        names = ", ".join(e.case_id for e in chosen)
        if not dialogs.ask(
            self,
            "刪除案例 Delete cases",
            f"刪除 {names}？檔案會移到 cases/.replaced/，需要時可以找回。\n"
            "Delete? The files are moved to cases/.replaced/.",
        ):
            return
        for entry in chosen:
            delete_own(self.root, entry.path)
        self.status.setText(f"已刪除 deleted: {names}")
        self._refresh_library()

    def export_selected(self) -> Path | None:
        chosen = self.selected() or [e for e in self.rows if not e.builtin]
        ids = [e.case_id for e in chosen if not e.problem]
        if not ids:
            dialogs.error(self, "請先選擇要匯出的案例 Select the cases to export.")
            return None
        out = prompts.choose_pack_path(
            self, Path.home() / f"cases-pack-{date.today().isoformat()}.zip"
        )
        if out is None:
            return None
        try:
            export_pack(self.root, out, ids, overwrite=True)
        except PackError as exc:
            dialogs.error(self, str(exc))
            return None
        self.status.setText(f"已匯出 {len(ids)} 個案例到 exported to {out}")
        return out

    def import_file(self) -> None:
        path = prompts.choose_import_file(self)
        if path is None:
            return
        self.import_path(path)

    def import_path(self, path: Path, replace: bool = False) -> bool:
        try:
            if path.suffix.lower() in (".yaml", ".yml"):
                report = install_case_file(self.root, path, replace=replace)
            else:
                report = import_pack(self.root, path, replace=replace)
        except PackError as exc:
            if (
                not replace
                and "--replace" in str(exc)
                and dialogs.ask(
                    self,
                    "取代案例 Replace cases",
                    f"{exc}\n\n要取代已安裝的案例嗎？舊檔會保留。Replace them? Old files are kept.",
                )
            ):
                return self.import_path(path, replace=True)
            dialogs.error(self, str(exc).replace("--replace", "取代 replace"))
            return False
        done = report.installed + report.replaced
        self.status.setText(
            f"已匯入 imported: {', '.join(done) or '—'}；"
            f"已存在 unchanged: {', '.join(report.unchanged) or '—'}"
        )
        self._refresh_library()
        return True


def _status(entry: CaseEntry) -> str:
    if entry.problem:
        return f"⚠ 無法使用 unusable: {entry.problem}"
    if entry.lint_errors > 0:
        return f"⚠ 檢查有 {entry.lint_errors} 個錯誤 {entry.lint_errors} lint error(s)"
    return "可用 OK"
