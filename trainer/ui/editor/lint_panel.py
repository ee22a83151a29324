"""Live checking: lint runs off the UI thread, debounced; results listed with figures.

The document is copied on the UI thread (a deep copy, ~50 ms); the worker thread of
a QThreadPool dumps it to YAML, loads it like the app does and lints it
(trainer.editor.checks). Only the newest result is shown.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trainer.core.baseline import MAX_MEAN_TOTAL, MAX_RESOLVED_SHARE
from trainer.editor.checks import CheckResult, check_text
from trainer.editor.document import CaseDocument
from trainer.editor.yamlio import dump_text

DEBOUNCE_MS = 700
PLAYER_NAMES = {
    "first_option": "總選第一個 first shown",
    "longest_option": "總選最長的 longest",
    "newly_unlocked": "追新解鎖的 newly unlocked",
    "shortest_option": "總選最短的 shortest",
    "last_option": "總選最後一個 last shown",
    "second_longest": "總選第二長的 second longest",
    "middle_length": "總選長度居中的 middle length",
    "politest": "總選最客氣的 politest",
    "least_polite": "總選最不客氣的 least polite",
    "convergent": "總選最像其他選項的 convergent",
    "echoes_customer": "總選重複顧客用語的 echoes the customer",
    "move_on_first": "問一題就往下（第一個）move on, first",
    "move_on_longest": "問一題就往下（最長）move on, longest",
    "move_on_politest": "問一題就往下（最客氣）move on, politest",
    "move_on_least_polite": "問一題就往下（最不客氣）move on, least polite",
    "move_on_second_longest": "問一題就往下（第二長）move on, second longest",
    "move_on_convergent": "問一題就往下（最像其他選項）move on, convergent",
    "move_on_last": "問一題就往下（最後一個）move on, last shown",
    "move_on_shortest": "問一題就往下（最短）move on, shortest",
    "move_on_middle": "問一題就往下（長度居中）move on, middle length",
    "move_on_echo": "問一題就往下（重複顧客用語）move on, echoes the customer",
    "longest_option_en": "總選英文最長的 longest in English",
    "shortest_option_en": "總選英文最短的 shortest in English",
    "move_on_longest_en": "問一題就往下（英文最長）move on, longest in English",
    "move_on_shortest_en": "問一題就往下（英文最短）move on, shortest in English",
    "second_longest_en": "總選英文第二長的 second longest in English",
    "middle_length_en": "總選英文長度居中的 middle length in English",
    "move_on_second_longest_en": "問一題就往下（英文第二長）move on, second longest in English",
    "move_on_middle_en": "問一題就往下（英文長度居中）move on, middle length in English",
}


class _Signals(QObject):
    done = Signal(int, object)


class _CheckTask(QRunnable):
    def __init__(self, revision: int, data: Any, signals: _Signals) -> None:
        super().__init__()
        self.revision = revision
        self.data = data
        self.signals = signals

    def run(self) -> None:
        try:
            result = check_text(dump_text(self.data))
        except Exception as exc:  # a checker bug must not take the editor down
            result = CheckResult()
            from trainer.editor.checks import Finding

            result.findings = [Finding("error", f"檢查失敗 check failed: {exc}", 1, ())]
        self.signals.done.emit(self.revision, result)


class LintPanel(QWidget):
    """Errors and warnings (click jumps to the field) and the players' figures."""

    jump = Signal(tuple)
    checked = Signal(object)

    def __init__(self, doc: CaseDocument) -> None:
        super().__init__()
        self.doc = doc
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals()
        self.signals.done.connect(self._done)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)
        self.pending = 0
        self.result: CheckResult | None = None
        self.result_revision = -1
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel("檢查中… checking…")
        self.status.setWordWrap(True)
        self.status.setObjectName("lintStatus")
        box.addWidget(self.status)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName("檢查結果 problems")
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        box.addWidget(self.list, 2)
        self.figures = QLabel("")
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setWordWrap(True)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.figures.setAccessibleName("專家與基準玩家 expert and baseline players")
        self.figures.setContentsMargins(4, 4, 4, 4)
        figures_scroll = QScrollArea()
        figures_scroll.setWidgetResizable(True)
        figures_scroll.setWidget(self.figures)
        box.addWidget(figures_scroll, 3)

    def schedule(self) -> None:
        self.timer.start()

    def run_now(self) -> None:
        self.timer.stop()
        self.pending += 1
        self.status.setText("檢查中… checking…")
        self.pool.start(_CheckTask(self.doc.revision, copy.deepcopy(self.doc.data), self.signals))

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    def _done(self, revision: int, result: CheckResult) -> None:
        self.pending -= 1
        if revision < self.result_revision:
            return
        self.result, self.result_revision = result, revision
        self.list.clear()
        self.list.setVisible(bool(result.findings))  # the figures get the room otherwise
        for finding in result.findings:
            tag = "錯誤" if finding.severity == "error" else "警告"
            item = QListWidgetItem(f"{tag} {finding.severity}: {finding.message}")
            item.setData(Qt.ItemDataRole.UserRole, finding.path)
            item.setForeground(QColor("#a61b1b" if finding.severity == "error" else "#7a5200"))
            item.setToolTip("點一下跳到欄位 click to go to the field")
            self.list.addItem(item)
        if not result.valid:
            head = f"格式錯誤 {result.errors} 個：修正後才會執行完整檢查 (schema errors: {result.errors})"
        elif result.errors:
            head = f"✗ {result.errors} 個錯誤、{result.warnings} 個警告 errors / warnings"
        else:
            head = f"✓ 沒有錯誤；{result.warnings} 個警告 no errors, {result.warnings} warning(s)"
        self.status.setText(f"{head}（{result.seconds:.1f} s）")
        self.figures.setText(figures_text(result))
        self.checked.emit(result)

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path is not None:
            self.jump.emit(tuple(path))


def figures_text(result: CheckResult) -> str:
    lines: list[str] = []
    if result.expert is not None:
        numbers = result.expert.as_numbers()
        parts = "  ".join(f"{k} {v}" for k, v in numbers.items() if k != "total")
        lines.append(f"專家路徑 Expert: 總分 {result.expert.total}（{result.expert.outcome}）")
        lines.append(f"  {parts}")
    if result.baselines:
        lines.append(
            f"應試技巧玩家 Test-wise players：解決比例 / 平均分 resolved / mean total "
            f"(20 種選項順序；須 ≤ {MAX_RESOLVED_SHARE:.0%} / ≤ {MAX_MEAN_TOTAL}):"
        )
        for b in result.baselines:
            mark = "✓" if b.passed else "✗"
            name = PLAYER_NAMES.get(b.policy, b.policy)
            lines.append(f"  {mark} {name}: {b.resolved_share:.0%} / {b.mean_total:.0f}")
    for label, cues in (("中文", result.cues), ("English", result.cues_en)):
        if not cues:
            continue
        longest = sum(c.best_is_longest for c in cues)
        glaring = [c.group for c in cues if c.glaring]
        lines.append(
            f"線索 Cues ({label}): 最佳選項最長 best is longest in {longest}/{len(cues)} lists"
            + (f"；明顯過長 glaring: {', '.join(glaring)}" if glaring else "")
        )
    return "\n".join(lines)
