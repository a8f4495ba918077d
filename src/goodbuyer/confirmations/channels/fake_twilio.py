"""A fake Twilio Messages API a developer can run (tests and the benchmark use it too):
the real POST and GET endpoints and JSON shapes, Basic auth, every accepted message
recorded in order *before* the answer, told failures and delays, and signed
delivery-status callbacks. Control endpoints under /_fake let another process steer it.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import urlencode

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from goodbuyer.confirmations.channels.fake_control import add_control
from goodbuyer.confirmations.channels.fake_twilio_http import basic_auth_ok, twilio_error
from goodbuyer.confirmations.channels.twilio_signature import HEADER, twilio_signature

_E164 = re.compile(r"^(whatsapp:)?\+[1-9]\d{6,14}$")
INVALID_NUMBER = "+15005550001"  # Twilio's own test number that is never valid
_API = "/2010-04-01/Accounts/{sid}/Messages.json"


@dataclass(frozen=True)
class FakeMessage:
    sid: str
    to: str
    sender: str
    body: str
    status: str
    created: datetime
    status_callback: str | None

    def json(self, account_sid: str) -> dict[str, Any]:
        stamp = format_datetime(self.created)
        return {
            "account_sid": account_sid, "api_version": "2010-04-01", "body": self.body,
            "date_created": stamp, "date_sent": stamp, "date_updated": stamp,
            "direction": "outbound-api", "error_code": None, "error_message": None,
            "from": self.sender, "messaging_service_sid": None, "num_media": "0",
            "num_segments": "1", "price": None, "price_unit": "USD", "sid": self.sid,
            "status": self.status, "to": self.to,
            "uri": f"/2010-04-01/Accounts/{account_sid}/Messages/{self.sid}.json",
        }  # fmt: skip


class FakeTwilio:
    """The fake's state; `app` serves it. Thread-safe: uvicorn answers in worker threads."""

    def __init__(
        self, account_sid: str = "AC" + "0" * 32, auth_token: str = "fake-token",  # noqa: S107 - a fake's own
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:  # fmt: skip
        self.account_sid, self.auth_token, self._now = account_sid, auth_token, now
        self._lock = threading.Lock()
        self._messages: list[FakeMessage] = []
        self._failures: list[int] = []
        self.delay = 0.0  # seconds between recording a message and answering
        self.app = _build_app(self)

    @property
    def messages(self) -> list[FakeMessage]:
        with self._lock:
            return list(self._messages)

    def fail_next(self, count: int, status: int = 500) -> None:
        """The next `count` requests (POST or GET) answer `status` (500 or 429) unrecorded."""
        with self._lock:
            self._failures.extend([status] * count)

    def reset(self) -> None:
        with self._lock:
            self._messages.clear()
            self._failures.clear()
        self.delay = 0.0

    def take_failure(self) -> int | None:
        with self._lock:
            return self._failures.pop(0) if self._failures else None

    def accept(self, to: str, sender: str, body: str, callback: str | None) -> FakeMessage:
        message = FakeMessage("SM" + secrets.token_hex(16), to, sender, body, "queued",
                              self._now().replace(microsecond=0), callback)  # fmt: skip
        with self._lock:
            self._messages.append(message)
        return message

    def set_status(self, sid: str, status: str, http: httpx.Client | None = None) -> int | None:
        """Move a message to `status` and post Twilio's signed status callback, if it has
        one; the callback's HTTP status (None without a callback)."""
        with self._lock:
            index = next(i for i, m in enumerate(self._messages) if m.sid == sid)
            message = self._messages[index] = replace(self._messages[index], status=status)
        if not message.status_callback:
            return None
        form = {"AccountSid": self.account_sid, "ApiVersion": "2010-04-01",
                "From": message.sender, "To": message.to, "MessageSid": sid, "SmsSid": sid,
                "MessageStatus": status, "SmsStatus": status}  # fmt: skip
        if status in ("failed", "undelivered"):
            form["ErrorCode"] = "30003"
        return self.post_signed(message.status_callback, form, http)

    def post_signed(self, url: str, form: dict[str, str], http: httpx.Client | None = None) -> int:
        """POST a form to `url` the way Twilio does, with a valid X-Twilio-Signature."""
        headers = {HEADER: twilio_signature(self.auth_token, url, form)}
        if http is not None:
            return http.post(url, data=form, headers=headers).status_code
        with httpx.Client(timeout=10) as client:
            return client.post(url, data=form, headers=headers).status_code

    def reply(self, url: str, sender: str, to: str, body: str) -> httpx.Response:
        """A customer's inbound message, posted to `url` as Twilio would (signed)."""
        form = {"AccountSid": self.account_sid, "ApiVersion": "2010-04-01", "Body": body,
                "From": sender, "To": to, "MessageSid": "SM" + secrets.token_hex(16),
                "NumMedia": "0", "NumSegments": "1"}  # fmt: skip
        headers = {HEADER: twilio_signature(self.auth_token, url, form)}
        with httpx.Client(timeout=10) as client:
            return client.post(url, data=form, headers=headers)


def _build_app(fake: FakeTwilio) -> FastAPI:
    app = FastAPI(title="fake Twilio", openapi_url=None, docs_url=None, redoc_url=None)

    def guard(request: Request, sid: str) -> JSONResponse | None:
        if not basic_auth_ok(request, sid, fake.account_sid, fake.auth_token):
            return twilio_error(401, 20003, "Authenticate")
        failure = fake.take_failure()
        if failure is not None:
            return twilio_error(failure, 20429 if failure == 429 else 20500, "told to fail")
        return None

    @app.post(_API)
    async def create(request: Request, sid: str) -> JSONResponse:
        form = {k: str(v) for k, v in (await request.form()).items()}
        refused = guard(request, sid) or _invalid(form)
        if refused is not None:
            return refused
        message = fake.accept(form["To"], form["From"], form["Body"], form.get("StatusCallback"))
        if fake.delay:
            await asyncio.sleep(fake.delay)
        return JSONResponse(message.json(fake.account_sid), status_code=201)

    @app.get(_API)
    def listing(request: Request, sid: str) -> JSONResponse:
        refused = guard(request, sid)
        if refused is not None:
            return refused
        return JSONResponse(_page(fake, request))

    add_control(app, fake)
    return app


def _invalid(form: dict[str, str]) -> JSONResponse | None:
    to = form.get("To", "")
    if not to or not form.get("From") or not form.get("Body"):
        return twilio_error(400, 21604, "A 'To', 'From' and 'Body' are required")
    if not _E164.match(to) or to.endswith(INVALID_NUMBER):
        return twilio_error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
    return None


def _page(fake: FakeTwilio, request: Request) -> dict[str, Any]:
    query = request.query_params
    size, page = int(query.get("PageSize", "50")), int(query.get("Page", "0"))
    found = [m for m in reversed(fake.messages) if _matches(m, query)]
    chunk = found[page * size : (page + 1) * size]
    base = _API.format(sid=fake.account_sid)
    rest = urlencode([(k, v) for k, v in query.multi_items() if k not in ("Page", "PageSize")])

    def uri(number: int) -> str:
        return f"{base}?{rest}&PageSize={size}&Page={number}"

    more = (page + 1) * size < len(found)
    return {"messages": [m.json(fake.account_sid) for m in chunk], "page": page,
            "page_size": size, "start": page * size, "end": page * size + len(chunk),
            "uri": uri(page), "first_page_uri": uri(0),
            "next_page_uri": uri(page + 1) if more else None,
            "previous_page_uri": uri(page - 1) if page else None}  # fmt: skip


def _matches(message: FakeMessage, query: Any) -> bool:
    day = message.created.strftime("%Y-%m-%d")
    checks = [("To", message.to), ("From", message.sender), ("DateSent", day)]
    if any(query.get(name) not in (None, value) for name, value in checks):
        return False
    after, before = query.get("DateSent>"), query.get("DateSent<")
    return (after is None or day >= after) and (before is None or day <= before)


__all__ = ["INVALID_NUMBER", "FakeMessage", "FakeTwilio"]
