"""Threats never change the resolution (R4.5), end to end: a message read by the triage
pipeline, then resolved by the default playbook on the order's facts, gets the identical
resolution whether threat or abuse sentences are added to it or taken out of it, in all
14 languages, for orders in many states (on time, late, delivered, VIP, disputed)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goodbuyer.support.playbook import resolve
from goodbuyer.support.ticket_facts import TicketFacts
from goodbuyer.support.triage.labels import LANGUAGES
from goodbuyer.support.triage.model import load_model
from goodbuyer.support.triage.pipeline import Analysis, analyse
from tests.support.playbook.factories import DEFAULT, DISPUTE, NO_ORDER, facts
from tests.support.triage.threat_bank import BASES, THREATS

SITUATIONS: tuple[TicketFacts, ...] = (
    facts(),  # shipped, on time
    facts(days_late=9, fault="carrier"),
    facts(order_status="delivered", delivered_scan=True, days_since_delivery=3),
    facts(order_status="delivered", delivered_scan=True, days_since_delivery=3, vip=True,
          net_value=250_000, fault="customer"),
    facts(shipped=False, order_status="placed", payment_method="cod"),
    facts(open_dispute=DISPUTE),
    replace(NO_ORDER),
)  # fmt: skip


@cache
def _read(text: str) -> Analysis:
    return analyse(text, model=load_model())


@settings(
    max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    lang=st.sampled_from(LANGUAGES),
    base=st.integers(min_value=0, max_value=1),
    picks=st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=2, unique=True),
    place=st.integers(min_value=0, max_value=3),
    situation=st.sampled_from(SITUATIONS),
)
def test_adding_or_removing_threats_never_changes_the_resolution(
    lang: str, base: int, picks: list[int], place: int, situation: TicketFacts
) -> None:
    sentences = BASES[lang][base]
    threatened = list(sentences)
    for threat in (THREATS[lang][i] for i in picks):
        threatened.insert(min(place, len(threatened)), threat)
    plain_text, threat_text = " ".join(sentences), " ".join(threatened)

    plain, with_threats = _read(plain_text), _read(threat_text)

    assert resolve(DEFAULT.support, with_threats.intent, situation) == resolve(
        DEFAULT.support, plain.intent, situation
    )


def _flagged(analysis: Analysis) -> bool:
    return any(f.startswith(("threat_", "abusive")) for f in analysis.flags)


def test_the_threats_the_property_test_inserts_are_read_as_threats() -> None:
    """The property above holds whether or not a threat is noticed; this says the bank's
    threats are noticed where they are inserted (a measured rate, as for any model: the
    model of 2026-11-22 noticed 331 of these 336, the next 334)."""
    placed = [
        (lang, threat, " ".join([*sentences[:place], threat, *sentences[place:]]))
        for lang in LANGUAGES
        for sentences in BASES[lang]
        for threat in THREATS[lang]
        for place in (0, 1, len(sentences))
    ]
    missed = [(lang, threat) for lang, threat, text in placed if not _flagged(_read(text))]

    assert len(placed) == 336
    assert len(missed) <= len(placed) // 50, missed
    assert not any(_flagged(_read(" ".join(s))) for lang in LANGUAGES for s in BASES[lang])
