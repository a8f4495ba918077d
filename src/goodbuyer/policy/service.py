"""The policy feature's entry point: versions (draft, validate, activate, history, diff),
the compiled policy a decision runs (cached in the process), list entries and their
look-up, rule snoozes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from goodbuyer.policy import versions
from goodbuyer.policy.cache import PolicyCache
from goodbuyer.policy.lines import Problem
from goodbuyer.policy.lists import add_entry, list_entries, list_hits, remove_entry
from goodbuyer.policy.loading import (
    PolicyTextError,
    default_policy_text,
    parse_policy,
    validate_text,
)  # fmt: skip
from goodbuyer.policy.models import ListEntry, PolicyVersion, RuleSnooze
from goodbuyer.policy.snoozes import lift_snooze, list_snoozes, snoozed_rules
from goodbuyer.policy.snoozes import snooze_rule as _snooze_rule
from goodbuyer.policy.statuses import PolicyStatus
from goodbuyer.policy.subjects import Where, postcode_value
from goodbuyer.policy.versions import (
    PolicyInvalid,
    active_version,
    create_draft,
    diff_versions,
    ensure_policy,
    get_version,
    history,
    validate_version,
)  # fmt: skip
from goodbuyer.risk.compiled import CompiledPolicy, PolicyError, compile_policy

_CACHE = PolicyCache()
_ACTIVE_NUMBER = select(PolicyVersion.version).where(PolicyVersion.status == PolicyStatus.ACTIVE)


def active_policy(
    session: Session, shop_id: uuid.UUID, now: datetime | None = None
) -> CompiledPolicy:
    """The shop's active policy, compiled. Warm, it is two dictionary look-ups; the active
    version's number is looked up again after a few seconds. A shop's first use stores the
    default as version 1 (created at `now`)."""
    number = _CACHE.active(shop_id)
    if number is None:
        query = _ACTIVE_NUMBER.where(PolicyVersion.shop_id == shop_id)
        number = session.scalars(query.order_by(PolicyVersion.version.desc())).first()
        if number is None:
            number = ensure_policy(session, shop_id, now or datetime.now(UTC)).version
        _CACHE.remember_active(shop_id, number)
    return policy_for_version(session, shop_id, number)


def policy_for_version(session: Session, shop_id: uuid.UUID, version: int) -> CompiledPolicy:
    """Any version, compiled (backtests run drafts and retired versions too)."""
    found = _CACHE.compiled(shop_id, version)
    if found is None:
        found = _compile(get_version(session, shop_id, version))
        _CACHE.put_compiled(shop_id, found)
    return found


def _compile(version: PolicyVersion) -> CompiledPolicy:
    try:
        return compile_policy(parse_policy(version.text), version.version)
    except (PolicyTextError, PolicyError):
        problems = validate_text(version.text)
        raise PolicyInvalid(
            f"version {version.version} has {len(problems)} problem(s)", problems
        ) from None


def activate_version(
    session: Session, shop_id: uuid.UUID, version: int, actor: str, now: datetime
) -> PolicyVersion:
    """Make a validated version the active one; this process sees it at once (others
    within seconds)."""
    activated = versions.activate_version(session, shop_id, version, actor, now)
    _CACHE.forget_active(shop_id)
    # A request of this process may read the old version before the commit: forget again.
    event.listen(session, "after_commit", lambda _: _CACHE.forget_active(shop_id), once=True)
    return activated


def snooze_rule(
    session: Session,
    shop_id: uuid.UUID,
    customer_id: uuid.UUID,
    rule: str,
    *,
    until: datetime,
    note: str,
    actor: str,
    now: datetime,
) -> RuleSnooze:
    """Suppress a rule of the active policy for one customer until a date, with a note."""
    rules = [r.rule.name for r in active_policy(session, shop_id, now).rules]
    return _snooze_rule(session, shop_id, customer_id, rule, until=until, note=note,
                        actor=actor, now=now, known_rules=rules)  # fmt: skip


def policy_cache() -> PolicyCache:
    """The process's cache of compiled policies."""
    return _CACHE


__all__ = [
    "ListEntry",
    "PolicyInvalid",
    "PolicyVersion",
    "Problem",
    "RuleSnooze",
    "Where",
    "activate_version",
    "active_policy",
    "active_version",
    "add_entry",
    "create_draft",
    "default_policy_text",
    "diff_versions",
    "ensure_policy",
    "get_version",
    "history",
    "lift_snooze",
    "list_entries",
    "list_hits",
    "list_snoozes",
    "policy_cache",
    "policy_for_version",
    "postcode_value",
    "remove_entry",
    "snooze_rule",
    "snoozed_rules",
    "validate_text",
    "validate_version",
]  # fmt: skip
