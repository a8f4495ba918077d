"""`goodbuyer decide < order.json`, `goodbuyer decisions backfill`, `goodbuyer segments
refresh`."""

from __future__ import annotations

import sys
from typing import Annotated

import orjson
import typer
from pydantic import ValidationError
from rich.console import Console

from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.risk import backfill, service
from goodbuyer.risk.schemas import DecisionOut
from goodbuyer.risk.views import verdict_out
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.store.schemas import OrderIn

Shop = Annotated[str, typer.Option("--shop", help="the shop's slug")]
decisions_app = typer.Typer(help="Decisions on orders.", no_args_is_help=True)
segments_app = typer.Typer(help="Customer segments.", no_args_is_help=True)


def _read_order(text: str) -> OrderIn:
    console = Console(stderr=True, soft_wrap=True)
    try:
        return OrderIn.model_validate_json(text)
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "order"
            console.print(f"[red]{where}[/red]: {err['msg']}", highlight=False)
        raise SystemExit(2) from None


def _show(decision: DecisionOut) -> None:
    console = Console()
    console.print(f"[bold]{decision.outcome.value}[/bold]  score {decision.score:g}"
                  + (f"  ({decision.fast_path})" if decision.fast_path else ""))  # fmt: skip
    for reason in decision.reasons:
        console.print(f"  because {reason}", highlight=False)
    for alternative in decision.counterfactuals:
        console.print(f"  {alternative}", highlight=False)
    if decision.segments:
        console.print(f"  segments: {', '.join(decision.segments)}")
    for limit in decision.limits:
        console.print(f"  limit: {limit['kind']}")
    for perk in decision.perks:
        console.print(f"  perk: {perk['kind']}")


def decide_command(
    shop: Shop,
    as_json: Annotated[bool, typer.Option("--json", help="print the decision as JSON")] = False,
) -> None:
    """Decide on the order JSON on standard input (the shape of POST /api/v1/orders)
    without storing it. Exit status 2: the order is not valid (each field named)."""
    order = _read_order(sys.stdin.read())
    engine = make_engine(Settings().database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            shop_id = get_shop_by_slug(session, shop).id
            decided = service.decide_payload_in(session, shop_id, order, SystemClock().now())
    finally:
        engine.dispose()
    out = verdict_out(decided.verdict, decided.features, decided.policy_version,
                      decided.contributions)  # fmt: skip
    if as_json:
        typer.echo(orjson.dumps(out.model_dump(mode="json")).decode())
    else:
        _show(out)


@decisions_app.command("backfill")
def backfill_command(shop: Shop) -> None:
    """Decide, as of its own time, every order without a decision (after an import), and
    bring every customer's segments up to date."""
    engine = make_engine(Settings().database_url)
    clock = SystemClock()
    try:
        with transaction(make_sessionmaker(engine)) as session:
            shop_id = get_shop_by_slug(session, shop).id
            done = backfill.decide_undecided(session, shop_id, clock.now(), "cli")
            changed = backfill.refresh_all_segments(session, shop_id, clock.now(), "cli")
    finally:
        engine.dispose()
    typer.echo(f"{done} orders decided; {changed} segment memberships changed")


@segments_app.command("refresh")
def refresh_command(shop: Shop) -> None:
    """Bring every customer's segments up to date with the active policy."""
    engine = make_engine(Settings().database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            shop_id = get_shop_by_slug(session, shop).id
            changed = backfill.refresh_all_segments(session, shop_id, SystemClock().now(), "cli")
    finally:
        engine.dispose()
    typer.echo(f"{changed} segment memberships changed")


def register(app: typer.Typer) -> None:
    app.command("decide")(decide_command)
    app.add_typer(decisions_app, name="decisions")
    app.add_typer(segments_app, name="segments")


__all__ = ["register"]
