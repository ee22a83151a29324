"""Pick or create a learner profile (display name, optional student number and class)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.ui.widgets.common import card, plain


class ProfileItem(QWidget):
    def __init__(self, learner: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        name = str(learner.get("display_name") or "?")
        avatar = plain(name[:1].upper(), "avatar", wrap=False)
        avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        avatar.setFixedSize(40, 40)
        layout.addWidget(avatar)
        column = QVBoxLayout()
        column.setSpacing(0)
        self.name = plain(name, "itemTitle", wrap=False)
        column.addWidget(self.name)
        bits = [str(learner[k]) for k in ("class_name", "student_no") if learner.get(k)]
        column.addWidget(plain(" · ".join(bits) if bits else " ", "muted", wrap=False))
        layout.addLayout(column, 1)


class ProfilesPage(QWidget):
    chosen = Signal(str)
    create_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilesPage")
        root = QVBoxLayout(self)
        root.setContentsMargins(48, 28, 48, 28)
        root.setSpacing(16)
        root.addWidget(plain(self.tr("歡迎！今天是誰要練習？"), "heroTitle"))
        root.addWidget(
            plain(
                self.tr(
                    "選擇你的學習檔案，或建立一個新的。同一台電腦可以有很多位同學，不需要密碼。"
                ),
                "heroSub",
            )
        )
        row = QHBoxLayout()
        row.setSpacing(20)
        left, left_body = card("card")
        head = QHBoxLayout()
        head.addWidget(plain(self.tr("學習檔案"), "cardTitle"), 1)
        self.filter = QLineEdit()
        self.filter.setAccessibleDescription(self.tr("輸入名字、學號或班級，篩選下方的學習者"))
        self.filter.setPlaceholderText(self.tr("搜尋姓名、班級或學號"))
        self.filter.setAccessibleName(self.tr("搜尋學習檔案"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        head.addWidget(self.filter, 1)
        left_body.addLayout(head)
        self.list = QListWidget()
        self.list.setAccessibleDescription(self.tr("方向鍵選擇學習者，Enter 開始"))
        self.list.setObjectName("profileList")
        self.list.setAccessibleName(self.tr("學習檔案清單"))
        self.list.itemActivated.connect(self._activate)
        left_body.addWidget(self.list, 1)
        self.empty = plain(self.tr("還沒有學習檔案，請在右邊建立一個。"), "muted")
        left_body.addWidget(self.empty)
        self.class_note = plain(
            self.tr("這是老師的班級資料夾：合併進來的學習者只在教師專區顯示（需要 PIN）。"),
            "muted",
        )
        self.class_note.setVisible(False)
        left_body.addWidget(self.class_note)
        self.open_button = QPushButton(self.tr("以這個檔案開始  ⏎"))
        self.open_button.setAccessibleDescription(self.tr("以選取的學習者身分開始"))
        self.open_button.setProperty("role", "primary")
        self.open_button.setAccessibleName(self.tr("以選取的學習檔案開始"))
        self.open_button.clicked.connect(lambda: self._activate(self.list.currentItem()))
        left_body.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        row.addWidget(left, 3)

        right, right_body = card("card")
        right_body.addWidget(plain(self.tr("建立新的學習檔案"), "cardTitle"))
        form = QFormLayout()
        form.setSpacing(10)
        self.name = QLineEdit()
        self.name.setAccessibleDescription(self.tr("新學習者的名字（必填）"))
        self.name.setAccessibleName(self.tr("顯示名稱"))
        self.name.setPlaceholderText(self.tr("例如：王小明"))
        self.name.setMaxLength(60)
        self.student_no = QLineEdit()
        self.student_no.setAccessibleDescription(self.tr("學號（選填）"))
        self.student_no.setAccessibleName(self.tr("學號（選填）"))
        self.student_no.setMaxLength(40)
        self.class_name = QLineEdit()
        self.class_name.setAccessibleDescription(self.tr("班級（選填）"))
        self.class_name.setAccessibleName(self.tr("班級（選填）"))
        self.class_name.setMaxLength(60)
        form.addRow(self.tr("顯示名稱"), self.name)
        form.addRow(self.tr("學號（選填）"), self.student_no)
        form.addRow(self.tr("班級（選填）"), self.class_name)
        right_body.addLayout(form)
        self.error = plain("", "error")
        right_body.addWidget(self.error)
        right_body.addStretch(1)
        self.create_button = QPushButton(self.tr("建立並開始"))
        self.create_button.setAccessibleDescription(self.tr("建立新的學習者並開始"))
        self.create_button.setProperty("role", "primary")
        self.create_button.setAccessibleName(self.tr("建立學習檔案並開始"))
        self.create_button.clicked.connect(self._create)
        for edit in (self.name, self.student_no, self.class_name):
            edit.returnPressed.connect(self._create)
        right_body.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        row.addWidget(right, 2)
        root.addLayout(row, 1)

    def set_learners(self, learners: list[dict[str, Any]], current: str | None = None) -> None:
        self.list.clear()
        for learner in learners:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, learner["id"])
            item.setData(Qt.ItemDataRole.AccessibleTextRole, str(learner["display_name"]))
            item.setSizeHint(QSize(200, 60))
            self.list.addItem(item)
            self.list.setItemWidget(item, ProfileItem(learner))
            if learner["id"] == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(self.list.count() == 0)
        self.open_button.setEnabled(self.list.count() > 0)
        (self.list if self.list.count() else self.name).setFocus()

    def set_class_folder(self, on: bool) -> None:
        """Say why merged learners are not listed (an instructor's class folder)."""
        self.class_note.setVisible(on)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            widget = self.list.itemWidget(item)
            hay = " ".join(label.text() for label in widget.findChildren(QLabel)).lower()
            item.setHidden(bool(needle) and needle not in hay)

    def _activate(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _create(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.error.setText(self.tr("請輸入顯示名稱。"))
            self.name.setFocus()
            return
        self.error.clear()
        self.create_requested.emit(
            name, self.student_no.text().strip(), self.class_name.text().strip()
        )
        for edit in (self.name, self.student_no, self.class_name):
            edit.clear()
