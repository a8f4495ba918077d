"""Pages for agents: recent decisions, and one order's decision explained."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from goodbuyer.errors import NotFound
from goodbuyer.risk import service
from goodbuyer.risk.statuses import Outcome
from goodbuyer.risk.views import decision_out, recent_decisions
from goodbuyer.store import service as store
from goodbuyer.web.deps import ReadSession, StaffDep
from goodbuyer.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/decisions", response_model=None)
def decisions_page(
    request: Request,
    staff: StaffDep,
    session: ReadSession,
    outcome: Annotated[Outcome | None, Query()] = None,
) -> Response:
    if staff is None:
        return RedirectResponse("/login", status_code=303)
    rows = recent_decisions(session, staff.shop_id, outcome)
    return render(request, "decisions.html", title="Decisions", rows=rows, staff=staff,
                  outcome=outcome, outcomes=list(Outcome), nav="decisions")  # fmt: skip


@router.get("/orders/{order_id}", response_model=None)
def order_page(
    order_id: uuid.UUID, request: Request, staff: StaffDep, session: ReadSession
) -> Response:
    if staff is None:
        return RedirectResponse("/login", status_code=303)
    try:
        order = store.get_order(session, staff.shop_id, order_id)
        decision = decision_out(service.get_decision(session, staff.shop_id, order_id))
    except NotFound as e:
        return render(request, "missing.html", status=404, title="Not found", message=str(e),
                      staff=staff, nav="decisions")  # fmt: skip
    return render(request, "order.html", title=f"Order {order.number}", order=order,
                  decision=decision, staff=staff, nav="decisions")  # fmt: skip


__all__ = ["router"]
