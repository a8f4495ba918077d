"""`goodbuyer triage` lines that name a `shop`: the playbook's resolution and the drafted
reply for the text, through the desk's own `recommend`, without storing anything. The
order is found from the text (an order number or tracking code of that shop)."""

from __future__ import annotations

import uuid
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.db import transaction
from goodbuyer.errors import NotFound
from goodbuyer.policy.service import active_policy
from goodbuyer.shops.models import Shop
from goodbuyer.shops.service import get_shop_by_slug
from goodbuyer.support.desk import recommend
from goodbuyer.support.facts import gather_facts
from goodbuyer.support.intake.matching import match_order_reference
from goodbuyer.support.models import Ticket
from goodbuyer.support.statuses import Channel, TicketStatus
from goodbuyer.support.triage.pipeline import Analysis


class UnknownShop(LookupError):
    """The line names a shop this database does not have."""


class Advisor:
    """Looks shops up once and advises on one text at a time, in one read transaction per
    text (a shop's first use stores its default policy, as the service does)."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock
        self._shops: dict[str, tuple[uuid.UUID, list[str]]] = {}

    def languages(self, slug: str) -> list[str]:
        """The shop's languages (triage's candidates); UnknownShop when there is none."""
        return self._shop(slug)[1]

    def advise(
        self, slug: str, request_id: str, text: str, channel: str | None, analysis: Analysis
    ) -> dict[str, Any]:
        """`resolution` and `reply` (plus `public_reply` for a social mention), or
        `reply_problem` when the draft cannot be written."""
        shop_id = self._shop(slug)[0]
        with self._session() as session:
            shop = session.get_one(Shop, shop_id)
            now = self._clock.now()
            policy = active_policy(session, shop_id, now).policy
            ticket = _transient_ticket(session, shop_id, request_id, text, channel, now)
            facts = gather_facts(session, ticket, policy, now)
            advice = recommend(
                shop, ticket, analysis, policy, facts, public=ticket.channel is Channel.SOCIAL
            )
        resolution = advice.resolution
        out: dict[str, Any] = {
            "resolution": {
                "kind": resolution.kind.value, "entry": resolution.entry,
                "goodwill": resolution.goodwill, "reason": resolution.reason,
                "order_number": facts.order_number, "vip": facts.vip,
                "routes": list(advice.routes), "dispute": advice.dispute,
            },
        }  # fmt: skip
        if advice.draft is None:
            out["reply_problem"] = advice.draft_problem
            return out
        out["reply"] = advice.draft.body
        if advice.draft.public_reply:
            out["public_reply"] = advice.draft.public_reply
        return out

    def _shop(self, slug: str) -> tuple[uuid.UUID, list[str]]:
        found = self._shops.get(slug)
        if found is None:
            with self._session() as session:
                try:
                    shop = get_shop_by_slug(session, slug)
                except NotFound:
                    raise UnknownShop(f"no shop {slug!r} in this database") from None
                found = (shop.id, list(shop.languages))
            self._shops[slug] = found
        return found

    def _session(self) -> AbstractContextManager[Session]:
        return transaction(self._sessions)


def _transient_ticket(
    session: Session,
    shop_id: uuid.UUID,
    request_id: str,
    text: str,
    channel: str | None,
    now: datetime,
) -> Ticket:
    """A ticket that is never stored: the text's order and its customer, if found."""
    match = match_order_reference(session, shop_id, [text], None)
    known = {c.value for c in Channel}
    return Ticket(
        shop_id=shop_id, source="triage", external_id=request_id[:128],
        channel=Channel(channel) if channel in known else Channel.EMAIL,
        customer_id=match.customer_id if match else None,
        order_id=match.order_id if match else None,
        status=TicketStatus.OPEN, tags=[], vip=False, created_at=now, updated_at=now,
    )  # fmt: skip


__all__ = ["Advisor", "UnknownShop"]
