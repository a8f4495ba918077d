"""What the public-data evaluations share: where the data lives (`../shared/data` beside
the repository, never copied into it), a clean skip when it is absent, and the TF-IDF +
logistic regression baseline fitted on goodbuyer's own training set in the same run."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from goodbuyer.support.triage.dataset import Example, training_examples

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"


def data_folder(name: str, override: Path | None = None) -> Path:
    """The data set's folder; exits 0 with a message when it is not there."""
    folder = override or DATA / name
    if not folder.is_dir():
        print(f"skipped: {folder} not found (public data is not part of the repository)")
        sys.exit(0)
    return folder


class Baseline:
    """TF-IDF on character 2-5-grams + logistic regression (C = 10), as in
    tests/eval/triage_eval.py, fitted on goodbuyer's training messages."""

    def __init__(self, train: Sequence[Example] | None = None) -> None:
        self.train = list(train if train is not None else training_examples())
        self.tfidf = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
        )
        self.x = self.tfidf.fit_transform([e.text for e in self.train])

    def fit(self, label: Callable[[Example], object], balanced: bool = False) -> LogisticRegression:
        model = LogisticRegression(
            C=10, max_iter=3000, class_weight="balanced" if balanced else None
        )
        return model.fit(self.x, [label(e) for e in self.train])

    def predict(self, model: LogisticRegression, texts: Sequence[str]) -> list[object]:
        return list(model.predict(self.tfidf.transform(list(texts))))

    def proba(self, model: LogisticRegression, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        """The probability of the positive class of a two-class model."""
        found: npt.NDArray[np.float64] = model.predict_proba(self.tfidf.transform(list(texts)))
        return found[:, list(model.classes_).index(True)]


def flag_probability(flags: Sequence[str], confidence: dict[str, float], flag: str) -> float:
    """Our probability that `flag` holds, from an analysis' flags and confidences."""
    return confidence[flag] if flag in flags else 1.0 - confidence[flag]
