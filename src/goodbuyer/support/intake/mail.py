"""One inbound e-mail, whichever door it came through, and the RFC 5322 parser (pure).

Multipart, any charset, quoted-printable and base64 are decoded by the standard library;
an HTML-only mail becomes text. A mail without a Message-Id gets one from its bytes, so
fetching it again is still recognised.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from goodbuyer.support.intake.html_text import html_to_text

_ID = re.compile(r"<[^<>\s]+>|[^<>\s]+")


@dataclass(frozen=True)
class InboundEmail:
    """What the support desk needs from an e-mail. `text` is the whole text; `reply` the
    new part when the provider already took the quotes out (else None)."""

    message_id: str
    sender: str
    sender_name: str | None
    subject: str | None
    text: str
    sent_at: datetime | None
    in_reply_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    reply: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def message_ids(header: str | None) -> tuple[str, ...]:
    """The ids in a Message-Id, In-Reply-To or References header, without angle brackets."""
    if not header:
        return ()
    return tuple(token.strip("<>") for token in _ID.findall(header) if token.strip("<>"))


def parse_date(value: str | None) -> datetime | None:
    """An RFC 5322 date as aware UTC; None when missing or unreadable."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_rfc822(data: bytes) -> InboundEmail:
    """An e-mail as fetched over IMAP. Raises ValueError when it has no sender or no text."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    addresses = getaddresses([str(message.get("From", ""))])
    name, sender = addresses[0] if addresses else ("", "")
    if "@" not in sender:
        raise ValueError("the e-mail has no From address")
    ids = message_ids(str(message.get("Message-ID", "")))
    message_id = ids[0] if ids else "sha256:" + hashlib.sha256(data).hexdigest()
    return InboundEmail(
        message_id=message_id,
        sender=sender,
        sender_name=name or None,
        subject=str(message["Subject"]) if message["Subject"] else None,
        text=body_text(message),
        sent_at=parse_date(str(message.get("Date", ""))),
        in_reply_to=message_ids(str(message.get("In-Reply-To", ""))),
        references=message_ids(str(message.get("References", ""))),
    )


def body_text(message: EmailMessage) -> str:
    """The plain-text body, else the HTML body as text, else ""."""
    part = message.get_body(preferencelist=("plain", "html"))
    if not isinstance(part, EmailMessage):
        return ""
    content = _content(part)
    return html_to_text(content) if part.get_content_subtype() == "html" else content.strip()


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):
        # An unknown or lying charset: decode what can be decoded rather than lose the mail.
        payload = part.get_payload(decode=True)
        return payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


__all__ = ["InboundEmail", "body_text", "message_ids", "parse_date", "parse_rfc822"]
