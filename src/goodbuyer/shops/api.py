"""REST routes for a shop's API keys (admin scope)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from goodbuyer.shops import service
from goodbuyer.shops.schemas import ApiKeyCreated, ApiKeyOut
from goodbuyer.shops.scopes import Scope
from goodbuyer.web.deps import Admin, ReadSession, ServicesDep

router = APIRouter(prefix="/api/v1", tags=["keys"])


class ApiKeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: Annotated[str, Field(min_length=1, max_length=200)]
    scopes: Annotated[list[Scope], Field(min_length=1)]


@router.post("/keys", status_code=201)
def issue_key(data: ApiKeyIn, principal: Admin, services: ServicesDep) -> ApiKeyCreated:
    """A new key for this shop; its secret is in this answer only."""
    with services.write() as session:
        return service.issue_api_key(
            session,
            principal.shop_id,
            data.name,
            data.scopes,
            services.clock.now(),
            principal.actor,
        )


@router.get("/keys")
def list_keys(principal: Admin, session: ReadSession) -> list[ApiKeyOut]:
    return [ApiKeyOut.model_validate(k) for k in service.list_api_keys(session, principal.shop_id)]


@router.delete("/keys/{key_id}", status_code=204)
def revoke_key(key_id: uuid.UUID, principal: Admin, services: ServicesDep) -> Response:
    """Revoke a key: refused here at once, everywhere within seconds."""
    with services.write() as session:
        service.revoke_api_key(
            session, principal.shop_id, key_id, services.clock.now(), principal.actor
        )
    services.keys.forget_key(key_id)
    return Response(status_code=204)


__all__ = ["router"]
