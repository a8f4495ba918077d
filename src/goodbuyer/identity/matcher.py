"""Is this the same person? One decision per pair of records, with its reasons (pure).

    decide(prepare(a), prepare(b))
    -> PairDecision(same_person=True, household=False, score=0.998,
                    reasons=("same phone (+36301234567)", "similar address (0.93)"))

The weights of the comparisons' levels add up with the prior to a match weight; its
logistic is the score. Two vetoes sit on top, because the evidence of a household is not
independent (a shared landline, a shared address): two records whose names differ in the
given name are never one person, only a household; and a score under the threshold is not
a match whatever one identifier says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from goodbuyer.identity.comparisons import COMPARISONS, Comparison, Outcome
from goodbuyer.identity.names import NameLevel
from goodbuyer.identity.records import Prepared

PRIOR_WEIGHT = -13.0  # log2 odds that two records of one shop, taken at random, are one person
THRESHOLD = 0.5
# Same address: the same flat, the flat given on one side only, or a similar street and the
# same house number. Neighbours in other flats of one building are not a household.
_HOUSEHOLD_ADDRESS = frozenset({1, 2, 4})


@dataclass(frozen=True, slots=True)
class Evidence:
    """One comparison's verdict on a pair: the level's label, its weight and the detail."""

    comparison: str
    label: str
    weight: float
    detail: str

    @property
    def reason(self) -> str:
        return f"{self.label} ({self.detail})" if self.detail else self.label


@dataclass(frozen=True, slots=True)
class PairDecision:
    same_person: bool
    household: bool
    score: float
    weight: float
    evidence: tuple[Evidence, ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        """The levels that said something, strongest first."""
        telling = sorted((e for e in self.evidence if e.weight), key=lambda e: -abs(e.weight))
        return tuple(e.reason for e in telling)

    @property
    def levels(self) -> dict[str, str]:
        return {e.comparison: e.label for e in self.evidence}


def _evidence(comparison: Comparison, outcome: Outcome) -> Evidence:
    level = comparison.levels[outcome.level]
    return Evidence(comparison.name, level.label, level.weight, outcome.detail)


def _probability(weight: float) -> float:
    return 1.0 / (1.0 + math.pow(2.0, -max(min(weight, 60.0), -60.0)))


def decide(a: Prepared, b: Prepared) -> PairDecision:
    outcomes = [c.judge(a, b) for c in COMPARISONS]
    evidence = tuple(_evidence(c, o) for c, o in zip(COMPARISONS, outcomes, strict=True))
    weight = PRIOR_WEIGHT + sum(e.weight for e in evidence)
    score = _probability(weight)
    name_level = NameLevel(outcomes[2].level)
    names_differ = name_level is NameLevel.DIFFERENT or (
        # a short form of the first name, written with the same phone and the same mailbox
        name_level is NameLevel.GIVEN_DIFFERS and not (outcomes[0].level == outcomes[1].level == 1)
    )
    shared = outcomes[3].level in _HOUSEHOLD_ADDRESS or outcomes[0].level == 1
    same_person = score >= THRESHOLD and not names_differ
    household = names_differ and (shared or outcomes[1].level == 1)
    return PairDecision(same_person, household, round(score, 4), round(weight, 2), evidence)


__all__ = ["PRIOR_WEIGHT", "THRESHOLD", "Evidence", "PairDecision", "decide"]
