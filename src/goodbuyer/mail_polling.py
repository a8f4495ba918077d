"""The worker reads the shops' support mailboxes, in a thread of its own: every
`imap_poll_seconds` it polls each mailbox saved with `goodbuyer support connect SHOP
imap ...` and stores its new mails as tickets (read and answered as they arrive). A
mailbox that fails (the server away, a wrong password) is logged and polled again next
round; the others go on. The UID cursor per mailbox means a mail is stored once, even
with several workers polling.
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.db import transaction
from goodbuyer.repeating import start_repeating
from goodbuyer.settings import Settings
from goodbuyer.support.intake.connections import connected_mailboxes
from goodbuyer.support.intake.imap import PollReport, poll_mailbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Polled:
    shop_id: uuid.UUID
    mailbox: str  # ImapMailbox.key()
    report: PollReport | None  # None: the poll failed (logged)


def poll_round(sessions: sessionmaker[Session], clock: Clock) -> list[Polled]:
    """Poll every saved mailbox once, in the order they were saved."""
    with transaction(sessions) as session:
        boxes = connected_mailboxes(session)
    polled = []
    for shop_id, mailbox in boxes:
        report: PollReport | None = None
        try:
            report = poll_mailbox(sessions, shop_id, mailbox, clock)
        except Exception:
            log.exception("polling %s failed; trying again next round", mailbox.key())
        polled.append(Polled(shop_id, mailbox.key(), report))
    return polled


def start_polling(
    settings: Settings, sessions: sessionmaker[Session], clock: Clock, stop: threading.Event
) -> threading.Thread | None:
    """Poll every `settings.imap_poll_seconds` until `stop` is set, in a daemon thread;
    None when it is 0."""

    def round_() -> None:
        for done in poll_round(sessions, clock):
            report = done.report
            if report is not None and (report.stored or report.rejected):
                log.info("%s: %s", done.mailbox, report.summary())

    return start_repeating("goodbuyer-mail", settings.imap_poll_seconds, stop, round_)


__all__ = ["Polled", "poll_round", "start_polling"]
