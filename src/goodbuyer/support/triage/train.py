"""Fit the triage model on the packaged training set (the held-out evaluation set is never
read here)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from goodbuyer.support.triage.dataset import Example
from goodbuyer.support.triage.embeddings import embed
from goodbuyer.support.triage.features import feature_matrix, fit_idf
from goodbuyer.support.triage.heads import fit_head
from goodbuyer.support.triage.labels import FLAGS, INTENTS
from goodbuyer.support.triage.model import TriageModel

# Inverse L2 strength (scikit-learn's C). Intent: 5-fold CV macro-F1 of the training set
# was 0.784 at 3, 0.797 at 10, 0.805 at 30, 0.809 at 100; 30 kept.
INTENT_C = 30.0
FLAG_C = 10.0
ANGER_C = 10.0


def fit_model(
    examples: Sequence[Example], embeddings: npt.NDArray[np.float32] | None = None
) -> TriageModel:
    """Fit the idf and every head; `embeddings` may be passed to skip re-embedding."""
    texts = [e.text for e in examples]
    vectors = embed(texts) if embeddings is None else embeddings
    idf = fit_idf(texts)
    x = feature_matrix(texts, vectors, [e.lang for e in examples], idf)
    heads = {
        "intent": fit_head(x, [e.intent for e in examples], INTENTS, c=INTENT_C),
        "angry": fit_head(x, [str(e.angry) for e in examples], ("0", "1", "2"), c=ANGER_C),
    }
    for flag in FLAGS:
        labels = ["yes" if flag in e.flags else "no" for e in examples]
        heads[flag] = fit_head(x, labels, ("no", "yes"), c=FLAG_C, balanced=True)
    return TriageModel(idf, heads)
