"""`goodbuyer support ...`: connect a provider, poll the support mailbox, push helpdesk
write-backs (docs/guides/support-intake.md)."""

from __future__ import annotations

import time
import uuid
from typing import Annotated

import httpx
import typer
from rich.console import Console
from sqlalchemy.orm import Session

from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.errors import FieldError, InvalidInput
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.support.intake.connections import connect_provider, connected_mailboxes
from goodbuyer.support.intake.imap import ImapMailbox, poll_mailbox
from goodbuyer.support.intake.push import PushOptions, push_helpdesk_writebacks
from goodbuyer.support.intake.statuses import Provider

support_app = typer.Typer(help="Support messages in: mailbox polling, providers, helpdesks.")
_console = Console(stderr=True, soft_wrap=True)


@support_app.command("connect")
def connect(
    shop: Annotated[str, typer.Argument(help="the shop's slug")],
    provider: Annotated[Provider, typer.Argument(help="mailgun, gorgias or imap")],
    secret: Annotated[
        str, typer.Option(help="Mailgun signing key, Gorgias API key, or the mailbox's password")
    ],
    domain: Annotated[str, typer.Option(help="Gorgias: the account, {domain}.gorgias.com")] = "",
    username: Annotated[str, typer.Option(help="Gorgias: the API user; IMAP: the login")] = "",
    base_url: Annotated[str, typer.Option(help="Gorgias: another API address (a fake)")] = "",
    host: Annotated[str, typer.Option(help="IMAP: the server")] = "",
    port: Annotated[int, typer.Option(help="IMAP: the port (0: 993, or 143 with --plain)")] = 0,
    folder: Annotated[str, typer.Option(help="IMAP: the folder to read")] = "INBOX",
    plain: Annotated[bool, typer.Option("--plain", help="IMAP: no TLS on connect")] = False,
    starttls: Annotated[
        bool, typer.Option("--starttls", help="IMAP: upgrade with STARTTLS")
    ] = False,
) -> None:
    """Save a shop's provider account (replacing the one before)."""
    settings: dict[str, object] = {}
    if provider == Provider.IMAP:
        if not host or not username:
            missing = "--host" if username else "--username"
            raise InvalidInput("an IMAP mailbox needs --host and --username",
                               [FieldError(missing, "required")])  # fmt: skip
        settings = {"host": host, "username": username, "port": port, "folder": folder,
                    "tls": not plain, "starttls": starttls}  # fmt: skip
    if provider == Provider.GORGIAS:
        if not (domain or base_url) or not username:
            raise InvalidInput(
                "Gorgias needs --username and --domain (or --base-url)",
                [FieldError("--domain" if username else "--username", "required")],
            )
        settings = {"domain": domain, "username": username, "base_url": base_url}
        settings = {k: v for k, v in settings.items() if v}
    engine = make_engine(Settings().database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            shop_id = get_shop_by_slug(session, shop).id
            now = SystemClock().now()
            connect_provider(session, shop_id, provider, secret, settings, now, "cli")
    finally:
        engine.dispose()
    _console.print(f"{provider.value} connected for {shop}")


@support_app.command("imap-poll")
def imap_poll(
    shop: Annotated[str | None, typer.Option("--shop", help="one shop (default: all)")] = None,
    once: Annotated[bool, typer.Option("--once", help="poll once and stop")] = False,
    interval: Annotated[float, typer.Option(min=1, help="seconds between polls")] = 60,
    host: Annotated[str | None, typer.Option(help="default GOODBUYER_IMAP_HOST")] = None,
    port: Annotated[int | None, typer.Option(help="default GOODBUYER_IMAP_PORT")] = None,
    folder: Annotated[str | None, typer.Option(help="default GOODBUYER_IMAP_FOLDER")] = None,
) -> None:
    """Store new mails as tickets: once, or every INTERVAL seconds until stopped. Every
    shop's mailbox saved with `support connect SHOP imap` (or only --shop's); a --shop
    without one reads the mailbox of the GOODBUYER_IMAP_* settings."""
    settings = Settings()
    engine = make_engine(settings.database_url)
    sessions, clock = make_sessionmaker(engine), SystemClock()
    try:
        with transaction(sessions) as session:
            boxes = _mailboxes(session, shop, settings, host, port, folder)
        while True:
            for shop_id, mailbox in boxes:
                report = poll_mailbox(sessions, shop_id, mailbox, clock)
                _console.print(f"{mailbox.key()}: {report.summary()}", highlight=False)
                for uid, why in report.rejected:
                    _console.print(f"  UID {uid} rejected: {why}", highlight=False)
            if once:
                return
            time.sleep(interval)
    finally:
        engine.dispose()


def _mailboxes(
    session: Session, shop: str | None, settings: Settings, host: str | None,
    port: int | None, folder: str | None,
) -> list[tuple[uuid.UUID, ImapMailbox]]:  # fmt: skip
    """The mailboxes to poll: the shops' saved ones, else --shop's from the settings."""
    shop_id = get_shop_by_slug(session, shop).id if shop else None
    saved = [(s, m) for s, m in connected_mailboxes(session) if shop_id in (None, s)]
    if saved:
        return saved
    mailbox = ImapMailbox(
        host=host or settings.imap_host, port=port or settings.imap_port,
        username=settings.imap_username, password=settings.imap_password,
        folder=folder or settings.imap_folder, tls=settings.imap_tls,
        starttls=settings.imap_starttls,
    )  # fmt: skip
    if shop_id is None or not mailbox.host or not mailbox.username:
        raise InvalidInput(
            "no IMAP mailbox: `goodbuyer support connect SHOP imap ...`, or --shop with "
            "GOODBUYER_IMAP_HOST and GOODBUYER_IMAP_USERNAME set",
            [FieldError("--shop" if shop_id is None else "GOODBUYER_IMAP_HOST", "required")],
        )
    return [(shop_id, mailbox)]


@support_app.command("push-helpdesk")
def push_helpdesk(
    limit: Annotated[int, typer.Option(min=1, help="write-backs per run")] = 100,
) -> None:
    """Push the queued tags and internal notes to the helpdesks, each once. Exit status
    1 when some write-back failed for good (its reason is kept on the row)."""
    settings = Settings()
    engine = make_engine(settings.database_url)
    try:
        with httpx.Client(timeout=20) as http:
            report = push_helpdesk_writebacks(
                make_sessionmaker(engine), SystemClock(), http, PushOptions(limit=limit)
            )
    finally:
        engine.dispose()
    _console.print(report.summary(), highlight=False)
    if report.failed:
        # SystemExit: `goodbuyer` runs click with standalone_mode=False (see store.commands).
        raise SystemExit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(support_app, name="support")


__all__ = ["register"]
