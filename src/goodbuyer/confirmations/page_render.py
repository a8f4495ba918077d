"""The confirmation page's responses: the order page and the one-message pages (result,
already done, expired, unknown, too many), in the customer's language, with headers that
keep the link out of caches, referrers and frames."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from goodbuyer.confirmations.page_guard import form_nonce
from goodbuyer.confirmations.page_service import PageContext
from goodbuyer.confirmations.page_texts import PageTexts, language_names
from goodbuyer.confirmations.page_view import page_view
from goodbuyer.confirmations.statuses import ConfirmationStatus
from goodbuyer.web.templating import render

_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the token in the URL goes nowhere else
    "X-Frame-Options": "DENY",  # no clickjacking of Confirm or Cancel
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex, nofollow",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
}
# What a resolved confirmation's page says: (title key, body key).
DONE_TEXTS = {
    ConfirmationStatus.CONFIRMED: ("already_confirmed_title", "already_confirmed_body"),
    ConfirmationStatus.CANCELLED: ("already_cancelled_title", "already_cancelled_body"),
    ConfirmationStatus.GHOST: ("already_cancelled_title", "already_cancelled_body"),
    ConfirmationStatus.CLOSED: ("closed_title", "closed_body"),
}


R = TypeVar("R", bound=Response)


def secured(response: R, retry_after: int | None = None) -> R:
    response.headers.update(_HEADERS)
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


def message_page(
    request: Request, texts: PageTexts, status: int, title: str, body: str, *,
    shop: str = "", number: str = "", extra: tuple[str, ...] = (), back: str | None = None,
    retry_after: int | None = None,
) -> HTMLResponse:  # fmt: skip
    """A page that says one thing: what happened, or why the link does not work."""
    values = {"shop": shop, "number": number}
    response = render(
        request, "confirm_message.html", status=status, language=texts.language, t=texts,
        title=texts.fill(title, **values), body=texts.fill(body, **values), extra=extra,
        back=back, shop=shop,
    )  # fmt: skip
    return secured(response, retry_after)


def done_page(
    request: Request, texts: PageTexts, ctx: PageContext, status: int, back: str | None = None
) -> HTMLResponse:
    """The page of a confirmation that is no longer open."""
    title, body = DONE_TEXTS[ctx.confirmation.status]
    return message_page(request, texts, status, title, body, shop=ctx.shop.name,
                        number=ctx.order.number, back=back)  # fmt: skip


def order_page(
    request: Request, texts: PageTexts, ctx: PageContext, *, token: str, secret: str,
    now: datetime, query: str, error: str | None = None, notice: str | None = None,
    status: int = 200,
) -> HTMLResponse:  # fmt: skip
    """The order, Confirm and Cancel, and (within the edit window) the change forms."""
    policy, confirmation = ctx.policy, ctx.confirmation
    view = page_view(
        ctx.order, ctx.shop.name, texts, zone=confirmation.time_zone, phone=confirmation.phone,
        promised_at=ctx.promised_at, days=policy.delivery_days, slots=policy.delivery_slots,
        edit_window_minutes=policy.edit_window_minutes, now=now,
    )  # fmt: skip
    spoken = [confirmation.language, *(ctx.shop.languages or [])]
    response = render(
        request, "confirm_page.html", status=status, language=texts.language, t=texts,
        title=texts["page_title"], view=view, token=token, query=query, error=error,
        notice=notice, nonce=form_nonce(secret, confirmation.link_code, now),
        languages=language_names(spoken), shop=ctx.shop.name,
        postcode=ctx.order.ship_postcode or "", city=ctx.order.ship_city or "",
    )  # fmt: skip
    return secured(response)


__all__ = ["DONE_TEXTS", "done_page", "message_page", "order_page", "secured"]
