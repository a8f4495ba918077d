"""`goodbuyer generate`: write a demo shop's two-year history as CSV files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from goodbuyer.demo.generator import Summary, generate

_console = Console()


def generate_command(
    customers: Annotated[int, typer.Option(min=1, help="How many customers.")] = 2_000,
    orders: Annotated[int, typer.Option(min=1, help="How many orders in all.")] = 8_000,
    seed: Annotated[int, typer.Option(help="The same seed writes the same bytes.")] = 1,
    out: Annotated[Path, typer.Option(help="Where to write the CSV files.")] = Path("demo"),
    workers: Annotated[
        int | None, typer.Option(min=1, help="Processes; default: one per CPU.")
    ] = None,
) -> None:
    """Generate a demo shop's history (orders, shipments, returns, tickets, refunds,
    chargebacks, surveys) plus ground_truth.csv with each customer's true archetype."""
    summary = generate(customers, orders, seed, out, workers=workers)
    _console.print(summary_table(summary))


def summary_table(summary: Summary) -> Table:
    table = Table(title=f"{summary.out_dir}  ({summary.start} to {summary.end})")
    table.add_column("file")
    table.add_column("records", justify="right")
    table.add_column("rows", justify="right")
    for name, records in summary.records.items():
        table.add_row(name, f"{records:,}", f"{summary.rows[name]:,}")
    table.caption = f"{summary.customers:,} customers in {summary.seconds:.1f} s"
    return table


def register(app: typer.Typer) -> None:
    app.command("generate")(generate_command)


__all__ = ["generate_command", "register", "summary_table"]
