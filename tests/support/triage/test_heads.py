"""Softmax heads fitted with L-BFGS."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from goodbuyer.support.triage.heads import Head, blend, fit_head, pad_rows


def test_a_head_separates_two_separable_classes() -> None:
    x = sparse.csr_matrix(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]]))

    head = fit_head(x, ["a", "a", "b", "b"], ("a", "b"), c=100.0)
    probs = head.probabilities(x)

    assert probs.argmax(axis=1).tolist() == [0, 0, 1, 1]
    assert np.allclose(probs.sum(axis=1), 1.0)


def test_a_blended_head_mixes_its_partners_probabilities_by_its_weight() -> None:
    x = sparse.csr_matrix(np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -2.0]]))
    own = Head(("a", "b"), np.array([[3.0, 0.0], [0.0, 3.0], [0.0, 0.0]]), np.zeros(2))
    partner = Head(("a", "b"), np.array([[0.0, 0.0], [0.0, 0.0], [0.0, 1.0]]), np.zeros(2))

    mixed = blend(own, partner, 0.25).probabilities(x)

    expected = 0.75 * own.probabilities(x) + 0.25 * partner.probabilities(x)
    assert np.allclose(mixed, expected)
    assert np.allclose(mixed.sum(axis=1), 1.0)
    assert mixed.argmax(axis=1).tolist() == [0, 1]


def test_a_head_fitted_on_the_first_columns_reads_a_longer_vector_alike() -> None:
    x = sparse.csr_matrix(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]]))
    wide = sparse.hstack([x, sparse.csr_matrix(np.full((4, 3), 5.0))], format="csr")
    head = fit_head(x, ["a", "a", "b", "b"], ("a", "b"), c=100.0)

    padded = pad_rows(head, 5)

    assert padded.weights.shape == (5, 2)
    assert np.allclose(padded.probabilities(wide), head.probabilities(x))
