"""Olist (real Brazilian e-commerce reviews in Portuguese, public data in ../shared/data):
our intents mapped onto Olist's crowd-labelled complaint classes, next to the TF-IDF +
logistic regression baseline fitted on the same goodbuyer training set in the same run.

    .venv/bin/python tests/eval/public_olist.py

Olist's texts are reviews written after the order, not requests to a support desk, and
its classes are kinds of problem, not what the customer asks for. So the comparison is at
the level the two agree on: an intent about delivery (where_is_order, not_received) is a
delivery problem (`problemas_de_entrega`); an intent about the product (wrong_item,
damaged_item, return_refund) is a quality problem (`problemas_de_qualidade`); any other
intent (a question, a confirmation, a discount...) means no problem was raised
(`satisfeito_com_pedido`). Reviews without a class or a text are left out. Also printed:
our intents per Olist sub-class (late, partial delivery, not as advertised, ...)."""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter, defaultdict
from pathlib import Path

from public_data import Baseline, data_folder
from sklearn.metrics import f1_score

from goodbuyer.support.triage.pipeline import analyse_batch

FILE = "olist_classified_public_dataset.csv"
DELIVERY, QUALITY, SATISFIED = (
    "problemas_de_entrega",
    "problemas_de_qualidade",
    "satisfeito_com_pedido",
)
CLASS_OF_INTENT = {
    "where_is_order": DELIVERY,
    "not_received": DELIVERY,
    "wrong_item": QUALITY,
    "damaged_item": QUALITY,
    "return_refund": QUALITY,
}


def olist_class(intent: object) -> str:
    return CLASS_OF_INTENT.get(str(intent), SATISFIED)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=None, help="the olist_classified folder")
    args = parser.parse_args()
    path = data_folder("olist_classified", args.data) / FILE
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f)
                if r["most_voted_class"] and r["review_comment_message"].strip()]  # fmt: skip
    texts = [r["review_comment_message"].strip() for r in rows]
    truth = [r["most_voted_class"] for r in rows]
    started = time.perf_counter()
    ours = analyse_batch(texts, languages=["pt"])
    seconds = time.perf_counter() - started
    base = Baseline()
    theirs = base.predict(base.fit(lambda e: e.intent), texts)
    labels = [DELIVERY, QUALITY, SATISFIED]
    mine = [olist_class(a.intent) for a in ours]
    other = [olist_class(x) for x in theirs]
    print(f"Olist {FILE}: {len(rows)} reviews with a class and a text "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(truth).items()))}); "
          f"ours {seconds:.1f} s")  # fmt: skip
    print("\nclass macro-F1 (3 classes)")
    for name, guess in (("ours", mine), ("baseline", other)):
        accuracy = sum(g == t for g, t in zip(guess, truth, strict=True)) / len(truth)
        print(f"  {name:<9} {f1_score(truth, guess, labels=labels, average='macro'):.3f}"
              f"   accuracy {accuracy:.3f}")  # fmt: skip
    print("\n  class                    support  F1 ours  F1 baseline")
    per_mine = f1_score(truth, mine, labels=labels, average=None)
    per_other = f1_score(truth, other, labels=labels, average=None)
    for label, a, b in zip(labels, per_mine, per_other, strict=True):
        print(f"  {label:<24} {truth.count(label):>7}  {a:.3f}    {b:.3f}")
    problem = [t != SATISFIED for t in truth]
    for name, guess in (("ours", mine), ("baseline", other)):
        said = [g != SATISFIED for g in guess]
        print(f"  problem vs none, {name:<9} F1 {f1_score(problem, said):.3f}")
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for row, analysis in zip(rows, ours, strict=True):
        by[row["most_voted_subclass"]][analysis.intent] += 1
    print("\nour intents per Olist sub-class (most frequent three):")
    for sub in sorted(by):
        n = sum(by[sub].values())
        top = ", ".join(f"{k} {v / n:.0%}" for k, v in by[sub].most_common(3))
        print(f"  {sub:<22} {n:>5} | {top}")
    flagged = Counter(f for a in ours for f in a.flags)
    print(f"\nflags raised on the {len(rows)} reviews: {dict(sorted(flagged.items()))}")


if __name__ == "__main__":
    main()
