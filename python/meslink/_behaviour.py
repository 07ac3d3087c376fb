"""What the generated models do beyond holding their fields: walking trees. The generator
(tools/gen_surfaces.py) makes the model ``X`` inherit ``XMixin`` from here when it exists."""

from __future__ import annotations

from typing import Any, Iterator, List, Optional


class OrgNodeMixin:
    """Walking the organization tree (``mgm.organization``)."""

    id: str
    machine_id: Optional[str]
    level: Any
    children: List[Any]
    raw: Any

    @property
    def factory_id(self) -> str:
        """``factory_id`` of the answer (set on the root)."""
        value = self.raw.get("factory_id") if isinstance(self.raw, dict) else None
        return "" if value is None else str(value)

    def walk(self) -> Iterator[Any]:
        """This node and every node below it, depth first in the children's order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def machines(self) -> List[Any]:
        """Every machine at or below this node, in tree order."""
        return [n for n in self.walk() if n.level == "machine"]

    def find(self, id: str) -> Optional[Any]:
        """The node whose ``id`` or ``machine_id`` is ``id``, or None."""
        for n in self.walk():
            if n.id == id or n.machine_id == id:
                return n
        return None


class TraceNodeMixin:
    """Walking a trace tree."""

    children: List[Any]

    def walk(self) -> Iterator[Any]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


class TraceResultMixin:
    """Every node of a trace answer."""

    tree_list: List[Any]

    def nodes(self) -> Iterator[Any]:
        """Every node of every tree, depth first."""
        for root in self.tree_list:
            yield from root.walk()
