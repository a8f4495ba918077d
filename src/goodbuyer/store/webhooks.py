"""Webhook routes for Shopify and WooCommerce (thin: read headers and the raw body, call
the intake). The signature is the authentication: no API key is asked for."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from goodbuyer.store import webhook_intake as intake
from goodbuyer.store.sources.woocommerce import is_ping
from goodbuyer.web.deps import ReadSession, ServicesDep
from goodbuyer.web.problems import problem

router = APIRouter(prefix="/webhooks", tags=["webhooks"])
_RESPONSES: dict[int | str, dict[str, str]] = {
    200: {"description": "stored, a duplicate, or ignored (an unhandled topic)"},
    401: {"description": "missing or bad signature; nothing was stored"},
    422: {"description": "signed but unreadable; recorded as rejected with the reasons"},
}


async def _raw_body(request: Request) -> bytes:
    # Signatures cover the exact bytes sent, so the body is read before any parsing.
    return await request.body()


RawBody = Annotated[bytes, Depends(_raw_body)]


def _answer(outcome: intake.DeliveryOutcome, path: str) -> JSONResponse:
    if outcome.outcome == "rejected":
        errors = [{"location": e.location, "message": e.message} for e in outcome.errors]
        return problem(422, "Invalid input", outcome.detail or "", path, errors=errors)
    return JSONResponse(outcome.model_dump(mode="json", exclude={"errors"}))


@router.post("/shopify", responses=_RESPONSES)
def shopify_webhook(
    request: Request, body: RawBody, session: ReadSession, services: ServicesDep
) -> JSONResponse:
    """A Shopify webhook: the shop is found by X-Shopify-Shop-Domain, X-Shopify-Webhook-Id
    deduplicates, and each delivery is recorded with its outcome."""
    headers = request.headers
    envelope = intake.Envelope(
        signature=headers.get("x-shopify-hmac-sha256"),
        topic=headers.get("x-shopify-topic"),
        delivery_id=headers.get("x-shopify-webhook-id"),
    )
    domain = headers.get("x-shopify-shop-domain")
    delivery = intake.shopify_delivery(session, domain, envelope, body)
    with services.write() as writer:
        outcome = intake.receive_delivery(writer, delivery, services.clock.now())
    return _answer(outcome, request.url.path)


@router.post("/woocommerce/{shop_slug}", responses=_RESPONSES)
def woocommerce_webhook(
    shop_slug: str, request: Request, body: RawBody, session: ReadSession, services: ServicesDep
) -> JSONResponse:
    """A WooCommerce webhook of the shop `shop_slug`; X-WC-Webhook-Delivery-ID deduplicates.
    The unsigned ping WooCommerce sends when a webhook is saved is answered 200."""
    headers = request.headers
    topic = headers.get("x-wc-webhook-topic")
    if is_ping(body, topic):
        return _answer(intake.acknowledge_woocommerce_ping(session, shop_slug), request.url.path)
    envelope = intake.Envelope(
        signature=headers.get("x-wc-webhook-signature"),
        topic=topic,
        delivery_id=headers.get("x-wc-webhook-delivery-id"),
    )
    delivery = intake.woocommerce_delivery(session, shop_slug, envelope, body)
    with services.write() as writer:
        outcome = intake.receive_delivery(writer, delivery, services.clock.now())
    return _answer(outcome, request.url.path)


__all__ = ["router"]
