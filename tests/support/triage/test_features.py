"""Hashed n-grams and the feature matrix."""

from __future__ import annotations

import numpy as np

from goodbuyer.support.triage.embeddings import DIM
from goodbuyer.support.triage.features import (
    BUCKETS,
    N_FEATURES,
    feature_matrix,
    fit_idf,
    ngram_counts,
)


def test_a_two_letter_word_gives_its_padded_ngrams() -> None:
    # " ok " -> " o", "ok", "k ", " ok", "ok ", " ok " (2- to 4-grams; no 5-gram)
    assert sum(ngram_counts("OK").values()) == 6


def test_the_ngram_rows_are_unit_length_and_the_dense_block_follows() -> None:
    texts = ["where is my parcel", "refund please, you idiots, or I call my lawyer"]
    idf = fit_idf(texts)
    x = feature_matrix(texts, np.ones((2, DIM), dtype=np.float32), ["en", "en"], idf)

    grams = x[:, :BUCKETS].toarray()
    assert x.shape == (2, N_FEATURES)
    assert np.allclose(np.linalg.norm(grams, axis=1), 1.0)
    assert x[0, BUCKETS] == 2.0
    # profanity, then the cues of threat_review, threat_legal, threat_chargeback, abusive
    assert x[1, BUCKETS + DIM :].toarray().tolist() == [[0.0, 0.0, 1.0, 0.0, 1.0]]
    assert x[0, BUCKETS + DIM :].toarray().tolist() == [[0.0, 0.0, 0.0, 0.0, 0.0]]
