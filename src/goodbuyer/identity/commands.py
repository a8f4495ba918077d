"""Identity commands: `goodbuyer link-pairs`, `goodbuyer customers show|export|erase|link`."""

from __future__ import annotations

import sys
import uuid
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.table import Table

from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.identity.backfill import link_unchecked
from goodbuyer.identity.erasure import ErasureReport, erase_customer
from goodbuyer.identity.order_commands import orders_app
from goodbuyer.identity.pairs import link_pairs
from goodbuyer.identity.schemas import CustomerView
from goodbuyer.identity.views import customer_view
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.store.models import Customer

customers_app = typer.Typer(help="Customers as goodbuyer knows them.", no_args_is_help=True)


def link_pairs_command() -> None:
    """Read JSON lines {"id", "a": {...}, "b": {...}} on stdin; write {"id", "same_person",
    "score", "household", "reasons", "levels"} per line, decided by the matcher the
    system uses. Exit status 2 names the first line that is not a pair."""
    out = sys.stdout.buffer
    for answer in link_pairs(sys.stdin):
        out.write(answer)
    out.flush()


def _view(customer_id: uuid.UUID) -> CustomerView:
    engine = make_engine(Settings().database_url)
    try:
        with make_sessionmaker(engine)() as session:
            customer = session.get(Customer, customer_id)
            shop_id = customer.shop_id if customer is not None else uuid.UUID(int=0)
            return customer_view(session, shop_id, customer_id, SystemClock().now())
    finally:
        engine.dispose()


@customers_app.command("show")
def show(customer_id: uuid.UUID) -> None:
    """A customer in the terminal: profile, linked records and why, recent events."""
    view, console = _view(customer_id), Console()
    console.print(f"[bold]person[/bold] {view.person_id}  records: {len(view.customer_records)}")
    profile = Table("figure", "value", title="profile")
    for name, value in view.profile.items():
        profile.add_row(name, str(value))
    console.print(profile)
    links = Table("kind", "records", "score", "reasons", title="links")
    for link in view.links:
        pair = f"{str(link.customer_a)[-8:]} / {str(link.customer_b)[-8:]}"
        links.add_row(link.kind, pair, f"{link.score:.3f}", "; ".join(link.reasons))
    console.print(links)
    for event in view.timeline[:20]:
        console.print(f"{event.at:%Y-%m-%d %H:%M}  {event.action}")


@customers_app.command("export")
def export(customer_id: uuid.UUID) -> None:
    """Everything stored about one customer (the person behind the record) as JSON."""
    sys.stdout.buffer.write(orjson.dumps(_view(customer_id).model_dump(mode="json")) + b"\n")


def _erase(customer_id: uuid.UUID) -> ErasureReport:
    engine = make_engine(Settings().database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            customer = session.get(Customer, customer_id)
            shop_id = customer.shop_id if customer is not None else uuid.UUID(int=0)
            return erase_customer(session, shop_id, customer_id, SystemClock().now(), "cli")
    finally:
        engine.dispose()


@customers_app.command("erase")
def erase(
    customer_id: uuid.UUID,
    yes: Annotated[bool, typer.Option("--yes", help="do not ask for confirmation")] = False,
) -> None:
    """Erase the person behind a customer record on their request (every record of theirs):
    personal data removed or irreversibly pseudonymised; orders, money and flags with their
    evidence kept. Exit status 2 for an unknown customer, 1 when not confirmed."""
    question = (
        f"Erase the personal data of customer {customer_id} and of every record of the same "
        "person? This cannot be undone"
    )
    if not yes and not typer.confirm(question):
        typer.echo("nothing erased", err=True)
        raise typer.Exit(1)
    report = _erase(customer_id)
    typer.echo(f"person {report.person_id}: {len(report.customer_records)} record(s) erased")
    for table, count in report.counts.items():
        typer.echo(f"  {table:<20} {count}")


@customers_app.command("link")
def link(shop: Annotated[str, typer.Option("--shop", help="the shop's slug")]) -> None:
    """Link and check every order not checked yet (after `goodbuyer import orders`)."""
    engine = make_engine(Settings().database_url)
    sessions = make_sessionmaker(engine)
    try:
        with sessions() as session:
            shop_id = get_shop_by_slug(session, shop).id
        done = link_unchecked(sessions, shop_id, SystemClock(), "cli")
    finally:
        engine.dispose()
    typer.echo(f"{done} orders linked and checked")


def register(app: typer.Typer) -> None:
    app.command("link-pairs")(link_pairs_command)
    app.add_typer(customers_app, name="customers")
    app.add_typer(orders_app, name="orders")


__all__ = ["customers_app", "link_pairs_command", "register"]
