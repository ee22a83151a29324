"""Read-only tables for the instructor pages (item text is always plain text)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

ROW_ID = Qt.ItemDataRole.UserRole
LOW = QColor("#c8402f")


def make_table(headers: Sequence[str], name: str, stretch: int | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def cell(value: Any, low: bool = False) -> QTableWidgetItem:
    """A cell; numbers right-aligned and sortable, `low` marked in red."""
    text = "—" if value is None else str(value)
    item = QTableWidgetItem(text)
    item.setToolTip(text)  # the full text, also when the column cuts it off
    if isinstance(value, int | float):
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if low:
        item.setForeground(LOW)
    return item


def fill(table: QTableWidget, rows: Iterable[tuple[str | None, Sequence[Any]]]) -> None:
    """rows: (row id kept in column 0's user data, cells); cells may be QTableWidgetItems."""
    table.setRowCount(0)
    for row_id, values in rows:
        r = table.rowCount()
        table.insertRow(r)
        for c, value in enumerate(values):
            item = value if isinstance(value, QTableWidgetItem) else cell(value)
            if c == 0:
                item.setData(ROW_ID, row_id)
            table.setItem(r, c, item)


def row_id(table: QTableWidget, row: int) -> str | None:
    item = table.item(row, 0)
    return None if item is None else item.data(ROW_ID)


def texts(table: QTableWidget) -> list[list[str]]:
    """Every cell's text, row by row (for tests and screen readers)."""
    out = []
    for r in range(table.rowCount()):
        items = [table.item(r, c) for c in range(table.columnCount())]
        out.append([item.text() if item is not None else "" for item in items])
    return out


def heat_cell(value: float | None, threshold: float) -> QTableWidgetItem:
    """A heatmap cell: the score on a red (low) to green (high) background."""
    item = cell(value)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if value is None:
        return item
    if value < threshold:
        share = max(0.0, value / max(threshold, 1))
        color = QColor.fromHsvF(0.02 + 0.1 * share, 0.55 - 0.25 * share, 0.98)
    else:
        share = min(1.0, (value - threshold) / max(100 - threshold, 1))
        color = QColor.fromHsvF(0.16 + 0.18 * share, 0.25 + 0.35 * share, 0.95 - 0.1 * share)
    item.setBackground(color)
    item.setForeground(QColor("#1b232d"))
    return item


def row_of(table: QTableWidget, wanted: str) -> int:
    """The row whose id is `wanted`, or -1."""
    for r in range(table.rowCount()):
        if row_id(table, r) == wanted:
            return r
    return -1
