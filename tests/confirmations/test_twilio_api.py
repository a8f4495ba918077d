"""Twilio's delivery statuses and customers' replies, signed as Twilio signs them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from twilio.request_validator import RequestValidator

from goodbuyer.app import build_services, create_app
from goodbuyer.audit import AuditEvent
from goodbuyer.clock import FixedClock
from goodbuyer.confirmations.channels.base import Message
from goodbuyer.confirmations.channels.fake_server import served
from goodbuyer.confirmations.channels.fake_smtp import free_port
from goodbuyer.confirmations.channels.fake_twilio import FakeTwilio
from goodbuyer.confirmations.channels.twilio import TwilioChannel
from goodbuyer.confirmations.channels.twilio_signature import (
    HEADER,
    is_valid_signature,
    twilio_signature,
)
from goodbuyer.confirmations.models import Confirmation, OutboxMessage
from goodbuyer.confirmations.statuses import (
    ConfirmationStatus,
    DeliveryStatus,
    OutboundChannel,
    ResolvedVia,
)
from goodbuyer.confirmations.twilio_api import callback_url
from goodbuyer.settings import Settings
from goodbuyer.store.models import Order
from goodbuyer.store.statuses import OrderStatus
from goodbuyer.web.deps import Services
from tests.factories import auth, make_shop, order_payload

TOKEN = "twilio-test-token"
PHONE = "+358401234567"  # order_payload's "040 123 4567" in Finland
PUBLIC = "http://testserver"


@given(
    url=st.sampled_from(["https://shop.example.com/api/v1/twilio/kauppa/inbound",
                         "http://127.0.0.1:8000/api/v1/twilio/x/status?a=1&b=ä"]),
    params=st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=40), max_size=8),
)  # fmt: skip
def test_our_signature_is_twilios_own(url: str, params: dict[str, str]) -> None:
    validator = RequestValidator(TOKEN)
    signature = twilio_signature(TOKEN, url, params)
    assert signature == validator.compute_signature(url, params)
    assert validator.validate(url, params, signature)
    assert is_valid_signature(TOKEN, url, params, signature)
    assert not is_valid_signature(TOKEN, url + "x", params, signature)


def test_twilios_signature_with_the_default_port_is_accepted() -> None:
    params = {"Body": "Kyllä", "From": PHONE}
    signed = RequestValidator(TOKEN).compute_signature("https://a.example:443/in", params)
    assert is_valid_signature(TOKEN, "https://a.example/in", params, signed)


@pytest.fixture
def app_services(engine: Engine, clock: FixedClock) -> Iterator[Services]:
    settings = Settings(environment="test", database_url=engine.url.render_as_string(False),
                        twilio_auth_token=TOKEN, public_url=PUBLIC)  # fmt: skip
    services = build_services(settings, clock)
    yield services
    services.dispose()


@pytest.fixture
def twilio_client(app_services: Services) -> Iterator[TestClient]:
    with TestClient(create_app(app_services.settings, app_services)) as client:
        yield client


def _held_order(client: TestClient, services: Services) -> Confirmation:
    _, key = make_shop(services)
    response = client.post("/api/v1/orders", json=order_payload(), headers=auth(key))
    assert response.status_code == 201, response.text
    with services.sessions() as session:
        confirmation = session.scalars(select(Confirmation)).one()
        session.expunge(confirmation)
    assert confirmation.phone == PHONE
    return confirmation


def _post(client: TestClient, kind: str, form: dict[str, str], token: str = TOKEN) -> Any:
    path = f"/api/v1/twilio/kauppa/{kind}"
    headers = {HEADER: twilio_signature(token, PUBLIC + path, form)}
    return client.post(path, data=form, headers=headers)


def _state(services: Services, confirmation: Confirmation) -> tuple[Any, ...]:
    with services.sessions() as session:
        found = session.get(Confirmation, confirmation.id)
        order = session.get(Order, confirmation.order_id)
        assert found is not None
        assert order is not None
        return found.status, found.resolved_via, order.status


def _add_outbox(services: Services, confirmation: Confirmation, sid: str) -> uuid.UUID:
    now = services.clock.now()
    with services.write() as session:
        row = OutboxMessage(
            shop_id=confirmation.shop_id, idempotency_key=f"confirm:{confirmation.id}:0",
            channel=OutboundChannel.SMS, recipient=PHONE, template="confirm_sms", language="fi",
            subject=None, body="...", order_id=confirmation.order_id,
            customer_id=confirmation.customer_id, confirmation_id=confirmation.id,
            status=DeliveryStatus.SENT, provider_message_id=sid, attempts=1, cost=8,
            created_at=now, updated_at=now,
        )  # fmt: skip
        session.add(row)
        session.flush()
        return row.id


def _outbox_status(services: Services, row_id: uuid.UUID) -> DeliveryStatus:
    with services.sessions() as session:
        row = session.get(OutboxMessage, row_id)
        assert row is not None
        return row.status


def test_a_yes_reply_confirms_the_order_and_answers_in_finnish(
    twilio_client: TestClient, app_services: Services
) -> None:
    # given an order held for confirmation
    confirmation = _held_order(twilio_client, app_services)
    # when the customer answers "Kyllä!" by SMS
    response = _post(twilio_client, "inbound", {"From": PHONE, "To": "+15005550006",
                                                "Body": "Kyllä!", "MessageSid": "SM1"})  # fmt: skip
    # then the order is confirmed by reply, and the TwiML thanks them in Finnish
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    assert response.text.startswith('<?xml version="1.0" encoding="UTF-8"?><Response><Message>')
    assert "Kiitos! Tilauksesi #1001 on vahvistettu" in response.text
    assert _state(app_services, confirmation) == (
        ConfirmationStatus.CONFIRMED, ResolvedVia.REPLY, OrderStatus.CONFIRMED)  # fmt: skip


def test_a_whatsapp_no_cancels_the_order(twilio_client: TestClient, app_services: Services) -> None:
    confirmation = _held_order(twilio_client, app_services)
    response = _post(twilio_client, "inbound", {"From": f"whatsapp:{PHONE}", "Body": "ei kiitos"})
    assert response.status_code == 200
    assert "Tilauksesi #1001 on peruttu." in response.text
    assert _state(app_services, confirmation) == (
        ConfirmationStatus.CANCELLED, ResolvedVia.REPLY, OrderStatus.CANCELLED)  # fmt: skip


def test_an_unclear_reply_asks_again_and_changes_nothing(
    twilio_client: TestClient, app_services: Services
) -> None:
    confirmation = _held_order(twilio_client, app_services)
    response = _post(twilio_client, "inbound", {"From": PHONE, "Body": "mikä tilaus?"})
    assert response.status_code == 200
    assert "Vastaa KYLLÄ" in response.text
    assert _state(app_services, confirmation)[0] is ConfirmationStatus.QUEUED


def test_a_reply_with_no_open_order_is_answered_politely_and_recorded(
    twilio_client: TestClient, app_services: Services
) -> None:
    # given a shop with no confirmation open for this number
    _held_order(twilio_client, app_services)
    # when a stranger answers
    response = _post(twilio_client, "inbound", {"From": "+358509999999", "Body": "YES"})
    # then they are told politely, and the reply is in the audit trail (number masked)
    assert response.status_code == 200
    assert "ei ole vahvistusta odottavaa tilausta" in response.text
    with app_services.sessions() as session:
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "confirmation.reply_without_order")).one()  # fmt: skip
        assert event.data == {"from": "+358******999", "body": "YES"}


def test_a_wrong_signature_is_refused_with_a_problem(
    twilio_client: TestClient, app_services: Services
) -> None:
    confirmation = _held_order(twilio_client, app_services)
    response = _post(twilio_client, "inbound", {"From": PHONE, "Body": "YES"}, token="wrong")
    unsigned = twilio_client.post("/api/v1/twilio/kauppa/status", data={"MessageSid": "SM1"})
    assert response.status_code == unsigned.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert _state(app_services, confirmation)[0] is ConfirmationStatus.QUEUED


def test_delivery_statuses_move_the_outbox_forward_only(
    twilio_client: TestClient, app_services: Services
) -> None:
    # given a sent message
    confirmation = _held_order(twilio_client, app_services)
    row = _add_outbox(app_services, confirmation, "SM" + "a" * 32)
    # when Twilio reports it delivered, then (late, out of order) sent
    delivered = {"MessageSid": "SM" + "a" * 32, "MessageStatus": "delivered"}
    assert _post(twilio_client, "status", delivered).status_code == 204
    assert _post(twilio_client, "status", {**delivered, "MessageStatus": "sent"}).status_code == 204
    # then it stays delivered; an unknown sid is accepted and ignored
    assert _outbox_status(app_services, row) is DeliveryStatus.DELIVERED
    assert _post(twilio_client, "status", {**delivered, "MessageSid": "SMx"}).status_code == 204


def test_the_fake_twilios_callbacks_and_replies_pass_our_checks(
    engine: Engine, clock: FixedClock
) -> None:
    # given goodbuyer served on a real port, with its public URL, and the fake Twilio
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    fake = FakeTwilio(auth_token=TOKEN)
    settings = Settings(environment="test", database_url=engine.url.render_as_string(False),
                        twilio_auth_token=TOKEN, public_url=public)  # fmt: skip
    services = build_services(settings, clock)
    try:
        with served(create_app(settings, services), port=port), served(fake.app) as fake_url:
            with TestClient(create_app(settings, services)) as client:
                confirmation = _held_order(client, services)
            # when a message goes out with its status callback, is delivered, and answered
            with httpx.Client() as http:
                channel = TwilioChannel(OutboundChannel.SMS, fake.account_sid, TOKEN,
                                        "+15005550006", fake_url, http)  # fmt: skip
                sid = channel.send(Message("confirm:x:0", OutboundChannel.SMS, PHONE, None,
                                           "vahvista #1001",
                                           callback_url(public, "kauppa")))  # fmt: skip
            row = _add_outbox(services, confirmation, sid)
            callback = fake.set_status(sid, "delivered")
            answer = fake.reply(callback_url(public, "kauppa", "inbound"), PHONE,
                                "+15005550006", "joo")  # fmt: skip
        # then both were accepted and acted on
        assert callback == 204
        assert _outbox_status(services, row) is DeliveryStatus.DELIVERED
        assert answer.status_code == 200
        assert _state(services, confirmation)[0] is ConfirmationStatus.CONFIRMED
    finally:
        services.dispose()
