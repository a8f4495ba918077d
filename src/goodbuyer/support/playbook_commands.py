"""`goodbuyer playbook`: try a policy's support playbook on tickets' facts, offline.

Reads JSON lines {"id"?, "intent", "facts": {...}} on stdin and writes one line per input
{"id", "intent", "resolution": {...}, "flag"}. Facts left out take the values of a
ticket without an order. Exit codes: 0 every line resolved; 2 a bad policy file, or at
least one bad line (each named on stderr with its line number; the others still run)."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import TypeAdapter, ValidationError

from goodbuyer.policy.loading import PolicyTextError, default_policy_text, parse_policy
from goodbuyer.policy.support import SupportPolicy
from goodbuyer.support.playbook import dispute_flag, resolve
from goodbuyer.support.ticket_facts import TicketFacts

EXIT_BAD_INPUT = 2
# A ticket without an order: what facts left out of a line read.
NO_ORDER: dict[str, Any] = {
    "has_order": False, "order_number": None, "order_status": None, "payment_method": None,
    "shipped": False, "delivered_scan": False, "days_late": None, "days_since_delivery": None,
    "fault": "unknown", "first_name": None, "carrier": None, "tracking_number": None,
    "tracking_url": None, "order_total": None, "currency": None, "net_value": 0, "vip": False,
    "segments": [], "open_dispute": None, "blocked": False, "affected_total": None,
}  # fmt: skip
_FACTS: TypeAdapter[TicketFacts] = TypeAdapter(TicketFacts)


def playbook(
    policy: Annotated[
        Path | None, typer.Option(help="a policy file (default: the default policy)")
    ] = None,
) -> None:
    """Resolve JSON lines {"id"?, "intent", "facts"} with the policy's playbook."""
    try:
        text = policy.read_text("utf-8") if policy else default_policy_text()
        support = parse_policy(text).support
    except (OSError, PolicyTextError) as e:
        typer.echo(f"{policy}: {e}", err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    bad = 0
    for number, line in _lines(sys.stdin):
        try:
            out = resolve_line(support, line)
        except ValueError as e:
            bad += 1
            typer.echo(f"line {number}: {e}", err=True)
            continue
        typer.echo(json.dumps(out, ensure_ascii=False))
    if bad:
        raise typer.Exit(EXIT_BAD_INPUT)


def _lines(stream: Iterable[str]) -> Iterable[tuple[int, str]]:
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield number, line


def resolve_line(support: SupportPolicy, line: str) -> dict[str, Any]:
    """One input line resolved; ValueError names what is wrong with it."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON: {e.msg} at column {e.colno}") from None
    if not isinstance(data, dict) or not isinstance(data.get("intent"), str):
        raise ValueError('expected {"id"?, "intent": "...", "facts": {...}}')
    given = data.get("facts", {})
    if not isinstance(given, dict):
        raise ValueError("facts: expected an object")
    unknown = sorted(set(given) - set(NO_ORDER))
    if unknown:
        raise ValueError(f"facts: unknown field(s) {', '.join(unknown)}")
    try:
        facts = _FACTS.validate_python({**NO_ORDER, **given})
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"facts.{where}: {first['msg']}") from None
    intent = data["intent"]
    found = resolve(support, intent, facts)
    resolution = dataclasses.asdict(found)
    resolution["kind"] = found.kind.value
    return {"id": data.get("id"), "intent": intent, "resolution": resolution,
            "flag": dispute_flag(intent, facts)}  # fmt: skip


def register(app: typer.Typer) -> None:
    app.command("playbook")(playbook)


__all__ = ["EXIT_BAD_INPUT", "NO_ORDER", "playbook", "register", "resolve_line"]
