"""IMAP polling against a real IMAP server (pymap, in memory, on a local port)."""

from __future__ import annotations

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
from tests.support.intake.conftest import PASSWORD, USER, deliver


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
