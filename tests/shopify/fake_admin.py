"""A local fake of the Shopify Admin GraphQL API, served over real HTTP on 127.0.0.1:
tagsAdd and tagsRemove on orders and customers, the access token checked per shop, the
tags kept per resource, and faults on demand (429, THROTTLED, 500, userErrors, slowness)."""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_PATH = re.compile(r"^/(?P<domain>[^/]+)/admin/api/(?P<version>[^/]+)/graphql\.json$")
_MUTATION = re.compile(r"\b(tagsAdd|tagsRemove)\s*\(")
_GID = re.compile(r"^gid://shopify/(Order|Customer)/\d+$")
_BAD_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)"


@dataclass(frozen=True)
class Call:
    """One request the fake answered."""

    domain: str
    version: str
    mutation: str
    resource: str
    tags: tuple[str, ...]
    answer: str  # ok, or the fault or refusal given


@dataclass
class FakeShopifyAdmin:
    """The shops it knows (domain -> token), their resources' tags, and what it was asked."""

    tokens: dict[str, str] = field(default_factory=dict)
    tags: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    faults: deque[str] = field(default_factory=deque)
    delay: float = 0.0
    base_url: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, *faults: str) -> None:
        """Answer the next requests with these: "429", "throttled", "500", "user_errors"."""
        self.faults.extend(faults)

    def tags_of(self, domain: str, resource: str) -> set[str]:
        return set(self.tags.get((domain, resource), set()))

    def answer(self, path: str, token: str | None, body: bytes) -> tuple[int, dict[str, str], Any]:
        where = _PATH.match(path)
        if where is None:
            return 404, {}, {"errors": "Not Found"}
        domain, version = where["domain"], where["version"]
        if token is None or self.tokens.get(domain) != token:
            self._note(domain, version, "", "", (), "401")
            return 401, {}, {"errors": _BAD_TOKEN}
        request = json.loads(body)
        found = _MUTATION.search(request.get("query", ""))
        variables = request.get("variables") or {}
        name = found[1] if found else ""
        resource, tags = str(variables.get("id", "")), tuple(variables.get("tags") or ())
        if self.delay:
            time.sleep(self.delay)
        with self._lock:
            fault = self.faults.popleft() if self.faults else None
            self._note(domain, version, name, resource, tags, fault or "ok")
            if fault is not None:
                return _fault(fault, name)
            if not name:
                return 200, {}, {"errors": [{"message": "no tagsAdd or tagsRemove here"}]}
            if not _GID.match(resource):
                return 200, {}, _payload(name, None, [{"field": ["id"], "message": "not found"}])
            held = self.tags.setdefault((domain, resource), set())
            if name == "tagsAdd":
                held.update(tags)
            else:
                held.difference_update(tags)
            return 200, {}, _payload(name, resource, [])

    def _note(self, *parts: Any) -> None:
        self.calls.append(Call(*parts))


def _payload(name: str, resource: str | None, errors: list[dict[str, Any]]) -> dict[str, Any]:
    node = {"id": resource} if resource else None
    cost = {"requestedQueryCost": 10, "actualQueryCost": 10,
            "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1990,
                               "restoreRate": 100.0}}  # fmt: skip
    return {"data": {name: {"node": node, "userErrors": errors}}, "extensions": {"cost": cost}}


def _fault(fault: str, name: str) -> tuple[int, dict[str, str], Any]:
    if fault == "429":
        return (
            429,
            {"Retry-After": "2.0"},
            {"errors": "Exceeded 2 calls per second for api client."},
        )
    if fault == "500":
        return 500, {}, {"errors": "Internal Server Error"}
    if fault == "user_errors":
        return 200, {}, _payload(name, None, [{"field": ["tags"], "message": "Tags are invalid"}])
    assert fault == "throttled", fault
    # 10 points asked, 5 left, 50 come back per second: 0.1 s until the query fits.
    return 200, {}, {
        "errors": [{"message": "Throttled", "extensions": {
            "code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
        "extensions": {"cost": {"requestedQueryCost": 10, "actualQueryCost": None,
                                "throttleStatus": {"maximumAvailable": 1000.0,
                                                   "currentlyAvailable": 5, "restoreRate": 50.0}}},
    }  # fmt: skip


def _handler(fake: FakeShopifyAdmin) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            token = self.headers.get("X-Shopify-Access-Token")
            status, headers, payload = fake.answer(self.path, token, body)
            data = json.dumps(payload).encode()
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # quiet in tests
            return

    return Handler


class FakeServer:
    """Serve a fake on a free port of 127.0.0.1 until stopped."""

    def __init__(self, fake: FakeShopifyAdmin) -> None:
        self.fake = fake
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
        self._server.daemon_threads = True
        port = self._server.server_address[1]
        fake.base_url = f"http://127.0.0.1:{port}/{{domain}}"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        self._server.serve_forever(poll_interval=0.02)  # so that stopping is quick

    def start(self) -> FakeShopifyAdmin:
        self._thread.start()
        return self.fake

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


__all__ = ["Call", "FakeServer", "FakeShopifyAdmin"]
