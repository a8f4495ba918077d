"""Where things are in a YAML text (pure): a problem found at `rules[2].when` is shown on
the line that holds it. ruamel.yaml's round-trip loader keeps each key's and item's line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

Path = tuple[str | int, ...]
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a policy text: its 1-based line, the path to it, why."""

    line: int
    where: str
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"line": self.line, "where": self.where, "message": self.message}

    def __str__(self) -> str:
        return f"{self.line}: {self.where}: {self.message}"


def load_positions(text: str) -> Any:
    """The document with line numbers kept (raises YAMLError on a syntax error)."""
    return YAML(typ="rt", pure=True).load(text)


def yaml_problem(error: YAMLError) -> Problem:
    """A syntax error on the line the parser stopped at."""
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        what = error.problem or error.context or "invalid YAML"
        line = mark.line + 1 if mark is not None else 1
        return Problem(line, "yaml", f"{what} (column {mark.column + 1 if mark else 1})")
    return Problem(1, "yaml", str(error).strip().splitlines()[0] if str(error) else "invalid YAML")


def split_where(where: str) -> Path:
    """`rules[2].when` -> ("rules", 2, "when")."""
    return tuple(int(index) if index else name for name, index in _PART.findall(where))


def join_where(path: Path) -> str:
    """("rules", 2, "when") -> `rules[2].when`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "document"


def existing(doc: Any, path: Path) -> Path:
    """The longest start of `path` that the document holds."""
    node, found = doc, 0
    for part in path:
        node = _child(node, part)
        if node is _MISSING:
            break
        found += 1
    return path[:found]


def line_of(doc: Any, path: Path) -> int:
    """The 1-based line of the deepest node of `path` the document holds (its key's line
    for a mapping entry, its dash's line for a list item); 1 for the document itself."""
    node, line = doc, 1
    for part in path:
        position = _position(node, part)
        child = _child(node, part)
        if position is None or child is _MISSING:
            break
        line, node = position + 1, child
    return line


_MISSING = object()


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(part, _MISSING) if part in node else _MISSING
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return _MISSING


def _position(node: Any, part: str | int) -> int | None:
    try:
        if isinstance(node, CommentedMap):
            return int(node.lc.key(part)[0])
        if isinstance(node, CommentedSeq):
            return int(node.lc.item(part)[0])
    except (KeyError, IndexError, TypeError):
        return None
    return None


def plain(node: Any) -> Any:
    """Round-trip nodes as plain dicts, lists, str, int, float and bool."""
    if isinstance(node, dict):
        return {plain(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    for kind in (str, int, float):
        if isinstance(node, kind):
            return kind(node)
    return node


__all__ = [
    "Path", "Problem", "existing", "join_where", "line_of", "load_positions", "plain",
    "split_where", "yaml_problem",
]  # fmt: skip
