"""Where a message's threats go (pure, R4.5): each flag to the teams the policy names
(`abuse.routes`). Routing never changes the resolution; it only tells people."""

from __future__ import annotations

from collections.abc import Iterable

from goodbuyer.policy.abuse import FLAGS, AbusePolicy


def routes_for(flags: Iterable[str], policy: AbusePolicy) -> tuple[str, ...]:
    """The teams that receive a message with these flags, each once, in the order of the
    flags' vocabulary and then of the policy's list: ("legal", "communications").
    A flag the policy does not route (e.g. `abusive`) adds none. Raises ValueError for a
    name that is not a flag."""
    given = set(flags)
    unknown = sorted(given - set(FLAGS))
    if unknown:
        raise ValueError(f"unknown flag {unknown[0]!r}; flags: {', '.join(FLAGS)}")
    teams: dict[str, None] = {}
    for flag in FLAGS:
        if flag in given:
            teams.update(dict.fromkeys(policy.routes.get(flag, ())))
    return tuple(teams)


__all__ = ["routes_for"]
