"""Each channel beside its fake, for the contract test: the fake's records, and ways to
make the provider refuse a recipient or fail once."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from goodbuyer.confirmations.channels.base import Channel
from goodbuyer.confirmations.channels.fake_server import served
from goodbuyer.confirmations.channels.fake_smtp import REFUSED_DOMAIN, FakeSmtp
from goodbuyer.confirmations.channels.fake_twilio import INVALID_NUMBER, FakeTwilio
from goodbuyer.confirmations.channels.recorder import RecorderChannel
from goodbuyer.confirmations.channels.retry import Backoff
from goodbuyer.confirmations.channels.smtp import SmtpChannel
from goodbuyer.confirmations.channels.twilio import TwilioChannel
from goodbuyer.confirmations.channels.webhook import WebhookChannel
from goodbuyer.confirmations.statuses import OutboundChannel

NO_WAIT = Backoff(attempts=3, first_delay=0.0, sleep=lambda _: None)


@dataclass
class Harness:
    channel: Channel
    bodies: Callable[[], list[str]] | None  # what the provider holds; None: it holds nothing
    good_recipient: str
    refused_recipient: str | None  # None: this provider refuses nobody
    fail_once: Callable[[], None] | None  # None: this provider never fails


class FakeReceiver:
    """A webhook receiver that records each delivery and can answer 500 a few times."""

    def __init__(self) -> None:
        self.deliveries: list[dict[str, object]] = []
        self.failures = 0
        self._lock = threading.Lock()
        self.app = FastAPI()

        @self.app.post("/hook")
        async def hook(request: Request) -> JSONResponse:
            with self._lock:
                if self.failures:
                    self.failures -= 1
                    return JSONResponse({"detail": "told to fail"}, status_code=500)
                payload = json.loads(await request.body())
                if str(payload["recipient"]).endswith("@invalid"):
                    return JSONResponse({"detail": "unknown recipient"}, status_code=422)
                self.deliveries.append({"headers": dict(request.headers),
                                        "json": payload,
                                        "raw": await request.body()})  # fmt: skip
            return JSONResponse({"received": True})


@contextmanager
def twilio_harness(kind: OutboundChannel) -> Iterator[Harness]:
    fake = FakeTwilio()
    with served(fake.app) as url, httpx.Client(timeout=5) as http:
        sender = "+15005550006"
        channel = TwilioChannel(kind, fake.account_sid, fake.auth_token, sender, url, http,
                                NO_WAIT)  # fmt: skip
        yield Harness(channel, lambda: [m.body for m in fake.messages], "+358401234567",
                      INVALID_NUMBER, lambda: fake.fail_next(1, 500))  # fmt: skip


@contextmanager
def smtp_harness() -> Iterator[Harness]:
    fake = FakeSmtp().start()
    try:
        channel = SmtpChannel(fake.host, fake.port, "shop@example.com", backoff=NO_WAIT)
        yield Harness(channel, lambda: [e.body for e in fake.emails],
                      "anna@example.com", f"nobody@{REFUSED_DOMAIN}",
                      lambda: fake.fail_next(1))  # fmt: skip
    finally:
        fake.stop()


@contextmanager
def webhook_harness() -> Iterator[Harness]:
    receiver = FakeReceiver()
    with served(receiver.app) as url, httpx.Client(timeout=5) as http:
        channel = WebhookChannel(f"{url}/hook", "secret", http, NO_WAIT)

        def fail_once() -> None:
            receiver.failures += 1

        yield Harness(channel, lambda: [str(d["json"]["body"]) for d in receiver.deliveries],  # type: ignore[index]
                      "", "nobody@invalid", fail_once)  # fmt: skip


@contextmanager
def recorder_harness() -> Iterator[Harness]:
    yield Harness(RecorderChannel(), None, "", None, None)


HARNESSES: dict[str, Callable[[], contextmanager]] = {  # type: ignore[type-arg]
    "twilio-sms": lambda: twilio_harness(OutboundChannel.SMS),
    "twilio-whatsapp": lambda: twilio_harness(OutboundChannel.WHATSAPP),
    "smtp": smtp_harness,
    "webhook": webhook_harness,
    "recorder": recorder_harness,
}
