"""Read a shop's mailbox over IMAP: new mails by UID, each stored with the cursor in one
transaction, so a crash or a second run never stores a mail twice nor skips one.

The first run (or a run after the server changed UIDVALIDITY) takes the UNSEEN mails and
remembers the mailbox's last UID; later runs take every UID above the cursor. Mails are
read with BODY.PEEK[], so their \\Seen flags stay as they were.
"""

from __future__ import annotations

import imaplib
import logging
import ssl
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.db import transaction
from goodbuyer.errors import ExternalServiceError, InvalidInput
from goodbuyer.support.intake.mail import parse_rfc822
from goodbuyer.support.intake.models import ImapCursor
from goodbuyer.support.intake.threads import receive_email

_log = logging.getLogger(__name__)
ACTOR = "imap"


@dataclass(frozen=True)
class ImapMailbox:
    host: str
    port: int
    username: str
    password: str = field(repr=False)
    folder: str = "INBOX"
    tls: bool = True  # IMAPS (993); without it, plain IMAP, upgraded if `starttls`
    starttls: bool = False
    timeout: float = 30.0

    def key(self) -> str:
        return f"{self.username}@{self.host}:{self.port}/{self.folder}"[:500]


@dataclass
class PollReport:
    fetched: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (UID, why)

    def summary(self) -> str:
        return (f"{self.fetched} fetched: {self.stored} stored, {self.duplicates} already "
                f"known, {len(self.rejected)} rejected")  # fmt: skip


def poll_mailbox(
    sessions: sessionmaker[Session], shop_id: uuid.UUID, mailbox: ImapMailbox, clock: Clock
) -> PollReport:
    """Fetch and store the mailbox's new mails for `shop_id`; what happened to them."""
    connection = _connect(mailbox)
    try:
        validity, uid_next = _select(connection, mailbox.folder)
        with transaction(sessions) as session:
            cursor = _cursor(session, shop_id, mailbox)
            last = cursor.last_uid if cursor and cursor.uid_validity == validity else None
        report = PollReport()
        for uid in _new_uids(connection, last):
            _store(connection, sessions, shop_id, mailbox, (validity, uid), clock, report)
        if last is None:
            # From now on, everything above the mailbox's last UID is new.
            _save_cursor(sessions, shop_id, mailbox, validity, max(uid_next - 1, 0), clock)
        return report
    finally:
        _logout(connection)


def _connect(mailbox: ImapMailbox) -> imaplib.IMAP4:
    try:
        if mailbox.tls:
            context = ssl.create_default_context()
            connection: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                mailbox.host, mailbox.port, ssl_context=context, timeout=mailbox.timeout
            )
        else:
            connection = imaplib.IMAP4(mailbox.host, mailbox.port, timeout=mailbox.timeout)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise ExternalServiceError(f"IMAP {mailbox.host}:{mailbox.port}: {exc}") from exc
    try:
        if mailbox.starttls and not mailbox.tls:
            connection.starttls(ssl.create_default_context())
        connection.login(mailbox.username, mailbox.password)
    except (OSError, imaplib.IMAP4.error) as exc:
        connection.shutdown()
        raise ExternalServiceError(f"IMAP {mailbox.host}:{mailbox.port}: {exc}") from exc
    return connection


def _select(connection: imaplib.IMAP4, folder: str) -> tuple[int, int]:
    quoted = '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
    status, data = connection.select(quoted, readonly=True)
    if status != "OK":
        raise ExternalServiceError(f"IMAP folder {folder!r} cannot be opened: {data!r}")
    validity = _number(connection.response("UIDVALIDITY")[1])
    uid_next = _number(connection.response("UIDNEXT")[1])
    if validity is None:
        raise ExternalServiceError(f"IMAP folder {folder!r}: the server sent no UIDVALIDITY")
    return validity, uid_next or _highest_uid(connection) + 1


def _number(data: list[bytes | None] | list[None]) -> int | None:
    values = [int(v) for v in data if isinstance(v, bytes) and v.strip().isdigit()]
    return values[-1] if values else None


def _highest_uid(connection: imaplib.IMAP4) -> int:
    return max(_search(connection, "ALL"), default=0)


def _new_uids(connection: imaplib.IMAP4, last: int | None) -> list[int]:
    if last is None:
        return _search(connection, "UNSEEN")
    # "N:*" always names the highest UID, even one below N; keep only the new ones.
    return [uid for uid in _search(connection, f"UID {last + 1}:*") if uid > last]


def _search(connection: imaplib.IMAP4, criteria: str) -> list[int]:
    status, data = connection.uid("SEARCH", criteria)
    if status != "OK":
        raise ExternalServiceError(f"IMAP search {criteria!r} failed: {data!r}")
    found = b" ".join(d for d in data if isinstance(d, bytes))
    return sorted(int(uid) for uid in found.split())


def _fetch(connection: imaplib.IMAP4, uid: int) -> bytes:
    status, data = connection.uid("FETCH", str(uid), "(BODY.PEEK[])")
    if status != "OK":
        raise ExternalServiceError(f"IMAP fetch of UID {uid} failed: {data!r}")
    for item in data:
        if isinstance(item, tuple) and isinstance(item[1], bytes):
            return item[1]
    raise ExternalServiceError(f"IMAP fetch of UID {uid} returned no message")


def _store(
    connection: imaplib.IMAP4, sessions: sessionmaker[Session], shop_id: uuid.UUID,
    mailbox: ImapMailbox, at: tuple[int, int], clock: Clock, report: PollReport,
) -> None:  # fmt: skip
    validity, uid = at
    raw = _fetch(connection, uid)
    report.fetched += 1
    now = clock.now()
    with transaction(sessions) as session:
        try:
            with session.begin_nested():
                result = receive_email(session, shop_id, parse_rfc822(raw), now, ACTOR)
        except (ValueError, InvalidInput) as exc:
            # An unreadable mail is reported and passed: the mailbox must not stall on it.
            _log.warning("IMAP %s UID %s rejected: %s", mailbox.key(), uid, exc)
            report.rejected.append((uid, str(exc)))
        else:
            if result.action == "created":
                report.stored += 1
            else:
                report.duplicates += 1
        _advance(session, shop_id, mailbox, validity, uid, clock)


def _save_cursor(
    sessions: sessionmaker[Session], shop_id: uuid.UUID, mailbox: ImapMailbox,
    validity: int, uid: int, clock: Clock,
) -> None:  # fmt: skip
    with transaction(sessions) as session:
        _advance(session, shop_id, mailbox, validity, uid, clock)


def _advance(
    session: Session, shop_id: uuid.UUID, mailbox: ImapMailbox, validity: int, uid: int,
    clock: Clock,
) -> None:  # fmt: skip
    cursor = _cursor(session, shop_id, mailbox)
    if cursor is None:
        cursor = ImapCursor(shop_id=shop_id, mailbox=mailbox.key(), last_uid=0)
        session.add(cursor)
    if cursor.uid_validity != validity:
        cursor.uid_validity, cursor.last_uid = validity, 0
    cursor.last_uid = max(cursor.last_uid, uid)
    cursor.polled_at = clock.now()


def _cursor(session: Session, shop_id: uuid.UUID, mailbox: ImapMailbox) -> ImapCursor | None:
    return session.scalar(
        select(ImapCursor)
        .where(ImapCursor.shop_id == shop_id, ImapCursor.mailbox == mailbox.key())
        .with_for_update()
    )


def _logout(connection: imaplib.IMAP4) -> None:
    try:
        connection.logout()
    except (OSError, imaplib.IMAP4.error) as exc:
        _log.info("IMAP logout failed (the mails are stored): %s", exc)


__all__ = ["ImapMailbox", "PollReport", "poll_mailbox"]
