"""A round of work repeated in a daemon thread until told to stop: what the worker runs
beside the confirmation ladders (pushes, mailbox polls). A round that raises is logged
and the next one runs as planned."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


def start_repeating(
    name: str, every: float, stop: threading.Event, round_: Callable[[], None]
) -> threading.Thread | None:
    """Run `round_` now and every `every` seconds until `stop` is set; None when
    `every` is 0 (turned off)."""
    if every <= 0:
        return None

    def loop() -> None:
        while not stop.is_set():
            try:
                round_()
            except Exception:
                log.exception("%s: the round failed; trying again next round", name)
            stop.wait(every)

    thread = threading.Thread(target=loop, name=name, daemon=True)
    thread.start()
    return thread


__all__ = ["start_repeating"]
