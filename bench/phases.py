"""One decision on a payload, each phase timed apart (bench/decide.py): the same steps
as `risk.service.decide_payload`, in its order."""

from __future__ import annotations

import time
import uuid
from typing import Any

from sqlalchemy.orm import Session

from goodbuyer.identity.linking import contact_record
from goodbuyer.identity.lookup import look_up
from goodbuyer.policy import service as policies
from goodbuyer.risk.decide import decide, segments_of
from goodbuyer.risk.features import Context, customer_features, order_features
from goodbuyer.risk.live import facts_before, velocity_of
from goodbuyer.risk.replay import NO_HOUSE_NUMBER
from goodbuyer.risk.service import placed_order
from goodbuyer.store.schemas import OrderIn


def decide_in_phases(session: Session, shop_id: uuid.UUID, order: OrderIn) -> dict[str, float]:
    """Seconds per phase of one decision."""
    now = order.placed_at
    times: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        at = time.perf_counter()
        times[name] = at - clock
        clock = at

    a, c = order.shipping_address, order.customer
    assert a is not None
    lines = [(ln.sku, ln.product, ln.size, ln.colour, ln.quantity) for ln in order.lines]
    placed = placed_order(uuid.UUID(int=0), order.placed_at, order.total or 0, order.currency,
                          order.payment_method.value, lines)  # fmt: skip
    record = contact_record(c.name or a.name, c.phone, c.email, a.line1, a.line2, a.city,
                            a.postcode, a.country)  # fmt: skip
    policy = policies.active_policy(session, shop_id)
    found = look_up(session, shop_id, record, now)
    lap("look-up")
    known = facts_before(session, shop_id, policy.money, found.members, found.household,
                         placed.order_id, placed.placed_at, now)  # fmt: skip
    lap("facts")
    velocity = velocity_of(session, shop_id, known.person, placed, found.keys)
    lap("velocity")
    by_kind: dict[str, Any] = {str(k): v for k, v in found.keys}
    block, allow = policies.list_hits(
        session, shop_id, policy.policy, phone=by_kind.get("phone"), email=by_kind.get("email"),
        building=by_kind.get("building"), customer_ids=found.members, postcode=None, now=now,
    )  # fmt: skip
    lap("lists")
    customer = customer_features(known.person, placed.placed_at)
    segments = tuple(m.segment for m in segments_of(policy, customer))
    snoozed = policies.snoozed_rules(session, shop_id, found.members, now)
    lap("snoozes+segments")
    ctx = Context(country=a.country, ghost_score=found.ghost_score,
                  ghost_signals=found.ghost_codes,
                  has_house_number=not NO_HOUSE_NUMBER & set(found.ghost_codes),
                  velocity=velocity, block=block, allow=allow, segments=segments,
                  snoozed=snoozed)  # fmt: skip
    features = order_features(placed, known.person, known.household, ctx, customer=customer)
    decide(policy, features)
    lap("rules")
    return times
