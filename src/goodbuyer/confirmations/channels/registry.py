"""Which channel sends each kind of message, from the settings."""

from __future__ import annotations

import httpx

from goodbuyer.confirmations.channels.base import Channel
from goodbuyer.confirmations.channels.recorder import Recorder
from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.settings import Settings


def channels_for(
    settings: Settings, http: httpx.Client | None = None
) -> dict[OutboundChannel, Channel]:
    return {kind: Recorder(kind) for kind in OutboundChannel}
