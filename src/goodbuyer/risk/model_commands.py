"""Learned-model commands: `goodbuyer model train|evaluate --shop S [--target T]`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug

model_app = typer.Typer(help="The learned model: train and measure it.", no_args_is_help=True)
_console = Console()
_err = Console(stderr=True)
_Shop = Annotated[str, typer.Option("--shop", help="the shop's slug")]


class TargetChoice(StrEnum):
    RTO_RISK = "rto_risk"  # P(refused, returned to origin or unpaid), cash on delivery
    RETURN_RISK = "return_risk"  # P(a return), delivered orders
    ALL = "all"  # both


_Target = Annotated[TargetChoice, typer.Option("--target", help="which model")]


def _targets(choice: TargetChoice) -> tuple[str, ...]:
    return ("rto_risk", "return_risk") if choice is TargetChoice.ALL else (choice.value,)


@model_app.command("train")
def train(shop: _Shop, target: _Target = TargetChoice.ALL) -> None:
    """Train the shop's model(s) on its history, store and activate them, print the
    figures on the newest orders held out."""
    # Imported here: LightGBM and NumPy take a moment to load, which other commands skip.
    from goodbuyer.risk.model_service import ModelNotTrainable, train_models

    engine = make_engine(Settings().database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            shop_id = get_shop_by_slug(session, shop).id
            rows = train_models(session, shop_id, SystemClock().now(), targets=_targets(target))
            report = {r.target: r.metrics["held_out"] | {"model_id": str(r.id)} for r in rows}
    except ModelNotTrainable as e:
        _err.print(f"[red]cannot train:[/red] {e}")
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
    show(report, "held out (newest orders, never fitted on)")


@model_app.command("evaluate")
def evaluate(shop: _Shop, target: _Target = TargetChoice.ALL) -> None:
    """Measure the active model(s) again on the newest orders: the hold-out of training
    and every order that came in since."""
    from goodbuyer.risk.model_service import evaluate_models

    engine = make_engine(Settings().database_url)
    try:
        with make_sessionmaker(engine)() as session:
            shop_id = get_shop_by_slug(session, shop).id
            report = evaluate_models(session, shop_id, targets=_targets(target))
    finally:
        engine.dispose()
    show(report, "newest orders")


def show(report: dict[str, dict[str, Any]], title: str) -> None:
    """The figures per target, then each target's calibration table."""
    table = Table(title=f"Learned model: {title}", caption="P/R: precision/recall at 0.3, 0.5")
    for column in ("target", "n", "base", "AUC", "Brier", "log loss", "P/R .3", "P/R .5"):
        table.add_column(column, justify="left" if column == "target" else "right", no_wrap=True)
    for target, m in report.items():
        at = m["thresholds"]
        table.add_row(
            target, str(m["orders"]), f"{m['base_rate']:.3f}", f"{m['auc']:.3f}",
            f"{m['brier']:.4f}", f"{m['log_loss']:.4f}",
            f"{at['0.3']['precision']:.2f}/{at['0.3']['recall']:.2f}",
            f"{at['0.5']['precision']:.2f}/{at['0.5']['recall']:.2f}",
        )  # fmt: skip
    _console.print(table)
    for target, m in report.items():
        deciles = Table(title=f"{target}: calibration by decile of the probability")
        for column in ("decile", "orders", "predicted", "observed"):
            deciles.add_column(column, justify="right")
        for i, row in enumerate(m["deciles"], start=1):
            deciles.add_row(str(i), str(row["orders"]), f"{row['predicted']:.3f}",
                            f"{row['observed']:.3f}")  # fmt: skip
        _console.print(deciles)


def register(app: typer.Typer) -> None:
    app.add_typer(model_app, name="model")


__all__ = ["model_app", "register", "show"]
