"""The quality-trace API (seed 002): forward / reverse trace trees.

:meth:`meslink.Client.trace_query` answers a :class:`TraceResult`: the server's tree list
as :class:`TraceNode` objects, the ``data`` string exactly as the server sent it
(``data_raw``), and the whole answer (``answer``). The request is signed for the API
gateway inside the core with the configured ``trace.app_key`` / ``trace.app_secret``.

The generic call ``client.call("trace.query", {...})`` answers the server's JSON with
``data`` replaced by the parsed tree ``{"treeList": [node, ...]}`` (each node's children
under ``trees``) and the original string kept as ``data_raw``.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, Dict, Iterator, List, Optional

__all__ = ["TraceType", "TraceNode", "TraceResult"]


class TraceType(str, enum.Enum):
    """``traceType``: which way to trace."""

    #: 正向追溯: from a finished product to what it is made of and how it was made
    FORWARD = "forward"
    #: 反向追溯: from a raw material to the products that used it
    REVERSE = "reverse"

    def __str__(self) -> str:
        return str(self.value)


@dataclasses.dataclass(frozen=True)
class TraceNode:
    """One node of a trace tree."""

    #: stepCode: the production step
    step_code: str
    #: type: ProductionReport (报工), MaterialConsumption (物料消耗),
    #: QualityControl (质检结果), ...
    kind: str
    #: uniqueCode: a work order, batch number, serial number, barcode, ...
    unique_code: str
    #: from: how the node was reached (``DestUniqueCode``, ``SameId``); None on roots
    from_: Optional[str] = None
    #: id: the server's record id; None on roots
    id: Optional[int] = None
    #: trees: the nodes below
    children: List["TraceNode"] = dataclasses.field(default_factory=list)
    #: The node as the server sent it, fields the document does not name included.
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def _from_json(cls, raw: Dict[str, Any]) -> "TraceNode":
        below = raw.get("trees")
        if below is None:
            below = raw.get("children")
        if isinstance(below, dict):
            below = [below]
        node_id = raw.get("id")
        return cls(
            step_code=_text(raw.get("stepCode")) or "",
            kind=_text(raw.get("type")) or "",
            unique_code=_text(raw.get("uniqueCode")) or "",
            from_=_text(raw.get("from")),
            id=_int(node_id),
            children=[cls._from_json(c) for c in (below or []) if isinstance(c, dict)],
            raw=raw,
        )

    def walk(self) -> Iterator["TraceNode"]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclasses.dataclass(frozen=True)
class TraceResult:
    """The answer of ``trace.query``."""

    #: The answer's id
    id: str
    #: The answer's code (200)
    code: int
    #: treeList: the root nodes
    tree_list: List[TraceNode]
    #: The ``data`` string exactly as the server sent it ("" when it sent none)
    data_raw: str
    #: The whole answer as :meth:`meslink.Client.call` returns it
    answer: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def _from_answer(cls, answer: Dict[str, Any]) -> "TraceResult":
        # The core has parsed and normalised ``data`` already.
        data = answer.get("data") or {}
        roots = data.get("treeList") or [] if isinstance(data, dict) else []
        if isinstance(roots, dict):
            roots = [roots]
        return cls(
            id=_text(answer.get("id")) or "",
            code=_int(answer.get("code")) or 200,
            tree_list=[TraceNode._from_json(r) for r in roots if isinstance(r, dict)],
            data_raw=_text(answer.get("data_raw")) or "",
            answer=answer,
        )

    def nodes(self) -> Iterator[TraceNode]:
        """Every node of every tree, depth first."""
        for root in self.tree_list:
            yield from root.walk()


def _text(value: Any) -> Optional[str]:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _int(value: Any) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None
