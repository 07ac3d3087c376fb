"""The quality-trace API (seed 002): forward / reverse trace trees.

:meth:`meslink.Client.trace_query` answers a :class:`TraceResult`: the server's tree list
as :class:`TraceNode` objects, the ``data`` string exactly as the server sent it
(``data_raw``), and the whole answer (``answer``). The request is signed for the API
gateway inside the core with the configured ``trace.app_key`` / ``trace.app_secret``, and
the tree is parsed and normalised there; the classes are generated from the catalog.

The generic call ``client.call("trace.query", {...})`` answers the server's JSON with
``data`` replaced by the parsed tree ``{"treeList": [node, ...]}`` (each node's children
under ``trees``) and the original string kept as ``data_raw``.
"""

from __future__ import annotations

from ._generated import TraceNode, TraceResult, TraceType

__all__ = ["TraceType", "TraceNode", "TraceResult"]
