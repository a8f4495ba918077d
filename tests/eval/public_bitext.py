"""Bitext customer-support utterances (English, public data in ../shared/data) with their
intents mapped onto goodbuyer's, next to the TF-IDF + logistic regression baseline fitted
on the same goodbuyer training set in the same run.

    .venv/bin/python tests/eval/public_bitext.py [--per-intent 40] [--seed 0]

Neither model has seen Bitext: this measures transfer to someone else's wording. For
reference, the same baseline fitted on a Bitext training split (other utterances) shows
what in-domain data gives. The map (MAP below): intents with a goodbuyer counterpart map
to it; account, invoice, payment, newsletter, review, contact and order-change requests
are `general_question` (questions outside our ten specific intents); `complaint` and
`delivery_period` are left out: their utterances are sometimes a tracking question and
sometimes a general one ("when will my item arrive" / "I want to know about delivery
periods"). Bitext's `W` flag marks offensive wording ("my damn address"): profanity not
aimed at anyone, which our `abusive` flag should leave alone."""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

from public_data import Baseline, data_folder
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

from goodbuyer.support.triage.labels import INTENTS
from goodbuyer.support.triage.pipeline import Analysis, analyse_batch

FILE = "Bitext_8000_customer_service_sample.csv"
GENERAL = "general_question"
MAP = {
    "track_order": "where_is_order",
    "cancel_order": "cancel_order",
    "change_shipping_address": "change_address",
    "get_refund": "return_refund",
    "track_refund": "return_refund",
    **dict.fromkeys(
        ["check_refund_policy", "check_cancellation_fee", "delivery_options",
         "check_payment_methods", "place_order", "change_order", "payment_issue",
         "newsletter_subscription", "review", "contact_customer_service",
         "contact_human_agent", "create_account", "delete_account", "edit_account",
         "switch_account", "recover_password", "registration_problems",
         "set_up_shipping_address", "check_invoice", "get_invoice"],
        GENERAL,
    ),
}  # fmt: skip
LEFT_OUT = ("complaint", "delivery_period")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-intent", type=int, default=40, help="utterances per Bitext intent")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", type=Path, default=None, help="the Bitext folder")
    args = parser.parse_args()
    rows = _read(data_folder("bitext_customer_support", args.data) / FILE)
    test, in_domain_train = _split(rows, args.per_intent, args.seed)
    texts = [r["utterance"] for r in test]
    truth = [MAP[r["intent"]] for r in test]
    started = time.perf_counter()
    ours = analyse_batch(texts, languages=["en"])
    seconds = time.perf_counter() - started
    base = Baseline()
    theirs = base.predict(base.fit(lambda e: e.intent), texts)
    in_domain = _in_domain(in_domain_train, texts)
    labels = sorted(set(truth))
    print(f"Bitext {FILE}: {len(test)} utterances ({args.per_intent} per intent, seed "
          f"{args.seed}, {len(MAP)} of 27 intents; left out {', '.join(LEFT_OUT)}); "
          f"ours {seconds:.1f} s")  # fmt: skip
    print("\nintent macro-F1 over the mapped classes (labels: " + ", ".join(labels) + ")")
    for name, guess in (("ours", [a.intent for a in ours]), ("baseline", theirs),
                        ("baseline fitted on Bitext", in_domain)):  # fmt: skip
        accuracy = sum(g == t for g, t in zip(guess, truth, strict=True)) / len(truth)
        print(f"  {name:<27} {f1_score(truth, guess, labels=labels, average='macro'):.3f}"
              f"   accuracy {accuracy:.3f}")  # fmt: skip
    _per_class(truth, [a.intent for a in ours], theirs, labels)
    _confusions(test, [a.intent for a in ours])
    _offensive(rows, base, ours, texts)


def _offensive(rows: list[dict[str, str]], base: Baseline, ours: list[Analysis],
               texts: list[str]) -> None:  # fmt: skip
    """Every utterance Bitext flags `W`, and how often each model calls it abusive."""
    offensive = [r["utterance"] for r in rows if "W" in r["flags"]]
    flagged = sum("abusive" in a.flags for a in analyse_batch(offensive, languages=["en"]))
    model = base.fit(lambda e: "abusive" in e.flags, balanced=True)
    theirs = sum(bool(x) for x in base.predict(model, offensive))
    print(f"\nBitext 'W' (offensive wording, not aimed at anyone), all {len(offensive)}: "
          f"flagged abusive by ours {flagged}, by the baseline {theirs}; on the "
          f"{len(texts)} sampled utterances: ours {sum('abusive' in a.flags for a in ours)}, "
          f"baseline {sum(bool(x) for x in base.predict(model, texts))}")  # fmt: skip


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.DictReader(f) if r["intent"] in MAP]


def _split(
    rows: list[dict[str, str]], per_intent: int, seed: int
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    by_intent: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_intent[row["intent"]].append(row)
    rng = random.Random(seed)
    test: list[dict[str, str]] = []
    train: list[dict[str, str]] = []
    for intent in sorted(by_intent):
        group = by_intent[intent][:]
        rng.shuffle(group)
        test += group[:per_intent]
        train += group[per_intent:]
    return test, train


def _in_domain(train: list[dict[str, str]], texts: list[str]) -> list[object]:
    tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    model = LogisticRegression(C=10, max_iter=3000)
    x = tfidf.fit_transform([r["utterance"] for r in train])
    model.fit(x, [MAP[r["intent"]] for r in train])
    return list(model.predict(tfidf.transform(texts)))


def _per_class(truth: list[str], ours: list[str], theirs: list[object], labels: list[str]) -> None:
    mine = f1_score(truth, ours, labels=labels, average=None)
    other = f1_score(truth, theirs, labels=labels, average=None)
    print("\n  class              support  F1 ours  F1 baseline")
    for label, a, b in zip(labels, mine, other, strict=True):
        print(f"  {label:<18} {truth.count(label):>7}  {a:.3f}    {b:.3f}")


def _confusions(test: list[dict[str, str]], ours: list[str]) -> None:
    print("\nour intents per Bitext intent (most frequent three):")
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for row, intent in zip(test, ours, strict=True):
        by[row["intent"]][intent] += 1
    for name in sorted(by):
        top = ", ".join(f"{k} {v}" for k, v in by[name].most_common(3))
        print(f"  {name:<26} -> {MAP[name]:<17} | {top}")
    assert set(MAP.values()) <= set(INTENTS)


if __name__ == "__main__":
    main()
