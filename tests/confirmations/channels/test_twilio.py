"""Twilio's request format and the fake's behaviour, over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from goodbuyer.confirmations.channels.base import ChannelError, Message
from goodbuyer.confirmations.channels.fake_server import served
from goodbuyer.confirmations.channels.fake_twilio import FakeTwilio
from goodbuyer.confirmations.channels.twilio import TwilioChannel
from goodbuyer.confirmations.statuses import OutboundChannel
from tests.confirmations.channels.harness import NO_WAIT

SENDER = "+15005550006"


@pytest.fixture
def fake() -> Iterator[tuple[FakeTwilio, str]]:
    twilio = FakeTwilio()
    with served(twilio.app) as url:
        yield twilio, url


def _message(kind: OutboundChannel, body: str = "Shop: confirm #100234: http://x/c/1") -> Message:
    return Message("confirm:abc:0", kind, "+358401234567", None, body,
                   status_callback="http://127.0.0.1:9/api/v1/twilio/kauppa/status")  # fmt: skip


def test_whatsapp_numbers_carry_the_whatsapp_prefix(fake: tuple[FakeTwilio, str]) -> None:
    # given a WhatsApp channel
    twilio, url = fake
    with httpx.Client() as http:
        channel = TwilioChannel(OutboundChannel.WHATSAPP, twilio.account_sid, twilio.auth_token,
                                SENDER, url, http, NO_WAIT)  # fmt: skip
        # when a message is sent
        sid = channel.send(_message(OutboundChannel.WHATSAPP))
    # then Twilio got whatsapp: addresses, the callback, and answered a real-looking sid
    (held,) = twilio.messages
    assert (held.to, held.sender) == ("whatsapp:+358401234567", f"whatsapp:{SENDER}")
    assert held.status_callback == "http://127.0.0.1:9/api/v1/twilio/kauppa/status"
    assert sid == held.sid
    assert sid.startswith("SM")
    assert len(sid) == 34


def test_a_wrong_token_is_refused_for_good(fake: tuple[FakeTwilio, str]) -> None:
    twilio, url = fake
    with httpx.Client() as http:
        channel = TwilioChannel(OutboundChannel.SMS, twilio.account_sid, "wrong", SENDER, url,
                                http, NO_WAIT)  # fmt: skip
        with pytest.raises(ChannelError) as raised:
            channel.send(_message(OutboundChannel.SMS))
    assert raised.value.retryable is False
    assert "20003" in raised.value.detail
    assert twilio.messages == []


def test_too_many_requests_are_retried_until_the_attempts_run_out(
    fake: tuple[FakeTwilio, str],
) -> None:
    # given a provider answering 429 three times, and a channel that tries three times
    twilio, url = fake
    twilio.fail_next(3, 429)
    with httpx.Client() as http:
        channel = TwilioChannel(OutboundChannel.SMS, twilio.account_sid, twilio.auth_token,
                                SENDER, url, http, NO_WAIT)  # fmt: skip
        # when a message is sent, then it fails as retryable with nothing sent
        with pytest.raises(ChannelError) as raised:
            channel.send(_message(OutboundChannel.SMS))
    assert raised.value.retryable is True
    assert twilio.messages == []


def test_an_answer_that_never_came_is_looked_up_not_sent_again(
    fake: tuple[FakeTwilio, str],
) -> None:
    # given a provider that records the message and then answers too late for the client
    twilio, url = fake
    twilio.delay = 1.0
    with httpx.Client(timeout=httpx.Timeout(0.3, connect=2)) as http:
        channel = TwilioChannel(OutboundChannel.SMS, twilio.account_sid, twilio.auth_token,
                                SENDER, url, http, NO_WAIT)  # fmt: skip
        # when it is sent
        sid = channel.send(_message(OutboundChannel.SMS))
    # then the retry found the message the provider already held: it was sent once
    (held,) = twilio.messages
    assert sid == held.sid


def test_find_sent_reads_every_page_and_matches_the_body_exactly(
    fake: tuple[FakeTwilio, str],
) -> None:
    # given 120 messages to one number, the one we look for sent first (the last page)
    twilio, url = fake
    wanted = twilio.accept("+358401234567", SENDER, "Shop: confirm #1: http://x/c/1", None)
    for n in range(119):
        twilio.accept("+358401234567", SENDER, f"Shop: confirm #1: http://x/c/1 {n}", None)
    with httpx.Client() as http:
        channel = TwilioChannel(OutboundChannel.SMS, twilio.account_sid, twilio.auth_token,
                                SENDER, url, http, NO_WAIT)  # fmt: skip
        # when it is looked up
        found = channel.find_sent(
            _message(OutboundChannel.SMS, "Shop: confirm #1: http://x/c/1"), datetime.now(UTC)
        )
    # then the exact body is found across pages
    assert found == wanted.sid


def test_the_fake_answers_in_twilios_json_shape(fake: tuple[FakeTwilio, str]) -> None:
    twilio, url = fake
    with httpx.Client(auth=(twilio.account_sid, twilio.auth_token)) as http:
        answer = http.post(
            f"{url}/2010-04-01/Accounts/{twilio.account_sid}/Messages.json",
            data={"To": "+358401234567", "From": SENDER, "Body": "hei"},
        )
        listing = http.get(
            f"{url}/2010-04-01/Accounts/{twilio.account_sid}/Messages.json",
            params={"To": "+358401234567", "DateSent>": "2000-01-01"},
        )
    body = answer.json()
    assert answer.status_code == 201
    assert (body["status"], body["to"], body["from"], body["body"]) == (
        "queued", "+358401234567", SENDER, "hei")  # fmt: skip
    assert body["date_created"].endswith(" +0000")
    assert body["date_created"][3:5] == ", "
    assert [m["sid"] for m in listing.json()["messages"]] == [body["sid"]]
