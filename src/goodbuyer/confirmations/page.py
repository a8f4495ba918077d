"""The confirmation page a customer opens from the SMS or WhatsApp link (R3.6, R3.7, R7.1):
`GET /c/{token}` shows the order; Confirm, Cancel, and within the edit window the phone and
address forms POST back to it. GET never changes anything (link previews open it).

CSRF: a form is accepted only with the signed token in its URL (a secret only the message's
recipient has) and a signed per-render nonce from a page we rendered for that link; no
cookie is set, and the page refuses to be framed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from goodbuyer.confirmations import page_service as pages
from goodbuyer.confirmations.links import LinkClaims, LinkError
from goodbuyer.confirmations.page_guard import RateLimit, nonce_ok
from goodbuyer.confirmations.page_render import done_page, message_page, order_page, secured
from goodbuyer.confirmations.page_service import EditWindowClosed, NewAddress, PageContext
from goodbuyer.confirmations.page_texts import PageTexts, accepted_languages, pick_language
from goodbuyer.confirmations.page_texts import texts_for as texts_in
from goodbuyer.confirmations.statuses import OPEN_STATUSES
from goodbuyer.errors import Conflict, InvalidInput
from goodbuyer.risk.statuses import Outcome
from goodbuyer.web.deps import Services, ServicesDep

router = APIRouter(include_in_schema=False)
TOKEN_LIMIT, IP_LIMIT = 30, 120  # requests per minute per link and per client address
_LIMITS_LOCK = threading.Lock()
Field = Annotated[str, Form(max_length=500)]
Action = Callable[[Session, PageContext, PageTexts, datetime], Response]


@router.get("/c/{token}", response_model=None)
def confirmation_page(
    token: str, request: Request, services: ServicesDep, lang: str = "", saved: str = ""
) -> Response:
    gate = _gate(request, services, token, lang)
    if not isinstance(gate, LinkClaims):
        return gate
    now = services.clock.now()
    with services.readers() as session, session.begin():
        ctx = _context(session, gate.code)
        if ctx is None:
            return _unknown(request, lang)
        texts = _texts(ctx, lang)
        if ctx.confirmation.status not in OPEN_STATUSES:
            return done_page(request, texts, ctx, 409)
        notice = texts[f"{saved}_saved"] if saved in ("phone", "address") else None
        return order_page(request, texts, ctx, token=token, now=now, notice=notice,
                          secret=services.settings.secret_key, query=_query(texts))  # fmt: skip


@router.post("/c/{token}/confirm", response_model=None)
def confirm_order(
    token: str, request: Request, services: ServicesDep, nonce: Field = "", slot: Field = "",
    lang: str = "",
) -> Response:  # fmt: skip
    def act(session: Session, ctx: PageContext, texts: PageTexts, now: datetime) -> Response:
        done = pages.confirm_on_page(session, ctx, slot or None, now)
        key = "confirmed" if done.changed else "already_confirmed"
        chosen = done.confirmation.delivery_slot
        extra = (texts.fill("slot_saved", slot=chosen),) if chosen else ()
        return message_page(request, texts, 200, f"{key}_title", f"{key}_body",
                            shop=ctx.shop.name, number=ctx.order.number, extra=extra)  # fmt: skip

    return _act(request, services, token, lang, nonce, act, "slot_invalid")


@router.post("/c/{token}/cancel", response_model=None)
def cancel_order(
    token: str, request: Request, services: ServicesDep, nonce: Field = "", reason: Field = "",
    lang: str = "",
) -> Response:  # fmt: skip
    def act(session: Session, ctx: PageContext, texts: PageTexts, now: datetime) -> Response:
        done = pages.cancel_on_page(session, ctx, reason, now)
        key = "cancelled" if done.changed else "already_cancelled"
        return message_page(request, texts, 200, f"{key}_title", f"{key}_body",
                            shop=ctx.shop.name, number=ctx.order.number)  # fmt: skip

    return _act(request, services, token, lang, nonce, act, "slot_invalid")


@router.post("/c/{token}/phone", response_model=None)
def change_phone(
    token: str, request: Request, services: ServicesDep, nonce: Field = "", phone: Field = "",
    lang: str = "",
) -> Response:  # fmt: skip
    def act(session: Session, ctx: PageContext, texts: PageTexts, now: datetime) -> Response:
        pages.change_phone(session, ctx, phone, now)
        return _back(token, texts, "phone")

    return _act(request, services, token, lang, nonce, act, "phone_invalid")


@router.post("/c/{token}/address", response_model=None)
def change_address(
    token: str, request: Request, services: ServicesDep, nonce: Field = "", line1: Field = "",
    line2: Field = "", postcode: Field = "", city: Field = "", lang: str = "",
) -> Response:  # fmt: skip
    def act(session: Session, ctx: PageContext, texts: PageTexts, now: datetime) -> Response:
        outcome = pages.change_address(session, ctx, NewAddress(line1, line2, postcode, city), now)
        if outcome.priority > Outcome.CONFIRM.priority:
            return message_page(request, texts, 200, "review_title", "review_body",
                                shop=ctx.shop.name, number=ctx.order.number)  # fmt: skip
        return _back(token, texts, "address")

    return _act(request, services, token, lang, nonce, act, "address_invalid")


def _act(
    request: Request, services: Services, token: str, lang: str, nonce: str, act: Action,
    invalid: str,
) -> Response:  # fmt: skip
    """Run one action in one transaction; every refusal gets its own page."""
    gate = _gate(request, services, token, lang)
    if not isinstance(gate, LinkClaims):
        return gate
    secret, now = services.settings.secret_key, services.clock.now()
    if not nonce_ok(secret, gate.code, nonce, now):
        texts = _guest_texts(request, lang)
        return message_page(request, texts, 400, "stale_title", "stale_body",
                            back=f"/c/{token}{_query(texts)}")  # fmt: skip
    try:
        with services.write() as session:
            ctx = _context(session, gate.code, lock=True)
            if ctx is None:
                return _unknown(request, lang)
            return act(session, ctx, _texts(ctx, lang), now)
    except (Conflict, EditWindowClosed, InvalidInput) as refused:
        return _refused(request, services, token, gate, lang, refused, invalid)


def _refused(
    request: Request, services: Services, token: str, gate: LinkClaims, lang: str,
    refused: Exception, invalid: str,
) -> Response:  # fmt: skip
    """The page for an action the service refused (nothing was written)."""
    with services.readers() as session, session.begin():
        ctx = _context(session, gate.code)
        if ctx is None:
            return _unknown(request, lang)
        texts = _texts(ctx, lang)
        if isinstance(refused, Conflict) or ctx.confirmation.status not in OPEN_STATUSES:
            return done_page(request, texts, ctx, 409)
        if isinstance(refused, EditWindowClosed):
            return message_page(request, texts, 403, "edit_closed_title", "edit_closed_body",
                                shop=ctx.shop.name, back=f"/c/{token}{_query(texts)}")  # fmt: skip
        return order_page(request, texts, ctx, token=token, now=services.clock.now(),
                          secret=services.settings.secret_key, query=_query(texts),
                          error=texts[invalid], status=422)  # fmt: skip


def _gate(request: Request, services: Services, token: str, lang: str) -> LinkClaims | Response:
    """The rate limit, then the link itself: its claims, or the page saying why not."""
    now = services.clock.now()
    by_token, by_ip = _limits(request)
    client = request.client.host if request.client else "unknown"
    waits = [w for w in (by_ip.hit(client, now), by_token.hit(token[:64], now)) if w]
    if waits:
        return message_page(request, _guest_texts(request, lang), 429, "too_many_title",
                            "too_many_body", retry_after=max(waits))  # fmt: skip
    try:
        return pages.read_link(services.settings.secret_key, token, now)
    except LinkError as e:
        if not e.expired:
            return _unknown(request, lang)
        return _expired(request, services, token, lang)


def _expired(request: Request, services: Services, token: str, lang: str) -> Response:
    code = pages.expired_link_code(services.settings.secret_key, token)
    with services.readers() as session, session.begin():
        ctx = _context(session, code) if code else None
        texts = _texts(ctx, lang) if ctx else _guest_texts(request, lang)
        shop = ctx.shop.name if ctx else ""
    return message_page(request, texts, 410, "expired_title", "expired_body", shop=shop)


def _unknown(request: Request, lang: str) -> Response:
    return message_page(request, _guest_texts(request, lang), 404, "unknown_title",
                        "unknown_body")  # fmt: skip


def _context(session: Session, code: str, lock: bool = False) -> PageContext | None:
    try:
        return pages.load_page(session, code, lock=lock)
    except LinkError:
        return None


def _texts(ctx: PageContext, lang: str) -> PageTexts:
    """The confirmation's language, or another of the shop's languages the customer chose."""
    spoken = {ctx.confirmation.language, *(ctx.shop.languages or [])}
    wanted = lang if lang in spoken else ctx.confirmation.language
    return texts_in(wanted)


def _guest_texts(request: Request, lang: str) -> PageTexts:
    """Before the link names a customer: the query's language, else the browser's."""
    return texts_in(pick_language(lang, accepted_languages(request.headers.get("accept-language"))))


def _query(texts: PageTexts) -> str:
    return f"?lang={texts.language}"


def _back(token: str, texts: PageTexts, saved: str) -> Response:
    """After a change: back to the order page (a reload does not post again)."""
    return secured(RedirectResponse(f"/c/{token}{_query(texts)}&saved={saved}", status_code=303))


def _limits(request: Request) -> tuple[RateLimit, RateLimit]:
    """This application's counters (per app, so that each test starts afresh)."""
    state = request.app.state
    with _LIMITS_LOCK:
        if not hasattr(state, "confirm_page_limits"):
            state.confirm_page_limits = (RateLimit(TOKEN_LIMIT), RateLimit(IP_LIMIT))
        limits: tuple[RateLimit, RateLimit] = state.confirm_page_limits
    return limits


__all__ = ["IP_LIMIT", "TOKEN_LIMIT", "router"]
