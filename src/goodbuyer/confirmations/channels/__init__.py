"""Outbound channels behind one protocol (SMS, WhatsApp, e-mail, webhook, the recorder),
`channels_for(settings)` to pick them, and fakes of the providers to run and test against."""

from goodbuyer.confirmations.channels.base import Channel, ChannelError, Message
from goodbuyer.confirmations.channels.registry import channels_for

__all__ = ["Channel", "ChannelError", "Message", "channels_for"]
