"""Lifetime-value commands: `goodbuyer customers value --shop S [--months N]`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from goodbuyer.clock import SystemClock
from goodbuyer.customers.models import CustomerValue
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.identity.commands import customers_app
from goodbuyer.money import from_minor
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug

if TYPE_CHECKING:
    from goodbuyer.customers.values import FitReport


def value(
    shop: Annotated[str, typer.Option("--shop", help="the shop's slug")],
    months: Annotated[int, typer.Option("--months", min=1, max=120, help="horizon")] = 12,
) -> None:
    """Fit lifetime value per person (BG/NBD + Gamma-Gamma, else RFM tiers) and store it."""
    # Imported here: NumPy and SciPy take a second to load, which no other command needs.
    from goodbuyer.customers.values import fit_shop_values, top_values

    engine = make_engine(Settings().database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            shop_id = get_shop_by_slug(session, shop).id
            report = fit_shop_values(session, shop_id, SystemClock().now(), months)
            _show(report, top_values(session, shop_id, 10))
    finally:
        engine.dispose()


def _show(report: FitReport, top: list[CustomerValue]) -> None:
    console = Console()
    console.print(f"[bold]{report.method}[/bold]  {report.reason}")
    parameters = ", ".join(f"{k}={v:.4g}" for k, v in report.parameters.items())
    console.print(f"parameters: {parameters or 'none (no model fitted)'}")
    console.print(
        f"{report.persons:,} persons, {report.customers:,} who bought ({report.repeat:,} "
        f"repeat); {report.purchases:,} purchases in {report.orders:,} orders; "
        f"{report.months} months ahead, {report.currency}"
    )
    table = Table("person", "orders", "history", "predicted", "P(alive)", title="top 10")
    for row in top:
        history, predicted = (
            str(from_minor(money, row.currency))
            for money in (row.historical_value, row.predicted_value)
        )
        alive = "-" if row.probability_alive is None else f"{row.probability_alive:.2f}"
        table.add_row(str(row.person_id), str(row.orders), history, predicted, alive)
    console.print(table)


def register(app: typer.Typer) -> None:
    # A subcommand of `goodbuyer customers`, the group the identity feature adds to `app`.
    customers_app.command("value")(value)


__all__ = ["register", "value"]
