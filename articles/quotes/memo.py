"""A bounded memo that compiled code reads natively.

``functools.lru_cache`` wraps a function in a Python object, which code
compiled by mypyc (``scripts/compile_extractor.py``) can only call through
the interpreter's calling convention; a plain dict held by a native class is
read directly. ``Memo`` keeps the values computed last for their keys and is
emptied when full: the names, readings and numbers it serves repeat within an
article and across the next few, so an occasional fresh start costs little.
"""

from __future__ import annotations


class Memo[K, V]:
    """Up to ``size`` values by key; ``get`` answers None for a key not kept."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.values: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        return self.values.get(key)

    def keep(self, key: K, value: V) -> V:
        """Keep ``value`` for ``key`` (emptying the memo first when full) and return it."""
        if len(self.values) >= self.size:
            self.values.clear()
        self.values[key] = value
        return value
