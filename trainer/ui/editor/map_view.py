"""The map: facts and options as a graph, `reveals` / `requires` as arrows.

A simple layered layout (trainer.editor.graph): one column per step's options, facts
in the column after the option that first reveals them. Unreachable nodes are red
with a dashed border; the expert path's options have a green border. Double-click a
node to edit it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from trainer.editor.document import CaseDocument
from trainer.editor.graph import CaseGraph, build_graph
from trainer.ui.widgets.common import plain_tip as plain_tip

NODE_W, NODE_H = 170, 40
COL_GAP, ROW_GAP = 60, 12
EDGE_COLORS = {
    "reveals": "#2a6fb0",
    "requires": "#555555",
    "requires_facts": "#8a5a00",
    "when": "#999999",
}
COLUMN_TITLES = {
    1: "3.1 提問",
    2: "事實 facts",
    3: "3.2 釐清",
    4: "事實 facts",
    5: "3.3 解決",
    6: "事實 facts",
    7: "3.4 回饋",
    8: "事實 facts",
    0: "未被發現的事實",
}


class NodeItem(QGraphicsRectItem):
    def __init__(self, node_id: str, path: tuple[object, ...]) -> None:
        super().__init__(0, 0, NODE_W, NODE_H)
        self.node_id = node_id
        self.path = path
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)


class MapView(QGraphicsView):
    open_path = Signal(tuple)

    def __init__(self, doc: CaseDocument) -> None:
        super().__init__()
        self.doc = doc
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAccessibleName("案例地圖 case map")
        self.graph = CaseGraph()
        self.nodes: dict[str, NodeItem] = {}

    def load(self) -> None:
        scene = self.scene()
        scene.clear()
        self.nodes = {}
        self.graph = build_graph(self.doc.data)
        layers = self.graph.layers()
        order = sorted(layers)
        small = QFont()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        for col, layer in enumerate(order):
            x = col * (NODE_W + COL_GAP)
            title = scene.addSimpleText(COLUMN_TITLES.get(layer, str(layer)))
            title.setPos(x, -28)
            nodes = sorted(layers[layer], key=lambda n: (n.group, n.index))
            for row, node in enumerate(nodes):
                if node.kind == "fact":
                    path: tuple[object, ...] = ("facts", node.index)
                else:
                    step = _step_of(node.group)
                    path = ("steps", step, node.group, node.index)
                item = NodeItem(node.id, path)
                item.setPos(x, row * (NODE_H + ROW_GAP))
                fill = "#dcebfa" if node.kind == "fact" else "#f2f2f2"
                if node.kind == "offer":
                    fill = "#fff2d6"
                pen = QPen(QColor("#777777"), 1)
                if node.expert:
                    pen = QPen(QColor("#1f7a3a"), 3)
                if not node.reachable:
                    fill = "#fbdede"
                    pen = QPen(QColor("#b00020"), 2, Qt.PenStyle.DashLine)
                item.setBrush(QBrush(QColor(fill)))
                item.setPen(pen)
                tip = f"{node.id} ({node.kind}{', ' + node.quality if node.quality else ''})\n{node.label}"
                if not node.reachable:
                    tip += "\n⚠ 無法到達 unreachable"
                item.setToolTip(plain_tip(tip))
                scene.addItem(item)
                label = QGraphicsSimpleTextItem(_short(node.id, 22), item)
                label.setPos(6, 3)
                sub = QGraphicsSimpleTextItem(_short(node.label, 14), item)
                sub.setFont(small)
                sub.setBrush(QBrush(QColor("#555555")))
                sub.setPos(6, 21)
                self.nodes[node.id] = item
        for edge in self.graph.edges:
            source, target = self.nodes.get(edge.source), self.nodes.get(edge.target)
            if source is None or target is None:
                continue
            self._arrow(
                source, target, EDGE_COLORS.get(edge.kind, "#999999"), dashed=edge.kind == "when"
            )
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))

    def _arrow(self, source: NodeItem, target: NodeItem, color: str, dashed: bool) -> None:
        a = source.sceneBoundingRect()
        b = target.sceneBoundingRect()
        if b.center().x() >= a.center().x():
            start = QPointF(a.right(), a.center().y())
            end = QPointF(b.left(), b.center().y())
        else:
            start = QPointF(a.left(), a.center().y())
            end = QPointF(b.right(), b.center().y())
        path = QPainterPath(start)
        mid = (start.x() + end.x()) / 2
        path.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
        pen = QPen(QColor(color), 1.4, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        item = QGraphicsPathItem(path)
        item.setPen(pen)
        item.setZValue(-1)
        self.scene().addItem(item)
        angle = math.atan2(
            end.y() - path.pointAtPercent(0.95).y(), end.x() - path.pointAtPercent(0.95).x()
        )
        head = QPolygonF(
            [
                end,
                end - QPointF(math.cos(angle - 0.4) * 9, math.sin(angle - 0.4) * 9),
                end - QPointF(math.cos(angle + 0.4) * 9, math.sin(angle + 0.4) * 9),
            ]
        )
        self.scene().addPolygon(head, QPen(QColor(color)), QBrush(QColor(color)))

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem):
            self.open_path.emit(item.path)
            return
        super().mouseDoubleClickEvent(event)

    def bounds(self) -> QRectF:
        return self.scene().itemsBoundingRect()


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _step_of(group: str) -> str:
    from trainer.editor.document import OPTION_LISTS

    for (step, g), _kind in OPTION_LISTS.items():
        if g == group:
            return step
    return "questioning"
