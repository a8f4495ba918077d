"""Pages for agents: the call queue (take the next order, call, record the outcome), the
ghost box, and every confirmation with its messages and the funnel (R3.4, item 8)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from goodbuyer.confirmations import calls, listings
from goodbuyer.confirmations.funnel import STEPS, confirmation_funnel, default_period
from goodbuyer.confirmations.statuses import CallOutcome, ConfirmationStatus
from goodbuyer.errors import FieldError, GoodbuyerError, InvalidInput
from goodbuyer.shops.models import Shop
from goodbuyer.shops.schemas import Principal
from goodbuyer.shops.scopes import Scope, allows
from goodbuyer.web.deps import ReadSession, ServicesDep, StaffDep
from goodbuyer.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE = 50
REFRESH_SECONDS = 5
FUNNEL_DAYS = 30


def _login() -> RedirectResponse:
    return RedirectResponse("/login", status_code=303)


@router.get("/calls", response_model=None)
def calls_page(
    request: Request, staff: StaffDep, session: ReadSession, services: ServicesDep,
    empty: bool = False,
) -> Response:  # fmt: skip
    if staff is None:
        return _login()
    return _render_calls(request, staff, session, services.clock.now(), empty=empty)


def _render_calls(
    request: Request, staff: Principal, session: Session, now: datetime, *, status: int = 200,
    error: str = "", empty: bool = False,
) -> Response:  # fmt: skip
    mine = listings.claimed_by(session, staff.shop_id, staff.actor, now)
    queue = listings.queue_page(session, staff.shop_id, now, PAGE, None)
    shop = session.get(Shop, staff.shop_id)
    return render(request, "calls.html", status=status, title="Call queue", staff=staff,
                  nav="calls", mine=mine, queue=queue.items, more=queue.next_cursor,
                  waiting=listings.waiting_count(session, staff.shop_id, now), error=error,
                  empty=empty, outcomes=list(CallOutcome), shop_zone=_zone(shop),
                  can_write=allows(staff.scopes, Scope.WRITE))  # fmt: skip


@router.post("/calls/next", response_model=None)
def take_next(request: Request, staff: StaffDep, services: ServicesDep) -> Response:
    if staff is None:
        return _login()
    return _act(request, staff, services, lambda s, now: _take_next(s, staff, now))


def _take_next(session: Session, staff: Principal, now: datetime) -> str:
    taken = calls.claim_next(session, staff.shop_id, staff.actor, now)
    return "/calls" if taken is not None else "/calls?empty=true"


@router.post("/calls/{confirmation_id}/claim", response_model=None)
def take_one(
    confirmation_id: uuid.UUID, request: Request, staff: StaffDep, services: ServicesDep
) -> Response:
    if staff is None:
        return _login()
    return _act(request, staff, services, lambda s, now: _claimed(
        calls.claim(s, staff.shop_id, confirmation_id, staff.actor, now)))  # fmt: skip


@router.post("/calls/{confirmation_id}/release", response_model=None)
def give_back(
    confirmation_id: uuid.UUID, request: Request, staff: StaffDep, services: ServicesDep
) -> Response:
    if staff is None:
        return _login()
    return _act(request, staff, services, lambda s, now: _claimed(
        calls.release(s, staff.shop_id, confirmation_id, staff.actor, now)))  # fmt: skip


@router.post("/calls/{confirmation_id}/outcome", response_model=None)
def record(
    confirmation_id: uuid.UUID, request: Request, staff: StaffDep, services: ServicesDep,
    outcome: Annotated[CallOutcome, Form()], note: Annotated[str, Form(max_length=2000)] = "",
    call_back_at: Annotated[str, Form()] = "",
) -> Response:  # fmt: skip
    if staff is None:
        return _login()

    def _record(session: Session, now: datetime) -> str:
        at = _local_time(call_back_at, _zone(session.get(Shop, staff.shop_id)))
        calls.record_call(session, staff.shop_id, confirmation_id, staff.actor, outcome,
                          note.strip(), at, now)  # fmt: skip
        return "/calls"

    return _act(request, staff, services, _record)


def _claimed(_: object) -> str:
    return "/calls"


def _act(
    request: Request, staff: Principal, services: ServicesDep,
    action: Callable[[Session, datetime], str],
) -> Response:  # fmt: skip
    """Run a state change in one transaction and go back to the queue (post, redirect,
    get); a refused change shows the queue again with why."""
    now = services.clock.now()
    if not allows(staff.scopes, Scope.WRITE):
        return _again(request, staff, services, now, 403, "this key may only read")
    try:
        with services.write() as session:
            target = action(session, now)
    except GoodbuyerError as exc:
        return _again(request, staff, services, now, exc.status, exc.detail)
    return RedirectResponse(target, status_code=303)


def _again(
    request: Request, staff: Principal, services: ServicesDep, now: datetime, status: int,
    error: str,
) -> Response:  # fmt: skip
    with services.readers() as session, session.begin():
        return _render_calls(request, staff, session, now, status=status, error=error)


def _zone(shop: Shop | None) -> str:
    return (shop.timezone if shop else "") or "UTC"


def _local_time(text: str, zone: str) -> datetime | None:
    """A `datetime-local` form value, read in the shop's time zone."""
    if not text.strip():
        return None
    try:
        return datetime.fromisoformat(text.strip()).replace(tzinfo=ZoneInfo(zone))
    except ValueError:
        wrong = FieldError("call_back_at", "expected YYYY-MM-DDTHH:MM")
        raise InvalidInput("call back time is not a date and time", [wrong]) from None


@router.get("/ghost-box", response_model=None)
def ghost_box(
    request: Request, staff: StaffDep, session: ReadSession, cursor: str | None = None
) -> Response:
    if staff is None:
        return _login()
    page = listings.ghost_box_page(session, staff.shop_id, PAGE, cursor)
    # How many calls an order gets is said only on an empty page, so read only then.
    attempts = None if page.items else calls.calls_policy(session, staff.shop_id).attempts
    return render(request, "ghost_box.html", title="Ghost box", staff=staff, nav="ghost-box",
                  rows=page.items, next_cursor=page.next_cursor, attempts=attempts)  # fmt: skip


@router.get("/confirmations", response_model=None)
def confirmations(
    request: Request, staff: StaffDep, session: ReadSession, services: ServicesDep,
    status: Annotated[ConfirmationStatus | None, Query()] = None, refresh: bool = False,
    cursor: str | None = None,
) -> Response:  # fmt: skip
    if staff is None:
        return _login()
    now = services.clock.now()
    page = listings.confirmations_page(session, staff.shop_id, status, PAGE, cursor)
    funnel = confirmation_funnel(session, staff.shop_id, *default_period(now, FUNNEL_DAYS))
    return render(request, "confirmations.html", title="Confirmations", staff=staff,
                  nav="confirmations", rows=page.items, next_cursor=page.next_cursor,
                  chosen=status, statuses=list(ConfirmationStatus), refresh=refresh,
                  refresh_seconds=REFRESH_SECONDS, funnel=funnel, steps=STEPS,
                  funnel_days=FUNNEL_DAYS)  # fmt: skip


__all__ = ["router"]
