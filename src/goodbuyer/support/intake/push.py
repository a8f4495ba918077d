"""Push queued helpdesk write-backs: each step once, transient failures retried (honouring
Retry-After), then rescheduled with backoff; refusals and exhausted rows end as failed."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import TypeVar

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.db import transaction
from goodbuyer.support.intake.connections import find_connection
from goodbuyer.support.intake.gorgias_client import (
    GorgiasAccount,
    GorgiasClient,
    HelpdeskError,
    gorgias_base_url,
)
from goodbuyer.support.intake.models import HelpdeskWriteback
from goodbuyer.support.intake.statuses import Provider, WritebackStatus
from goodbuyer.support.intake.writeback import audit_writeback, claim, note_html

_log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_ATTEMPTS = 8  # pushes of one row before it is left for an agent
LEASE = timedelta(minutes=5)  # a claimed row is not taken again before this
TAGS, NOTE = "tags", "note"


@dataclass(frozen=True)
class PushOptions:
    tries: int = 3  # calls per step within one push
    max_wait: float = 30.0  # the longest Retry-After waited for in-process, in seconds
    limit: int = 100  # rows per run
    sleep: Callable[[float], None] = time.sleep


@dataclass
class PushReport:
    pushed: int = 0
    rescheduled: int = 0
    failed: int = 0

    def summary(self) -> str:
        return f"{self.pushed} pushed, {self.rescheduled} to retry later, {self.failed} failed"


def push_helpdesk_writebacks(
    sessions: sessionmaker[Session], clock: Clock, http: httpx.Client,
    options: PushOptions | None = None,
) -> PushReport:  # fmt: skip
    """Push every due write-back once; what became of them."""
    options = options or PushOptions()
    report = PushReport()
    with transaction(sessions) as session:
        due = list(session.scalars(
            select(HelpdeskWriteback.id)
            .where(HelpdeskWriteback.status == WritebackStatus.PENDING,
                   HelpdeskWriteback.next_attempt_at <= clock.now())
            .order_by(HelpdeskWriteback.next_attempt_at).limit(options.limit)
        ))  # fmt: skip
    for row_id in due:
        _push_one(sessions, clock, http, row_id, options, report)
    return report


def _push_one(
    sessions: sessionmaker[Session], clock: Clock, http: httpx.Client, row_id: uuid.UUID,
    options: PushOptions, report: PushReport,
) -> None:  # fmt: skip
    with transaction(sessions) as session:
        if not claim(session, row_id, clock.now(), LEASE):
            return
        row = session.get(HelpdeskWriteback, row_id)
        assert row is not None
        client = _client(session, row, http)
        todo = (row.external_ticket_id, row.idempotency_key, list(row.tags), row.note)
        done = set(row.steps_done)
    try:
        if client is None:
            raise HelpdeskError("the shop has no Gorgias connection", retryable=False)
        for step in (TAGS, NOTE):
            if step not in done:
                _call(partial(_run, client, step, *todo), options)
                _mark(sessions, row_id, step, clock.now())
    except HelpdeskError as exc:
        _finish_failed(sessions, row_id, exc, clock.now(), report)
        return
    _finish(sessions, row_id, clock.now())
    report.pushed += 1


def _run(client: GorgiasClient, step: str, ticket: str, key: str, tags: list[str],
         note: str) -> None:  # fmt: skip
    if step == TAGS:
        if tags:
            client.add_tags(ticket, tags)
    elif client.find_message(ticket, key) is None:
        client.post_internal_note(ticket, key, note, note_html(note))


def _call(call: Callable[[], T], options: PushOptions) -> T:
    for attempt in range(1, options.tries + 1):
        try:
            return call()
        except HelpdeskError as exc:
            wait = exc.retry_after if exc.retry_after is not None else 0.5 * 2**attempt
            if not exc.retryable or attempt == options.tries or wait > options.max_wait:
                raise
            _log.warning("helpdesk call failed (%s); again in %.1fs", exc.detail, wait)
            options.sleep(wait)
    raise AssertionError("unreachable")


def _client(session: Session, row: HelpdeskWriteback, http: httpx.Client) -> GorgiasClient | None:
    connection = find_connection(session, row.shop_id, Provider.GORGIAS)
    if connection is None:
        return None
    settings = connection.settings
    base = settings.get("base_url") or gorgias_base_url(str(settings.get("domain", "")))
    account = GorgiasAccount(str(base), str(settings.get("username", "")), connection.secret)
    return GorgiasClient(account, http)


def _mark(sessions: sessionmaker[Session], row_id: uuid.UUID, step: str, now: datetime) -> None:
    with transaction(sessions) as session:
        row = session.get(HelpdeskWriteback, row_id)
        assert row is not None
        row.steps_done, row.updated_at = [*row.steps_done, step], now


def _finish(sessions: sessionmaker[Session], row_id: uuid.UUID, now: datetime) -> None:
    with transaction(sessions) as session:
        row = session.get(HelpdeskWriteback, row_id)
        assert row is not None
        row.status, row.pushed_at, row.updated_at, row.last_error = (
            WritebackStatus.PUSHED, now, now, None,
        )  # fmt: skip
        # The helpdesk keeps the note now; the copy here (personal data) is not needed.
        row.note = ""
        audit_writeback(session, row, "helpdesk_writeback.pushed", now, {"attempts": row.attempts})


def _finish_failed(
    sessions: sessionmaker[Session], row_id: uuid.UUID, error: HelpdeskError, now: datetime,
    report: PushReport,
) -> None:  # fmt: skip
    with transaction(sessions) as session:
        row = session.get(HelpdeskWriteback, row_id)
        assert row is not None
        row.last_error, row.updated_at = error.detail[:2000], now
        if error.retryable and row.attempts < MAX_ATTEMPTS:
            backoff = timedelta(minutes=2**row.attempts)
            wait = timedelta(seconds=error.retry_after or 0)
            row.next_attempt_at = now + max(backoff, wait)
            report.rescheduled += 1
            return
        row.status = WritebackStatus.FAILED
        report.failed += 1
        audit_writeback(session, row, "helpdesk_writeback.failed", now, {"error": row.last_error})


__all__ = ["MAX_ATTEMPTS", "PushOptions", "PushReport", "push_helpdesk_writebacks"]
