"""Twilio's calls into goodbuyer: delivery statuses and customers' SMS/WhatsApp replies.
`X-Twilio-Signature` is the authentication (no API key): a wrong one is answered 401."""

from __future__ import annotations

from xml.sax.saxutils import escape

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from goodbuyer.confirmations import inbound
from goodbuyer.confirmations.channels.twilio_signature import HEADER, is_valid_signature
from goodbuyer.errors import Unauthorized
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.web.deps import Services, ServicesDep

router = APIRouter(prefix="/api/v1/twilio", tags=["twilio"])
_XML = '<?xml version="1.0" encoding="UTF-8"?>'
_RESPONSES: dict[int | str, dict[str, str]] = {
    401: {"description": "missing or wrong X-Twilio-Signature; nothing was changed"},
    404: {"description": "no shop with this slug"},
}


def callback_url(public_url: str, shop_slug: str, kind: str = "status") -> str:
    """Where Twilio posts a shop's delivery statuses ("status") or replies ("inbound")."""
    return f"{public_url.rstrip('/')}/api/v1/twilio/{shop_slug}/{kind}"


async def _signed_form(request: Request, services: Services) -> dict[str, str]:
    """The form Twilio posted, after checking its signature against the URL Twilio was
    given (our public URL) or, behind no proxy, the URL the request arrived at."""
    form = await request.form()
    pairs = [(name, str(value)) for name, value in form.multi_items()]
    signature = request.headers.get(HEADER)
    query = f"?{request.url.query}" if request.url.query else ""
    public = f"{services.settings.public_url.rstrip('/')}{request.url.path}{query}"
    token = services.settings.twilio_auth_token
    if not any(
        is_valid_signature(token, url, pairs, signature) for url in (public, str(request.url))
    ):
        raise Unauthorized("missing or wrong X-Twilio-Signature")
    return dict(pairs)


@router.post("/{shop_slug}/status", status_code=204, responses=_RESPONSES)
async def delivery_status(shop_slug: str, request: Request, services: ServicesDep) -> Response:
    """A message's delivery status (queued, sent, delivered, undelivered, failed): its
    outbox row moves forward, never back. An unknown MessageSid is accepted and ignored."""
    form = await _signed_form(request, services)

    def record() -> None:
        with services.write() as session:
            shop = get_shop_by_slug(session, shop_slug)
            inbound.record_delivery_status(
                session, shop, form.get("MessageSid", ""), form.get("MessageStatus", ""),
                form.get("ErrorCode"), services.clock.now(),
            )  # fmt: skip

    await run_in_threadpool(record)
    return Response(status_code=204)


@router.post("/{shop_slug}/inbound", responses=_RESPONSES)
async def inbound_message(shop_slug: str, request: Request, services: ServicesDep) -> Response:
    """A customer's SMS or WhatsApp reply: YES confirms, NO cancels their newest open
    order; the TwiML answer tells them what happened, in their language."""
    form = await _signed_form(request, services)
    phone = form.get("From", "").removeprefix("whatsapp:").strip()

    def answer() -> str:
        with services.write() as session:
            shop = get_shop_by_slug(session, shop_slug)
            return inbound.answer_reply(
                session, shop, phone, form.get("Body", ""), services.clock.now()
            ).text

    text = await run_in_threadpool(answer)
    twiml = f"{_XML}<Response><Message>{escape(text)}</Message></Response>"
    return Response(twiml, media_type="application/xml")


__all__ = ["callback_url", "router"]
