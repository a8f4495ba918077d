"""Backtests over HTTP, run while the request waits, in the request's process, for periods
of at most MAX_ORDERS orders (`goodbuyer backtest` has no such limit):

- POST /api/v1/backtests        the JSON report
- POST /api/v1/backtests/html   the same report as an HTML page
- GET  /api/v1/backtests/html?policy=active&against=3&from=...&to=...  for stored versions
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from goodbuyer.errors import InvalidInput
from goodbuyer.risk.backtest_report import render_report
from goodbuyer.risk.backtest_service import (
    models_as_of,
    policy_from_text,
    run_backtest,
    stored_policy,
)
from goodbuyer.risk.compiled import CompiledPolicy
from goodbuyer.web.deps import Reader, ReadSession

MAX_ORDERS = 200_000

router = APIRouter(prefix="/api/v1", tags=["backtests"])


class PolicyRef(BaseModel):
    """A policy as YAML text, or `default`, `active` or a version number."""

    text: str | None = Field(default=None, description="a policy document (YAML)")
    version: str | None = Field(default=None, description="`default`, `active` or a number")


class BacktestIn(BaseModel):
    policy: PolicyRef
    against: PolicyRef | None = None
    since: datetime | None = Field(default=None, alias="from")
    until: datetime | None = Field(default=None, alias="to")
    model: bool = Field(default=False, description="score with the models of each order's time")


def _resolve(
    session: Session, shop_id: uuid.UUID, ref: PolicyRef, name: str
) -> tuple[str, CompiledPolicy]:
    if ref.text is not None:
        return name, policy_from_text(ref.text, name)
    if ref.version:
        label = f"v{ref.version}" if ref.version.isdigit() else ref.version
        return label, stored_policy(session, shop_id, ref.version)
    raise InvalidInput(f"{name}: give `text` or `version`")


def _run(session: Session, shop_id: uuid.UUID, body: BacktestIn) -> dict[str, Any]:
    policies = [_resolve(session, shop_id, body.policy, "policy")]
    if body.against is not None:
        policies.append(_resolve(session, shop_id, body.against, "against"))
    scorer = models_as_of(session, shop_id) if body.model else None
    return run_backtest(session, shop_id, policies, since=body.since, until=body.until,
                        scorer=scorer, workers=1, max_orders=MAX_ORDERS)  # fmt: skip


@router.post("/backtests")
def create_backtest(body: BacktestIn, principal: Reader, session: ReadSession) -> dict[str, Any]:
    return _run(session, principal.shop_id, body)


@router.post("/backtests/html", response_class=HTMLResponse)
def create_backtest_page(body: BacktestIn, principal: Reader, session: ReadSession) -> HTMLResponse:
    return HTMLResponse(render_report(_run(session, principal.shop_id, body)))


@router.get("/backtests/html", response_class=HTMLResponse)
def backtest_page(
    principal: Reader,
    session: ReadSession,
    policy: str = "active",
    against: str | None = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
) -> HTMLResponse:
    body = BacktestIn.model_validate({
        "policy": {"version": policy}, "against": {"version": against} if against else None,
        "from": since, "to": until,
    })  # fmt: skip
    return HTMLResponse(render_report(_run(session, principal.shop_id, body)))


__all__ = ["MAX_ORDERS", "router"]
