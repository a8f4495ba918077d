"""The inbox a page at a time: keyset cursors keep every ticket exactly once, in order,
even when many tickets share the same moment of last activity."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from goodbuyer.support import pages
from goodbuyer.support.inbox import InboxFilter, InboxRow, first_words, inbox_page
from goodbuyer.support.inbox_labels import FLAG_KINDS, FLAG_LABELS, INTENT_LABELS
from goodbuyer.support.pages import describe_age
from goodbuyer.support.triage.labels import FLAGS, INTENTS
from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.support.pages.inbox_data import analysed, sign_in, take_in


def _many(services: Services, shop_id: uuid.UUID, count: int) -> None:
    """`count` tickets, three at each minute (ties broken by id), every other one abusive."""
    for n in range(count):
        message = take_in(services, shop_id, f"T-{n}", f"M-{n}", f"Viesti numero {n}", n // 3)
        if n % 2 == 0:
            analysed(services, message, lang="fi", intent="general_question", minute=n // 3,
                     flags=["abusive"], angry=2)  # fmt: skip


def _walk(
    services: Services, shop_id: uuid.UUID, filters: InboxFilter, limit: int
) -> list[list[InboxRow]]:
    pages_seen: list[list[InboxRow]] = []
    cursor = None
    with services.readers() as session, session.begin():
        while True:
            page = inbox_page(session, shop_id, filters, limit, cursor)
            pages_seen.append(page.items)
            if page.next_cursor is None:
                return pages_seen
            cursor = page.next_cursor


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 10])
def test_pages_hold_every_ticket_once_newest_first(services: Services, limit: int) -> None:
    shop_id, _ = make_shop(services)
    _many(services, shop_id, 10)

    walked = _walk(services, shop_id, InboxFilter(), limit)

    rows = [row for page in walked for row in page]
    assert [len(p) for p in walked] == [len(rows[i : i + limit]) for i in range(0, 10, limit)]
    keys = [(row.updated_at, row.ticket_id) for row in rows]
    assert keys == sorted(keys, reverse=True)
    assert len(set(keys)) == 10


def test_pages_keep_the_filter(services: Services) -> None:
    shop_id, _ = make_shop(services)
    _many(services, shop_id, 9)

    walked = _walk(services, shop_id, InboxFilter(flag="abusive"), 2)

    titles = [row.title for page in walked for row in page]
    assert titles == [f"Viesti numero {n}" for n in (8, 6, 4, 2, 0)]
    assert all(row.flags == ("abusive",) for page in walked for row in page)


def test_the_page_links_to_older_tickets_with_the_filters_kept(
    client: TestClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop_id, key = make_shop(services)
    _many(services, shop_id, 7)
    sign_in(client, key)
    monkeypatch.setattr(pages, "PAGE", 3)
    seen: list[str] = []

    url: str | None = "/inbox?flag=abusive"
    while url:
        html = client.get(url).text
        seen += re.findall(
            r'<th scope="row"><a href="/tickets/[^"]+" dir="auto"[^>]*>([^<]+)<', html
        )
        older = re.search(r'<a href="([^"]+)" rel="next">Older tickets</a>', html)
        url = older.group(1).replace("&amp;", "&") if older else None
        assert url is None or url.startswith("/inbox?flag=abusive&cursor=")

    assert seen == [f"Viesti numero {n}" for n in (6, 4, 2, 0)]


def test_every_intent_and_flag_has_words_and_every_flag_a_look() -> None:
    assert set(INTENT_LABELS) == set(INTENTS)
    assert set(FLAG_LABELS) == set(FLAGS) == set(FLAG_KINDS)
    assert {kind for flag, kind in FLAG_KINDS.items() if flag.startswith("threat_")} == {"threat"}
    assert FLAG_KINDS["abusive"] == "abuse"


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0 min"), (59 * 60, "59 min"), (3600, "1 h"), (47 * 3600 + 3599, "47 h"),
     (48 * 3600, "2 d"), (30 * 86400, "30 d"), (-5, "0 min")],
)  # fmt: skip
def test_ages_are_rounded_down(seconds: int, shown: str) -> None:
    assert describe_age(timedelta(seconds=seconds)) == shown


def test_first_words_cut_long_messages_only() -> None:
    assert first_words("  Missä   on\ntilaukseni?  ") == "Missä on tilaukseni?"
    assert first_words(" ".join(["sana"] * 13), 12) == " ".join(["sana"] * 12) + " …"
