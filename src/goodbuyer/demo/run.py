"""What one chunk's simulation carries around: the clock's bounds, the random stream, the
record sink, and the tally of what happened to the current customer."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from goodbuyer.demo.writer import PartSink

SHOP = "Lumi & Co"
RETURN_WINDOW_DAYS = 30


@dataclass(slots=True)
class Tally:
    """What happened to one customer, as the files show it at the end of the history."""

    delivered: int = 0
    refused: int = 0
    returned_to_origin: int = 0
    cancelled: int = 0
    returned_lines: int = 0
    refunds: int = 0
    refunded: int = 0  # minor units
    chargebacks: int = 0
    tickets: int = 0
    threats: int = 0
    abusive: int = 0
    spend: int = 0  # minor units, delivered orders


@dataclass(slots=True)
class Run:
    seed: int
    start: int  # Unix seconds; the history is [start, end)
    end: int
    sink: PartSink
    r: random.Random
    tally: Tally = field(default_factory=Tally)


__all__ = ["RETURN_WINDOW_DAYS", "SHOP", "Run", "Tally"]
