"""`goodbuyer orders history ORDER_ID`: an order's history check and ghost signals."""

from __future__ import annotations

import uuid
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.table import Table

from goodbuyer.db import make_engine, make_sessionmaker
from goodbuyer.errors import NotFound
from goodbuyer.identity.schemas import OrderCheckOut
from goodbuyer.identity.service import get_check
from goodbuyer.settings import Settings
from goodbuyer.store.models import Order

orders_app = typer.Typer(help="Orders as goodbuyer checked them.", no_args_is_help=True)


def _check(order_id: uuid.UUID) -> OrderCheckOut:
    engine = make_engine(Settings().database_url)
    try:
        with make_sessionmaker(engine)() as session:
            order = session.get(Order, order_id)
            if order is None:
                raise NotFound(f"no order {order_id}")
            return OrderCheckOut.model_validate(get_check(session, order.shop_id, order_id))
    finally:
        engine.dispose()


def _show(check: OrderCheckOut) -> None:
    console, history = Console(), check.history
    console.print(
        f"[bold]person[/bold] {check.person_id}: {history['orders']} earlier order(s), "
        f"{history['household_orders']} in the household; outcomes {history['outcomes']}"
    )
    for flag in check.red_flags:
        console.print(f"[red]flag[/red] {flag['reason']}")
    for signal in check.ghost_signals:
        console.print(f"[yellow]ghost[/yellow] {signal['reason']} ({signal['weight']})")
    console.print(f"ghost score {check.ghost_score:.2f}")
    past = Table("number", "placed", "outcome", "relation", title="earlier orders (newest first)")
    for order in history["past_orders"]:
        past.add_row(order["number"], order["placed_at"][:10], order["outcome"], order["relation"])
    console.print(past)


@orders_app.command("history")
def history(
    order_id: uuid.UUID,
    as_json: Annotated[bool, typer.Option("--json", help="print the stored check as JSON")] = False,
) -> None:
    """The history check stored when the order came in: earlier orders of the person and
    their household with outcomes, red flags, ghost signals. Exit status 2: no such order."""
    check = _check(order_id)
    if as_json:
        typer.echo(orjson.dumps(check.model_dump(mode="json")).decode())
    else:
        _show(check)


__all__ = ["orders_app"]
