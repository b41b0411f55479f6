"""A small union-find (disjoint sets) over hashable items, for connected components."""

from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Iterable


class UnionFind:
    def __init__(self) -> None:
        self._parent: dict[Hashable, Hashable] = {}

    def add(self, item: Hashable) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: Hashable) -> Hashable:
        self.add(item)
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:  # path compression
            self._parent[item], item = root, self._parent[item]
        return root

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)  # deterministic root: the smaller item

    def items(self) -> Iterable[Hashable]:
        return self._parent.keys()

    def groups(self) -> list[list[Hashable]]:
        found: dict[Hashable, list[Hashable]] = defaultdict(list)
        for item in self._parent:
            found[self.find(item)].append(item)
        return list(found.values())
