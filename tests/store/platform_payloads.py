"""Platform payloads for webhook tests: the fixture files, signed and sent like the platforms do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select

from goodbuyer.store.models import SourceEvent
from goodbuyer.store.sources.signatures import sign
from goodbuyer.web.deps import Services

FIXTURES = Path(__file__).parent.parent / "fixtures"
SHOPIFY_DOMAIN = "divat-haz.myshopify.com"
SHOPIFY_SECRET = "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"
WOO_SECRET = "wc-secret: ;<Kx&7!]p"


def fixture(name: str) -> dict[str, Any]:
    """A payload from tests/fixtures, e.g. fixture("shopify/orders_create_card.json")."""
    found: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return found


def body_of(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode()


def send_shopify(
    client: TestClient,
    payload: dict[str, Any] | bytes,
    topic: str,
    webhook_id: str,
    *,
    secret: str = SHOPIFY_SECRET,
    signature: str | None = None,
    domain: str = SHOPIFY_DOMAIN,
) -> Response:
    """POST a webhook as Shopify does; `signature` overrides the correct one."""
    body = payload if isinstance(payload, bytes) else body_of(payload)
    headers = {
        "Content-Type": "application/json",
        "X-Shopify-Topic": topic,
        "X-Shopify-Shop-Domain": domain,
        "X-Shopify-Webhook-Id": webhook_id,
        "X-Shopify-API-Version": "2026-01",
        "X-Shopify-Hmac-Sha256": sign(secret, body) if signature is None else signature,
    }
    return client.post("/webhooks/shopify", content=body, headers=headers)


def send_woocommerce(
    client: TestClient,
    payload: dict[str, Any],
    topic: str,
    delivery_id: str,
    *,
    slug: str = "divat",
    secret: str = WOO_SECRET,
) -> Response:
    body = body_of(payload)
    headers = {
        "Content-Type": "application/json",
        "X-WC-Webhook-Source": "https://boutique.example.ma/",
        "X-WC-Webhook-Topic": topic,
        "X-WC-Webhook-Resource": topic.split(".")[0],
        "X-WC-Webhook-Event": topic.split(".")[-1],
        "X-WC-Webhook-ID": "12",
        "X-WC-Webhook-Delivery-ID": delivery_id,
        "X-WC-Webhook-Signature": sign(secret, body),
    }
    return client.post(f"/webhooks/woocommerce/{slug}", content=body, headers=headers)


def webhook_secrets() -> dict[str, str]:
    """The shop fields that connect a test shop to both platforms."""
    return {
        "shopify_domain": SHOPIFY_DOMAIN,
        "shopify_webhook_secret": SHOPIFY_SECRET,
        "woocommerce_webhook_secret": WOO_SECRET,
    }


def delivery_outcomes(services: Services) -> list[tuple[str, str, str]]:
    """(topic, delivery id, outcome) of every recorded webhook delivery, oldest first."""
    with services.sessions() as session:
        rows = session.execute(
            select(SourceEvent.topic, SourceEvent.delivery_id, SourceEvent.outcome).order_by(
                SourceEvent.received_at, SourceEvent.delivery_id
            )
        )
        return [tuple(row) for row in rows]
