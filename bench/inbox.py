"""Inbox speed: a shop with many tickets, each with a customer message and its analysis;
the time of the inbox's first page, a flag filter, a page deep in the list, the counts,
and one ticket's view (median of repeats), on SQLite or PostgreSQL.

    .venv/bin/python bench/inbox.py [--tickets 20000] [--url postgresql://.../db]"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

import goodbuyer.app  # noqa: F401 (first: store.service and risk.service import each other)
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.ids import new_id
from goodbuyer.migrate import upgrade
from goodbuyer.shops.schemas import ShopIn
from goodbuyer.shops.service import create_shop
from goodbuyer.support.inbox import InboxFilter, inbox_counts, inbox_page
from goodbuyer.support.models import MessageAnalysis, Ticket, TicketMessage
from goodbuyer.support.statuses import AuthorKind, Channel, Direction, TicketStatus
from goodbuyer.support.ticket_view import ticket_view
from goodbuyer.support.triage.labels import FLAGS, INTENTS, LANGUAGES

START = datetime(2026, 1, 1, tzinfo=UTC)
CHUNK = 2000


def fill(session: Session, shop_id: uuid.UUID, count: int, seed: int = 6) -> list[uuid.UUID]:
    """`count` tickets with one message and one analysis each; about 12% carry a flag."""
    rng = random.Random(seed)
    ids: list[uuid.UUID] = []
    for start in range(0, count, CHUNK):
        tickets, messages, analyses = [], [], []
        for n in range(start, min(start + CHUNK, count)):
            at = START + timedelta(minutes=n)
            ticket_id, message_id, analysis_id = new_id(), new_id(), new_id()
            lang, intent = rng.choice(LANGUAGES), rng.choice(INTENTS)
            flags = [rng.choice(FLAGS)] if rng.random() < 0.12 else []
            tickets.append({
                "id": ticket_id, "shop_id": shop_id, "source": "bench", "external_id": f"T-{n}",
                "channel": Channel.EMAIL, "subject": None, "status": TicketStatus.OPEN,
                "language": lang, "tags": [], "created_at": at, "updated_at": at,
                "intent": intent, "vip": rng.random() < 0.05,
                "route": "human" if flags else "auto", "analysis_id": None,
            })  # fmt: skip
            messages.append({
                "id": message_id, "shop_id": shop_id, "ticket_id": ticket_id,
                "external_id": f"M-{n}", "channel": Channel.EMAIL, "direction": Direction.INBOUND,
                "author_kind": AuthorKind.CUSTOMER, "author_name": f"Customer {n}",
                "author_address": None, "language": lang, "body": f"message {n} " * 20,
                "sent_at": at, "created_at": at, "raw": {},
            })  # fmt: skip
            analyses.append({
                "id": analysis_id, "shop_id": shop_id, "ticket_id": ticket_id,
                "message_id": message_id, "lang": lang, "intent": intent, "flags": flags,
                "angry": rng.randrange(3), "confidence": {"intent": 0.9}, "route": "auto",
                "vip": False, "facts": {"order_number": None, "fault": "unknown"},
                "resolution": {"kind": "answer_question", "entry": "bench", "reason": "bench"},
                "dispute": None, "routes": [], "abuse_step": "none", "draft": None,
                "draft_problem": "bench", "model_version": "bench", "analysed_at": at,
            })  # fmt: skip
            ids.append(ticket_id)
        session.execute(insert(Ticket), tickets)
        session.execute(insert(TicketMessage), messages)
        session.execute(insert(MessageAnalysis), analyses)
        links = [{"id": a["ticket_id"], "analysis_id": a["id"]} for a in analyses]
        session.execute(update(Ticket), links)  # bulk, by primary key
    return ids


def median_ms(action: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=20_000)
    parser.add_argument("--url", help="an empty database (default: a new SQLite file)")
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    url = args.url or f"sqlite:///{tempfile.mkdtemp()}/inbox.db"
    upgrade(url)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    with transaction(sessions) as session:
        shop = create_shop(session, ShopIn(slug="bench", name="Bench", currency="EUR",
                                           country="FI", languages=["fi"]), START)  # fmt: skip
        started = time.perf_counter()
        ids = fill(session, shop.id, args.tickets)
    seconds = time.perf_counter() - started
    print(f"{args.tickets} tickets written in {seconds:.1f} s ({url.split(':')[0]})")
    with sessions() as session, session.begin():
        deep = None
        for _ in range(20):
            deep = inbox_page(session, shop.id, InboxFilter(), 50, deep).next_cursor
        abusive = InboxFilter(flag="abusive")
        cases: dict[str, Callable[[], Any]] = {
            "first page": lambda: inbox_page(session, shop.id, InboxFilter(), 50, None),
            "flag filter": lambda: inbox_page(session, shop.id, abusive, 50, None),
            "page 21": lambda: inbox_page(session, shop.id, InboxFilter(), 50, deep),
            "counts": lambda: inbox_counts(session, shop.id, InboxFilter()),
            "counts, flag chosen": lambda: inbox_counts(session, shop.id, abusive),
            "one ticket": lambda: ticket_view(session, shop.id, ids[len(ids) // 2]),
        }  # fmt: skip
        for name, action in cases.items():
            print(f"{name}: {median_ms(action, args.repeats):.1f} ms")
    engine.dispose()


if __name__ == "__main__":
    main()
