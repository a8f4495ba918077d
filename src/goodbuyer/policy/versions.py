"""Policy versions of a shop: draft -> validated -> active -> retired, each kept with its
text, who made it and when. A shop's first use stores the default policy as version 1."""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from goodbuyer.audit import record
from goodbuyer.errors import Conflict, FieldError, InvalidInput, NotFound
from goodbuyer.policy.lines import Problem
from goodbuyer.policy.loading import default_policy_text, validate_text
from goodbuyer.policy.models import PolicyVersion
from goodbuyer.policy.schemas import MAX_TEXT
from goodbuyer.policy.statuses import PolicyStatus

SYSTEM = "goodbuyer"  # the author of the version 1 every shop starts with

CopyOf = int | Literal["active", "default"]


class PolicyInvalid(InvalidInput):
    """A policy text with problems; `problems` has each one's line."""

    def __init__(self, detail: str, problems: list[Problem]) -> None:
        errors = [FieldError(p.where, f"line {p.line}: {p.message}") for p in problems]
        super().__init__(detail, errors)
        self.problems = problems


def active_version(session: Session, shop_id: uuid.UUID) -> PolicyVersion | None:
    query = select(PolicyVersion).where(
        PolicyVersion.shop_id == shop_id, PolicyVersion.status == PolicyStatus.ACTIVE
    )
    return session.scalars(query.order_by(PolicyVersion.version.desc()).limit(1)).first()


def ensure_policy(session: Session, shop_id: uuid.UUID, now: datetime) -> PolicyVersion:
    """The active version; a shop without any version gets the default as version 1."""
    found = active_version(session, shop_id)
    if found is not None:
        return found
    if _latest_number(session, shop_id):
        raise Conflict("the shop has policy versions but none is active; activate one")
    first = PolicyVersion(
        shop_id=shop_id, version=1, status=PolicyStatus.ACTIVE, text=default_policy_text(),
        note="the default policy", problems=[], based_on=None, created_by=SYSTEM,
        created_at=now, validated_at=now, activated_at=now, activated_by=SYSTEM,
    )  # fmt: skip
    try:
        with session.begin_nested():
            session.add(first)
    except IntegrityError:  # another transaction stored it first
        return _require(active_version(session, shop_id), "no active policy")
    _audit(session, first, "policy.activated", SYSTEM, now, {"version": 1, "previous": None})
    return first


def get_version(session: Session, shop_id: uuid.UUID, version: int) -> PolicyVersion:
    query = select(PolicyVersion).where(
        PolicyVersion.shop_id == shop_id, PolicyVersion.version == version
    )
    return _require(session.scalars(query).first(), f"no policy version {version}")


def history(session: Session, shop_id: uuid.UUID) -> list[PolicyVersion]:
    """Every version, newest first."""
    query = select(PolicyVersion).where(PolicyVersion.shop_id == shop_id)
    return list(session.scalars(query.order_by(PolicyVersion.version.desc())))


def create_draft(
    session: Session,
    shop_id: uuid.UUID,
    *,
    actor: str,
    now: datetime,
    text: str | None = None,
    copy_of: CopyOf | None = None,
    note: str = "",
) -> PolicyVersion:
    """A new draft from `text`, or a copy of a version, the active one or the default;
    checked at once (validated when it has no problems)."""
    active = ensure_policy(session, shop_id, now)
    if (text is None) == (copy_of is None):
        raise InvalidInput("give the policy text or what to copy, not both")
    based_on = active.version
    if copy_of == "default":
        text = default_policy_text()
    elif copy_of is not None:
        source = active if copy_of == "active" else get_version(session, shop_id, int(copy_of))
        text, based_on = source.text, source.version
    assert text is not None
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"a policy text has at most {MAX_TEXT} characters")
    draft = PolicyVersion(
        shop_id=shop_id, version=_latest_number(session, shop_id) + 1, status=PolicyStatus.DRAFT,
        text=text, note=note, problems=[], based_on=based_on, created_by=actor, created_at=now,
    )  # fmt: skip
    try:
        with session.begin_nested():
            session.add(draft)
    except IntegrityError:
        raise Conflict("another version was stored at the same time; try again") from None
    _audit(session, draft, "policy.drafted", actor, now, {"version": draft.version,
                                                          "based_on": based_on})  # fmt: skip
    _check(draft, now)
    return draft


def validate_version(
    session: Session, shop_id: uuid.UUID, version: int, actor: str, now: datetime
) -> list[Problem]:
    """Check a version again and store what was found: a draft without problems becomes
    validated, a validated one with problems goes back to draft."""
    found = get_version(session, shop_id, version)
    problems = _check(found, now)
    _audit(session, found, "policy.validated", actor, now,
           {"version": version, "problems": len(problems)})  # fmt: skip
    return problems


def activate_version(
    session: Session, shop_id: uuid.UUID, version: int, actor: str, now: datetime
) -> PolicyVersion:
    """Make a validated version the one deciding orders; the active one is retired."""
    ensure_policy(session, shop_id, now)
    # Lock the shop's versions: two activations at once take turns.
    session.execute(
        select(PolicyVersion.id).where(PolicyVersion.shop_id == shop_id).with_for_update()
    ).all()
    target = get_version(session, shop_id, version)
    if target.status is not PolicyStatus.VALIDATED:
        raise Conflict(f"version {version} is {target.status.value}; only a validated version "
                       "can be activated (copy it into a new draft first)")  # fmt: skip
    problems = _check(target, now)
    if problems:
        raise PolicyInvalid(f"version {version} has {len(problems)} problem(s)", problems)
    previous = active_version(session, shop_id)
    session.execute(
        update(PolicyVersion)
        .where(PolicyVersion.shop_id == shop_id, PolicyVersion.status == PolicyStatus.ACTIVE)
        .values(status=PolicyStatus.RETIRED, retired_at=now)
        .execution_options(synchronize_session="fetch")
    )
    target.status, target.activated_at, target.activated_by = PolicyStatus.ACTIVE, now, actor
    session.flush()
    data = {"version": version, "previous": previous.version if previous else None}
    _audit(session, target, "policy.activated", actor, now, data)
    return target


def diff_versions(session: Session, shop_id: uuid.UUID, old: int, new: int) -> str:
    """A unified diff of two versions' texts ("" when they are the same)."""
    a, b = get_version(session, shop_id, old), get_version(session, shop_id, new)
    lines = difflib.unified_diff(
        a.text.splitlines(keepends=True), b.text.splitlines(keepends=True),
        fromfile=f"version {old}", tofile=f"version {new}",
    )  # fmt: skip
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _check(version: PolicyVersion, now: datetime) -> list[Problem]:
    problems = validate_text(version.text)
    version.problems = [p.as_json() for p in problems]
    version.validated_at = now
    if version.status in (PolicyStatus.DRAFT, PolicyStatus.VALIDATED):
        version.status = PolicyStatus.DRAFT if problems else PolicyStatus.VALIDATED
    return problems


def _latest_number(session: Session, shop_id: uuid.UUID) -> int:
    query = select(func.max(PolicyVersion.version)).where(PolicyVersion.shop_id == shop_id)
    return session.scalar(query) or 0


def _require(found: PolicyVersion | None, message: str) -> PolicyVersion:
    if found is None:
        raise NotFound(message)
    return found


def _audit(
    session: Session, version: PolicyVersion, action: str, actor: str, now: datetime,
    data: Mapping[str, object],
) -> None:  # fmt: skip
    record(session, shop_id=version.shop_id, at=now, actor=actor, action=action,
           subject_type="policy", subject_id=version.id, data=dict(data))  # fmt: skip


__all__ = [
    "SYSTEM", "CopyOf", "PolicyInvalid", "activate_version", "active_version",
    "create_draft", "diff_versions", "ensure_policy", "get_version", "history",
    "validate_version",
]  # fmt: skip
