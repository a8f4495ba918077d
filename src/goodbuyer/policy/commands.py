"""Policy commands: `goodbuyer policy default|show|draft|validate|activate|diff|history`,
`goodbuyer lists add|remove|show`, `goodbuyer customers snooze|unsnooze|snoozes`."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.errors import InvalidInput, NotFound
from goodbuyer.identity.commands import customers_app
from goodbuyer.policy import service
from goodbuyer.policy.statuses import ListKind, ListSubject
from goodbuyer.settings import Settings
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.store.models import Customer

policy_app = typer.Typer(help="The shop's policy: versions, checks, activation.",
                         no_args_is_help=True)  # fmt: skip
lists_app = typer.Typer(help="Block and allow list entries.", no_args_is_help=True)
ACTOR = "cli"
Shop = Annotated[str, typer.Option("--shop", help="the shop's slug")]


@contextmanager
def _session(shop: str | None = None) -> Iterator[tuple[Session, uuid.UUID]]:
    """One transaction on the configured database, with the shop's id (if named)."""
    engine = make_engine(Settings().database_url)
    try:
        with transaction(make_sessionmaker(engine)) as session:
            yield session, get_shop_by_slug(session, shop).id if shop else uuid.UUID(int=0)
    finally:
        engine.dispose()


def _problems(source: str, problems: list[service.Problem]) -> None:
    for p in problems:
        typer.echo(f"{source}:{p.line}: {p.where}: {p.message}", err=True)


@policy_app.command("default")
def default() -> None:
    """Print the default policy (every shop starts with it)."""
    sys.stdout.write(service.default_policy_text())


@policy_app.command("show")
def show(shop: Shop, version: Annotated[int | None, typer.Option()] = None) -> None:
    """Print the active policy's text, or version N's."""
    now = SystemClock().now()
    with _session(shop) as (session, shop_id):
        found = (service.get_version(session, shop_id, version) if version is not None
                 else service.ensure_policy(session, shop_id, now))  # fmt: skip
        typer.echo(f"# version {found.version}, {found.status.value}", err=True)
        sys.stdout.write(found.text)


@policy_app.command("draft")
def draft(
    shop: Shop, file: Path, note: Annotated[str, typer.Option(help="what changed")] = ""
) -> None:
    """Store FILE as a new draft version and check it (exit 1 when it has problems)."""
    with _session(shop) as (session, shop_id):
        made = service.create_draft(session, shop_id, actor=ACTOR, now=SystemClock().now(),
                                    text=file.read_text(encoding="utf-8"), note=note)  # fmt: skip
        problems = [service.Problem(**p) for p in made.problems]
        typer.echo(f"version {made.version}: {made.status.value}")
    _problems(str(file), problems)
    if problems:
        raise typer.Exit(1)


@policy_app.command("validate")
def validate(
    file: Annotated[Path | None, typer.Argument()] = None,
    version: Annotated[int | None, typer.Option(help="a stored version instead")] = None,
    shop: Annotated[str | None, typer.Option("--shop", help="the shop's slug")] = None,
) -> None:
    """Check FILE (or a stored version); every problem as FILE:LINE: where: message."""
    if (file is None) == (version is None):
        raise InvalidInput("give FILE or --version N")
    if file is not None:
        source, problems = str(file), service.validate_text(file.read_text(encoding="utf-8"))
    else:
        if shop is None:
            raise InvalidInput("--version needs --shop")
        with _session(shop) as (session, shop_id):
            assert version is not None
            problems = service.validate_version(session, shop_id, version, ACTOR,
                                                SystemClock().now())  # fmt: skip
        source = f"version {version}"
    _problems(source, problems)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{source}: no problems")


@policy_app.command("activate")
def activate(shop: Shop, version: int) -> None:
    """Make validated version N the one deciding orders."""
    with _session(shop) as (session, shop_id):
        service.activate_version(session, shop_id, version, ACTOR, SystemClock().now())
    typer.echo(f"version {version} is active")


@policy_app.command("diff")
def diff(shop: Shop, old: int, new: int) -> None:
    """A unified diff of versions OLD and NEW."""
    with _session(shop) as (session, shop_id):
        sys.stdout.write(service.diff_versions(session, shop_id, old, new))


@policy_app.command("history")
def history(shop: Shop) -> None:
    """Every version, newest first."""
    with _session(shop) as (session, shop_id):
        service.ensure_policy(session, shop_id, SystemClock().now())
        for v in service.history(session, shop_id):
            when = f"{v.created_at:%Y-%m-%d %H:%M}"
            line = f"{v.version:>4}  {v.status.value:<9}  {when}  {v.created_by}"
            typer.echo(line + (f"  {v.note}" if v.note else ""))


def _when(text: str | None) -> datetime | None:
    """An ISO date or date and time; UTC unless it says otherwise."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date (2026-04-01 or 2026-04-01T12:00)") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@lists_app.command("add")
def lists_add(
    shop: Shop,
    kind: ListKind,
    subject: ListSubject,
    value: str,
    reason: Annotated[str, typer.Option(help="why (kept with the entry)")],
    country: Annotated[str, typer.Option(help="for a national phone, address, postcode")] = "",
    postcode: Annotated[str, typer.Option(help="for an address")] = "",
    city: Annotated[str, typer.Option(help="for an address")] = "",
    expires: Annotated[str | None, typer.Option(help="ISO date it lapses")] = None,
) -> None:
    """Put VALUE on the block or allow list; prints the entry's id and stored value."""
    with _session(shop) as (session, shop_id):
        entry = service.add_entry(
            session, shop_id, kind, subject, value, reason=reason, actor=ACTOR,
            now=SystemClock().now(), where=service.Where(country, postcode, city),
            expires_at=_when(expires),
        )  # fmt: skip
        typer.echo(f"{entry.id}  {entry.kind.value} {entry.subject.value} {entry.value}")


@lists_app.command("remove")
def lists_remove(shop: Shop, entry_id: uuid.UUID) -> None:
    with _session(shop) as (session, shop_id):
        entry = service.remove_entry(session, shop_id, entry_id, ACTOR, SystemClock().now())
        typer.echo(f"removed {entry.kind.value} {entry.subject.value} {entry.value}")


@lists_app.command("show")
def lists_show(
    shop: Shop,
    kind: Annotated[ListKind | None, typer.Option()] = None,
    expired: Annotated[bool, typer.Option(help="lapsed entries too")] = False,
) -> None:
    """The entries, newest first: id, kind, subject, value, expiry, reason."""
    with _session(shop) as (session, shop_id):
        for e in service.list_entries(session, shop_id, SystemClock().now(), kind=kind,
                                      expired=expired):  # fmt: skip
            until = f"{e.expires_at:%Y-%m-%d}" if e.expires_at else "-"
            typer.echo(f"{e.id}  {e.kind.value:<5} {e.subject.value:<8} {e.value}  {until}  "
                       f"{e.reason}")  # fmt: skip


def _shop_of(session: Session, customer_id: uuid.UUID) -> uuid.UUID:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(f"no customer {customer_id}")
    return customer.shop_id


def snooze(
    customer_id: uuid.UUID,
    rule: str,
    until: Annotated[str, typer.Option(help="ISO date or date and time (UTC)")],
    note: Annotated[str, typer.Option(help="why (kept, and shown on the timeline)")],
) -> None:
    """Suppress RULE of the active policy for the customer until a date."""
    with _session() as (session, _):
        made = service.snooze_rule(session, _shop_of(session, customer_id), customer_id, rule,
                                   until=_when(until) or SystemClock().now(), note=note,
                                   actor=ACTOR, now=SystemClock().now())  # fmt: skip
        typer.echo(f"{made.id}  {made.rule} snoozed until {made.until:%Y-%m-%d %H:%M} UTC")


def unsnooze(customer_id: uuid.UUID, rule: str) -> None:
    """Lift the customer's snoozes of RULE."""
    now = SystemClock().now()
    with _session() as (session, _):
        shop_id = _shop_of(session, customer_id)
        found = [s for s in service.list_snoozes(session, shop_id, customer_id, now)
                 if s.rule == rule]  # fmt: skip
        for s in found:
            service.lift_snooze(session, shop_id, customer_id, s.id, ACTOR, now)
    if not found:
        raise InvalidInput(f"no snooze of {rule} in force for customer {customer_id}")
    typer.echo(f"{rule}: {len(found)} snooze(s) lifted")


def register(app: typer.Typer) -> None:
    app.add_typer(policy_app, name="policy")
    app.add_typer(lists_app, name="lists")
    customers_app.command("snooze")(snooze)
    customers_app.command("unsnooze")(unsnooze)


__all__ = ["lists_app", "policy_app", "register"]
