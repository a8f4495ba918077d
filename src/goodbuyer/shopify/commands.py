"""`goodbuyer shopify connect|push-tags`: keep a shop's Admin API token, push queued tags
once (cron) or every few seconds (a worker)."""

from __future__ import annotations

import time
from typing import Annotated

import httpx
import typer

from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.settings import Settings
from goodbuyer.shopify.admin_client import build_client
from goodbuyer.shopify.service import PushSummary, connect_shop, push_pending
from goodbuyer.shopify.settings import ShopifySettings
from goodbuyer.shops.service import get_shop_by_slug

shopify_app = typer.Typer(help="Tags written back to Shopify.", no_args_is_help=True)


@shopify_app.command("connect")
def connect(
    shop: Annotated[str, typer.Option("--shop", help="the shop's slug")],
    domain: Annotated[str, typer.Option(help="the shop's name.myshopify.com")],
    token: Annotated[
        str,
        typer.Option(envvar="GOODBUYER_SHOPIFY_ACCESS_TOKEN", help="an Admin API access token"),
    ],
) -> None:
    """Keep the shop's Shopify domain and Admin API token (write_orders, write_customers)."""
    engine = make_engine(Settings().database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            shop_id = get_shop_by_slug(session, shop).id
            now = SystemClock().now()
            rearmed = connect_shop(
                session, shop_id, domain=domain, token=token, now=now, actor="cli"
            )
    finally:
        engine.dispose()
    typer.echo(f"{shop} connected to {domain.strip().lower()}; {rearmed} failed pushes re-armed")


@shopify_app.command("push-tags")
def push_tags(
    limit: Annotated[int, typer.Option(min=1, help="pushes per run")] = 100,
    every: Annotated[float, typer.Option(min=0, help="seconds between runs; 0 runs once")] = 0,
) -> None:
    """Push queued order and customer tags to Shopify, oldest first; failures are kept
    on each push (attempts, last error) and retried on the next runs."""
    shopify = ShopifySettings()
    engine = make_engine(Settings().database_url)
    sessions, clock = make_sessionmaker(engine), SystemClock()
    try:
        with httpx.Client(timeout=shopify.timeout_seconds) as http:
            client = build_client(shopify, http)
            while True:
                summary = push_pending(sessions, client, now=clock.now(), limit=limit)
                typer.echo(_said(summary))
                if not every:
                    break
                time.sleep(every)
    finally:
        engine.dispose()


def _said(summary: PushSummary) -> str:
    return f"{summary.pushed} pushed, {summary.failed} failed ({summary.gave_up} for good)"


def register(app: typer.Typer) -> None:
    app.add_typer(shopify_app, name="shopify")


__all__ = ["register", "shopify_app"]
