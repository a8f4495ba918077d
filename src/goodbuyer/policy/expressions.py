"""Policy conditions in CEL, Google's Common Expression Language (pure).

`Condition.compile` parses once (no `eval`, no `exec`: CEL has no side effects and always
terminates) and checks that every feature it names exists. Evaluation is memoised on the
values of the features the condition reads, so orders of the same shape cost one
dictionary lookup; a miss builds a context of only those features.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import cel

CACHE_LIMIT = 50_000  # results kept per condition before the cache starts afresh

_STRING = re.compile(r"'''.*?'''|\"\"\".*?\"\"\"|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"", re.S)
_PATH = re.compile(r"(?<![\w.])([A-Za-z_]\w*)(?:\s*\.\s*([A-Za-z_]\w*))?")
_MACRO_LOCAL = re.compile(r"\.\s*(?:all|exists|exists_one|map|filter)\s*\(\s*([A-Za-z_]\w*)\s*,")
_BUILTINS = frozenset({
    "true", "false", "null", "in", "size", "has", "int", "uint", "double", "string", "bytes",
    "bool", "type", "duration", "timestamp", "matches", "dyn", "list", "map",
})  # fmt: skip


class ExpressionError(ValueError):
    """A condition that does not parse or names something unknown."""


def _paths(
    source: str, vocabulary: Collection[str], thresholds: Mapping[str, Any]
) -> tuple[str, ...]:
    """The dotted feature names the condition reads (strings and macro locals left out)."""
    roots = {name.split(".", 1)[0] for name in vocabulary} | {"thresholds"}
    code = _STRING.sub('""', source)
    local = set(_MACRO_LOCAL.findall(code))
    found: list[str] = []
    for match in _PATH.finditer(code):
        root, attr = match.group(1), match.group(2)
        if root in local or root in _BUILTINS or code[match.end() :].lstrip().startswith("("):
            continue
        if root not in roots:
            raise ExpressionError(f"unknown name {root!r}; known: {', '.join(sorted(roots))}")
        if attr is None:
            raise ExpressionError(f"{root!r} needs a field, e.g. {_example(root, vocabulary)}")
        name = f"{root}.{attr}"
        if root == "thresholds":
            if attr not in thresholds:
                raise ExpressionError(f"unknown threshold {attr!r}")
        elif name not in vocabulary:
            raise ExpressionError(f"unknown feature {name!r}{_near(root, vocabulary)}")
        if name not in found:
            found.append(name)
    return tuple(found)


def _example(root: str, vocabulary: Collection[str]) -> str:
    return next((n for n in vocabulary if n.startswith(root + ".")), f"{root}.<name>")


def _near(root: str, vocabulary: Collection[str]) -> str:
    names = sorted(n.split(".", 1)[1] for n in vocabulary if n.startswith(root + "."))
    return f"; {root} has: {', '.join(names)}" if names else ""


@dataclass(slots=True)
class Condition:
    source: str
    program: Any
    paths: tuple[str, ...]  # features read, in first-use order
    constants: dict[str, Any]  # thresholds the condition reads
    cache: dict[Any, bool] = field(default_factory=dict)
    parts: tuple[Condition, ...] = ()  # a top-level `a && b` or `a || b`, each memoised alone
    any_of: bool = False  # the parts are joined by ||, not &&
    key: Callable[[Mapping[str, Any]], Any] = field(init=False)

    def __post_init__(self) -> None:
        self.key = itemgetter(*self.paths) if self.paths else _no_key

    @classmethod
    def compile(
        cls, source: str, vocabulary: Collection[str], thresholds: Mapping[str, Any] | None = None
    ) -> Condition:
        """Parse `source`; every feature it reads must be in `vocabulary`, every
        `thresholds.x` in `thresholds`."""
        thresholds = thresholds or {}
        try:
            program = cel.compile(source)
        except ValueError as e:
            raise ExpressionError(_first_line(str(e))) from None
        paths = _paths(source, vocabulary, thresholds)
        constants = {
            p: thresholds[p.split(".", 1)[1]] for p in paths if p.startswith("thresholds.")
        }
        feature_paths = tuple(p for p in paths if p not in constants)
        found = cls(source, program, feature_paths, constants)
        pieces, any_of = split_top_level(source)
        if len(pieces) > 1:
            try:
                found.parts = tuple(cls.compile(p, vocabulary, thresholds) for p in pieces)
                found.any_of = any_of
            except ExpressionError:  # a piece that is no condition alone: keep the whole
                found.parts = ()
        return found

    def __call__(self, features: Mapping[str, Any]) -> bool:
        if self.parts:
            return self._joined(features)
        key = self.key(features)
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        values = key if len(self.paths) > 1 else (key,) if self.paths else ()
        context: dict[str, dict[str, Any]] = {}
        for path, value in zip(self.paths, values, strict=True):
            root, attr = path.split(".", 1)
            context.setdefault(root, {})[attr] = list(value) if isinstance(value, tuple) else value
        for path, value in self.constants.items():
            context.setdefault("thresholds", {})[path.split(".", 1)[1]] = value
        try:
            result = self.program.execute(context)
        except (RuntimeError, TypeError, ValueError, KeyError, ZeroDivisionError) as e:
            raise ExpressionError(f"{self.source}: {_first_line(str(e))}") from None
        if not isinstance(result, bool):
            raise ExpressionError(f"{self.source}: gives {type(result).__name__}, not true/false")
        if len(self.cache) >= CACHE_LIMIT:
            self.cache.clear()
        self.cache[key] = result
        return result

    def _joined(self, features: Mapping[str, Any]) -> bool:
        """CEL's && and ||: the deciding value wins over an error in another part."""
        error: ExpressionError | None = None
        for part in self.parts:
            try:
                if part(features) is self.any_of:
                    return self.any_of
            except ExpressionError as e:
                error = error or e
        if error is not None:
            raise error
        return not self.any_of


def _no_key(features: Mapping[str, Any]) -> tuple[()]:
    return ()


_OPEN, _CLOSE = "([{", ")]}"


def split_top_level(source: str) -> tuple[list[str], bool]:
    """The parts of `a || b || c` (True) or of `a && b` (False) outside brackets and
    strings; one part when neither joins the whole (or a ternary `?:` does)."""
    text = _unwrap(source.strip())
    cuts: dict[str, list[int]] = {"||": [], "&&": []}
    depth, i, quote = 0, 0, ""
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
        elif depth == 0 and ch == "?":
            return [source], False
        elif depth == 0 and text[i : i + 2] in cuts:
            cuts[text[i : i + 2]].append(i)
            i += 1
        i += 1
    op = "||" if cuts["||"] else "&&"
    bounds = [-2, *cuts[op], len(text)]
    parts = [text[a + 2 : b].strip() for a, b in itertools.pairwise(bounds)]
    return (parts, op == "||") if len(parts) > 1 else ([source], False)


def _unwrap(text: str) -> str:
    """`(a && b)` without the brackets that hold the whole of it."""
    while text.startswith("(") and text.endswith(")"):
        depth = 0
        for i, ch in enumerate(text):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(text) - 1:
                return text
        text = text[1:-1].strip()
    return text


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "invalid expression"


_FIELD = re.compile(r"\{([a-z_]+\.[a-z_0-9]+)(\|money)?\}")


def render(
    template: str, features: Mapping[str, Any], thresholds: Mapping[str, Any], currency: str = ""
) -> str:
    """A reason template with `{customer.refused}` or `{thresholds.vip_net_value}` filled;
    `{order.value|money}` shows minor units as money in `currency` ("359.63 EUR")."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("thresholds."):
            value = thresholds.get(name.split(".", 1)[1], match.group(0))
        else:
            value = features.get(name, match.group(0))
        if match.group(2) and isinstance(value, int | float) and not isinstance(value, bool):
            return f"{value / 100:,.2f} {currency}".strip()
        if isinstance(value, tuple):
            return ", ".join(value) or "none"
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    return _FIELD.sub(fill, template)


def template_names(template: str) -> list[str]:
    return [m.group(1) for m in _FIELD.finditer(template)]


__all__ = [
    "CACHE_LIMIT", "Condition", "ExpressionError", "render", "split_top_level", "template_names",
]  # fmt: skip
