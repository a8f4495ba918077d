"""A real local SMTP server (aiosmtpd) that records every message it accepts, in order,
before it answers; it can be told to answer slowly, to fail the next messages with a
transient 451, and to refuse recipients for good (550). Tests and the benchmark use it."""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

REFUSED_DOMAIN = "invalid"  # RFC 2606: an address @invalid is refused with 550


@dataclass(frozen=True)
class FakeEmail:
    sender: str
    recipients: tuple[str, ...]
    message: EmailMessage

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def body(self) -> str:
        """The plain-text body as written (SMTP's CRLF and final newline taken off)."""
        part = self.message.get_body(("plain",))
        text = str(part.get_content()) if part is not None else ""
        return text.replace("\r\n", "\n").removesuffix("\n")


class _Handler:
    def __init__(self, server: FakeSmtp) -> None:
        self._server = server

    async def handle_RCPT(
        self, _server: Any, _session: Any, envelope: Any, address: str, _options: Any
    ) -> str:
        if address.lower().endswith("@" + REFUSED_DOMAIN):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        if self._server.take_failure():
            return "451 4.3.0 Told to fail, try again later"
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self._server.record(FakeEmail(envelope.mail_from, tuple(envelope.rcpt_tos), parsed))
        if self._server.delay:
            await asyncio.sleep(self._server.delay)
        return "250 Message accepted for delivery"


class FakeSmtp:
    """`start()` listens on 127.0.0.1 (a free port unless one is given); `stop()` ends it."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self.host, self.port = host, port or free_port(host)
        self.delay = 0.0  # seconds between recording a message and answering 250
        self._lock = threading.Lock()
        self._emails: list[FakeEmail] = []
        self._failures = 0
        self._controller = Controller(_Handler(self), hostname=host, port=self.port)

    @property
    def emails(self) -> list[FakeEmail]:
        with self._lock:
            return list(self._emails)

    def record(self, email: FakeEmail) -> None:
        with self._lock:
            self._emails.append(email)

    def fail_next(self, count: int) -> None:
        with self._lock:
            self._failures += count

    def take_failure(self) -> bool:
        with self._lock:
            if self._failures:
                self._failures -= 1
                return True
            return False

    def reset(self) -> None:
        with self._lock:
            self._emails.clear()
            self._failures = 0
        self.delay = 0.0

    def start(self) -> FakeSmtp:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


__all__ = ["REFUSED_DOMAIN", "FakeEmail", "FakeSmtp", "free_port"]
