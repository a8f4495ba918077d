"""Backtest a policy (or two side by side) over a shop's past orders, as of their time.

The shop's history is read once and replayed; the persons are split between worker
processes (households kept together, forked so that nothing is copied), each replays the
whole timeline for its persons and counts; the parent adds the counts up.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from goodbuyer.errors import InvalidInput
from goodbuyer.identity.outcomes import UNSUCCESSFUL, OrderOutcome
from goodbuyer.policy.loading import PolicyTextError, default_policy_text, parse_policy
from goodbuyer.policy.service import active_policy, policy_for_version
from goodbuyer.risk.backtest import (
    ASSUMPTIONS,
    SAMPLES,
    Customer,
    Seen,
    Tally,
    alert_windows,
    good_customers_hurt,
    summary,
)
from goodbuyer.risk.compiled import CompiledPolicy, PolicyError, compile_policy
from goodbuyer.risk.decide import Verdict, decide
from goodbuyer.risk.facts import PersonFacts
from goodbuyer.risk.features import Features
from goodbuyer.risk.models import TrainedModel
from goodbuyer.risk.replay import Case, Replay, contact_velocity, timeline
from goodbuyer.risk.replay_load import History, load_history

# A model's scores for an order: (model.rto_risk, model.return_risk) as the model stood
# at the order's time. Without one, the model.* features stay -1 (no model).
Scorer = Callable[[Features, datetime], tuple[float, float]]

DEFINITIONS = (
    "Bad cash-on-delivery order: paid on delivery, ended refused, returned to origin or unpaid.",
    "Caught: a bad cash-on-delivery order given confirm, review, prepay or reject.",
    "Friction: any outcome but approve.",
    "Good customer: at least one order delivered and paid, none refused, returned to origin, "
    "unpaid or charged back, over the whole known history (not only the backtest's period).",
    "Lifetime value: delivered orders minus refunds, in the policy's currency.",
    "Good segments: the policy's segments marked `good: true`; a VIP hit is an order of a "
    "member that got friction.",
)


@dataclass(frozen=True, slots=True)
class Job:
    """What each worker needs, inherited through fork."""

    history: History
    items: list[Any]
    velocity: dict[str, tuple[int, int, int]]
    policies: tuple[CompiledPolicy, ...]
    since: datetime | None
    until: datetime | None
    scorer: Scorer | None


@dataclass
class Part:
    """The counts of one worker's persons."""

    tallies: list[Tally]
    customers: dict[Hashable, Customer] = field(default_factory=dict)
    good_customers: int = 0
    differ: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)


def _customer(facts: PersonFacts) -> Customer:
    bad = facts.count(*UNSUCCESSFUL, OrderOutcome.CHARGED_BACK)
    good = bad == 0 and facts.count(OrderOutcome.DELIVERED_PAID) > 0
    return Customer(good, facts.delivered_value - facts.refunded)


def _segments(policy: CompiledPolicy, customer: Features) -> tuple[tuple[str, ...], bool]:
    names = tuple(s.name for s in policy.segments if s.when(customer))
    good = any(s.good for s in policy.segments if s.name in names)
    return names, good


def _example(case: Case, verdicts: list[Verdict]) -> dict[str, Any]:
    order = case.order
    return {
        "order": order.number, "placed_at": order.placed.placed_at.isoformat(),
        "payment": order.placed.payment, "ended": order.outcome.value,
        "returned": case.returned, "charged_back": case.charged_back,
        "decisions": [{"outcome": v.outcome.value, "segments": list(v.segments),
                       "reasons": v.reasons()} for v in verdicts],
    }  # fmt: skip


def _work(job: Job, persons: set[str] | None) -> Part:
    money = job.policies[0].money
    replay = Replay(job.history, money)
    part = Part([Tally() for _ in job.policies])
    hours = [p.policy.guardrails.window_hours * 3600 for p in job.policies]
    run = replay.run(job.items, job.velocity, since=job.since, until=job.until, persons=persons)
    for case in run:
        features, order = case.features, case.order
        placed = order.placed
        if job.scorer is not None:
            features["model.rto_risk"], features["model.return_risk"] = job.scorer(
                features, placed.placed_at
            )
        seen = Seen(order.number, order.person, placed.placed_at, placed.payment == "cod",
                    int(features["order.value"]), order.outcome, case.returned,  # type: ignore[arg-type]
                    case.charged_back)  # fmt: skip
        stamp = placed.placed_at.timestamp()
        verdicts = []
        for policy, tally, window in zip(job.policies, part.tallies, hours, strict=True):
            names, good = _segments(policy, case.customer)
            features["customer.segments"] = names
            verdict = decide(policy, features)
            verdicts.append(verdict)
            matched = [e.rule for e in verdict.executions if e.matched] if verdict.friction else []
            tally.add(seen, names, good, verdict.outcome, matched, int(stamp // window),
                      policy.policy.costs)  # fmt: skip
        if len(verdicts) == 2 and verdicts[0].outcome is not verdicts[1].outcome:
            part.differ[f"{verdicts[0].outcome.value}->{verdicts[1].outcome.value}"] += 1
            if len(part.examples) < SAMPLES:
                part.examples.append(_example(case, verdicts))
    hurt = set().union(*(t.friction_by_person for t in part.tallies))
    for person, facts in replay.facts.items():
        customer = _customer(facts)
        part.good_customers += customer.good
        if person in hurt:
            part.customers[person] = customer
    return part


def policy_from_text(text: str, label: str, version: int | None = None) -> CompiledPolicy:
    """A policy document compiled, or InvalidInput listing what is wrong with it."""
    try:
        return compile_policy(parse_policy(text), version)
    except (PolicyTextError, PolicyError) as e:
        raise InvalidInput(f"{label}: {e}") from None


def stored_policy(session: Session, shop_id: uuid.UUID, which: str) -> CompiledPolicy:
    """`active` or a version number, from the shop's policy versions; `default` is the
    built-in default policy."""
    if which == "default":
        return policy_from_text(default_policy_text(), "default")
    if which == "active":
        return active_policy(session, shop_id)
    if which.isdigit():
        return policy_for_version(session, shop_id, int(which))
    raise InvalidInput(f"policy {which!r}: give a YAML file, `default`, `active` or a version")


def models_as_of(session: Session, shop_id: uuid.UUID) -> Scorer | None:
    """The shop's trained models as a scorer: each order is scored by the newest model of
    each target trained before it was placed (none before the first: -1)."""
    # Imported here: LightGBM takes a while to load, and most backtests run without it.
    from goodbuyer.risk.model import LearnedModel

    rows = session.scalars(
        select(TrainedModel)
        .where(TrainedModel.shop_id == shop_id)
        .order_by(TrainedModel.trained_at)
    ).all()
    if not rows:
        return None
    models: dict[str, list[tuple[datetime, Any]]] = {}
    for row in rows:
        loaded = LearnedModel.loads(row.target, row.feature_names, row.booster, row.calibration)
        models.setdefault(row.target, []).append((row.trained_at, loaded))

    def scorer(features: Features, at: datetime) -> tuple[float, float]:
        found = {"rto_risk": -1.0, "return_risk": -1.0}  # no model
        for target, history in models.items():
            if target == "rto_risk" and features["order.payment"] != "cod":
                continue
            usable = [m for trained, m in history if trained <= at]
            if usable and target in found:
                model = usable[-1]
                found[target] = round(float(model.probabilities(model.columns.row(features))[0]), 4)
        return found["rto_risk"], found["return_risk"]

    return scorer


def split_persons(history: History, workers: int) -> list[set[str]]:
    """The persons in `workers` groups of about equal orders, households kept together."""
    root: dict[str, str] = {}

    def find(p: str) -> str:
        while root.get(p, p) != p:
            root[p] = root.get(root[p], root[p])
            p = root[p]
        return p

    for person, others in history.households.items():
        for other in others:
            a, b = find(person), find(other)
            if a != b:
                root[a] = b
    groups: list[set[str]] = [set() for _ in range(workers)]
    for order in history.orders:
        groups[hash(find(order.person)) % workers].add(order.person)
    for person, _ in history.events:
        groups[hash(find(person)) % workers].add(person)
    return groups


_JOB: Job | None = None  # the job the forked workers run


def _forked(persons: set[str]) -> Part:
    assert _JOB is not None
    return _work(_JOB, persons)


def _run_parts(job: Job, workers: int) -> list[Part]:
    global _JOB
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [_work(job, None)]
    groups = split_persons(job.history, workers)
    _JOB = job
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_forked, groups)
    finally:
        _JOB = None


def _in_range(history: History, since: datetime | None, until: datetime | None) -> int:
    return sum(
        1
        for o in history.orders
        if (since is None or o.placed.placed_at >= since)
        and (until is None or o.placed.placed_at < until)
    )


def run_backtest(
    session: Session,
    shop_id: uuid.UUID,
    policies: list[tuple[str, CompiledPolicy]],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    scorer: Scorer | None = None,
    workers: int | None = None,
    max_orders: int | None = None,
) -> dict[str, Any]:
    """The backtest report (JSON) of one policy, or two side by side, over the orders
    placed in [since, until). Each policy comes with a label ("default", "v3", a file)."""
    began = time.perf_counter()
    history = load_history(session, shop_id)
    count = _in_range(history, since, until)
    if max_orders is not None and count > max_orders:
        raise InvalidInput(f"{count} orders in the period; at most {max_orders} here: "
                           "narrow the period or run `goodbuyer backtest`")  # fmt: skip
    job = Job(history, timeline(history), contact_velocity(history),
              tuple(p for _, p in policies), since, until, scorer)  # fmt: skip
    loaded = time.perf_counter() - began
    parts = _run_parts(job, workers if workers is not None else min(2, os.cpu_count() or 1))
    return _report(policies, parts, since, until, scorer is not None,
                   {"load": loaded, "total": time.perf_counter() - began})  # fmt: skip


def _report(
    policies: list[tuple[str, CompiledPolicy]], parts: list[Part], since: datetime | None,
    until: datetime | None, model: bool, seconds: dict[str, float],
) -> dict[str, Any]:  # fmt: skip
    customers: dict[Hashable, Customer] = {}
    good = 0
    for part in parts:
        customers.update(part.customers)
        good += part.good_customers
    out = []
    for i, (label, policy) in enumerate(policies):
        tally = Tally()
        for part in parts:
            tally.merge(part.tallies[i])
        out.append({
            "label": label, "version": policy.version, "currency": policy.policy.currency,
            **summary(tally),
            "good_customers_hurt": good_customers_hurt(tally, customers, good),
            "guardrails": alert_windows(tally, policy.policy.guardrails),
            "costs": policy.policy.costs.model_dump(),
        })  # fmt: skip
    report: dict[str, Any] = {
        "from": since.isoformat() if since else None, "to": until.isoformat() if until else None,
        "policies": out, "assumptions": list(ASSUMPTIONS), "definitions": list(DEFINITIONS),
        "model": "scored as of each order's time" if model else "no model: model.* are -1",
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
    }  # fmt: skip
    if len(policies) == 2:
        differ: Counter[str] = Counter()
        examples: list[dict[str, Any]] = []
        for part in parts:
            differ.update(part.differ)
            examples += part.examples
        report["difference"] = {
            "orders": sum(differ.values()),
            "changes": dict(differ.most_common()),
            "examples": examples[:SAMPLES],
        }
    return report


__all__ = [
    "DEFINITIONS", "Scorer", "models_as_of", "policy_from_text", "run_backtest", "split_persons",
    "stored_policy",
]  # fmt: skip
