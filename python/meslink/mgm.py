"""Typed answers of the machine-tool IoT platform's resource calls (seed 003).

``mgm.organization`` answers a nested tree whose ``members`` are objects keyed
``"0"``, ``"1"``, ...; the core turns them into ``children`` ordered by their numeric
keys (``"2"`` before ``"10"``) and names each node's level (factory → area → workshop →
line → machine); :class:`OrgNode` (generated from the catalog) keeps the server's JSON in
``raw``.
"""

from __future__ import annotations

from typing import Tuple

from ._generated import OrgLevel, OrgNode, SysInfo

__all__ = ["OrgNode", "OrgLevel", "SysInfo", "LEVELS"]

#: Level names by depth; a node with a ``machine_id`` is a ``"machine"`` at any depth,
#: and a node deeper than a line without one is ``"other"``.
LEVELS: Tuple[str, ...] = ("factory", "area", "workshop", "line")
