"""Pages for agents: the inbox (tickets with what goodbuyer read in them) and one ticket
with its conversation, analyses, facts, resolution and drafted reply (R6.4, issue 6)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from goodbuyer.errors import FieldError, InvalidInput, NotFound
from goodbuyer.support import inbox_labels as words
from goodbuyer.support.inbox import InboxFilter, inbox_counts, inbox_page
from goodbuyer.support.statuses import TicketStatus
from goodbuyer.support.ticket_view import ticket_view
from goodbuyer.support.triage.labels import FLAGS, INTENTS, LANGUAGES
from goodbuyer.web.deps import ReadSession, ServicesDep, StaffDep
from goodbuyer.web.templating import RTL_LANGUAGES, render

router = APIRouter(include_in_schema=False)
PAGE = 50
ANY_STATUS = "any"
# Scripts and styles come from /static only: no inline code runs on these pages.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")

Text = Annotated[str | None, Query(max_length=64)]


@router.get("/inbox", response_model=None)
def inbox(
    request: Request, staff: StaffDep, session: ReadSession, services: ServicesDep,
    status: Text = TicketStatus.OPEN.value, intent: Text = None, flag: Text = None,
    vip: bool = False, human: bool = False, blocked: bool = False, language: Text = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:  # fmt: skip
    if staff is None:
        return RedirectResponse("/login", status_code=303)
    chosen = InboxFilter(
        status=_status(status),
        intent=_choice("intent", intent, INTENTS),
        flag=_choice("flag", flag, FLAGS),
        vip=vip, human=human, blocked=blocked,
        language=_language(language),
    )  # fmt: skip
    page = inbox_page(session, staff.shop_id, chosen, PAGE, cursor or None)
    counts = inbox_counts(session, staff.shop_id, chosen)
    return _page(
        request, "inbox.html", title="Inbox", staff=staff, nav="inbox", rows=page.items,
        next_cursor=page.next_cursor, counts=counts, chosen=chosen, link=_linker(chosen),
        filtered=chosen != InboxFilter(), statuses=[s.value for s in TicketStatus],
        intents=INTENTS, flags=FLAGS, languages=LANGUAGES, age=_ager(services.clock.now()),
        words=words,
    )  # fmt: skip


@router.get("/tickets/{ticket_id}", response_model=None)
def ticket(
    ticket_id: uuid.UUID, request: Request, staff: StaffDep, session: ReadSession,
    services: ServicesDep,
) -> Response:  # fmt: skip
    if staff is None:
        return RedirectResponse("/login", status_code=303)
    try:
        view = ticket_view(session, staff.shop_id, ticket_id)
    except NotFound as e:
        return _page(request, "missing.html", status=404, title="Not found", message=str(e),
                     staff=staff, nav="inbox", back_href="/inbox",
                     back_text="Back to the inbox")  # fmt: skip
    title = view.ticket.subject or f"Ticket from {view.customer_name or 'a customer'}"
    return _page(
        request, "ticket.html", title=title, staff=staff, nav="inbox", view=view,
        words=words, rtl=RTL_LANGUAGES, age=_ager(services.clock.now()),
    )  # fmt: skip


def _page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    response = render(request, name, status=status, **context)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


def _status(value: str | None) -> TicketStatus | None:
    if value == ANY_STATUS:
        return None
    choices = (*(s.value for s in TicketStatus), ANY_STATUS)
    return TicketStatus(_choice("status", value, choices) or TicketStatus.OPEN)


def _choice(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    """An empty value means any; anything else must be one of `choices`."""
    if not value:
        return None
    if value not in choices:
        expected = "expected one of " + ", ".join(choices)
        raise InvalidInput(
            f"{name} {value!r} is not known", [FieldError(f"query.{name}", expected)]
        )
    return value


def _language(value: str | None) -> str | None:
    if not value:
        return None
    if not _LANGUAGE_CODE.fullmatch(value):
        wrong = FieldError("query.language", "expected a language code such as en, ar or pt-BR")
        raise InvalidInput(f"language {value!r} is not a language code", [wrong])
    return value


def _linker(chosen: InboxFilter) -> Callable[..., str]:
    """Inbox links that keep the current filters and change some (a value of None drops one)."""
    current: dict[str, Any] = {
        "status": chosen.status.value if chosen.status else ANY_STATUS,
        "intent": chosen.intent, "flag": chosen.flag, "vip": chosen.vip or None,
        "human": chosen.human or None, "blocked": chosen.blocked or None,
        "language": chosen.language,
    }  # fmt: skip

    def link(**changes: Any) -> str:
        params = {k: v for k, v in (current | changes).items() if v not in (None, False, "")}
        if params.get("status") == TicketStatus.OPEN.value:
            del params["status"]  # the default
        query = urlencode({k: "true" if v is True else v for k, v in params.items()})
        return "/inbox" + (f"?{query}" if query else "")

    return link


def _ager(now: datetime) -> Callable[[datetime], str]:
    def age(then: datetime) -> str:
        return describe_age(now - then)

    return age


def describe_age(elapsed: timedelta) -> str:
    """A short, rounded-down age: "5 min", "3 h", "2 d"."""
    minutes = max(int(elapsed.total_seconds() // 60), 0)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} d"


__all__ = ["CONTENT_SECURITY_POLICY", "describe_age", "router"]
