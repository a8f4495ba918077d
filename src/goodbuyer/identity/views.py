"""A person gathered for the API and the terminal: records, links, households, profile,
timeline."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from goodbuyer.audit import AuditEvent
from goodbuyer.customers.models import CustomerValue
from goodbuyer.customers.schemas import CustomerValueOut
from goodbuyer.identity.history import household_of
from goodbuyer.identity.models import IdentityLink, IdentityRecord
from goodbuyer.identity.persons import person_and_members
from goodbuyer.identity.profiles import build_profile
from goodbuyer.identity.schemas import CustomerView, IdentityRecordOut, LinkOut, TimelineItem
from goodbuyer.identity.service import require_customer

TIMELINE_LIMIT = 500


def _timeline_item(event: AuditEvent) -> TimelineItem:
    return TimelineItem(
        at=event.at,
        action=event.action,
        customer_id=event.customer_id,
        order_id=event.order_id,
        data=event.data,
    )


def customer_view(
    session: Session, shop_id: uuid.UUID, customer_id: uuid.UUID, now: datetime
) -> CustomerView:
    require_customer(session, shop_id, customer_id)
    person, members = person_and_members(session, customer_id)
    records = session.scalars(
        select(IdentityRecord)
        .where(IdentityRecord.customer_id.in_(members))
        .order_by(IdentityRecord.created_at)
    )
    links = session.scalars(
        select(IdentityLink)
        .where(or_(IdentityLink.customer_a.in_(members), IdentityLink.customer_b.in_(members)))
        .order_by(IdentityLink.created_at)
    )
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.shop_id == shop_id, AuditEvent.customer_id.in_(members))
        .order_by(AuditEvent.at.desc())
        .limit(TIMELINE_LIMIT)
    )
    value = session.get(CustomerValue, person)
    return CustomerView(
        customer_id=customer_id,
        person_id=person,
        customer_records=members,
        identities=[IdentityRecordOut.model_validate(r) for r in records],
        links=[LinkOut.model_validate(link) for link in links],
        households=household_of(session, members),
        profile=build_profile(session, members, now).as_json(),
        timeline=[_timeline_item(e) for e in events],
        value=CustomerValueOut.model_validate(value) if value is not None else None,
    )


__all__ = ["TIMELINE_LIMIT", "customer_view"]
