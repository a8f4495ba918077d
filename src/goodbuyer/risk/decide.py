"""The decision on one order (pure): segments, rules, score bands, what would have
changed it, and the perks and limits that come with it.

Order of play: a block-list rule always runs; an allow-list hit or a known good customer
(R3.5) is approved at once; otherwise every enabled rule not snoozed for the customer is
evaluated, the strongest outcome of the matched rules wins (approve < confirm < review <
prepay < reject) and the total score can raise it through the score bands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from goodbuyer.policy.document import Limit, Perk, RuleKind
from goodbuyer.risk.compiled import CompiledPolicy, CompiledRule
from goodbuyer.risk.features import Value
from goodbuyer.risk.statuses import Outcome


@dataclass(frozen=True, slots=True)
class Execution:
    rule: str
    matched: bool
    score_modifier: float
    outcome: Outcome | None
    reason: str
    evidence: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "matched": self.matched, "score_modifier": self.score_modifier,
            "outcome": self.outcome.value if self.outcome else None, "reason": self.reason,
            "evidence": self.evidence,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Membership:
    segment: str
    reason: str
    evidence: dict[str, Any]
    good: bool


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: Outcome
    score: float
    executions: tuple[Execution, ...]
    counterfactuals: tuple[str, ...]
    perks: tuple[Perk, ...] = ()
    limits: tuple[Limit, ...] = ()
    fast_path: str = ""  # "known_good" or "allow_list" when approved at once
    segments: tuple[str, ...] = field(default=())

    @property
    def friction(self) -> bool:
        return self.outcome is not Outcome.APPROVE

    def reasons(self) -> list[str]:
        return [e.reason for e in self.executions if e.matched]


def segments_of(policy: CompiledPolicy, customer: Mapping[str, Value]) -> list[Membership]:
    """The segments a person's `customer.*` features put them in, each with why."""
    found = []
    for seg in policy.segments:
        if seg.when(customer):
            found.append(Membership(seg.name, policy.reason(seg.reason, customer),
                                    seg.evidence(customer), seg.good))  # fmt: skip
    return found


def _outcome_of(policy: CompiledPolicy, floors: list[Outcome], score: float) -> Outcome:
    outcome = max(floors, key=lambda o: o.priority, default=Outcome.APPROVE)
    for band in policy.policy.score_bands:
        if score >= band.min_score and band.outcome.priority > outcome.priority:
            outcome = band.outcome
    return outcome


def _run(rule: CompiledRule, policy: CompiledPolicy, features: Mapping[str, Value]) -> Execution:
    r = rule.rule
    snoozed = r.name in features.get("customer.snoozed", ())  # type: ignore[operator]
    if snoozed:
        return Execution(r.name, False, 0.0, None, f"{r.name}: snoozed for this customer", {})
    matched, evidence = rule.evaluate(features)
    if not matched:
        return Execution(r.name, False, 0.0, None, f"{r.name}: not matched", evidence)
    return Execution(r.name, True, r.score, r.outcome, policy.reason(r.reason, features), evidence)


def _perks_and_limits(
    policy: CompiledPolicy, outcome: Outcome, segments: tuple[str, ...]
) -> tuple[tuple[Perk, ...], tuple[Limit, ...]]:
    perks: list[Perk] = []
    limits: list[Limit] = []
    for name in segments:
        seg = policy.segment(name)
        if seg is not None:
            perks += [p for p in seg.perks if p not in perks]
            limits += [lim for lim in seg.limits if lim not in limits]
    limits += [lim for lim in policy.policy.outcome_limits.get(outcome, []) if lim not in limits]
    return tuple(perks), tuple(limits)


def _counterfactuals(
    policy: CompiledPolicy, executions: list[Execution], by_name: dict[str, CompiledRule],
    outcome: Outcome, score: float,
) -> list[str]:  # fmt: skip
    """What would have changed the outcome: each deciding rule taken away alone, then all
    of them together when no single one suffices."""
    if outcome is Outcome.APPROVE:
        return []
    matched = [e for e in executions if e.matched]
    said: list[str] = []
    deciding: list[Execution] = []
    for e in matched:
        rest = [m.outcome for m in matched if m is not e and m.outcome is not None]
        lower = _outcome_of(policy, rest, score - e.score_modifier)
        if lower.priority < outcome.priority:
            said.append(f"would be {lower.value} if {_unless(by_name[e.rule])}")
        if e.outcome is outcome or e.score_modifier > 0:
            deciding.append(e)
    if not said and deciding:
        rest = [m.outcome for m in matched if m not in deciding and m.outcome is not None]
        lower = _outcome_of(policy, rest, score - sum(d.score_modifier for d in deciding))
        if lower.priority < outcome.priority:
            each = "; and ".join(_unless(by_name[d.rule]) for d in deciding)
            said.append(f"would be {lower.value} if {each}")
    return said


def _unless(rule: CompiledRule) -> str:
    return rule.rule.counterfactual or f"rule {rule.rule.name} had not applied"


def decide(policy: CompiledPolicy, features: Mapping[str, Value]) -> Verdict:
    segments = tuple(features.get("customer.segments", ()))  # type: ignore[arg-type]
    blocks = [r for r in policy.rules if r.rule.enabled and r.rule.kind is RuleKind.LIST_HIT]
    executions = [_run(r, policy, features) for r in blocks]
    blocked = any(e.matched for e in executions)
    fast = ""
    if not blocked and features.get("lists.allow"):
        fast = "allow_list"
        reason = f"on the allow list ({', '.join(features['lists.allow'])})"  # type: ignore[arg-type]
    elif not blocked and policy.known_good(features):
        fast = "known_good"
        reason = "known good customer: approved at once"
    if fast:
        evidence = {n: features[n] for n in policy.known_good.paths} if fast == "known_good" else {}
        executions.append(Execution(fast, True, 0.0, Outcome.APPROVE, reason, evidence))
        perks, limits = _perks_and_limits(policy, Outcome.APPROVE, segments)
        return Verdict(Outcome.APPROVE, 0.0, tuple(executions), (), perks, limits, fast, segments)
    executions += [
        _run(r, policy, features)
        for r in policy.rules
        if r.rule.enabled and r.rule.kind is not RuleKind.LIST_HIT
    ]
    matched = [e for e in executions if e.matched]
    score = round(sum(e.score_modifier for e in matched), 4)
    outcome = _outcome_of(policy, [e.outcome for e in matched if e.outcome is not None], score)
    by_name = {r.rule.name: r for r in policy.rules}
    counterfactuals = _counterfactuals(policy, executions, by_name, outcome, score)
    perks, limits = _perks_and_limits(policy, outcome, segments)
    return Verdict(outcome, score, tuple(executions), tuple(counterfactuals), perks, limits, "",
                   segments)  # fmt: skip


__all__ = ["Execution", "Membership", "Verdict", "decide", "segments_of"]
