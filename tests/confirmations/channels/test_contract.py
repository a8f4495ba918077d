"""One contract every channel passes against its fake (STYLE 23), over real HTTP/SMTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from goodbuyer.confirmations.channels.base import ChannelError, Message
from goodbuyer.confirmations.statuses import OutboundChannel
from tests.confirmations.channels.harness import HARNESSES, Harness

NAMES = sorted(HARNESSES)


def _message(harness: Harness, recipient: str | None = None, body: str = "") -> Message:
    kind = harness.channel.kind
    return Message(
        key="confirm:4f1c0a9e-7d2b-4c55-9a43-2c3d5e6f7a8b:0",
        channel=kind,
        recipient=harness.good_recipient if recipient is None else recipient,
        subject="Vahvista tilauksesi #100234" if kind is OutboundChannel.EMAIL else None,
        body=body or "Kauppa: vahvista tilaus #100234 (12,90 €): http://127.0.0.1/c/AbC123",
        metadata={"order": "#100234", "shop": "kauppa"},
    )


@pytest.fixture(params=NAMES)
def harness(request: pytest.FixtureRequest) -> Iterator[Harness]:
    with HARNESSES[request.param]() as made:
        yield made


def test_send_hands_the_provider_exactly_one_message(harness: Harness) -> None:
    # given a message
    message = _message(harness)
    # when it is sent
    provider_id = harness.channel.send(message)
    # then the provider holds exactly that one message, and send named it
    assert provider_id
    if harness.bodies is None:
        assert provider_id == f"outbox-{message.key}"
    else:
        assert harness.bodies() == [message.body]


def test_find_sent_finds_a_sent_message_or_says_it_cannot(harness: Harness) -> None:
    # given a message sent once and one never sent
    sent = _message(harness)
    provider_id = harness.channel.send(sent)
    never = _message(harness, body="Kauppa: vahvista tilaus #100999: http://127.0.0.1/c/Zz9")
    since = datetime.now(UTC) - timedelta(minutes=5)
    # when the channel is asked about each
    found, not_found = (
        harness.channel.find_sent(sent, since),
        harness.channel.find_sent(never, since),
    )
    # then a provider that can tell finds the first; none finds the second
    can_tell = harness.channel.kind in (OutboundChannel.SMS, OutboundChannel.WHATSAPP)
    assert found == (provider_id if can_tell else None)
    assert not_found is None


def test_a_refused_recipient_is_a_final_error(harness: Harness) -> None:
    if harness.refused_recipient is None:
        pytest.skip("this channel has no provider that could refuse a recipient")
    # given a recipient the provider refuses for good
    message = _message(harness, recipient=harness.refused_recipient)
    # when it is sent
    with pytest.raises(ChannelError) as raised:
        harness.channel.send(message)
    # then the error says retrying will not help, and nothing was sent
    assert raised.value.retryable is False
    assert harness.bodies is not None
    assert harness.bodies() == []


def test_a_passing_failure_is_retried_and_sent_once(harness: Harness) -> None:
    if harness.fail_once is None:
        pytest.skip("this channel has no provider that could fail")
    # given a provider that fails the next request (500, or SMTP 451)
    harness.fail_once()
    message = _message(harness)
    # when a message is sent
    provider_id = harness.channel.send(message)
    # then the retry got it through, once
    assert provider_id
    assert harness.bodies is not None
    assert harness.bodies() == [message.body]
