"""REST routes of the policy: the active policy, its versions (draft, validate, activate,
diff), block and allow list entries, and rule snoozes on a customer."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from goodbuyer.policy import service
from goodbuyer.policy.loading import parse_policy
from goodbuyer.policy.schemas import (
    ActivePolicyOut,
    DiffOut,
    ListEntryIn,
    ListEntryOut,
    PolicySummary,
    PolicyVersionIn,
    PolicyVersionOut,
    PolicyVersionSummary,
    SnoozeIn,
    SnoozeOut,
    ValidationOut,
)  # fmt: skip
from goodbuyer.policy.statuses import ListKind, ListSubject
from goodbuyer.web.deps import Admin, Reader, ReadSession, Services, ServicesDep, Writer
from goodbuyer.web.problems import problem

router = APIRouter(prefix="/api/v1", tags=["policy"])


def _first_use(services: Services, shop_id: uuid.UUID) -> None:
    """A shop seen for the first time gets the default policy as version 1."""
    with services.readers() as session, session.begin():
        if service.active_version(session, shop_id) is not None:
            return
    with services.write() as session:
        service.ensure_policy(session, shop_id, services.clock.now())


@router.get("/policy", response_model=ActivePolicyOut)
def get_active_policy(principal: Reader, services: ServicesDep) -> ActivePolicyOut:
    """The policy deciding orders now: its version, text and what it holds."""
    _first_use(services, principal.shop_id)
    with services.readers() as session, session.begin():
        active = service.active_version(session, principal.shop_id)
        assert active is not None
        policy = parse_policy(active.text)
    counts = {kind: sum(len(v) for v in getattr(policy.lists, kind).model_dump().values())
              for kind in ("block", "allow")}  # fmt: skip
    summary = PolicySummary(
        currency=policy.currency, thresholds=policy.thresholds, known_good=policy.known_good,
        segments=list(policy.segments), rules=[r.name for r in policy.rules],
        list_entries=counts,
    )  # fmt: skip
    return ActivePolicyOut(version=active.version, text=active.text,
                           activated_at=active.activated_at, activated_by=active.activated_by,
                           summary=summary)  # fmt: skip


@router.get("/policy/versions", response_model=list[PolicyVersionSummary])
def list_versions(principal: Reader, services: ServicesDep) -> list[PolicyVersionSummary]:
    """Every version of the shop's policy, newest first."""
    _first_use(services, principal.shop_id)
    with services.readers() as session, session.begin():
        found = service.history(session, principal.shop_id)
        return [PolicyVersionSummary.model_validate(v) for v in found]


@router.post("/policy/versions", response_model=PolicyVersionOut, status_code=201)
def create_version(
    body: PolicyVersionIn, principal: Writer, services: ServicesDep
) -> PolicyVersionOut:
    """A new draft from a text or a copy; checked at once: `validated` when it has no
    problems, else `draft` with its problems, each with its line."""
    with services.write() as session:
        draft = service.create_draft(
            session, principal.shop_id, actor=principal.actor, now=services.clock.now(),
            text=body.text, copy_of=body.copy_of, note=body.note,
        )  # fmt: skip
        return PolicyVersionOut.model_validate(draft)


@router.get("/policy/versions/{version}", response_model=PolicyVersionOut)
def get_version(version: int, principal: Reader, session: ReadSession) -> PolicyVersionOut:
    return PolicyVersionOut.model_validate(service.get_version(session, principal.shop_id, version))


@router.post("/policy/versions/{version}/validate", response_model=ValidationOut)
def validate_version(version: int, principal: Writer, services: ServicesDep) -> ValidationOut:
    """Check a version again. Problems: 422 with each one's line, where and message (the
    problems are stored on the version, which stays a draft)."""
    with services.write() as session:
        found = service.validate_version(
            session, principal.shop_id, version, principal.actor, services.clock.now()
        )
        status = service.get_version(session, principal.shop_id, version).status
    if found:
        raise service.PolicyInvalid(f"version {version} has {len(found)} problem(s)", found)
    return ValidationOut(version=version, status=status, problems=[])


@router.post("/policy/versions/{version}/activate", response_model=PolicyVersionOut)
def activate_version(version: int, principal: Admin, services: ServicesDep) -> PolicyVersionOut:
    """Make a validated version decide orders; the active one is retired."""
    with services.write() as session:
        active = service.activate_version(
            session, principal.shop_id, version, principal.actor, services.clock.now()
        )
        return PolicyVersionOut.model_validate(active)


@router.get("/policy/diff", response_model=DiffOut)
def diff(
    principal: Reader,
    session: ReadSession,
    old: Annotated[int, Query(alias="from")],
    new: Annotated[int, Query(alias="to")],
) -> DiffOut:
    """A unified diff of two versions' texts."""
    text = service.diff_versions(session, principal.shop_id, old, new)
    return DiffOut(from_version=old, to_version=new, diff=text)


@router.get("/lists", response_model=list[ListEntryOut])
def get_list_entries(
    principal: Reader,
    session: ReadSession,
    services: ServicesDep,
    kind: ListKind | None = None,
    subject: ListSubject | None = None,
    expired: bool = False,
) -> list[ListEntryOut]:
    """Entries added to the block and allow lists, newest first (the policy document's
    own lists are in its text)."""
    found = service.list_entries(session, principal.shop_id, services.clock.now(), kind=kind,
                                 subject=subject, expired=expired)  # fmt: skip
    return [ListEntryOut.model_validate(e) for e in found]


@router.post("/lists", response_model=ListEntryOut, status_code=201)
def add_list_entry(body: ListEntryIn, principal: Writer, services: ServicesDep) -> ListEntryOut:
    """Put a value on a list, in the form orders are compared in, with the reason."""
    where = service.Where(body.country, body.postcode, body.city)
    with services.write() as session:
        entry = service.add_entry(
            session, principal.shop_id, body.kind, body.subject, body.value, reason=body.reason,
            actor=principal.actor, now=services.clock.now(), where=where,
            expires_at=body.expires_at,
        )  # fmt: skip
        return ListEntryOut.model_validate(entry)


@router.delete("/lists/{entry_id}", status_code=204)
def remove_list_entry(entry_id: uuid.UUID, principal: Writer, services: ServicesDep) -> Response:
    with services.write() as session:
        service.remove_entry(
            session, principal.shop_id, entry_id, principal.actor, services.clock.now()
        )
    return Response(status_code=204)


@router.get("/customers/{customer_id}/snoozes", response_model=list[SnoozeOut])
def get_snoozes(
    customer_id: uuid.UUID,
    principal: Reader,
    session: ReadSession,
    services: ServicesDep,
    ended: bool = False,
) -> list[SnoozeOut]:
    """The customer record's snoozes in force (and, with `ended`, lifted or lapsed ones)."""
    found = service.list_snoozes(session, principal.shop_id, customer_id, services.clock.now(),
                                 ended=ended)  # fmt: skip
    return [SnoozeOut.model_validate(s) for s in found]


@router.post("/customers/{customer_id}/snoozes", response_model=SnoozeOut, status_code=201)
def snooze(
    customer_id: uuid.UUID, body: SnoozeIn, principal: Writer, services: ServicesDep
) -> SnoozeOut:
    """Suppress a rule of the active policy for this customer until a date, with a note."""
    with services.write() as session:
        found = service.snooze_rule(
            session, principal.shop_id, customer_id, body.rule, until=body.until,
            note=body.note, actor=principal.actor, now=services.clock.now(),
        )  # fmt: skip
        return SnoozeOut.model_validate(found)


@router.delete("/customers/{customer_id}/snoozes/{snooze_id}", response_model=SnoozeOut)
def unsnooze(
    customer_id: uuid.UUID, snooze_id: uuid.UUID, principal: Writer, services: ServicesDep
) -> SnoozeOut:
    """Lift a snooze before its date."""
    with services.write() as session:
        found = service.lift_snooze(session, principal.shop_id, customer_id, snooze_id,
                                    principal.actor, services.clock.now())  # fmt: skip
        return SnoozeOut.model_validate(found)


async def invalid_policy(request: Request, exc: Exception) -> JSONResponse:
    """An invalid policy as problem+json, with every problem's line, where and message."""
    assert isinstance(exc, service.PolicyInvalid)
    problems = [p.as_json() for p in exc.problems]
    errors = [{"location": e.location, "message": e.message} for e in exc.errors]
    return problem(422, "Invalid policy", exc.detail, request.url.path, problems=problems,
                   errors=errors)  # fmt: skip


__all__ = ["invalid_policy", "router"]
