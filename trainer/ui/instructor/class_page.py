"""The class: make this a private class folder, import the class list, merge and
rename learner profiles (every change is kept in the audit trail)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from trainer.exchange.atomic import ExportError
from trainer.exchange.roster_file import read_roster
from trainer.store.db import StoreError
from trainer.store.roster import (
    audit_trail,
    canonical_learners,
    class_folder_name,
    import_roster,
    init_class_folder,
    merge_profiles,
    person_sql,
    rename_profile,
    roster,
)
from trainer.ui.instructor.tables import fill, make_table, row_id
from trainer.ui.widgets.common import card, plain, restyle

if TYPE_CHECKING:
    from trainer.service import Workspace


def choose_roster_file(parent: QWidget | None) -> Path | None:
    """Ask for a class list (monkeypatched in tests)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ClassPage", "選擇班級名單"),
        str(Path.home()),
        "CSV / Excel (*.csv *.xlsx)",
    )
    return Path(path) if path else None


class ClassPage(QWidget):
    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 12)
        root.setSpacing(8)
        top = QHBoxLayout()
        self.folder_state = plain("", "body")
        top.addWidget(self.folder_state, 1)
        self.class_name = QLineEdit()
        self.class_name.setPlaceholderText(self.tr("班級資料夾名稱（可不填）"))
        self.class_name.setAccessibleName(self.tr("班級資料夾名稱"))
        self.class_name.setMaximumWidth(240)
        top.addWidget(self.class_name)
        self.init_button = QPushButton(self.tr("設為班級資料夾"))
        self.init_button.clicked.connect(self.make_class_folder)
        top.addWidget(self.init_button)
        root.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        frame, body = card()
        head = QHBoxLayout()
        head.addWidget(plain(self.tr("班級名單"), "cardTitle"), 1)
        self.import_button = QPushButton(self.tr("匯入名單（CSV/XLSX）…"))
        self.import_button.clicked.connect(self.choose_and_import)
        head.addWidget(self.import_button)
        body.addLayout(head)
        self.roster = make_table(
            [self.tr("學號"), self.tr("姓名"), self.tr("班級")], self.tr("班級名單"), 1
        )
        body.addWidget(self.roster, 1)
        split.addWidget(frame)

        frame, body = card()
        body.addWidget(plain(self.tr("學習者檔案（同學號即同一人）"), "cardTitle"))
        self.profiles = make_table(
            [self.tr("姓名"), self.tr("學號"), self.tr("班級"), self.tr("作答")],
            self.tr("學習者檔案"),
            0,
        )
        self.profiles.currentCellChanged.connect(lambda r, *_: self._profile_chosen(r))
        body.addWidget(self.profiles, 2)
        merge_row = QHBoxLayout()
        merge_row.addWidget(plain(self.tr("把選取的併入"), "muted", wrap=False))
        self.merge_into = QComboBox()
        self.merge_into.setAccessibleName(self.tr("保留的檔案"))
        merge_row.addWidget(self.merge_into, 1)
        self.merge_button = QPushButton(self.tr("合併"))
        self.merge_button.clicked.connect(self.merge_selected)
        merge_row.addWidget(self.merge_button)
        body.addLayout(merge_row)
        rename_row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName(self.tr("新的姓名"))
        self.new_no = QLineEdit()
        self.new_no.setAccessibleName(self.tr("新的學號"))
        self.new_class = QLineEdit()
        self.new_class.setAccessibleName(self.tr("新的班級"))
        for edit, hint in (
            (self.new_name, self.tr("姓名")),
            (self.new_no, self.tr("學號")),
            (self.new_class, self.tr("班級")),
        ):
            edit.setPlaceholderText(hint)
            rename_row.addWidget(edit)
        self.rename_button = QPushButton(self.tr("更名"))
        self.rename_button.clicked.connect(self.rename_selected)
        rename_row.addWidget(self.rename_button)
        body.addLayout(rename_row)
        self.status = plain("", "body")
        body.addWidget(self.status)
        body.addWidget(plain(self.tr("變更紀錄"), "cardTitle"))
        self.audit = make_table(
            [self.tr("時間"), self.tr("動作"), self.tr("內容"), self.tr("由")],
            self.tr("變更紀錄"),
            2,
        )
        body.addWidget(self.audit, 1)
        split.addWidget(frame)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        root.addWidget(split, 1)
        self.reload()

    @property
    def db(self):  # type: ignore[no-untyped-def]
        return self.workspace.store.db

    def reload(self) -> None:
        label = class_folder_name(self.db)
        if label is None:
            self.folder_state.setText(
                self.tr("這是學習者資料夾：合併進來的學習者會出現在歡迎畫面。")
            )
        else:
            self.folder_state.setText(
                self.tr("班級資料夾 {label}：合併的學習者只在教師專區（PIN）出現。").format(
                    label=label
                )
            )
        self.init_button.setEnabled(label is None)
        self.class_name.setEnabled(label is None)
        fill(
            self.roster,
            (
                (r["student_no"], [r["student_no"], r["display_name"], r["class_name"]])
                for r in roster(self.db)
            ),
        )
        counts = dict(
            self.db.execute(
                f"select {person_sql('a')}, count(*) from attempts a group by 1"
            ).fetchall()
        )
        people = canonical_learners(self.db)
        fill(
            self.profiles,
            (
                (
                    r["id"],
                    [
                        r["display_name"],
                        r["student_no"],
                        r["class_name"],
                        int(counts.get(r["id"], 0)),
                    ],
                )
                for r in people
            ),
        )
        self.merge_into.clear()
        for r in people:
            self.merge_into.addItem(
                " · ".join(
                    str(x) for x in (r["display_name"], r["student_no"], r["class_name"]) if x
                ),
                r["id"],
            )
        actions = {"merge": self.tr("合併"), "rename": self.tr("更名")}
        fill(
            self.audit,
            (
                (
                    a["id"],
                    [
                        str(a["ts"])[:16].replace("T", " "),
                        actions.get(a["action"], a["action"]),
                        "; ".join(f"{k}: {v}" for k, v in a["details"].items()),
                        a["actor"],
                    ],
                )
                for a in reversed(audit_trail(self.db))
            ),
        )

    def make_class_folder(self) -> None:
        init_class_folder(self.db, self.class_name.text())
        self.reload()
        self.changed.emit()

    def choose_and_import(self) -> bool:
        path = choose_roster_file(self)
        return self.import_file(path) if path else False

    def import_file(self, path: Path) -> bool:
        try:
            result = import_roster(self.db, read_roster(path))
        except (ExportError, StoreError) as exc:
            self._say(self.tr("沒有匯入：{reason}").format(reason=exc), ok=False)
            return False
        text = self.tr(
            "名單匯入：新增 {added}，更新 {updated}，依學號連結 {linked}，更名 {renamed}。"
        ).format(
            added=result.added,
            updated=result.updated,
            linked=result.linked,
            renamed=result.renamed,
        )
        if result.unmatched:
            text += "\n" + self.tr("尚無紀錄：{names}").format(
                names=", ".join(result.unmatched[:20])
            )
        self._say(text, ok=True)
        self.reload()
        self.changed.emit()
        return True

    def _selected(self) -> str | None:
        row = self.profiles.currentRow()
        return row_id(self.profiles, row) if row >= 0 else None

    def _profile_chosen(self, row: int) -> None:
        if row < 0:
            return
        cells = [self.profiles.item(row, c) for c in range(3)]
        for edit, item in zip((self.new_name, self.new_no, self.new_class), cells, strict=True):
            text = item.text() if item is not None else ""
            edit.setText("" if text == "—" else text)

    def merge_selected(self) -> bool:
        other, keep = self._selected(), self.merge_into.currentData()
        if not other or not keep:
            return False
        try:
            n = merge_profiles(self.db, str(keep), other)
        except StoreError as exc:
            self._say(self.tr("沒有合併：{reason}").format(reason=exc), ok=False)
            return False
        self._say(self.tr("已合併，%n 次作答歸入保留的檔案。", "", n), ok=True)
        self.reload()
        self.changed.emit()
        return True

    def rename_selected(self) -> bool:
        learner = self._selected()
        if not learner:
            return False
        try:
            changes = rename_profile(
                self.db,
                learner,
                display_name=self.new_name.text(),
                student_no=self.new_no.text(),
                class_name=self.new_class.text(),
            )
        except StoreError as exc:
            self._say(self.tr("沒有更名：{reason}").format(reason=exc), ok=False)
            return False
        self._say(self.tr("已更新。") if changes else self.tr("沒有變更。"), ok=True)
        self.reload()
        self.changed.emit()
        return True

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        restyle(self.status, role="body" if ok else "error")
