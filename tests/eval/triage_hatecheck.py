"""Our `abusive` flag on Multilingual HateCheck (public data, ../shared/data), next to the
TF-IDF + logistic regression baseline fitted on the same training data, per language.

    .venv/bin/python tests/eval/triage_hatecheck.py [--per-language 300]

HateCheck's "hateful" is hate at a protected group; our `abusive` is insults or profanity
aimed at staff or the company. The task differs, so this measures transfer, not our
target: ROC AUC of the abusive probability against "hateful", on a fixed random sample."""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from goodbuyer.support.triage.dataset import training_examples
from goodbuyer.support.triage.pipeline import analyse_batch

ROOT = Path(__file__).resolve().parents[3] / "shared" / "data" / "multilingual_hatecheck"
LANGS = {"ar": "arabic", "de": "german", "es": "spanish", "fr": "french", "it": "italian",
         "nl": "dutch", "pl": "polish", "pt": "portuguese"}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-language", type=int, default=300)
    parser.add_argument("--data", type=Path, default=ROOT, help="the MHC folder")
    args = parser.parse_args()
    train = training_examples()
    tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    base = LogisticRegression(C=10, max_iter=3000, class_weight="balanced")
    base.fit(tfidf.fit_transform([e.text for e in train]), ["abusive" in e.flags for e in train])
    print("lang  cases  hateful  AUC ours  AUC baseline")
    for lang, name in LANGS.items():
        path = args.data / "MHC Final Cases" / f"hatecheck_cases_final_{name}.csv"
        with path.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        rows = random.Random(0).sample(rows, min(args.per_language, len(rows)))
        texts = [r["test_case"] for r in rows]
        truth = [r["label_gold"] == "hateful" for r in rows]
        ours = [1 - a.confidence["abusive"] if "abusive" not in a.flags else a.confidence["abusive"]
                for a in analyse_batch(texts, languages=[lang])]  # fmt: skip
        theirs = base.predict_proba(tfidf.transform(texts))[:, 1]
        print(f"{lang:<5} {len(rows):>5}  {sum(truth):>7}  {roc_auc_score(truth, ours):.3f}     "
              f"{roc_auc_score(truth, theirs):.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
