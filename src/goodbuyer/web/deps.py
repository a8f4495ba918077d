"""Request-scoped dependencies: the services container, a transaction, the caller."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.settings import Settings
from goodbuyer.shops.schemas import Principal
from goodbuyer.shops.scopes import Scope
from goodbuyer.shops.service import authenticate, principal_for_key
from goodbuyer.web import staff_session


@dataclass(frozen=True)
class Services:
    """What the composition root built; handed to every request."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    clock: Clock


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_session(services: Annotated[Services, Depends(get_services)]) -> Iterator[Session]:
    """One transaction per request: committed when the handler returns, else rolled back."""
    with services.sessions() as session, session.begin():
        yield session


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def require(scope: Scope) -> Callable[..., Principal]:
    """A dependency that authenticates the caller's key and checks its scope."""

    def dependency(
        request: Request, session: Annotated[Session, Depends(get_session)]
    ) -> Principal:
        return authenticate(session, _bearer(request), scope)

    return dependency


def staff(
    request: Request,
    services: Annotated[Services, Depends(get_services)],
    session: Annotated[Session, Depends(get_session)],
) -> Principal | None:
    """The signed-in staff member of a page request, or None (the page redirects to login)."""
    key_id = staff_session.verify(
        request.cookies.get(staff_session.COOKIE), services.settings.secret_key
    )
    return principal_for_key(session, key_id) if key_id else None


ServicesDep = Annotated[Services, Depends(get_services)]
SessionDep = Annotated[Session, Depends(get_session)]
Reader = Annotated[Principal, Depends(require(Scope.READ))]
Writer = Annotated[Principal, Depends(require(Scope.WRITE))]
Admin = Annotated[Principal, Depends(require(Scope.ADMIN))]
StaffDep = Annotated[Principal | None, Depends(staff)]

__all__ = [
    "Admin",
    "Reader",
    "Services",
    "ServicesDep",
    "SessionDep",
    "StaffDep",
    "Writer",
    "require",
    "staff",
]
