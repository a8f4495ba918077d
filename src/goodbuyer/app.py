"""The composition root for HTTP: `create_app(settings)` builds everything; nothing at import."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from goodbuyer import __version__, models
from goodbuyer.clock import Clock, SystemClock
from goodbuyer.confirmations.calls_api import router as confirmations_router
from goodbuyer.confirmations.calls_pages import router as call_pages_router
from goodbuyer.confirmations.page import router as confirmation_page_router
from goodbuyer.confirmations.prometheus import router as prometheus_router
from goodbuyer.confirmations.twilio_api import router as twilio_router
from goodbuyer.db import make_engine, make_sessionmaker
from goodbuyer.deliveries.api import router as deliveries_router
from goodbuyer.identity.api import router as customers_router
from goodbuyer.metrics.pages import router as dashboard_router
from goodbuyer.payments.api import router as payments_router
from goodbuyer.policy.api import invalid_policy
from goodbuyer.policy.api import router as policy_router
from goodbuyer.policy.service import PolicyInvalid
from goodbuyer.returns.api import router as returns_router
from goodbuyer.risk.api import router as decisions_router
from goodbuyer.risk.backtest_api import router as backtests_router
from goodbuyer.risk.pages import router as decision_pages_router
from goodbuyer.settings import Settings
from goodbuyer.shops.api import router as keys_router
from goodbuyer.shops.pages import router as login_router
from goodbuyer.store.api import router as orders_router
from goodbuyer.store.webhooks import router as webhooks_router
from goodbuyer.support.abuse_api import router as abuse_router
from goodbuyer.support.api import router as support_router
from goodbuyer.support.intake.api import router as intake_router
from goodbuyer.support.pages import router as inbox_router
from goodbuyer.web import problems
from goodbuyer.web.deps import Services
from goodbuyer.web.limits import BodySizeLimit

ROUTERS = [
    dashboard_router,
    decision_pages_router,
    login_router,
    orders_router,
    customers_router,
    deliveries_router,
    returns_router,
    payments_router,
    support_router,
    intake_router,
    abuse_router,
    policy_router,
    decisions_router,
    keys_router,
    webhooks_router,
    backtests_router,
    twilio_router,
    confirmations_router,
    call_pages_router,
    inbox_router,
    prometheus_router,
    confirmation_page_router,
]


assert models.metadata  # every table is registered before any session is made


def build_services(settings: Settings, clock: Clock | None = None) -> Services:
    """Engines and session factories; on SQLite a second, read-only engine for reads."""
    url, size = settings.database_url, settings.db_pool_size
    engine = make_engine(url, pool_size=size)
    readers = (
        make_engine(url, pool_size=size, read_only=True) if url.startswith("sqlite") else engine
    )
    return Services(
        settings=settings,
        engine=engine,
        sessions=make_sessionmaker(engine),
        clock=clock or SystemClock(),
        readers=make_sessionmaker(readers),
    )


def create_app(settings: Settings, services: Services | None = None) -> FastAPI:
    services = services or build_services(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        services.dispose()

    # Swagger UI and ReDoc served from the package: nothing is fetched from a CDN.
    app = FastAPIOffline(
        title="goodbuyer",
        version=__version__,
        summary="Know every customer; keep the good ones, stop the bad ones early.",
        lifespan=lifespan,
    )
    app.state.services = services
    problems.install(app)
    app.add_exception_handler(PolicyInvalid, invalid_policy)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(packages=[("goodbuyer.web", "static")]), name="static")
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    logging.getLogger("goodbuyer").setLevel(settings.log_level.upper())
    return app


def app_from_environment() -> FastAPI:
    """Factory for `uvicorn --factory` (and `goodbuyer serve`): settings from the environment."""
    return create_app(Settings())


__all__ = ["app_from_environment", "build_services", "create_app"]
