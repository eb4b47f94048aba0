"""Reporting every problem at once: when some fields are structurally broken, the
cross-field checks still run on a copy of the data with the broken items left out, and
their findings are mapped back to the user's own item numbers."""

from __future__ import annotations

from typing import Any

Path = tuple[Any, ...]


def removal_targets(error_paths: list[tuple[str, Path]]) -> set[Path] | None:
    """What to leave out for each (error type, path); None when nothing sensible can be."""
    targets: set[Path] = set()
    for etype, path in error_paths:
        if etype == "extra_forbidden":
            targets.add(path)
            continue
        items = [i for i, part in enumerate(path) if isinstance(part, int)]
        if not items:
            return None  # a broken top-level field: the checks would only guess
        targets.add(path[: items[-1] + 1])
    return targets


class Pruned:
    """The data without `targets`, plus the map from pruned list positions back."""

    def __init__(self, data: Any, targets: set[Path]):
        self.targets = targets
        self.index_maps: dict[Path, list[int]] = {}
        self.data = self._prune(data, ())

    def _prune(self, node: Any, path: Path) -> Any:
        if isinstance(node, dict):
            return {
                k: self._prune(v, path + (k,))
                for k, v in node.items()
                if path + (k,) not in self.targets
            }
        if isinstance(node, list):
            kept = [i for i in range(len(node)) if path + (i,) not in self.targets]
            self.index_maps[path] = kept
            return [self._prune(node[i], path + (i,)) for i in kept]
        return node

    def original_path(self, path: Path) -> Path:
        """A path in the pruned data → the same item's path in the user's data."""
        out: list[Any] = []
        for part in path:
            mapping = self.index_maps.get(tuple(out))
            if isinstance(part, int) and mapping is not None and 0 <= part < len(mapping):
                out.append(mapping[part])
            else:
                out.append(part)
        return tuple(out)
