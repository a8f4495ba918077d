"""Who is posting to an inbound webhook: the shop's API key, sent as a bearer token or as
the password of HTTP Basic auth (e-mail providers put credentials in the webhook URL,
`https://api:KEY@host/...`, and send them as Basic auth)."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from goodbuyer.shops.schemas import Principal
from goodbuyer.shops.scopes import Scope
from goodbuyer.shops.service import check_scope, identify
from goodbuyer.web.deps import Services, ServicesDep


def credentials(authorization: str) -> str | None:
    """The API key in an Authorization header (Bearer, or Basic's password), or None."""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip() or None
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    return decoded.partition(":")[2] or None


async def webhook_writer(request: Request, services: ServicesDep) -> Principal:
    secret = credentials(request.headers.get("authorization", ""))
    principal = services.keys.get(secret) if secret else None
    if principal is None:
        principal = await run_in_threadpool(_identify, services, secret)
        if secret:
            services.keys.put(secret, principal)
    check_scope(principal, Scope.WRITE)
    return principal


def _identify(services: Services, secret: str | None) -> Principal:
    with services.readers() as session, session.begin():
        return identify(session, secret)


WebhookWriter = Annotated[Principal, Depends(webhook_writer)]

__all__ = ["WebhookWriter", "credentials", "webhook_writer"]
