"""The official-channel protocol (pure, R4.9): when a conversation ends, from the
criteria in the policy. A conversation that ends is kept; it gets no more drafted
replies, and with legal counsel involved only the legal team answers it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from goodbuyer.policy.abuse import THREAT_FLAGS, AbusePolicy


class EndReason(StrEnum):
    BLOCKED = "blocked"  # the sender is blocked on support channels (zero tolerance)
    LEGAL_COUNSEL = "legal_counsel"  # a lawyer is involved: hand over to legal only
    ABUSIVE_MESSAGES = "abusive_messages"  # abusive messages reached the policy's count
    REPEATED_THREATS = "repeated_threats"  # messages with threats reached the policy's count


@dataclass(frozen=True)
class Conversation:
    """One ticket as the protocol sees it: the flags of each inbound message, oldest
    first, whether the sender is blocked and whether legal counsel is involved."""

    flags: Sequence[frozenset[str]] = ()
    blocked: bool = False
    legal_counsel: bool = False
    abusive_messages: int = field(init=False)
    threat_messages: int = field(init=False)

    def __post_init__(self) -> None:
        threats = frozenset(THREAT_FLAGS)
        object.__setattr__(self, "abusive_messages", sum("abusive" in f for f in self.flags))
        object.__setattr__(self, "threat_messages", sum(bool(f & threats) for f in self.flags))


def conversation_should_end(history: Conversation, policy: AbusePolicy) -> EndReason | None:
    """Why the conversation ends now, or None while it goes on. The reasons are checked
    in order: blocked, legal counsel, abusive messages, repeated threats."""
    if history.blocked:
        return EndReason.BLOCKED
    if history.legal_counsel and policy.end_when_legal_counsel_involved:
        return EndReason.LEGAL_COUNSEL
    abusive, threats = policy.end_after_abusive_messages, policy.end_after_repeated_threats
    if policy.enabled and abusive and history.abusive_messages >= abusive:
        return EndReason.ABUSIVE_MESSAGES
    if threats and history.threat_messages >= threats:
        return EndReason.REPEATED_THREATS
    return None


__all__ = ["Conversation", "EndReason", "conversation_should_end"]
