"""Typed answers of the machine-tool IoT platform's resource calls (seed 003).

``mgm.organization`` answers a nested tree whose ``members`` are objects keyed
``"0"``, ``"1"``, ...; :class:`OrgNode` turns them into ``children`` ordered by their
numeric keys (``"2"`` before ``"10"``), names each node's level (factory → area →
workshop → line → machine) and keeps the server's JSON in ``raw``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

from .errors import ProtocolError

__all__ = ["OrgNode", "SysInfo", "LEVELS"]

#: Level names by depth; a node with a ``machine_id`` is a ``"machine"`` at any depth,
#: and a node deeper than a line without one is ``"other"``.
LEVELS: Tuple[str, ...] = ("factory", "area", "workshop", "line")


def _text(raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value)


def _key_order(key: str) -> Tuple[int, int, str]:
    stripped = key.strip()
    if stripped.isdigit():
        return (0, int(stripped), "")
    return (1, 0, key)


def _members(raw: Mapping[str, Any]) -> List[Tuple[str, Any]]:
    members = raw.get("members")
    if isinstance(members, Mapping):
        return sorted(members.items(), key=lambda item: _key_order(str(item[0])))
    if isinstance(members, list):
        return [(str(i), m) for i, m in enumerate(members)]
    return []


@dataclasses.dataclass(frozen=True)
class OrgNode:
    """One node of the organization tree (``mgm.organization``)."""

    #: The node's ``id``; for a machine without one, its ``machine_id``.
    id: str
    name: str
    #: ``"factory"``, ``"area"``, ``"workshop"``, ``"line"``, ``"machine"`` or ``"other"``.
    level: str
    #: Set on machines.
    machine_id: Optional[str]
    #: The node's key in its parent's ``members`` (``""`` for the root).
    key: str
    #: ``members`` in the order of their numeric keys.
    children: Tuple["OrgNode", ...] = ()
    #: The node as the server sent it, ``members`` included.
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def _from_data(cls, raw: Any, key: str = "", depth: int = 0) -> "OrgNode":
        if not isinstance(raw, Mapping):
            raise ProtocolError(
                "mgm.organization: the answer is not a JSON object but %s" % type(raw).__name__,
                kind="protocol",
                call="mgm.organization",
            )
        machine_id = raw.get("machine_id")
        machine_id = None if machine_id is None else str(machine_id)
        if machine_id is not None:
            level = "machine"
        elif depth < len(LEVELS):
            level = LEVELS[depth]
        else:
            level = "other"
        node_id = _text(raw, "id") or (machine_id or "")
        if depth == 0 and not node_id:
            node_id = _text(raw, "factory_id")
        children = tuple(
            cls._from_data(child, str(k), depth + 1)
            for k, child in _members(raw)
            if isinstance(child, Mapping)
        )
        return cls(
            id=node_id,
            name=_text(raw, "name"),
            level=level,
            machine_id=machine_id,
            key=key,
            children=children,
            raw=dict(raw),
        )

    @property
    def factory_id(self) -> str:
        """``factory_id`` of the answer (set on the root)."""
        return _text(self.raw, "factory_id")

    def walk(self) -> Iterator["OrgNode"]:
        """This node and every node below it, depth first in the children's order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def machines(self) -> List["OrgNode"]:
        """Every machine at or below this node, in tree order."""
        return [n for n in self.walk() if n.level == "machine"]

    def find(self, id: str) -> Optional["OrgNode"]:
        """The node whose ``id`` or ``machine_id`` is ``id``, or None."""
        for n in self.walk():
            if n.id == id or n.machine_id == id:
                return n
        return None


@dataclasses.dataclass(frozen=True)
class SysInfo:
    """One machine's metadata (``mgm.sys_info``)."""

    #: cnc 系统型号 (系列)
    cnc_system: str
    #: cnc 系统类型
    cnc_class: str
    #: 机床型号
    cnc_model: str
    raw: Dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def _from_data(cls, raw: Any) -> "SysInfo":
        raw = raw if isinstance(raw, Mapping) else {}
        return cls(
            cnc_system=_text(raw, "cnc_system"),
            cnc_class=_text(raw, "cnc_class"),
            cnc_model=_text(raw, "cnc_model"),
            raw=dict(raw),
        )
