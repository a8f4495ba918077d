"""Softmax heads fitted with L-BFGS."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from goodbuyer.support.triage.heads import fit_head


def test_a_head_separates_two_separable_classes() -> None:
    x = sparse.csr_matrix(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]]))

    head = fit_head(x, ["a", "a", "b", "b"], ("a", "b"), c=100.0)
    probs = head.probabilities(x)

    assert probs.argmax(axis=1).tolist() == [0, 0, 1, 1]
    assert np.allclose(probs.sum(axis=1), 1.0)
