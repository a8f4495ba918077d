"""Which channel the settings give each kind."""

from __future__ import annotations

from goodbuyer.confirmations.channels.recorder import RecorderChannel
from goodbuyer.confirmations.channels.registry import channels_for
from goodbuyer.confirmations.channels.smtp import SmtpChannel
from goodbuyer.confirmations.channels.twilio import TwilioChannel
from goodbuyer.confirmations.channels.webhook import WebhookChannel
from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.settings import Settings


def test_without_provider_settings_every_channel_only_records() -> None:
    found = channels_for(Settings(environment="test", _env_file=None))  # type: ignore[call-arg]
    assert set(found) == set(OutboundChannel)
    assert all(isinstance(channel, RecorderChannel) for channel in found.values())
    assert found[OutboundChannel.SMS].kind is OutboundChannel.SMS


def test_configured_providers_replace_the_recorder() -> None:
    settings = Settings(
        environment="test", twilio_account_sid="AC1", twilio_auth_token="t",
        twilio_sms_from="+15005550006", smtp_host="127.0.0.1", webhook_url="http://127.0.0.1/h",
        _env_file=None,  # type: ignore[call-arg]
    )  # fmt: skip
    found = channels_for(settings)
    assert isinstance(found[OutboundChannel.SMS], TwilioChannel)
    assert isinstance(found[OutboundChannel.WHATSAPP], RecorderChannel)  # no WhatsApp sender
    assert isinstance(found[OutboundChannel.EMAIL], SmtpChannel)
    assert isinstance(found[OutboundChannel.WEBHOOK], WebhookChannel)
    assert isinstance(found[OutboundChannel.OUTBOX], RecorderChannel)
