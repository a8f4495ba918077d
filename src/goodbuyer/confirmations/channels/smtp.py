"""E-mail through any SMTP server with the standard library (STARTTLS and login optional).

An SMTP server cannot be asked what it already accepted, so `find_sent` answers None and a
step re-run after a crash inside the SMTP conversation sends again; the copy carries the
same Message-ID (derived from the idempotency key), which mail stores and clients treat
as the same message, so the customer sees it once.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate

from goodbuyer.confirmations.channels.base import ChannelError, Message
from goodbuyer.confirmations.channels.retry import Backoff, with_retries
from goodbuyer.confirmations.statuses import OutboundChannel

_NOT_ATEXT = re.compile(r"[^A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+")


def message_id(key: str, sender: str) -> str:
    """An RFC 5322 msg-id from the key: `<confirm.<id>.<step>@<sender's domain>>`."""
    left = ".".join(part for part in _NOT_ATEXT.split(key) if part) or "message"
    domain = sender.rpartition("@")[2].strip(">").strip()
    right = ".".join(part for part in _NOT_ATEXT.split(domain) if part) or "goodbuyer"
    return f"<{left}@{right}>"


class SmtpChannel:
    kind = OutboundChannel.EMAIL

    def __init__(
        self, host: str, port: int, sender: str, username: str = "", password: str = "",
        starttls: bool = False, timeout: float = 20.0, backoff: Backoff | None = None,
    ) -> None:  # fmt: skip
        self._host, self._port, self._sender = host, port, sender
        self._login = (username, password) if username else None
        self._starttls, self._timeout = starttls, timeout
        self._backoff = backoff or Backoff()

    def send(self, message: Message) -> str:
        email = self._compose(message)
        with_retries(lambda: self._deliver(email), self._backoff, f"smtp {message.key}")
        return str(email["Message-ID"])

    def find_sent(self, message: Message, since: datetime) -> str | None:
        return None  # SMTP cannot tell; a re-send carries the same Message-ID (see above)

    def _compose(self, message: Message) -> EmailMessage:
        email = EmailMessage()
        email["From"] = self._sender
        email["To"] = message.recipient
        email["Subject"] = message.subject or ""
        email["Date"] = formatdate(usegmt=True)
        email["Message-ID"] = message_id(message.key, self._sender)
        email.set_content(message.body, charset="utf-8")
        return email

    def _deliver(self, email: EmailMessage) -> None:
        try:
            with smtplib.SMTP(self._host, self._port, timeout=self._timeout) as smtp:
                if self._starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self._login:
                    smtp.login(*self._login)
                smtp.send_message(email)
        except smtplib.SMTPRecipientsRefused as exc:
            code = min(answer[0] for answer in exc.recipients.values())
            raise ChannelError(f"SMTP refused {list(exc.recipients)}: {code}",
                               retryable=400 <= code < 500) from exc  # fmt: skip
        except smtplib.SMTPResponseException as exc:
            raise ChannelError(f"SMTP {exc.smtp_code}: {exc.smtp_error!r}",
                               retryable=400 <= exc.smtp_code < 500) from exc  # fmt: skip
        except (smtplib.SMTPException, OSError) as exc:
            raise ChannelError(f"SMTP server unreachable: {exc!r}") from exc


__all__ = ["SmtpChannel", "message_id"]
