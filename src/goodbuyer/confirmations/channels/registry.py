"""Which channel sends what, from the settings: a provider where it is configured, the
recording-only channel everywhere else (so the demo runs with no account at all)."""

from __future__ import annotations

import httpx

from goodbuyer.confirmations.channels.base import Channel
from goodbuyer.confirmations.channels.recorder import RecorderChannel
from goodbuyer.confirmations.channels.smtp import SmtpChannel
from goodbuyer.confirmations.channels.twilio import TwilioChannel
from goodbuyer.confirmations.channels.webhook import WebhookChannel
from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.settings import Settings

TIMEOUT = httpx.Timeout(15.0, connect=5.0)


def channels_for(
    settings: Settings, http: httpx.Client | None = None
) -> dict[OutboundChannel, Channel]:
    """One channel per kind. `http` is shared by the HTTP channels (made here if None)."""
    client = http or httpx.Client(timeout=TIMEOUT)
    found: dict[OutboundChannel, Channel] = {
        kind: RecorderChannel(kind) for kind in OutboundChannel
    }
    twilio = settings.twilio_account_sid and settings.twilio_auth_token
    senders = {OutboundChannel.SMS: settings.twilio_sms_from,
               OutboundChannel.WHATSAPP: settings.twilio_whatsapp_from}  # fmt: skip
    for kind, sender in senders.items():
        if twilio and sender:
            found[kind] = TwilioChannel(
                kind, settings.twilio_account_sid, settings.twilio_auth_token, sender,
                settings.twilio_base_url, client,
            )  # fmt: skip
    if settings.smtp_host:
        found[OutboundChannel.EMAIL] = SmtpChannel(
            settings.smtp_host, settings.smtp_port, settings.smtp_from or "goodbuyer@localhost",
            settings.smtp_username, settings.smtp_password, settings.smtp_starttls,
        )  # fmt: skip
    if settings.webhook_url:
        found[OutboundChannel.WEBHOOK] = WebhookChannel(
            settings.webhook_url, settings.secret_key, client
        )
    return found


__all__ = ["channels_for"]
