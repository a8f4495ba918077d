"""`goodbuyer backtest POLICY [--against OTHER] [--from D] [--to D] --shop S`: replay a
policy over past orders and write the report as JSON and HTML."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy.orm import Session

from goodbuyer.db import make_engine, make_sessionmaker
from goodbuyer.risk.backtest_report import render_report
from goodbuyer.risk.backtest_service import (
    models_as_of,
    policy_from_text,
    run_backtest,
    stored_policy,
)
from goodbuyer.risk.compiled import CompiledPolicy
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug


def _policy(session: Session, shop_id: object, which: str) -> tuple[str, CompiledPolicy]:
    path = Path(which)
    if path.suffix in (".yaml", ".yml") or path.is_file():
        return path.name, policy_from_text(path.read_text(encoding="utf-8"), path.name)
    label = which if not which.isdigit() else f"v{which}"
    return label, stored_policy(session, shop_id, which)  # type: ignore[arg-type]


def _day(text: str | None) -> datetime | None:
    if not text:
        return None
    at = datetime.fromisoformat(text)
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def backtest(
    policy: Annotated[str, typer.Argument(help="a YAML file, `default`, `active` or a version")],
    shop: Annotated[str, typer.Option("--shop", help="the shop's slug")],
    against: Annotated[str | None, typer.Option("--against", help="a second policy")] = None,
    since: Annotated[str | None, typer.Option("--from", help="first day (ISO), inclusive")] = None,
    until: Annotated[str | None, typer.Option("--to", help="last day (ISO), exclusive")] = None,
    out: Annotated[Path, typer.Option("--out", help="report file stem")] = Path("backtest"),
    workers: Annotated[int, typer.Option("--workers", min=1, help="processes")] = 2,
    model: Annotated[
        bool, typer.Option("--model", help="score with the models of the time")
    ] = False,
) -> None:
    """Replay POLICY over the shop's past orders as of their time; compare with --against."""
    engine = make_engine(Settings().database_url)
    try:
        with make_sessionmaker(engine)() as session:
            shop_id = get_shop_by_slug(session, shop).id
            policies = [_policy(session, shop_id, policy)]
            if against:
                policies.append(_policy(session, shop_id, against))
            scorer = models_as_of(session, shop_id) if model else None
            report = run_backtest(session, shop_id, policies, since=_day(since),
                                  until=_day(until), scorer=scorer, workers=workers)  # fmt: skip
    finally:
        engine.dispose()
    out.with_suffix(".json").write_text(json.dumps(report, indent=1, default=str), "utf-8")
    out.with_suffix(".html").write_text(render_report(report), encoding="utf-8")
    _show(report, out)


def _show(report: dict[str, object], out: Path) -> None:
    console = Console()
    for p in report["policies"]:  # type: ignore[attr-defined]
        bad, hurt, money = p["bad_cod"], p["good_customers_hurt"], p["money"]
        console.print(
            f"[bold]{p['label']}[/bold]: {p['orders']:,} orders, friction "
            f"{p['friction_share']:.1%}; bad COD caught {bad['caught']:,}/{bad['orders']:,} "
            f"({bad['catch_rate']:.1%}); good customers hurt {hurt['customers']:,}; "
            f"net {money['net'] / 100:,.2f}"
        )
    console.print(f"report: {out.with_suffix('.html')} and {out.with_suffix('.json')}")


def register(app: typer.Typer) -> None:
    app.command("backtest")(backtest)


__all__ = ["backtest", "register"]
