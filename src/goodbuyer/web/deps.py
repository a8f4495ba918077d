"""Request-scoped dependencies: the services container, a transaction, the caller."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from goodbuyer.clock import Clock
from goodbuyer.db import transaction
from goodbuyer.settings import Settings
from goodbuyer.shops.key_cache import KeyCache
from goodbuyer.shops.schemas import Principal
from goodbuyer.shops.scopes import Scope
from goodbuyer.shops.service import check_scope, identify, principal_for_key
from goodbuyer.web import staff_session


@dataclass(frozen=True)
class Services:
    """What the composition root built; handed to every request."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]  # read-write
    clock: Clock
    readers: sessionmaker[Session]  # read-only: never waits for a writer on SQLite
    keys: KeyCache = field(default_factory=KeyCache)  # recently authenticated API keys

    def write(self) -> AbstractContextManager[Session]:
        """One write transaction: committed when the block ends, rolled back on any error.
        Handlers open it themselves so that it lasts only as long as the writing."""
        return transaction(self.sessions)

    def dispose(self) -> None:
        self.engine.dispose()
        reader_engine = self.readers.kw.get("bind")
        if reader_engine is not None and reader_engine is not self.engine:
            reader_engine.dispose()


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_session(services: Annotated[Services, Depends(get_services)]) -> Iterator[Session]:
    """A read-only transaction for the request (authentication, reads, pages)."""
    with services.readers() as session, session.begin():
        yield session


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def require(scope: Scope) -> Callable[..., Awaitable[Principal]]:
    """A dependency that authenticates the caller's key and checks its scope. Runs on the
    event loop; only a key not seen in the last seconds is looked up (in a worker thread)."""

    async def dependency(
        request: Request, services: Annotated[Services, Depends(get_services)]
    ) -> Principal:
        secret = _bearer(request)
        principal = services.keys.get(secret) if secret else None
        if principal is None:
            principal = await run_in_threadpool(_identify, services, secret)
            if secret:
                services.keys.put(secret, principal)
        check_scope(principal, scope)
        return principal

    return dependency


def _identify(services: Services, secret: str | None) -> Principal:
    with services.readers() as session, session.begin():
        return identify(session, secret)


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
ReadSession = Annotated[Session, Depends(get_session)]
Reader = Annotated[Principal, Depends(require(Scope.READ))]
Writer = Annotated[Principal, Depends(require(Scope.WRITE))]
Admin = Annotated[Principal, Depends(require(Scope.ADMIN))]
StaffDep = Annotated[Principal | None, Depends(staff)]

__all__ = [
    "Admin",
    "ReadSession",
    "Reader",
    "Services",
    "ServicesDep",
    "StaffDep",
    "Writer",
    "require",
    "staff",
]
