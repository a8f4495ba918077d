"""The numbers behind `linkage` (pure numpy): u by random pairs, m and the prior by
expectation-maximisation, match weights and probabilities, connected components.

Comparison vectors are int8 matrices, one row per pair and one column per comparison,
holding the level each pair landed on; level 0 is "missing", which says nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Indices = npt.NDArray[np.int64]
Vectors = npt.NDArray[np.int8]

_TINY = 1e-12


def random_pairs(
    n_left: int, n_right: int | None, count: int, seed: int
) -> tuple[Indices, Indices]:
    """`count` pairs drawn at random: within one table of `n_left` records (two
    different records), or one record of each table."""
    rng = np.random.default_rng(seed)
    left = rng.integers(0, n_left, count, dtype=np.int64)
    if n_right is not None:
        return left, rng.integers(0, n_right, count, dtype=np.int64)
    right = rng.integers(0, n_left - 1, count, dtype=np.int64)
    return left, right + (right >= left)


def level_counts(vectors: Vectors, sizes: Sequence[int]) -> list[Floats]:
    """For each comparison, how many pairs landed on each level."""
    return [
        np.bincount(vectors[:, column], minlength=size).astype(np.float64)
        for column, size in enumerate(sizes)
    ]


def level_shares(counts: Sequence[Floats]) -> list[Floats]:
    """The share of pairs on each level, missing left out: the u probabilities when the
    pairs are random. A level never seen gets half a pair."""
    shares = []
    for level_counts in counts:
        seen = max(level_counts[1:].sum(), 1.0)
        share = np.maximum(level_counts, 0.5) / seen
        share[0] = 0.0
        shares.append(share)
    return shares


def initial_m(sizes: Sequence[int]) -> list[Floats]:
    """m before training: each level half as likely for a match as the one above it."""
    out = []
    for size in sizes:
        m = np.zeros(size)
        m[1:] = 2.0 ** -np.arange(1, size, dtype=np.float64)
        out.append(m / m.sum())
    return out


def level_weights(m: Sequence[Floats], u: Sequence[Floats]) -> list[Floats]:
    """log2(m/u) per level of each comparison; 0 for "missing"."""
    weights = []
    for m_c, u_c in zip(m, u, strict=True):
        w = np.log2(np.maximum(m_c, _TINY) / np.maximum(u_c, _TINY))
        w[0] = 0.0
        weights.append(w)
    return weights


def pair_weights(vectors: Vectors, weights: Sequence[Floats]) -> Floats:
    """The sum of the level weights of each pair (the prior not included)."""
    total = np.zeros(len(vectors))
    for column, w in enumerate(weights):
        total += w[vectors[:, column]]
    return total


def probability(weight: Floats) -> Floats:
    """The logistic in base 2, as `matcher.decide` turns a match weight into a score."""
    result: Floats = 1.0 / (1.0 + np.exp2(-np.clip(weight, -60.0, 60.0)))
    return result


def _odds_weight(prior: float) -> float:
    return float(np.log2(prior / (1.0 - prior)))


def _patterns(vectors: Vectors) -> tuple[Vectors, Indices]:
    """The distinct rows of `vectors` and how often each occurs."""
    if not len(vectors):
        return vectors, np.zeros(0, dtype=np.int64)
    code = np.zeros(len(vectors), dtype=np.int64)
    for column in vectors.T:
        code = code * (int(column.max()) + 1) + column
    _, first, counts = np.unique(code, return_index=True, return_counts=True)
    return vectors[first], counts


def expectation_maximisation(
    vectors: Vectors,
    m: Sequence[Floats],
    u: Sequence[Floats],
    prior: float,
    *,
    iterations: int = 25,
    tolerance: float = 1e-4,
) -> tuple[list[Floats], float]:
    """m of every comparison in `vectors` and the share of matches among its pairs, by
    EM with u held fixed (splink's default). Pairs are grouped by pattern first."""
    patterns, counts = _patterns(vectors)
    counts_f = counts.astype(np.float64)
    m = [m_c.copy() for m_c in m]
    for _ in range(iterations):
        weight = _odds_weight(prior) + pair_weights(patterns, level_weights(m, u))
        matched = probability(weight) * counts_f
        new_m = []
        for column, m_c in enumerate(m):
            mass = np.bincount(patterns[:, column], weights=matched, minlength=len(m_c))
            mass[0] = 0.0
            new_m.append(mass / max(mass.sum(), _TINY))
        new_prior = float(np.clip(matched.sum() / counts_f.sum(), 1e-9, 1 - 1e-9))
        change = max(
            abs(new_prior - prior), *(np.abs(a - b).max() for a, b in zip(new_m, m, strict=True))
        )
        m, prior = new_m, new_prior
        if change < tolerance:
            break
    return m, prior


def prior_by_em(weights: Floats, start: float = 0.1, *, iterations: int = 200) -> float:
    """The share of matches among pairs with these match weights (m and u fixed): the
    fixed point of prior = mean posterior."""
    prior = start
    for _ in range(iterations):
        new = float(np.clip(probability(weights + _odds_weight(prior)).mean(), 1e-12, 0.5))
        if abs(new - prior) < 1e-9 * max(prior, 1e-9):
            return new
        prior = new
    return prior


def connected_components(size: int, left: Indices, right: Indices) -> Indices:
    """A cluster label per record (the smallest record index in it), by union-find."""
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([root(i) for i in range(size)], dtype=np.int64)


__all__ = [
    "connected_components",
    "expectation_maximisation",
    "initial_m",
    "level_counts",
    "level_shares",
    "level_weights",
    "pair_weights",
    "prior_by_em",
    "probability",
    "random_pairs",
]
