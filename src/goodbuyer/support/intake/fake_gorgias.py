"""A fake Gorgias REST API for development and tests: Basic auth, the ticket tags and
messages endpoints with Gorgias's shapes and cursor paging, every call recorded, and told
failures (429 with Retry-After, 5xx, or a 502 after the message was stored: a lost answer).
"""

from __future__ import annotations

import base64
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response


@dataclass(frozen=True)
class FakeCall:
    method: str
    path: str
    body: dict[str, Any] | None


@dataclass(frozen=True)
class _Failure:
    status: int
    retry_after: str | None
    after_storing: bool  # do the work, then answer the failure (a lost answer)
    method: str | None  # only calls with this method fail; None: any call
    path_suffix: str = ""  # only calls to a path ending so fail ("/messages": the notes)


class FakeGorgias:
    """The fake's state; `app` serves it (thread-safe: uvicorn answers in worker threads)."""

    def __init__(self, username: str = "agent@kauppa.example", api_key: str = "fake-key") -> None:
        self.username, self.api_key = username, api_key
        self._lock = threading.Lock()
        self.calls: list[FakeCall] = []
        self.tags: dict[str, list[str]] = {}
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self._failures: list[_Failure] = []
        self._next_id = 1000
        self.app = _build_app(self)

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.tags.clear()
            self.messages.clear()
            self._failures.clear()

    def fail_next(
        self, count: int, status: int = 500, retry_after: str | None = None,
        after_storing: bool = False, method: str | None = None, path_suffix: str = "",
    ) -> None:  # fmt: skip
        """The next `count` API calls (of `method` to a path ending in `path_suffix`, if
        given) answer `status`, with Retry-After if given; `after_storing`: only after doing
        what was asked."""
        failure = _Failure(status, retry_after, after_storing, method, path_suffix)
        with self._lock:
            self._failures.extend([failure] * count)

    def notes(self, ticket_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [m for m in self.messages.get(ticket_id, []) if m["channel"] == "internal-note"]

    def record(self, request: Request, body: dict[str, Any] | None) -> _Failure | None:
        with self._lock:
            self.calls.append(FakeCall(request.method, request.url.path, body))
            for index, failure in enumerate(self._failures):
                path = request.url.path
                if failure.method in (None, request.method) and path.endswith(failure.path_suffix):
                    return self._failures.pop(index)
            return None

    def add_message(self, ticket_id: str, body: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self._next_id += 1
            stamp = datetime.now(UTC).replace(tzinfo=None).isoformat()
            message = {**body, "id": self._next_id, "ticket_id": int(ticket_id),
                       "uri": f"/api/tickets/{ticket_id}/messages/{self._next_id}/",
                       "message_id": f"<{secrets.token_hex(8)}@gorgias.fake>",
                       "created_datetime": stamp, "sent_datetime": stamp}  # fmt: skip
            self.messages.setdefault(ticket_id, []).append(message)
            return message

    def add_tags(self, ticket_id: str, names: list[str]) -> None:
        with self._lock:
            held = self.tags.setdefault(ticket_id, [])
            held.extend(n for n in names if n not in held)

    def authorised(self, request: Request) -> bool:
        expected = base64.b64encode(f"{self.username}:{self.api_key}".encode()).decode()
        return secrets.compare_digest(request.headers.get("authorization", ""), f"Basic {expected}")


def _error(status: int, message: str, retry_after: str | None = None) -> JSONResponse:
    headers = {"Retry-After": retry_after} if retry_after else None
    return JSONResponse({"error": {"msg": message}}, status_code=status, headers=headers)


def _build_app(fake: FakeGorgias) -> FastAPI:
    app = FastAPI(title="fake Gorgias", openapi_url=None, docs_url=None, redoc_url=None)

    async def guard(request: Request) -> tuple[dict[str, Any], Response | None, Response | None]:
        """(body, an answer instead of the work, an answer after the work)."""
        body = await request.json() if request.method == "POST" else {}
        failure = fake.record(request, body if request.method == "POST" else None)
        if not fake.authorised(request):
            return body, _error(401, "Unauthorized"), None
        if failure is None:
            return body, None, None
        refusal = _error(failure.status, "told to fail", failure.retry_after)
        return (body, None, refusal) if failure.after_storing else (body, refusal, None)

    @app.post("/api/tickets/{ticket_id}/tags")
    async def add_tags(ticket_id: str, request: Request) -> Response:
        body, instead, after = await guard(request)
        if instead is not None:
            return instead
        names = body.get("names")
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            return _error(400, "names: a list of tag names is required")
        fake.add_tags(ticket_id, names)
        return after or Response(status_code=204)

    @app.post("/api/tickets/{ticket_id}/messages")
    async def create_message(ticket_id: str, request: Request) -> Response:
        body, instead, after = await guard(request)
        if instead is not None:
            return instead
        missing = [f for f in ("channel", "via", "from_agent", "sender") if f not in body]
        if missing or not (body.get("body_text") or body.get("body_html")):
            return _error(400, f"missing: {missing or ['body_text']}")
        message = fake.add_message(ticket_id, body)
        return after or JSONResponse(message, status_code=201)

    @app.get("/api/tickets/{ticket_id}/messages")
    async def list_messages(ticket_id: str, request: Request) -> Response:
        _, instead, after = await guard(request)
        refusal = instead or after
        if refusal is not None:
            return refusal
        limit = int(request.query_params.get("limit", "30"))
        start = int(request.query_params.get("cursor") or 0)
        found = list(fake.messages.get(ticket_id, []))
        more = start + limit < len(found)
        meta = {"next_cursor": str(start + limit) if more else None, "prev_cursor": None}
        return JSONResponse({"data": found[start : start + limit], "meta": meta})

    return app


__all__ = ["FakeCall", "FakeGorgias"]
