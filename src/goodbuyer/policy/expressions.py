"""Policy conditions in CEL, Google's Common Expression Language (pure).

`Condition.compile` parses once (no `eval`, no `exec`: CEL has no side effects and always
terminates) and checks that every feature it names exists. Evaluation is memoised on the
values of the features the condition reads, so orders of the same shape cost one
dictionary lookup; a miss builds a context of only those features.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
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
    cache: dict[tuple[Any, ...], bool] = field(default_factory=dict)

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
        return cls(source, program, feature_paths, constants)

    def __call__(self, features: Mapping[str, Any]) -> bool:
        key = tuple(features[p] for p in self.paths)
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        context: dict[str, dict[str, Any]] = {}
        for path, value in zip(self.paths, key, strict=True):
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


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "invalid expression"


_FIELD = re.compile(r"\{([a-z_]+\.[a-z_0-9]+)\}")


def render(template: str, features: Mapping[str, Any], thresholds: Mapping[str, Any]) -> str:
    """A reason template with `{customer.refused}` or `{thresholds.vip_net_value}` filled."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("thresholds."):
            value = thresholds.get(name.split(".", 1)[1], match.group(0))
        else:
            value = features.get(name, match.group(0))
        if isinstance(value, tuple):
            return ", ".join(value) or "none"
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    return _FIELD.sub(fill, template)


def template_names(template: str) -> list[str]:
    return _FIELD.findall(template)


__all__ = ["CACHE_LIMIT", "Condition", "ExpressionError", "render", "template_names"]
