"""E-mail providers' inbound shapes as InboundEmail (pure): Postmark's inbound JSON and
Mailgun's routed form post, with Mailgun's HMAC signature check."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from typing import Any

from goodbuyer.errors import FieldError, InvalidInput
from goodbuyer.support.intake.html_text import html_to_text
from goodbuyer.support.intake.mail import InboundEmail, message_ids, parse_date

# Mailgun retries a failed delivery for hours with the same signature; replays are
# harmless (the Message-Id is stored once), so the window only stops stale captures.
MAILGUN_MAX_AGE = timedelta(hours=12)


def mailgun_signature_ok(
    signing_key: str, timestamp: str, token: str, signature: str, now: datetime
) -> bool:
    """Mailgun signs timestamp + token with HMAC-SHA256 under the account's signing key."""
    if not (signing_key and timestamp.isdigit() and token and signature):
        return False
    expected = hmac.new(signing_key.encode(), (timestamp + token).encode(), hashlib.sha256)
    if not hmac.compare_digest(expected.hexdigest(), signature.strip().lower()):
        return False
    signed_at = datetime.fromtimestamp(int(timestamp), UTC)
    return abs(now - signed_at) <= MAILGUN_MAX_AGE


def mailgun_email(form: Mapping[str, str]) -> InboundEmail:
    """A Mailgun routed message (forward action): headers are form fields of their own."""
    headers = _mailgun_headers(form)
    sender = form.get("sender") or _address(headers.get("from", ""))
    text = form.get("body-plain") or html_to_text(form.get("body-html", ""))
    _require({"sender": sender, "body-plain": text})
    ids = message_ids(form.get("Message-Id") or headers.get("message-id"))
    if not ids:
        raise _missing("Message-Id")
    timestamp = form.get("timestamp", "")
    return InboundEmail(
        message_id=ids[0],
        sender=sender,
        sender_name=_name(form.get("from") or headers.get("from", "")),
        subject=form.get("subject") or headers.get("subject") or None,
        text=text.strip(),
        sent_at=parse_date(form.get("Date") or headers.get("date"))
        or (datetime.fromtimestamp(int(timestamp), UTC) if timestamp.isdigit() else None),
        in_reply_to=message_ids(form.get("In-Reply-To") or headers.get("in-reply-to")),
        references=message_ids(form.get("References") or headers.get("references")),
        reply=(form.get("stripped-text") or "").strip() or None,
        extra={"recipient": form.get("recipient")},
    )


def postmark_email(payload: Mapping[str, Any]) -> InboundEmail:
    """A Postmark inbound webhook. Postmark's own MessageID names the message only when
    the mail carried no Message-ID header."""
    given = payload.get("FromFull")
    full: Mapping[str, Any] = given if isinstance(given, dict) else {}
    sender = str(full.get("Email") or _address(str(payload.get("From") or "")))
    text = str(payload.get("TextBody") or "") or html_to_text(str(payload.get("HtmlBody") or ""))
    _require({"FromFull.Email": sender, "TextBody": text})
    headers = _postmark_headers(payload.get("Headers"))
    ids = message_ids(headers.get("message-id")) or message_ids(str(payload.get("MessageID") or ""))
    if not ids:
        raise _missing("MessageID")
    return InboundEmail(
        message_id=ids[0] if headers.get("message-id") else f"postmark:{ids[0]}",
        sender=sender,
        sender_name=str(full.get("Name") or payload.get("FromName") or "") or None,
        subject=str(payload.get("Subject") or "") or None,
        text=text.strip(),
        sent_at=parse_date(str(payload.get("Date") or "")),
        in_reply_to=message_ids(headers.get("in-reply-to")),
        references=message_ids(headers.get("references")),
        reply=str(payload.get("StrippedTextReply") or "").strip() or None,
        extra={"recipient": payload.get("OriginalRecipient"), "postmark_id": ids[-1]},
    )


def _mailgun_headers(form: Mapping[str, str]) -> dict[str, str]:
    raw = form.get("message-headers")
    if not raw:
        return {}
    try:
        pairs = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            "message-headers is not JSON", [FieldError("message-headers", str(exc))]
        ) from None
    if not isinstance(pairs, list):
        raise InvalidInput("message-headers is not a list", [FieldError("message-headers", "")])
    return {str(p[0]).lower(): str(p[1]) for p in pairs if isinstance(p, list) and len(p) == 2}


def _postmark_headers(headers: Any) -> dict[str, str]:
    if not isinstance(headers, list):
        return {}
    return {
        str(h.get("Name", "")).lower(): str(h.get("Value", ""))
        for h in headers
        if isinstance(h, dict)
    }


def _address(value: str) -> str:
    return parseaddr(value)[1]


def _name(value: str) -> str | None:
    return parseaddr(value)[0] or None


def _require(fields: Mapping[str, str]) -> None:
    for name, value in fields.items():
        if not value or not value.strip():
            raise _missing(name)
    sender = next(iter(fields.values()))
    if "@" not in sender:
        first = next(iter(fields))
        raise InvalidInput(f"{first} is not an e-mail address", [FieldError(first, sender)])


def _missing(name: str) -> InvalidInput:
    return InvalidInput(f"{name} is missing or empty", [FieldError(name, "required")])


__all__ = ["MAILGUN_MAX_AGE", "mailgun_email", "mailgun_signature_ok", "postmark_email"]
