"""A policy made ready to run (pure): every condition compiled, every rule kind's
parameters checked, once per policy version."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from goodbuyer.policy.document import Limit, Perk, Policy, Rule
from goodbuyer.policy.expressions import Condition, ExpressionError, render, template_names
from goodbuyer.risk.facts import Money
from goodbuyer.risk.features import VOCABULARY, Value
from goodbuyer.risk.rules import RuleError, Test, built_in_test

_CUSTOMER = frozenset(
    n
    for n in VOCABULARY
    if n.startswith("customer.") and n not in ("customer.segments", "customer.snoozed")
)


class PolicyError(ValueError):
    """Everything wrong with a policy, each with where it is (`rules[2].when`)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{where}: {what}" for where, what in problems))


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    when: Condition | None
    test: Test | None

    def evaluate(self, features: Mapping[str, Value]) -> tuple[bool, dict[str, Any]]:
        evidence: dict[str, Any] = {}
        if self.test is not None:
            matched, evidence = self.test(features)
            if not matched:
                return False, evidence
        if self.when is not None:
            if not self.when(features):
                return False, evidence
            evidence = evidence | {name: _plain(features[name]) for name in self.when.paths}
        return True, evidence


@dataclass(frozen=True, slots=True)
class CompiledSegment:
    name: str
    when: Condition
    reason: str
    good: bool
    perks: tuple[Perk, ...]
    limits: tuple[Limit, ...]

    def evidence(self, features: Mapping[str, Value]) -> dict[str, Any]:
        return {name: _plain(features[name]) for name in self.when.paths}


def _plain(value: Value) -> Any:
    return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True, slots=True)
class CompiledPolicy:
    policy: Policy
    version: int | None
    known_good: Condition
    segments: tuple[CompiledSegment, ...]
    rules: tuple[CompiledRule, ...]

    @property
    def money(self) -> Money:
        return money_of(self.policy)

    @property
    def thresholds(self) -> Mapping[str, Any]:
        return self.policy.thresholds

    def reason(self, template: str, features: Mapping[str, Value]) -> str:
        return render(template, features, self.policy.thresholds, self.policy.currency)

    def segment(self, name: str) -> CompiledSegment | None:
        return next((s for s in self.segments if s.name == name), None)


def money_of(policy: Policy) -> Money:
    """Amounts in the policy's currency, other currencies converted at its rates."""
    return Money(policy.currency, tuple(sorted(policy.rates.items())))


def compile_policy(policy: Policy, version: int | None = None) -> CompiledPolicy:
    """Compile every condition; raise PolicyError listing every problem found."""
    problems: list[tuple[str, str]] = []
    thresholds = policy.thresholds

    def condition(where: str, source: str, names: frozenset[str] | None = None) -> Condition:
        try:
            return Condition.compile(source, names or frozenset(VOCABULARY), thresholds)
        except ExpressionError as e:
            problems.append((where, str(e)))
            return Condition.compile("false", frozenset())

    def template(where: str, text: str) -> None:
        for name in template_names(text):
            if name.startswith("thresholds."):
                if name.split(".", 1)[1] not in thresholds:
                    problems.append((where, f"unknown threshold {name!r} in the text"))
            elif name not in VOCABULARY:
                problems.append((where, f"unknown feature {name!r} in the text"))

    known_good = condition("known_good", policy.known_good)
    segments = []
    for name, seg in policy.segments.items():
        where = f"segments.{name}"
        when = condition(f"{where}.when", seg.when, _CUSTOMER)
        template(f"{where}.reason", seg.reason)
        segments.append(CompiledSegment(name, when, seg.reason, seg.good, tuple(seg.perks),
                                        tuple(seg.limits)))  # fmt: skip
    rules = []
    for i, rule in enumerate(policy.rules):
        where = f"rules[{i}]"
        rule_when: Condition | None = condition(f"{where}.when", rule.when) if rule.when else None
        template(f"{where}.reason", rule.reason)
        test: Test | None = None
        try:
            test = built_in_test(rule)
        except RuleError as e:
            problems.append((f"{where}.params", str(e)))
        named = rule.params.get("segments") if rule.kind == "segment" else None
        for seg_name in [named] if isinstance(named, str) else named or []:
            if seg_name not in policy.segments:
                problems.append((f"{where}.params.segments", f"no segment {seg_name!r}"))
        rules.append(CompiledRule(rule, rule_when, test))
    if problems:
        raise PolicyError(problems)
    return CompiledPolicy(policy, version, known_good, tuple(segments), tuple(rules))


__all__ = [
    "CompiledPolicy", "CompiledRule", "CompiledSegment", "PolicyError", "compile_policy",
    "money_of",
]  # fmt: skip
