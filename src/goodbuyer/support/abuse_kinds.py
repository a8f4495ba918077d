"""Zero tolerance's vocabularies: what an incident records, what one message led to."""

from __future__ import annotations

from enum import StrEnum


class IncidentKind(StrEnum):
    WARNING = "warning"  # an abusive message, answered with a warning
    BLOCK = "block"  # a repeat within the window: support over these channels ended
    LIFT = "lift"  # an agent lifted the block; the warning window starts afresh
    THREAT = "threat"  # a threat (legal, review, chargeback), recorded and routed


class AbuseOutcome(StrEnum):
    NONE = "none"  # nothing to do: not abusive, or zero tolerance is off
    WARNED = "warned"  # the first abusive message: the warning goes out
    BLOCKED = "blocked"  # a repeat: the block notice goes out, then no more replies
    ALREADY_BLOCKED = "already_blocked"  # the sender is blocked: kept, never answered


BLOCKED_TAG = "blocked"  # on a ticket whose sender is blocked: no drafted reply
WARNED_TAG = "abuse_warning"  # on a ticket where a warning was sent

__all__ = ["BLOCKED_TAG", "WARNED_TAG", "AbuseOutcome", "IncidentKind"]
