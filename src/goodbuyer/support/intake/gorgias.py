"""Gorgias webhook payloads as support messages (pure).

A Gorgias HTTP integration posts what its body template says. Two shapes are read: the
ticket with its messages (`{"ticket": {...,"messages": [...]}}`, e.g. the template
`{"ticket": {{ticket}}}` on ticket-created), and one message beside its ticket
(`{"ticket": {...}, "message": {...}}` on ticket-message-created). Every message is keyed
by its Gorgias id, so sending a whole ticket again stores only what is new. Internal notes
(ours included) are never taken in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from goodbuyer.errors import FieldError, InvalidInput
from goodbuyer.support.intake.html_text import html_to_text
from goodbuyer.support.schemas import MessageIn
from goodbuyer.support.statuses import AuthorKind, Channel, Direction

GORGIAS_SOURCE = "gorgias"
INTERNAL_NOTE = "internal-note"
# Gorgias channels whose messages anyone can read: a reply there is public too.
PUBLIC_CHANNELS = frozenset(
    {"facebook", "facebook-mention", "instagram-comment", "instagram-ad-comment",
     "instagram-mention", "twitter", "tiktok-comment", "yotpo-review", "google-review"}
)  # fmt: skip
_CHANNELS = {"email": Channel.EMAIL, "chat": Channel.CHAT, "sms": Channel.SMS,
             "phone": Channel.PHONE, "whatsapp": Channel.WHATSAPP}  # fmt: skip
_SOCIAL_PREFIXES = ("facebook", "instagram", "twitter", "tiktok")


def gorgias_messages(payload: Mapping[str, Any]) -> list[MessageIn]:
    """The customer and agent messages in a Gorgias webhook body, oldest first."""
    ticket = payload.get("ticket")
    if not isinstance(ticket, dict) or ticket.get("id") in (None, ""):
        raise InvalidInput("ticket.id is missing", [FieldError("ticket.id", "required")])
    single = payload.get("message")
    if single is not None and not isinstance(single, dict):
        raise InvalidInput("message is not an object", [FieldError("message", "not an object")])
    listed = ticket.get("messages") or []
    if not isinstance(listed, list):
        raise InvalidInput("ticket.messages is not a list", [FieldError("ticket.messages", "")])
    raw_messages = [single] if single is not None else listed
    found = []
    for index, message in enumerate(raw_messages):
        where = "message" if single is not None else f"ticket.messages.{index}"
        if not isinstance(message, dict):
            raise InvalidInput(f"{where} is not an object", [FieldError(where, "not an object")])
        if _is_note(message):
            continue
        found.append(_message(ticket, message, where))
    return sorted(found, key=lambda m: m.sent_at)


def _is_note(message: Mapping[str, Any]) -> bool:
    return message.get("channel") == INTERNAL_NOTE or message.get("public") is False


def _message(ticket: Mapping[str, Any], message: Mapping[str, Any], where: str) -> MessageIn:
    if message.get("id") in (None, ""):
        raise InvalidInput(f"{where}.id is missing", [FieldError(f"{where}.id", "required")])
    body = (
        str(message.get("stripped_text") or "")
        or str(message.get("body_text") or "")
        or html_to_text(str(message.get("body_html") or ""))
    ).strip()
    if not body:
        raise InvalidInput(f"{where} has no text", [FieldError(f"{where}.body_text", "empty")])
    channel = str(message.get("channel") or ticket.get("channel") or "")
    from_agent = bool(message.get("from_agent"))
    person = _object(message, "sender") or ({} if from_agent else _object(ticket, "customer"))
    try:
        return _message_in(ticket, message, channel, from_agent, person, body, where)
    except ValidationError as exc:
        errors = [
            FieldError(f"{where}." + ".".join(str(p) for p in e["loc"]), e["msg"])
            for e in exc.errors()
        ]
        raise InvalidInput(f"{where} cannot be read: {errors[0].message}", errors) from None


def _object(parent: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = parent.get(name)
    return value if isinstance(value, dict) else {}


def _message_in(
    ticket: Mapping[str, Any], message: Mapping[str, Any], channel: str, from_agent: bool,
    person: Mapping[str, Any], body: str, where: str,
) -> MessageIn:  # fmt: skip
    return MessageIn(
        ticket_external_id=str(ticket["id"]),
        external_id=str(message["id"]),
        channel=_channel(channel),
        direction=Direction.OUTBOUND if from_agent else Direction.INBOUND,
        author_kind=AuthorKind.AGENT if from_agent else AuthorKind.CUSTOMER,
        author_name=str(person.get("name") or "")[:300] or None,
        author_email=str(person.get("email") or "")[:320] or None,
        subject=str(message.get("subject") or ticket.get("subject") or "")[:500] or None,
        body=body[:100_000],
        sent_at=_when(message.get("sent_datetime") or message.get("created_datetime"), where),
        raw={"gorgias_channel": channel, "public": channel in PUBLIC_CHANNELS,
             "via": message.get("via"), "gorgias_ticket_id": ticket["id"]},
    )  # fmt: skip


def _channel(name: str) -> Channel:
    if name in _CHANNELS:
        return _CHANNELS[name]
    if name.startswith("whatsapp"):
        return Channel.WHATSAPP
    if name.startswith(_SOCIAL_PREFIXES):
        return Channel.SOCIAL
    return Channel.HELPDESK


def _when(value: Any, where: str) -> datetime:
    # Gorgias writes ISO 8601 in UTC, often without an offset.
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        field = f"{where}.created_datetime"
        raise InvalidInput(f"{field} is not a date: {value!r}", [FieldError(field, "")]) from None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


__all__ = ["GORGIAS_SOURCE", "INTERNAL_NOTE", "PUBLIC_CHANNELS", "gorgias_messages"]
