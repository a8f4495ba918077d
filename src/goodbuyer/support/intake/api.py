"""Inbound doors over HTTP: e-mail providers' webhooks, the Gorgias webhook, mentions.

Each authenticates with the shop's API key (bearer, or Basic auth's password) and answers
problem+json naming the field on bad input; nothing is stored then.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from goodbuyer.errors import FieldError, InvalidInput, Unauthorized
from goodbuyer.shops.schemas import Principal
from goodbuyer.store.schemas import IngestResult
from goodbuyer.support import service
from goodbuyer.support.intake.auth import WebhookWriter
from goodbuyer.support.intake.connections import find_connection
from goodbuyer.support.intake.gorgias import GORGIAS_SOURCE, gorgias_messages
from goodbuyer.support.intake.mail import InboundEmail
from goodbuyer.support.intake.mentions import MentionIn, receive_mention
from goodbuyer.support.intake.providers import (
    mailgun_email,
    mailgun_signature_ok,
    postmark_email,
)
from goodbuyer.support.intake.statuses import Provider
from goodbuyer.support.intake.threads import receive_email
from goodbuyer.support.schemas import MessageIn
from goodbuyer.web.deps import Services, ServicesDep
from goodbuyer.web.ingest import INGEST_RESPONSES, answer

router = APIRouter(prefix="/api/v1", tags=["support intake"])


class HelpdeskIntake(BaseModel):
    """What a helpdesk delivery stored: one result per message it carried."""

    ticket_external_id: str
    results: list[IngestResult]


@router.post("/inbound/email/postmark", status_code=201, responses=INGEST_RESPONSES)
async def postmark_inbound(
    request: Request, response: Response, principal: WebhookWriter, services: ServicesDep
) -> IngestResult:
    """Postmark's inbound webhook (JSON). Set the webhook URL with the shop's API key as
    Basic auth: `https://api:KEY@host/api/v1/inbound/email/postmark`."""
    email = postmark_email(await _json_object(request))
    result = await run_in_threadpool(_store_email, services, principal, email, None)
    return answer(result, response)


@router.post("/inbound/email/mailgun", status_code=201, responses=INGEST_RESPONSES)
async def mailgun_inbound(
    request: Request, response: Response, principal: WebhookWriter, services: ServicesDep
) -> IngestResult:
    """A Mailgun route's forward (form post), signed with the shop's Mailgun signing key
    (`goodbuyer support connect SHOP mailgun --secret KEY`)."""
    form = await request.form()
    fields = {name: value for name, value in form.items() if isinstance(value, str)}
    email = mailgun_email(fields)
    result = await run_in_threadpool(_store_email, services, principal, email, fields)
    return answer(result, response)


@router.post("/inbound/gorgias")
async def gorgias_inbound(
    request: Request, principal: WebhookWriter, services: ServicesDep
) -> HelpdeskIntake:
    """A Gorgias HTTP integration (ticket-created, ticket-message-created)."""
    payload = await _json_object(request)
    messages = gorgias_messages(payload)
    results = await run_in_threadpool(_store_helpdesk, services, principal, messages)
    return HelpdeskIntake(ticket_external_id=str(payload["ticket"]["id"]), results=results)


@router.post("/mentions", status_code=201, responses=INGEST_RESPONSES)
def post_mention(
    mention: MentionIn, response: Response, principal: WebhookWriter, services: ServicesDep
) -> IngestResult:
    """A public social-media post or comment about the shop (R6.5)."""
    with services.write() as session:
        result = receive_mention(
            session, principal.shop_id, mention, services.clock.now(), principal.actor
        )
    return answer(result, response)


def _store_email(
    services: Services, principal: Principal, email: InboundEmail, mailgun: dict[str, str] | None
) -> IngestResult:
    now = services.clock.now()
    with services.write() as session:
        if mailgun is not None:
            _check_mailgun(session, principal, mailgun, now)
        return receive_email(session, principal.shop_id, email, now, principal.actor)


def _check_mailgun(
    session: Session, principal: Principal, form: dict[str, str], now: datetime
) -> None:
    connection = find_connection(session, principal.shop_id, Provider.MAILGUN)
    if connection is None:
        raise Unauthorized("this shop has no Mailgun signing key; nothing was stored")
    parts = (form.get("timestamp", ""), form.get("token", ""), form.get("signature", ""))
    if not mailgun_signature_ok(connection.secret, *parts, now):
        raise Unauthorized("a missing, bad or stale Mailgun signature; nothing was stored")


def _store_helpdesk(
    services: Services, principal: Principal, messages: list[MessageIn]
) -> list[IngestResult]:
    now = services.clock.now()
    with services.write() as session:
        return [
            service.ingest_message(
                session, principal.shop_id, GORGIAS_SOURCE, m, now, principal.actor
            )
            for m in messages
        ]


async def _json_object(request: Request) -> dict[str, Any]:
    try:
        payload = json.loads(await request.body())
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"the body is not JSON: {exc}", [FieldError("body", str(exc))]) from None
    if not isinstance(payload, dict):
        raise InvalidInput("the body is not a JSON object", [FieldError("body", "not an object")])
    return payload


__all__ = ["router"]
