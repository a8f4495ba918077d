"""IMAP polling against a real IMAP server (pymap, in memory, on a local port)."""

from __future__ import annotations

import imaplib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from sqlalchemy import update

from goodbuyer.db import transaction
from goodbuyer.errors import ExternalServiceError
from goodbuyer.support.intake.imap import ImapMailbox, poll_mailbox
from goodbuyer.support.intake.models import ImapCursor
from goodbuyer.support.models import Ticket, TicketMessage
from goodbuyer.web.deps import Services
from tests.factories import count_rows, make_shop

USER, PASSWORD = "tuki@kauppa.fi", "salasana"
_RUN_PYMAP = "import sys; from pymap.main import main; sys.exit(main())"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def imap_port() -> Iterator[int]:
    """A pymap server with one empty mailbox, for this module's tests."""
    port = _free_port()
    command = [sys.executable, "-c", _RUN_PYMAP, "--host", "127.0.0.1", "--port", str(port),
               "--no-tls", "dict", "--demo-user", USER, "--demo-password", PASSWORD]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("pymap did not start") from None
            time.sleep(0.1)
    yield port
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def folder(imap_port: int, request: pytest.FixtureRequest) -> str:
    """An empty folder of this test's own (the server lives for the whole module)."""
    name = "T" + str(abs(hash(request.node.nodeid)))
    with _imap(imap_port) as client:
        client.create(name)
    return name


class _imap:
    def __init__(self, port: int) -> None:
        self.client = imaplib.IMAP4("127.0.0.1", port)

    def __enter__(self) -> imaplib.IMAP4:
        self.client.login(USER, PASSWORD)
        return self.client

    def __exit__(self, *_: object) -> None:
        self.client.logout()


def deliver(port: int, folder: str, message: EmailMessage, seen: bool = False) -> None:
    with _imap(port) as client:
        status, _ = client.append(folder, "(\\Seen)" if seen else None, None, message.as_bytes())
        assert status == "OK"


def mail(message_id: str, body: str, **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = headers.pop("From", "Aino Virtanen <aino@example.fi>")
    message["To"] = USER
    message["Subject"] = headers.pop("Subject", "Tilaus #1042")
    message["Message-ID"] = f"<{message_id}>"
    message["Date"] = "Thu, 05 Mar 2026 11:00:00 +0200"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body, charset="iso-8859-1", cte="quoted-printable")
    return message


def box(port: int, folder: str, password: str = PASSWORD) -> ImapMailbox:
    return ImapMailbox("127.0.0.1", port, USER, password, folder=folder, tls=False)


def test_new_mails_are_stored_once_threaded_and_old_read_mails_left(
    services: Services, imap_port: int, folder: str
) -> None:
    shop_id, _ = make_shop(services)
    deliver(imap_port, folder, mail("old@x", "vanha, luettu"), seen=True)
    deliver(imap_port, folder, mail("m1@x", "Missä tilaukseni on?"))
    html = mail("m2@x", "x", From="Boris <boris@example.cz>")
    html.set_content("<p>Kde je moje objednávka?</p>", subtype="html", charset="utf-8")
    deliver(imap_port, folder, html)
    reply = "Odotan yhä.\n\nto 5.3.2026 klo 11.00 Kauppa <tuki@kauppa.fi> kirjoitti:\n> Hei"
    deliver(imap_port, folder, mail("m3@x", reply, In_Reply_To="<m1@x>"))

    first = poll_mailbox(services.sessions, shop_id, box(imap_port, folder), services.clock)
    again = poll_mailbox(services.sessions, shop_id, box(imap_port, folder), services.clock)
    deliver(imap_port, folder, mail("m4@x", "Uusi viesti"))
    later = poll_mailbox(services.sessions, shop_id, box(imap_port, folder), services.clock)

    assert (first.fetched, first.stored, again.fetched) == (3, 3, 0)
    assert (later.fetched, later.stored) == (1, 1)
    assert (count_rows(services, Ticket), count_rows(services, TicketMessage)) == (3, 4)
    with services.sessions() as session:
        bodies = sorted(m.body for m in session.query(TicketMessage))
    assert bodies == ["Kde je moje objednávka?", "Missä tilaukseni on?", "Odotan yhä.",
                      "Uusi viesti"]  # fmt: skip


def test_a_new_uidvalidity_reads_again_without_duplicates(
    services: Services, imap_port: int, folder: str
) -> None:
    shop_id, _ = make_shop(services)
    deliver(imap_port, folder, mail("m1@x", "Missä tilaukseni on?"))
    poll_mailbox(services.sessions, shop_id, box(imap_port, folder), services.clock)
    with transaction(services.sessions) as session:
        session.execute(update(ImapCursor).values(uid_validity=1, last_uid=999_999))

    after = poll_mailbox(services.sessions, shop_id, box(imap_port, folder), services.clock)

    assert (after.fetched, after.stored, after.duplicates) == (1, 0, 1)
    assert count_rows(services, TicketMessage) == 1


def test_an_unreadable_mail_is_reported_and_passed(
    services: Services, imap_port: int, folder: str
) -> None:
    shop_id, _ = make_shop(services)
    deliver(imap_port, folder, mail("m1@x", "   ", From="nobody"))
    deliver(imap_port, folder, mail("m2@x", "Hei"))

    first = poll_mailbox(services.sessions, shop_id, box(imap_port, folder), services.clock)
    again = poll_mailbox(services.sessions, shop_id, box(imap_port, folder), services.clock)

    assert (first.fetched, first.stored, len(first.rejected), again.fetched) == (2, 1, 1, 0)
    assert "From" in first.rejected[0][1]


def test_a_wrong_password_is_an_external_service_error(
    services: Services, imap_port: int, folder: str
) -> None:
    shop_id, _ = make_shop(services)

    with pytest.raises(ExternalServiceError, match=r"IMAP 127\.0\.0\.1"):
        poll_mailbox(services.sessions, shop_id, box(imap_port, folder, "wrong"), services.clock)
