"""Decide every order that has no decision yet, in bulk, as of its own time (after a CSV
backfill or a policy change), and bring every person's segments up to date."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from goodbuyer.identity.persons import person_and_members
from goodbuyer.identity.snapshot import velocity_keys
from goodbuyer.policy import service as policies
from goodbuyer.policy.models import ListEntry, RuleSnooze
from goodbuyer.policy.statuses import ListKind
from goodbuyer.risk.compiled import CompiledPolicy
from goodbuyer.risk.decide import Verdict, decide, segments_of
from goodbuyer.risk.decision_rows import decision_rows
from goodbuyer.risk.features import Features
from goodbuyer.risk.memberships import sync_memberships
from goodbuyer.risk.models import Decision, RuleExecution
from goodbuyer.risk.replay import Replayed, replay
from goodbuyer.risk.standing import standing

BATCH = 2000  # decisions written per statement batch
_SUBJECT_OF_KEY = {"phone": "phone", "email": "email", "address": "address"}


class _Lists:
    """Block and allow entries (the policy's and the shop's), matched in memory."""

    def __init__(self, session: Session, shop_id: uuid.UUID, policy: CompiledPolicy,
                 now: datetime) -> None:  # fmt: skip
        self.values: dict[tuple[str, str], set[str]] = defaultdict(set)
        for kind in ("block", "allow"):
            subjects = getattr(policy.policy.lists, kind)
            for subject in ("phone", "email", "address", "customer", "postcode"):
                self.values[(kind, subject)].update(getattr(subjects, subject))
        entries = select(ListEntry.kind, ListEntry.subject, ListEntry.value, ListEntry.expires_at)
        for kind, subject, value, expires in session.execute(
            entries.where(ListEntry.shop_id == shop_id)
        ):
            if expires is None or expires > now:
                self.values[("block" if kind is ListKind.BLOCK else "allow", subject.value)].add(
                    value
                )
        self.empty = not any(self.values.values())

    def hits(self, kind: str, keys: list[tuple[str, str]], customer: uuid.UUID) -> tuple[str, ...]:
        if self.empty:
            return ()
        found = [
            _SUBJECT_OF_KEY[k] for k, v in keys if v in self.values[(kind, _SUBJECT_OF_KEY[k])]
        ]
        if str(customer) in self.values[(kind, "customer")]:
            found.append("customer")
        return tuple(dict.fromkeys(found))


def decide_undecided(session: Session, shop_id: uuid.UUID, now: datetime, actor: str) -> int:
    """Decide, as of its time, every order of the shop without a decision; returns how many."""
    policy = policies.active_policy(session, shop_id)
    decided = set(session.scalars(select(Decision.order_id).where(Decision.shop_id == shop_id)))
    lists = _Lists(session, shop_id, policy, now)
    snoozes = _snoozes(session, shop_id, now)
    keys_by_customer = velocity_keys(session, shop_id)
    rows: list[tuple[uuid.UUID, Verdict, Features]] = []
    written = 0
    for replayed in replay(session, shop_id, policy.money):
        if replayed.row.order_id in decided:
            continue
        features = _features(policy, replayed, lists, snoozes, keys_by_customer)
        rows.append((replayed.row.order_id, decide(policy, features), features))
        if len(rows) >= BATCH:
            written += _write(session, shop_id, rows, policy.version, now)
            rows = []
    written += _write(session, shop_id, rows, policy.version, now)
    return written


def _features(
    policy: CompiledPolicy, replayed: Replayed, lists: _Lists,
    snoozes: dict[uuid.UUID, tuple[str, ...]], keys: dict[uuid.UUID, list[tuple[str, str]]],
) -> Features:  # fmt: skip
    features = dict(replayed.features)
    features["customer.segments"] = tuple(m.segment for m in segments_of(policy, replayed.customer))
    customer = replayed.row.customer_id
    features["customer.snoozed"] = snoozes.get(replayed.person_id, ())
    record_keys = keys.get(customer, [])
    features["lists.block"] = lists.hits("block", record_keys, customer)
    features["lists.allow"] = lists.hits("allow", record_keys, customer)
    return features


def _snoozes(
    session: Session, shop_id: uuid.UUID, now: datetime
) -> dict[uuid.UUID, tuple[str, ...]]:
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    query = select(RuleSnooze.customer_id, RuleSnooze.rule).where(
        RuleSnooze.shop_id == shop_id, RuleSnooze.until > now, RuleSnooze.lifted_at.is_(None)
    )
    for customer, rule in session.execute(query):
        found[person_and_members(session, customer)[0]].append(rule)
    return {person: tuple(rules) for person, rules in found.items()}


def _write(
    session: Session, shop_id: uuid.UUID, rows: list[tuple[uuid.UUID, Verdict, Features]],
    version: int | None, now: datetime,
) -> int:  # fmt: skip
    if not rows:
        return 0
    decisions: list[dict[str, Any]] = []
    executions: list[dict[str, Any]] = []
    for order_id, verdict, features in rows:
        decision, rules = decision_rows(shop_id, order_id, verdict, features, version, now)
        decisions.append(decision)
        executions += rules
    conn = session.connection()
    conn.execute(insert(Decision), decisions)
    conn.execute(insert(RuleExecution), executions)
    return len(rows)


def refresh_all_segments(session: Session, shop_id: uuid.UUID, now: datetime, actor: str) -> int:
    """Every person's segments as of now (after a backfill); returns memberships changed."""
    policy = policies.active_policy(session, shop_id)
    changed = 0
    for person, customer in standing(session, shop_id, policy.money, now):
        joined, left = sync_memberships(session, shop_id, person, segments_of(policy, customer),
                                        policy.version, now, actor=actor)  # fmt: skip
        changed += len(joined) + len(left)
    return changed


__all__ = ["BATCH", "decide_undecided", "refresh_all_segments"]
