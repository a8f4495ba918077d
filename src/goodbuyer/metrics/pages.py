"""The shop's first page: its numbers and a chart by month."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from goodbuyer.metrics.charts import monthly_chart
from goodbuyer.metrics.service import shop_overview
from goodbuyer.web.deps import ReadSession, StaffDep
from goodbuyer.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_model=None)
def dashboard(request: Request, staff: StaffDep, session: ReadSession) -> Response:
    if staff is None:
        return RedirectResponse("/login", status_code=303)
    overview = shop_overview(session, staff.shop_id)
    chart = monthly_chart(overview.months, f"{overview.shop_name}: orders and outcomes by month")
    return render(
        request,
        "dashboard.html",
        title=overview.shop_name,
        overview=overview,
        chart=chart,
        staff=staff,
    )


__all__ = ["router"]
