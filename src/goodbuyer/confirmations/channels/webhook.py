"""A generic webhook: the shop's own endpoint receives each message as signed JSON and
sends it however it likes. The receiver deduplicates on the Idempotency-Key header."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime

import httpx

from goodbuyer.confirmations.channels.base import ChannelError, Message
from goodbuyer.confirmations.channels.retry import Backoff, with_retries
from goodbuyer.confirmations.statuses import OutboundChannel

SIGNATURE_HEADER = "X-Goodbuyer-Signature"  # "sha256=<hex HMAC-SHA256 of the raw body>"
_TRANSIENT = {408, 409, 425, 429}


def webhook_signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookChannel:
    kind = OutboundChannel.WEBHOOK

    def __init__(
        self, url: str, secret: str, http: httpx.Client, backoff: Backoff | None = None
    ) -> None:
        self._url, self._secret, self._http = url, secret, http
        self._backoff = backoff or Backoff()

    def send(self, message: Message) -> str:
        payload = {"key": message.key, "channel": message.channel.value,
                   "recipient": message.recipient, "subject": message.subject,
                   "body": message.body, "metadata": message.metadata}  # fmt: skip
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json", "Idempotency-Key": message.key,
                   SIGNATURE_HEADER: webhook_signature(self._secret, raw)}  # fmt: skip
        with_retries(lambda: self._post(raw, headers), self._backoff, f"webhook {message.key}")
        return f"webhook-{message.key}"

    def find_sent(self, message: Message, since: datetime) -> str | None:
        return None  # sending again is safe: the receiver dedupes on Idempotency-Key

    def _post(self, raw: bytes, headers: dict[str, str]) -> None:
        try:
            response = self._http.post(self._url, content=raw, headers=headers)
        except httpx.TransportError as exc:
            raise ChannelError(f"webhook unreachable: {exc!r}") from exc
        if response.is_success:
            return
        code = response.status_code
        retryable = code in _TRANSIENT or code >= 500
        raise ChannelError(f"webhook answered {code}: {response.text[:200]}", retryable=retryable)


__all__ = ["SIGNATURE_HEADER", "WebhookChannel", "webhook_signature"]
