"""Folding, hashed n-grams and words, and the feature matrix."""

from __future__ import annotations

import numpy as np

from goodbuyer.support.triage.embeddings import DIM
from goodbuyer.support.triage.features import (
    BUCKETS,
    N_FEATURES,
    N_TEXT,
    WORD_BUCKETS,
    feature_matrix,
    fit_idf,
    ngram_counts,
    word_counts,
)
from goodbuyer.support.triage.folding import fold


def test_a_two_letter_word_gives_its_padded_ngrams() -> None:
    # " ok " -> " o", "ok", "k ", " ok", "ok ", " ok " (2- to 4-grams; no 5-gram)
    assert sum(ngram_counts("OK").values()) == 6


def test_folding_drops_case_diacritics_vowel_marks_and_digit_values() -> None:
    assert fold("Zrušit objednávku 40123, Łódź, İPTAL") == "zrusit objednavku 00000, lodz, iptal"
    assert fold("שָׁלוֹם") == "שלום"
    assert ngram_counts("zrušit") == ngram_counts("ZRUSIT")


def test_words_and_word_pairs_land_after_the_ngram_columns() -> None:
    counts = word_counts("cancel my order")

    assert sum(counts.values()) == 5  # 3 words, 2 pairs
    assert all(BUCKETS <= k < BUCKETS + WORD_BUCKETS for k in counts)


def test_each_text_block_is_unit_length_and_the_dense_block_follows() -> None:
    texts = ["where is my parcel", "refund please, you idiots, or I call my lawyer"]
    idf = fit_idf(texts)
    x = feature_matrix(texts, np.ones((2, DIM), dtype=np.float32), ["en", "en"], idf)

    assert x.shape == (2, N_FEATURES)
    grams = x[:, :BUCKETS].toarray()
    assert np.allclose(np.linalg.norm(grams, axis=1), 1.0)
    assert x[0, N_TEXT] == 2.0
    # profanity, then the cues of threat_review, threat_legal, threat_chargeback, abusive
    assert x[1, N_TEXT + DIM :].toarray().tolist() == [[0.0, 0.0, 1.0, 0.0, 1.0]]
    assert x[0, N_TEXT + DIM :].toarray().tolist() == [[0.0, 0.0, 0.0, 0.0, 0.0]]


def test_without_embeddings_or_languages_those_columns_stay_zero() -> None:
    texts = ["you idiots, I call my lawyer"]
    x = feature_matrix(texts, None, None, fit_idf(texts))

    assert x[:, N_TEXT:].nnz == 0
