"""What the worker sends out besides confirmations, in a thread of its own: the tags
queued for Shopify orders and customers, and the tags and internal notes queued for the
helpdesk (Gorgias), every `push_every_seconds`. Each push is claimed before it is sent
and marked after, so workers side by side (and `goodbuyer shopify push-tags` or
`goodbuyer support push-helpdesk` run by hand) never send one twice.

A round that fails (the database away, a bug) is logged and tried again next round; a
provider's refusal is kept on its row by the push itself.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import httpx
from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.repeating import start_repeating
from goodbuyer.settings import Settings
from goodbuyer.shopify.admin_client import build_client
from goodbuyer.shopify.service import PushSummary, push_pending
from goodbuyer.shopify.settings import ShopifySettings
from goodbuyer.support.intake.push import PushOptions, PushReport, push_helpdesk_writebacks

log = logging.getLogger(__name__)
LIMIT = 100  # pushes of each kind per round


@dataclass(frozen=True)
class PushRound:
    shopify: PushSummary | None  # None: that part of the round failed (logged)
    helpdesk: PushReport | None


def push_round(sessions: sessionmaker[Session], clock: Clock, http: httpx.Client) -> PushRound:
    """One round: the due Shopify tags, then the due helpdesk write-backs."""
    shopify: PushSummary | None = None
    helpdesk: PushReport | None = None
    try:
        client = build_client(ShopifySettings(), http)
        shopify = push_pending(sessions, client, now=clock.now(), limit=LIMIT)
    except Exception:
        log.exception("pushing Shopify tags failed; trying again next round")
    try:
        helpdesk = push_helpdesk_writebacks(sessions, clock, http, PushOptions(limit=LIMIT))
    except Exception:
        log.exception("pushing helpdesk write-backs failed; trying again next round")
    return PushRound(shopify, helpdesk)


def start_pushing(
    settings: Settings, sessions: sessionmaker[Session], clock: Clock, stop: threading.Event
) -> threading.Thread | None:
    """Push a round every `settings.push_every_seconds` until `stop` is set, in a daemon
    thread (a provider's Retry-After never holds up the ladders); None when it is 0."""

    def round_() -> None:
        with httpx.Client(timeout=20) as http:
            done = push_round(sessions, clock, http)
        if done.shopify and (done.shopify.pushed or done.shopify.failed):
            log.info("Shopify tags: %s pushed, %s failed", done.shopify.pushed,
                     done.shopify.failed)  # fmt: skip
        if done.helpdesk and (done.helpdesk.pushed or done.helpdesk.failed):
            log.info("helpdesk write-backs: %s", done.helpdesk.summary())

    return start_repeating("goodbuyer-pushes", settings.push_every_seconds, stop, round_)


__all__ = ["LIMIT", "PushRound", "push_round", "start_pushing"]
