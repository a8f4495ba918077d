"""Build the demo shop: generate its history as CSV files, then load them through the same
import code a real shop's backfill uses. The ground truth stays in its own file."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import NoResultFound

from goodbuyer.db import transaction
from goodbuyer.demo.generator import generate
from goodbuyer.errors import NotFound
from goodbuyer.identity.backfill import link_unchecked
from goodbuyer.risk.backfill import decide_undecided, refresh_all_segments
from goodbuyer.shops.schemas import ShopIn
from goodbuyer.shops.scopes import Scope
from goodbuyer.shops.service import create_shop, get_shop_by_slug, issue_api_key
from goodbuyer.store.service import ImportReport, import_file
from goodbuyer.support.service import unread_count
from goodbuyer.web.deps import Services

DEMO_SLUG = "demo"
# Referenced records come after what they reference (refunds name returns, surveys tickets).
LOAD_ORDER = ("orders", "shipments", "returns", "refunds", "chargebacks", "tickets", "surveys")

Progress = Callable[[str, int, int], None]
"""Told (kind, bytes read, file size) as each file loads."""


@dataclass(frozen=True)
class DemoShop:
    slug: str
    key: str  # an admin key issued for this run; it signs in to the pages too
    reports: list[ImportReport]


def load_demo_shop(
    services: Services,
    out_dir: Path,
    *,
    customers: int,
    orders: int,
    seed: int,
    progress: Progress | None = None,
) -> DemoShop:
    """Create and fill the demo shop, or reuse it when it exists; issue a sign-in key."""
    now = services.clock.now()
    with transaction(services.sessions) as session:
        try:
            shop_id = get_shop_by_slug(session, DEMO_SLUG).id
            existed = True
        except (NotFound, NoResultFound):
            data = ShopIn(
                slug=DEMO_SLUG,
                name="Demo Shop",
                currency="EUR",
                country="FI",
                timezone="Europe/Helsinki",
                languages=["en", "fi", "hu", "cs", "he", "ar", "de", "es", "fr"],
            )
            shop_id = create_shop(session, data, now, actor="demo").id
            existed = False
        key = issue_api_key(session, shop_id, "demo sign-in", [Scope.ADMIN], now, actor="demo")
    reports: list[ImportReport] = []
    if not existed:
        generate(customers=customers, orders=orders, seed=seed, out_dir=out_dir)
        for kind in LOAD_ORDER:
            path = out_dir / f"{kind}.csv"
            report = import_file(
                services,
                shop_id,
                kind,
                path,
                _tell(progress, kind) if progress else None,
                actor="demo",
            )
            reports.append(report)
        link_unchecked(services.sessions, shop_id, services.clock, "demo")
        _fit_values(services, shop_id)
        _decide(services, shop_id)
        _read_tickets(services, shop_id, progress)
    return DemoShop(slug=DEMO_SLUG, key=key.secret, reports=reports)


def _fit_values(services: Services, shop_id: uuid.UUID) -> None:
    # Imported here: NumPy and SciPy take a second to load, which `goodbuyer` pays on every
    # command through this module otherwise.
    from goodbuyer.customers.values import fit_shop_values

    with transaction(services.sessions) as session:
        fit_shop_values(session, shop_id, services.clock.now(), actor="demo")


def _decide(services: Services, shop_id: uuid.UUID) -> None:
    """Every order decided as of its own time; every customer's segments as of now."""
    with transaction(services.sessions) as session:
        decide_undecided(session, shop_id, services.clock.now(), "demo")
        refresh_all_segments(session, shop_id, services.clock.now(), "demo")


def _read_tickets(services: Services, shop_id: uuid.UUID, progress: Progress | None) -> None:
    """Every customer message read, resolved by the playbook and answered with a draft."""
    from goodbuyer.support.backlog import read_backlog

    with transaction(services.sessions) as session:
        total = unread_count(session, shop_id)
    read_backlog(
        services.sessions,
        services.clock,
        shop_id,
        "demo",
        progress=(lambda done: progress("messages", done, total)) if progress else None,
    )


def _tell(progress: Progress, kind: str) -> Callable[[int, int], None]:
    return lambda done, total: progress(kind, done, total)


__all__ = ["DEMO_SLUG", "LOAD_ORDER", "DemoShop", "load_demo_shop"]
