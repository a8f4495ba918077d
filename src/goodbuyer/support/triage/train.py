"""Fit the triage model on the packaged training set, and cross-validate it (the only
place thresholds are tuned: the held-out evaluation set is never read here)."""

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
from goodbuyer.support.triage.profanity import has_profanity

INTENT_C = 10.0  # inverse L2 strength, chosen by 5-fold cross-validation
FLAG_C = 10.0
ANGER_C = 10.0


def fit_model(
    examples: Sequence[Example], embeddings: npt.NDArray[np.float32] | None = None
) -> TriageModel:
    """Fit the idf and every head; `embeddings` may be passed to skip re-embedding."""
    texts = [e.text for e in examples]
    vectors = embed(texts) if embeddings is None else embeddings
    idf = fit_idf(texts)
    profane = [has_profanity(e.text, e.lang) for e in examples]
    x = feature_matrix(texts, vectors, profane, idf)
    heads = {
        "intent": fit_head(x, [e.intent for e in examples], INTENTS, c=INTENT_C),
        "angry": fit_head(x, [str(e.angry) for e in examples], ("0", "1", "2"), c=ANGER_C),
    }
    for flag in FLAGS:
        labels = ["yes" if flag in e.flags else "no" for e in examples]
        heads[flag] = fit_head(x, labels, ("no", "yes"), c=FLAG_C, balanced=True)
    return TriageModel(idf, heads)


def fold_of(examples: Sequence[Example], folds: int = 5) -> list[int]:
    """A fold per example, stratified by language and intent (deterministic)."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for e in examples:
        key = (e.lang, e.intent)
        out.append(seen.get(key, 0) % folds)
        seen[key] = seen.get(key, 0) + 1
    return out
