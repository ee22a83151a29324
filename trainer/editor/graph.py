"""The map's data: facts and options as nodes, `reveals` / `requires` as edges.

Works on the editor's raw data (so it draws a case that does not validate yet).
Layers follow the steps: 3.1 questions, 3.2 paraphrases and tones, 3.3 actions and
offers, 3.4 follow-ups and root causes; each fact sits in the layer after the first
option that reveals it. A node is unreachable when no sequence of choices can make it
available: its required options or facts are never reachable (conditions on outcome
or mood are not modelled; lint plays the case for those).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trainer.editor.document import OPTION_LISTS

STEP_LAYER = {"questioning": 0, "clarifying": 1, "resolving": 2, "feedback": 3}


@dataclass
class Node:
    id: str
    kind: str  # "fact" or the option kind
    label: str
    layer: int
    group: str  # "facts" or the option list
    index: int
    quality: str = ""
    reachable: bool = True
    expert: bool = False


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # "reveals" | "requires" | "requires_facts" | "when"


@dataclass
class CaseGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    @property
    def unreachable(self) -> list[str]:
        return [n.id for n in self.nodes.values() if not n.reachable]

    def layers(self) -> dict[int, list[Node]]:
        out: dict[int, list[Node]] = {}
        for node in self.nodes.values():
            out.setdefault(node.layer, []).append(node)
        return out


def _zh(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("zh-TW", ""))
    return "" if value is None else str(value)


def _ids(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def build_graph(data: dict[str, Any]) -> CaseGraph:
    graph = CaseGraph()
    steps = data.get("steps") or {}
    expert = set(_ids(data.get("expert_path")))
    options: list[dict[str, Any]] = []
    for (step, group), _kind in OPTION_LISTS.items():
        rows = (steps.get(step) or {}).get(group) or []
        for index, row in enumerate(rows):
            if not isinstance(row, dict) or not row.get("id"):
                continue
            node_id = str(row["id"])
            graph.nodes[node_id] = Node(
                id=node_id,
                kind=str(row.get("kind", "")),
                label=_zh(row.get("text")),
                layer=STEP_LAYER[step] * 2 + 1,
                group=group,
                index=index,
                quality=str(row.get("quality", "")),
                expert=node_id in expert,
            )
            options.append(row)
    for index, fact in enumerate(data.get("facts") or []):
        if isinstance(fact, dict) and fact.get("id"):
            fid = str(fact["id"])
            graph.nodes[fid] = Node(
                fid,
                "fact",
                _zh(fact.get("text")),
                0,
                "facts",
                index,
                quality="key" if fact.get("key") else "",
            )
    for row in options:
        oid = str(row["id"])
        for fact in _ids(row.get("reveals")):
            graph.edges.append(Edge(oid, fact, "reveals"))
        for req in _ids(row.get("requires")):
            graph.edges.append(Edge(req, oid, "requires"))
        for req in _ids(row.get("requires_facts")):
            graph.edges.append(Edge(req, oid, "requires_facts"))
        when = row.get("when")
        if isinstance(when, dict):
            for req in _ids(when.get("chosen")) + _ids(when.get("facts")):
                graph.edges.append(Edge(req, oid, "when"))
    _place_facts(graph)
    _mark_reachable(graph, options)
    return graph


def _place_facts(graph: CaseGraph) -> None:
    """A fact goes one layer after the earliest option revealing it."""
    for edge in graph.edges:
        if edge.kind != "reveals" or edge.target not in graph.nodes:
            continue
        source = graph.nodes.get(edge.source)
        fact = graph.nodes[edge.target]
        if source is None or fact.kind != "fact":
            continue
        layer = source.layer + 1
        fact.layer = layer if fact.layer == 0 else min(fact.layer, layer)


def _mark_reachable(graph: CaseGraph, options: list[dict[str, Any]]) -> None:
    chosen: set[str] = set()
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for row in options:
            oid = str(row["id"])
            if oid in chosen:
                continue
            raw = row.get("when")
            when: dict[str, Any] = raw if isinstance(raw, dict) else {}
            needs = _ids(row.get("requires")) + _ids(when.get("chosen"))
            needs_facts = _ids(row.get("requires_facts")) + _ids(when.get("facts"))
            if all(n in chosen for n in needs) and all(f in found for f in needs_facts):
                chosen.add(oid)
                found.update(_ids(row.get("reveals")))
                changed = True
    for node in graph.nodes.values():
        node.reachable = node.id in (found if node.kind == "fact" else chosen)
