"""SMTP's Message-ID and the webhook's signed, keyed request."""

from __future__ import annotations

import json
from email.headerregistry import HeaderRegistry

import httpx

from goodbuyer.confirmations.channels.base import Message
from goodbuyer.confirmations.channels.fake_server import served
from goodbuyer.confirmations.channels.fake_smtp import FakeSmtp
from goodbuyer.confirmations.channels.smtp import SmtpChannel, message_id
from goodbuyer.confirmations.channels.webhook import WebhookChannel, webhook_signature
from goodbuyer.confirmations.statuses import OutboundChannel
from tests.confirmations.channels.harness import NO_WAIT, FakeReceiver

KEY = "confirm:4f1c0a9e-7d2b-4c55-9a43-2c3d5e6f7a8b:2"


def test_the_message_id_is_a_valid_msg_id_derived_from_the_key() -> None:
    made = message_id(KEY, "Kauppa <tilaukset@kauppa.fi>")
    assert made == "<confirm.4f1c0a9e-7d2b-4c55-9a43-2c3d5e6f7a8b.2@kauppa.fi>"
    parsed = HeaderRegistry()("Message-ID", made)
    assert str(parsed) == made
    assert not parsed.defects


def test_a_resent_e_mail_carries_the_same_message_id_and_utf8_text() -> None:
    # given a real SMTP server
    fake = FakeSmtp().start()
    try:
        channel = SmtpChannel(fake.host, fake.port, "tilaukset@kauppa.fi", backoff=NO_WAIT)
        subject, body = "Tilauksesi #100234 odottaa vahvistusta", "Hei Anna,\nkiitos – näin."
        message = Message(KEY, OutboundChannel.EMAIL, "anna@example.com", subject, body)
        # when the same message is sent twice (a re-run after a crash in the conversation)
        first, second = channel.send(message), channel.send(message)
    finally:
        fake.stop()
    # then both copies are one message to a mail store
    assert first == second == fake.emails[0].message_id == fake.emails[1].message_id
    assert fake.emails[0].subject == "Tilauksesi #100234 odottaa vahvistusta"
    assert fake.emails[0].body == "Hei Anna,\nkiitos – näin."
    assert fake.emails[0].recipients == ("anna@example.com",)


def test_the_webhook_posts_signed_json_with_the_idempotency_key() -> None:
    receiver = FakeReceiver()
    with served(receiver.app) as url, httpx.Client() as http:
        channel = WebhookChannel(f"{url}/hook", "s3cret", http, NO_WAIT)
        channel.send(Message(KEY, OutboundChannel.WEBHOOK, "", None, "Vahvista: #100234",
                             metadata={"order": "#100234"}))  # fmt: skip
    (delivery,) = receiver.deliveries
    headers, raw = delivery["headers"], delivery["raw"]
    assert isinstance(headers, dict)
    assert isinstance(raw, bytes)
    assert headers["idempotency-key"] == KEY
    assert headers["x-goodbuyer-signature"] == webhook_signature("s3cret", raw)
    assert json.loads(raw) == {"key": KEY, "channel": "webhook", "recipient": "",
                               "subject": None, "body": "Vahvista: #100234",
                               "metadata": {"order": "#100234"}}  # fmt: skip
