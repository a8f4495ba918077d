"""The in-process cache of compiled policies: the active number lapses after its seconds."""

from __future__ import annotations

import uuid

from goodbuyer.policy.cache import PolicyCache
from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.risk.compiled import compile_policy


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_active_number_lapses_and_can_be_forgotten() -> None:
    ticks, shop = Ticks(), uuid.uuid4()
    cache = PolicyCache(ttl=5, clock=ticks)
    assert cache.active(shop) is None
    cache.remember_active(shop, 3)
    ticks.now += 4.9
    assert cache.active(shop) == 3
    ticks.now += 0.2
    assert cache.active(shop) is None
    cache.remember_active(shop, 4)
    cache.forget_active(shop)
    assert cache.active(shop) is None


def test_compiled_policies_are_bounded_least_recently_used_first() -> None:
    cache, shop = PolicyCache(size=2), uuid.uuid4()
    policy = parse_policy(default_policy_text())
    one, two, three = (compile_policy(policy, v) for v in (1, 2, 3))
    cache.put_compiled(shop, one)
    cache.put_compiled(shop, two)
    assert cache.compiled(shop, 1) is one
    cache.put_compiled(shop, three)
    assert (cache.compiled(shop, 1), cache.compiled(shop, 2), cache.compiled(shop, 3)) == (
        one, None, three)  # fmt: skip
