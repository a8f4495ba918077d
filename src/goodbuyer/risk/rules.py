"""The built-in rule kinds (pure): each turns its parameters into a test over the
features that says whether it matched and on what evidence."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from goodbuyer.policy.document import Rule, RuleKind
from goodbuyer.risk.features import Value

Test = Callable[[Mapping[str, Value]], tuple[bool, dict[str, Any]]]

VELOCITY_KEYS = {"person": ("1h", "24h"), "phone": ("24h",), "email": ("24h",),
                 "address": ("24h",)}  # fmt: skip
LIST_SUBJECTS = ("phone", "email", "address", "customer", "postcode")
RED_FLAGS = ("refused", "returned_to_origin", "unpaid", "charged_back")
MODELS = ("rto_risk", "return_risk")


class RuleError(ValueError):
    """Parameters a rule kind cannot work with."""


def _take(params: dict[str, Any], known: set[str]) -> None:
    unknown = sorted(set(params) - known)
    if unknown:
        raise RuleError(
            f"unknown parameter(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )


def _number(params: dict[str, Any], name: str, default: float) -> float:
    value = params.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RuleError(f"{name} must be a number")
    return float(value)


def _names(params: dict[str, Any], name: str, allowed: tuple[str, ...] | None) -> tuple[str, ...]:
    value = params.get(name, list(allowed or ()))
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{name} must be a list of names")
    if allowed is not None:
        wrong = [v for v in value if v not in allowed]
        if wrong:
            raise RuleError(f"{name}: unknown {', '.join(wrong)}; known: {', '.join(allowed)}")
    return tuple(value)


def _velocity(params: dict[str, Any]) -> Test:
    _take(params, {"key", "window", "count"})
    key, window = params.get("key", "person"), params.get("window", "24h")
    if key not in VELOCITY_KEYS:
        raise RuleError(f"key must be one of {', '.join(VELOCITY_KEYS)}")
    if window not in VELOCITY_KEYS[key]:
        raise RuleError(f"window for {key} must be one of {', '.join(VELOCITY_KEYS[key])}")
    count = int(_number(params, "count", 3))
    name = f"velocity.{key}_{window}"

    def test(f: Mapping[str, Value]) -> tuple[bool, dict[str, Any]]:
        seen = int(f[name])  # type: ignore[arg-type]
        return seen >= count, {"feature": name, "orders": seen, "limit": count}

    return test


def _duplicate(params: dict[str, Any]) -> Test:
    _take(params, set())
    return lambda f: (bool(f["velocity.duplicate_1h"]), {"feature": "velocity.duplicate_1h"})


def _list_hit(params: dict[str, Any]) -> Test:
    _take(params, {"subjects"})
    subjects = set(_names(params, "subjects", LIST_SUBJECTS))

    def test(f: Mapping[str, Value]) -> tuple[bool, dict[str, Any]]:
        hits = [s for s in f["lists.block"] if s in subjects]  # type: ignore[union-attr]
        return bool(hits), {"block_list": hits}

    return test


def _ghost(params: dict[str, Any]) -> Test:
    _take(params, {"min_score", "signals"})
    floor = _number(params, "min_score", 0.5)
    codes = set(_names(params, "signals", ()))

    def test(f: Mapping[str, Value]) -> tuple[bool, dict[str, Any]]:
        score, found = float(f["ghost.score"]), list(f["ghost.signals"])  # type: ignore[arg-type]
        named = [s for s in found if s in codes]
        return score >= floor or bool(named), {"ghost_score": score, "signals": found}

    return test


def _red_flag(params: dict[str, Any]) -> Test:
    _take(params, {"flags"})
    flags = set(_names(params, "flags", None) or RED_FLAGS)

    def test(f: Mapping[str, Value]) -> tuple[bool, dict[str, Any]]:
        hits = [c for c in f["history.flags"] if c in flags]  # type: ignore[union-attr]
        return bool(hits), {"red_flags": hits}

    return test


def _model(params: dict[str, Any]) -> Test:
    _take(params, {"model", "above"})
    model = params.get("model", "rto_risk")
    if model not in MODELS:
        raise RuleError(f"model must be one of {', '.join(MODELS)}")
    above = _number(params, "above", 0.5)
    name = f"model.{model}"

    def test(f: Mapping[str, Value]) -> tuple[bool, dict[str, Any]]:
        p = float(f[name])  # type: ignore[arg-type]
        return p > above, {"feature": name, "probability": round(p, 4), "above": above}

    return test


def _segment(params: dict[str, Any]) -> Test:
    _take(params, {"segments"})
    wanted = _names(params, "segments", None)
    if not wanted:
        raise RuleError("segments must name at least one segment")

    def test(f: Mapping[str, Value]) -> tuple[bool, dict[str, Any]]:
        hits = [s for s in f["customer.segments"] if s in wanted]  # type: ignore[union-attr]
        return bool(hits), {"segments": hits}

    return test


_KINDS: dict[RuleKind, Callable[[dict[str, Any]], Test]] = {
    RuleKind.VELOCITY: _velocity,
    RuleKind.DUPLICATE_ORDER: _duplicate,
    RuleKind.LIST_HIT: _list_hit,
    RuleKind.GHOST_SIGNAL: _ghost,
    RuleKind.HISTORY_RED_FLAG: _red_flag,
    RuleKind.MODEL_SCORE: _model,
    RuleKind.SEGMENT: _segment,
}


def built_in_test(rule: Rule) -> Test | None:
    """The rule kind's test (None for a plain expression rule)."""
    if rule.kind is RuleKind.EXPRESSION:
        if rule.params:
            raise RuleError("an expression rule takes no params; put everything in `when`")
        return None
    return _KINDS[rule.kind](dict(rule.params))


__all__ = ["LIST_SUBJECTS", "MODELS", "RED_FLAGS", "VELOCITY_KEYS", "RuleError", "Test",
           "built_in_test"]  # fmt: skip
