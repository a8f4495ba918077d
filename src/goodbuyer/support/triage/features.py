"""The feature vector of a message: its sentence embedding, hashed character n-grams
(spelling, names and words the embedding blurs: "Trustpilot", "chargeback", "vitussa"),
a profanity bit for the language and one cue bit per flag (see `lexicon`)."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

from goodbuyer.support.triage.embeddings import DIM
from goodbuyer.support.triage.lexicon import CUE_FLAGS, cue_vector
from goodbuyer.support.triage.profanity import has_profanity

BUCKETS = 1 << 15  # hashed n-gram columns; collisions cost little at this data size
NGRAMS = (2, 5)
EMBEDDING_WEIGHT = 2.0  # the embedding block's scale next to the unit-length n-gram block
N_FEATURES = BUCKETS + DIM + 1 + len(CUE_FLAGS)


def ngram_counts(text: str) -> Counter[int]:
    """Hashed character n-grams inside space-padded words, as scikit-learn's `char_wb`."""
    counts: Counter[int] = Counter()
    low, high = NGRAMS
    for word in text.lower().split():
        padded = f" {word} "
        for n in range(low, high + 1):
            for i in range(len(padded) - n + 1):
                counts[zlib.crc32(padded[i : i + n].encode()) % BUCKETS] += 1
    return counts


def feature_matrix(
    texts: Sequence[str],
    embeddings: npt.NDArray[np.float32],
    langs: Sequence[str],
    idf: npt.NDArray[np.float32],
) -> sparse.csr_matrix:
    """One sparse row per text: tf-idf n-grams (sublinear, L2-normalised), the embedding,
    the profanity bit and the cue bits of the text's language."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, text in enumerate(texts):
        counts = ngram_counts(text)
        keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        weights = tf * idf[keys]
        norm = float(np.linalg.norm(weights)) or 1.0
        rows.extend([r] * len(keys))
        cols.extend(keys.tolist())
        vals.extend((weights / norm).tolist())
    grams = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), BUCKETS))
    words = [
        (float(has_profanity(t, lang)), *cue_vector(t, lang))
        for t, lang in zip(texts, langs, strict=True)
    ]
    dense = np.hstack([embeddings * EMBEDDING_WEIGHT, np.asarray(words, dtype=np.float32)])
    return sparse.hstack([grams, sparse.csr_matrix(dense)], format="csr")


def fit_idf(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Smoothed inverse document frequency per bucket (scikit-learn's formula)."""
    df = np.zeros(BUCKETS, dtype=np.float64)
    for text in texts:
        df[list(ngram_counts(text).keys())] += 1
    n = len(texts)
    return (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)
