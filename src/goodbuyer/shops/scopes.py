"""API key scopes: what a key may do. Each scope includes the ones before it."""

from __future__ import annotations

from enum import StrEnum


class Scope(StrEnum):
    READ = "read"  # read orders, customers and decisions
    WRITE = "write"  # send orders and events in (includes read)
    ADMIN = "admin"  # manage keys, policy and webhooks secrets (includes write)


_RANK = {Scope.READ: 1, Scope.WRITE: 2, Scope.ADMIN: 3}


def allows(granted: list[str], needed: Scope) -> bool:
    """True when any granted scope is at least the needed one."""
    return any(
        _RANK.get(Scope(s), 0) >= _RANK[needed] for s in granted if s in Scope._value2member_map_
    )


__all__ = ["Scope", "allows"]
