"""The feature vector of a message: hashed character n-grams (spelling, names and words
the embedding blurs: "Trustpilot", "chargeback", "vitussa"), hashed words and word pairs,
its sentence embedding, a profanity bit for the language and one cue bit per flag (see
`lexicon`). Text is folded first (`folding`)."""

from __future__ import annotations

import itertools
import re
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

from goodbuyer.support.triage.embeddings import DIM
from goodbuyer.support.triage.folding import fold
from goodbuyer.support.triage.lexicon import CUE_FLAGS, cue_vector
from goodbuyer.support.triage.profanity import has_profanity

BUCKETS = 1 << 15  # hashed character n-gram columns; collisions cost little at this size
WORD_BUCKETS = 1 << 14  # hashed word and word-pair columns, after the n-grams
NGRAMS = (2, 5)
EMBEDDING_WEIGHT = 2.0  # the embedding block's scale next to the unit-length n-gram block
WORD_WEIGHT = 0.7  # the word block's scale (5-fold CV, see docs/guides/triage.md)
N_TEXT = BUCKETS + WORD_BUCKETS
N_SIGNALS = 1 + len(CUE_FLAGS)
N_FEATURES = N_TEXT + DIM + N_SIGNALS

_WORD = re.compile(r"\w+")


def ngram_counts(text: str) -> Counter[int]:
    """Hashed character n-grams inside space-padded words, as scikit-learn's `char_wb`."""
    counts: Counter[int] = Counter()
    low, high = NGRAMS
    for word in fold(text).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            for i in range(len(padded) - n + 1):
                counts[zlib.crc32(padded[i : i + n].encode()) % BUCKETS] += 1
    return counts


def word_counts(text: str) -> Counter[int]:
    """Hashed words and adjacent word pairs, as columns after the character n-grams."""
    words = _WORD.findall(fold(text))
    terms = [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]
    return Counter(BUCKETS + zlib.crc32(t.encode()) % WORD_BUCKETS for t in terms)


def text_block(texts: Sequence[str], idf: npt.NDArray[np.float32]) -> sparse.csr_matrix:
    """Tf-idf character n-grams and words (sublinear, each block L2-normalised)."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, text in enumerate(texts):
        for counts, scale in ((ngram_counts(text), 1.0), (word_counts(text), WORD_WEIGHT)):
            if not counts:
                continue
            keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
            weights = tf * idf[keys]
            norm = float(np.linalg.norm(weights)) or 1.0
            rows.extend([r] * len(keys))
            cols.extend(keys.tolist())
            vals.extend((weights * scale / norm).tolist())
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), N_TEXT))


def feature_matrix(
    texts: Sequence[str],
    embeddings: npt.NDArray[np.float32] | None,
    langs: Sequence[str] | None,
    idf: npt.NDArray[np.float32],
) -> sparse.csr_matrix:
    """One sparse row per text: the text block, the embedding, then the profanity bit and
    the cue bits of the text's language. Without `embeddings` or `langs` those columns
    stay zero (the intent reads no threat cue; a sentence is scored without embedding)."""
    vectors = np.zeros((len(texts), DIM), dtype=np.float32) if embeddings is None else embeddings
    if langs is None:
        signals = np.zeros((len(texts), N_SIGNALS), dtype=np.float32)
    else:
        signals = np.asarray(
            [
                (float(has_profanity(t, lang)), *cue_vector(t, lang))
                for t, lang in zip(texts, langs, strict=True)
            ],
            dtype=np.float32,
        ).reshape(len(texts), N_SIGNALS)
    dense = np.hstack([vectors * EMBEDDING_WEIGHT, signals])
    return sparse.hstack([text_block(texts, idf), sparse.csr_matrix(dense)], format="csr")


def fit_idf(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Smoothed inverse document frequency per column (scikit-learn's formula)."""
    df = np.zeros(N_TEXT, dtype=np.float64)
    for text in texts:
        df[list(ngram_counts(text).keys())] += 1
        df[list(word_counts(text).keys())] += 1
    n = len(texts)
    return (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)
