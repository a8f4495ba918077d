"""Record linkage for tables of any shape: the matcher's engine with other columns (pure).

    linkage = Linkage([name("given_name"), date("dob", "%Y%m%d")], table,
                      rules=[("surname",), ("dob",)])
    linkage.estimate_u(); linkage.estimate_m(("surname",)); linkage.estimate_m(("dob",))
    links = linkage.predict(0.5)          # pairs, their levels, weights, probabilities
    clusters = linkage.cluster(0.5)       # one label per record

Comparisons answer with labelled levels (`comparisons.Level`, weight log2(m/u)); a
blocking rule is a tuple of columns that must be equal and non-empty. u comes from
random pairs, m from EM on the pairs of one rule at a time (the comparisons on that
rule's columns sit it out), as splink does; the prior follows from the EM share of
matches among each rule's pairs. The score is the logistic of prior plus level
weights, as in `matcher.decide`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from goodbuyer.identity import linkage_em as em
from goodbuyer.identity.linkage_levels import (
    LinkComparison,
    date,
    email,
    exact,
    forename_surname,
    identifier,
    jaro_winkler,
    levenshtein,
    name,
    postcode,
    trained,
)

Table = Mapping[str, Sequence[str | None]]
Rule = tuple[str, ...]
Array = npt.NDArray[Any]
Features = Mapping[str, Array]
Indices = npt.NDArray[np.int64]


def columns_of(table: Table) -> dict[str, Array]:
    """A table as numpy columns of strings, missing values as ""."""
    return {
        column: np.array([v.strip() if v else "" for v in values], dtype=object)
        for column, values in table.items()
    }


def _keys(table: Features, columns: Sequence[str]) -> Array:
    """One string per record joining `columns`, "" when any of them is missing."""
    parts = [table[c].tolist() for c in columns]
    return np.array(
        ["\x1f".join(v) if all(v) else "" for v in zip(*parts, strict=True)], dtype=object
    )


def _spans(low: Indices, high: Indices) -> tuple[Indices, Indices]:
    """Each i repeated once per position in low[i] .. high[i] - 1, with that position."""
    counts = np.maximum(high - low, 0)
    owner = np.repeat(np.arange(len(low)), counts)
    starts = np.cumsum(counts) - counts
    position = np.repeat(low - starts, counts) + np.arange(int(counts.sum()))
    return owner, position


def _size(table: Features) -> int:
    return len(next(iter(table.values())))


def _rule_pairs(rule: Rule, left: Features, right: Features | None) -> Indices:
    """Pairs that agree on every column of `rule`, as codes left * size + right."""
    size = _size(right if right is not None else left)
    keys = _keys(left, rule)
    if right is None:  # each record with the ones after it in its group (sorted, stable)
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        high = np.searchsorted(ordered, ordered, side="right")
        high[ordered == ""] = 0
        owner, position = _spans(np.arange(1, len(keys) + 1), high)
        return order[owner] * size + order[position]
    others = _keys(right, rule)
    order = np.argsort(others, kind="stable")
    ordered = others[order]
    low = np.searchsorted(ordered, keys, side="left")
    high = np.searchsorted(ordered, keys, side="right")
    high[keys == ""] = 0
    owner, position = _spans(low, high)
    return owner * size + order[position]


def block(
    rules: Iterable[Rule], left: Features, right: Features | None = None
) -> tuple[Indices, Indices]:
    """The pairs that some rule lets through, once each: within `left` (i < j), or one
    record of `left` and one of `right`."""
    size = _size(right if right is not None else left)
    codes = [_rule_pairs(rule, left, right) for rule in rules]
    unique = np.unique(np.concatenate(codes)) if codes else np.zeros(0, dtype=np.int64)
    return unique // size, unique % size


def features_of(
    comparison: LinkComparison, left: Features, right: Features | None = None
) -> tuple[Features, Features]:
    """The comparison's features of the records of both tables (or of the one table),
    prepared together so that values are numbered alike on both sides."""
    if right is None:
        features = comparison.prepare({c: left[c] for c in comparison.columns})
        return features, features
    both = {c: np.concatenate([left[c], right[c]]) for c in comparison.columns}
    features = comparison.prepare(both)
    n = _size(left)
    return {k: v[:n] for k, v in features.items()}, {k: v[n:] for k, v in features.items()}


def comparison_vectors(
    comparisons: Sequence[LinkComparison],
    features: Sequence[tuple[Features, Features]],
    left: Indices,
    right: Indices,
) -> em.Vectors:
    """The level of every pair on every comparison, from prepared features."""
    vectors = np.zeros((len(left), len(comparisons)), dtype=np.int8)
    for column, (comparison, (one, other)) in enumerate(zip(comparisons, features, strict=True)):
        a = {key: values[left] for key, values in one.items()}
        b = {key: values[right] for key, values in other.items()}
        vectors[:, column] = comparison.judge(a, b)
    return vectors


def frequencies(
    columns: Sequence[str], left: Features, right: Features | None
) -> tuple[Array, Array]:
    """How common each record's value of `columns` is (a share of the records that have
    one, over both tables); NaN where missing."""
    keys = [_keys(left, columns), *([_keys(right, columns)] if right is not None else [])]
    everything = np.concatenate(keys)
    distinct, inverse, counts = np.unique(everything, return_inverse=True, return_counts=True)
    share = counts / max(int((everything != "").sum()), 1)
    share[distinct == ""] = np.nan
    per_record = share[inverse]
    n = len(keys[0])
    return per_record[:n], per_record[n:] if right is not None else per_record


@dataclass(frozen=True, slots=True)
class Links:
    """Scored pairs: record indices (into the left and right table, or the one table),
    the level of each comparison, the match weight and the probability."""

    left: Indices
    right: Indices
    levels: em.Vectors
    weight: em.Floats
    probability: em.Floats

    def __len__(self) -> int:
        return len(self.left)


class Linkage:
    """Dedupe one table (no `right`) or link two, with the pairs that `rules` let through."""

    def __init__(
        self,
        comparisons: Sequence[LinkComparison],
        left: Table,
        right: Table | None = None,
        *,
        rules: Sequence[Rule],
    ) -> None:
        self.rules = tuple(rules)
        self._comparisons = tuple(comparisons)
        self._left = columns_of(left)
        self._right = columns_of(right) if right is not None else None
        self._features = [features_of(c, self._left, self._right) for c in comparisons]
        sizes = [len(c.levels) for c in comparisons]
        self.m, self.u = em.initial_m(sizes), [np.full(s, 1.0 / max(s - 1, 1)) for s in sizes]
        self.prior = 1e-4
        self._sessions: list[dict[int, em.Floats]] = []
        self._matches: list[tuple[float, list[int]]] = []
        self._blocked: tuple[Indices, Indices, em.Vectors] | None = None
        self._tf: dict[tuple[str, ...], tuple[Array, Array]] = {}

    @property
    def comparisons(self) -> tuple[LinkComparison, ...]:
        """The comparisons with their levels' current m and u."""
        return tuple(
            trained(c, m, u) for c, m, u in zip(self._comparisons, self.m, self.u, strict=True)
        )

    @property
    def pair_count(self) -> int:
        """All pairs there are: within the table, or across the two."""
        n = _size(self._left)
        return n * (n - 1) // 2 if self._right is None else n * _size(self._right)

    def _vectors(self, left: Indices, right: Indices) -> em.Vectors:
        return comparison_vectors(self._comparisons, self._features, left, right)

    def blocked(self) -> tuple[Indices, Indices, em.Vectors]:
        """The pairs the rules let through and their comparison vectors (kept)."""
        if self._blocked is None:
            left, right = block(self.rules, self._left, self._right)
            self._blocked = left, right, self._vectors(left, right)
        return self._blocked

    def estimate_u(
        self, max_pairs: int = 1_000_000, seed: int = 0, *, min_count: int = 100, chunks: int = 10
    ) -> None:
        """u from random pairs, drawn in `chunks` until every level has been seen
        `min_count` times or `max_pairs` are drawn (splink's early stop)."""
        n_right = _size(self._right) if self._right is not None else None
        sizes = [len(m) for m in self.m]
        counts = [np.zeros(size) for size in sizes]
        for chunk in range(chunks):
            left, right = em.random_pairs(
                _size(self._left), n_right, max_pairs // chunks, seed + chunk
            )
            found = em.level_counts(self._vectors(left, right), sizes)
            counts = [a + b for a, b in zip(counts, found, strict=True)]
            if min(float(c[1:].min()) for c in counts) >= min_count:
                break
        self.u = em.level_shares(counts)

    def estimate_m(self, rule: Rule) -> float:
        """One EM session on the pairs of `rule`; m of each comparison is the mean over
        the sessions it took part in, and the prior is estimated anew. Returns the share
        of matches among the rule's pairs."""
        left, right = block([rule], self._left, self._right)
        active = [i for i, c in enumerate(self._comparisons) if not set(c.columns) & set(rule)]
        vectors = self._vectors(left, right)[:, active]
        m, share = em.expectation_maximisation(
            vectors, [self.m[i] for i in active], [self.u[i] for i in active], 0.1
        )
        self._sessions.append(dict(zip(active, m, strict=True)))
        for i in active:
            self.m[i] = np.mean([s[i] for s in self._sessions if i in s], axis=0)
        fixed = [i for i in range(len(self._comparisons)) if i not in active]
        self._matches.append((share * len(left), fixed))
        self.prior = self._estimated_prior()
        return share

    def _estimated_prior(self) -> float:
        """Matches over all pairs, from each session: the matches among its pairs, over
        the share of matches that agree on the rule, taken as the m of "the same" (level
        1) on the comparisons that sat the session out; the mean of the sessions."""
        estimates = [
            found / float(np.prod([self.m[i][1] for i in fixed])) / self.pair_count
            for found, fixed in self._matches
        ]
        return float(np.clip(np.mean(estimates), 1e-12, 0.5))

    def _weights(self, left: Indices, right: Indices, vectors: em.Vectors) -> em.Floats:
        """Sum of level weights, with the term-frequency adjustments (no prior)."""
        total = em.pair_weights(vectors, em.level_weights(self.m, self.u))
        for index, comparison in enumerate(self._comparisons):
            for level, columns in comparison.tf.items():
                if columns not in self._tf:
                    self._tf[columns] = frequencies(columns, self._left, self._right)
                one, other = self._tf[columns]
                on = vectors[:, index] == level
                share = np.fmax(one[left[on]], other[right[on]])
                adjustment = np.log2(self.u[index][level] / share)
                total[on] += np.where(np.isnan(adjustment), 0.0, adjustment)
        return total

    def predict(self, threshold: float = 0.0) -> Links:
        left, right, vectors = self.blocked()
        prior = float(np.log2(self.prior / (1.0 - self.prior)))
        weight = prior + self._weights(left, right, vectors)
        chance = em.probability(weight)
        keep = chance >= threshold
        return Links(left[keep], right[keep], vectors[keep], weight[keep], chance[keep])

    def cluster(self, threshold: float = 0.5) -> Indices:
        """A cluster label per record, by connected components of the links at or above
        `threshold`; when linking, the right table's records follow the left's."""
        links = self.predict(threshold)
        n = _size(self._left)
        if self._right is None:
            return em.connected_components(n, links.left, links.right)
        return em.connected_components(n + _size(self._right), links.left, links.right + n)

    def explain(self, links: Links, index: int) -> dict[str, str]:
        """The level each comparison gave one pair ("given_name": "same given_name")."""
        return {
            c.name: c.levels[level].label
            for c, level in zip(self._comparisons, links.levels[index].tolist(), strict=True)
        }


__all__ = [
    "LinkComparison",
    "Linkage",
    "Links",
    "Rule",
    "Table",
    "block",
    "columns_of",
    "comparison_vectors",
    "date",
    "email",
    "exact",
    "features_of",
    "forename_surname",
    "frequencies",
    "identifier",
    "jaro_winkler",
    "levenshtein",
    "name",
    "postcode",
]
