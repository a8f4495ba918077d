"""`goodbuyer support ...`: the support desk from the command line.

`goodbuyer support read --shop S` reads the backlog: every customer message stored without
being read (a history import) is analysed, resolved and given a drafted reply."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.support import abuse_commands
from goodbuyer.support.intake import commands as intake_commands

support_app = typer.Typer(help="The support desk: read messages, helpdesks, blocks.")
console = Console(stderr=True)


@support_app.command("read")
def read(
    shop: Annotated[str, typer.Option("--shop", help="the shop's slug")],
    batch: Annotated[int, typer.Option(min=1, max=1024, help="messages per batch")] = 64,
) -> None:
    """Read every unread customer message of the shop, oldest first (safe to re-run)."""
    from goodbuyer.support.backlog import read_backlog

    engine = make_engine(Settings().database_url)
    sessions = make_sessionmaker(engine)
    try:
        with transaction(sessions) as session:
            shop_id = get_shop_by_slug(session, shop).id
        count = read_backlog(
            sessions,
            SystemClock(),
            shop_id,
            "cli",
            batch=batch,
            progress=lambda done: console.print(f"read {done:,} messages", end="\r"),
        )
        console.print(f"read {count:,} messages")
    finally:
        engine.dispose()


def register(app: typer.Typer) -> None:
    """One `goodbuyer support` group: reading here, mailboxes and helpdesks (intake),
    zero-tolerance blocks (abuse)."""
    support_app.add_typer(intake_commands.support_app)
    support_app.add_typer(abuse_commands.support_app)
    app.add_typer(support_app, name="support")
