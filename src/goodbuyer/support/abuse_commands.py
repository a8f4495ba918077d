"""`goodbuyer support lift-block` and `goodbuyer support incidents`: zero tolerance from
the command line, against the configured database."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.errors import FieldError, InvalidInput
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.support import abuse_desk

support_app = typer.Typer(help="The support desk: zero tolerance blocks.", no_args_is_help=True)
ACTOR = "cli"


@contextmanager
def _session(shop: str) -> Iterator[tuple[Session, uuid.UUID]]:
    engine = make_engine(Settings().database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            yield session, get_shop_by_slug(session, shop).id
    finally:
        engine.dispose()


@support_app.command("lift-block")
def lift_block(
    shop: Annotated[str, typer.Option("--shop", help="the shop's slug")],
    note: Annotated[str, typer.Option(help="why the block is lifted (kept, audited)")],
    customer: Annotated[uuid.UUID | None, typer.Option(help="the customer's id")] = None,
    contact: Annotated[
        str | None, typer.Option(help="instead: the e-mail or phone of a sender with no customer")
    ] = None,
    ticket: Annotated[
        uuid.UUID | None, typer.Option(help="instead: the ticket whose sender is blocked")
    ] = None,
) -> None:
    """Lift a customer's (or a sender's) block on support channels; the warning window
    starts afresh. Exit 2 when the customer is unknown or not blocked."""
    if sum(x is not None for x in (customer, contact, ticket)) != 1:
        where = FieldError("--customer", "give exactly one of --customer, --contact, --ticket")
        raise InvalidInput("give --customer ID, --contact E-MAIL/PHONE or --ticket ID", [where])
    now = SystemClock().now()
    with _session(shop) as (session, shop_id):
        if customer is not None:
            lift = abuse_desk.lift_customer_block(session, shop_id, customer, note, now, ACTOR)
        elif contact is not None:
            lift = abuse_desk.lift_contact_block(session, shop_id, contact, note, now, ACTOR)
        else:
            assert ticket is not None
            lift = abuse_desk.lift_ticket_block(session, shop_id, ticket, note, now, ACTOR)
        who = lift.customer_id or lift.contact or f"ticket {lift.ticket_id}"
        typer.echo(f"{lift.id}  block lifted  {who}")


@support_app.command("incidents")
def incidents(
    shop: Annotated[str, typer.Option("--shop", help="the shop's slug")],
    customer: Annotated[uuid.UUID, typer.Option(help="the customer's id")],
) -> None:
    """The customer's incidents, newest first: time, kind, flag, routes, evidence or note."""
    with _session(shop) as (session, shop_id):
        for i in abuse_desk.customer_incidents(session, shop_id, customer, 500, 0):
            routes = ",".join(i.routes) or "-"
            typer.echo(f"{i.at:%Y-%m-%d %H:%M}  {i.kind.value:<7} {i.flag or '-':<17} "
                       f"{routes:<14} {i.note or i.evidence}")  # fmt: skip


def register(app: typer.Typer) -> None:
    app.add_typer(support_app, name="support")


__all__ = ["register", "support_app"]
