"""Triage on the held-out set (tests/eval/data/triage): intent macro-F1 per language, each
flag's precision and recall, language id and anger accuracy, with a TF-IDF + logistic
regression baseline fitted on the same training data in the same run.

    .venv/bin/python tests/eval/triage_eval.py [--min-intent-f1 0.7] [--confusion] [--show-errors]

Prints the figures; exits 1 only when a floor given on the command line is not met."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score

from goodbuyer.support.triage.dataset import Example, read_examples, training_examples
from goodbuyer.support.triage.labels import FLAGS, LANGUAGES
from goodbuyer.support.triage.pipeline import Analysis, analyse_batch

HELD_OUT = Path(__file__).parent / "data" / "triage"


def _baseline(train: list[Example], test: list[Example]) -> dict[str, list[object]]:
    tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    x_train = tfidf.fit_transform([e.text for e in train])
    x_test = tfidf.transform([e.text for e in test])

    def fit(labels: list[object], balanced: bool = False) -> list[object]:
        weight = "balanced" if balanced else None
        model = LogisticRegression(C=10, max_iter=3000, class_weight=weight)
        return list(model.fit(x_train, labels).predict(x_test))

    out: dict[str, list[object]] = {"intent": fit([e.intent for e in train])}
    out["angry"] = fit([e.angry for e in train])
    for flag in FLAGS:
        out[flag] = fit([flag in e.flags for e in train], balanced=True)
    return out


def _intent_f1(test: list[Example], predicted: list[object]) -> dict[str, float]:
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(test):
        by_lang[e.lang].append(i)
    truth = np.array([e.intent for e in test])
    guess = np.array(predicted)
    out = {
        lang: float(f1_score(truth[idx], guess[idx], average="macro"))
        for lang, idx in by_lang.items()
    }
    out["all"] = float(f1_score(truth, guess, average="macro"))
    return out


def main() -> int:
    args = _arguments()
    train, test = training_examples(), read_examples(list(HELD_OUT.glob("*.jsonl")))
    started = time.perf_counter()
    ours = analyse_batch([e.text for e in test])
    seconds = time.perf_counter() - started
    base = _baseline(train, test)
    print(f"train {len(train)} messages, held-out {len(test)} ({seconds:.1f} s for ours)")
    f1_ours = _intent_f1(test, [a.intent for a in ours])
    f1_base = _intent_f1(test, base["intent"])
    print("\nintent macro-F1   ours   baseline")
    for lang in [*LANGUAGES, "all"]:
        print(f"  {lang:<5}          {f1_ours[lang]:.3f}  {f1_base[lang]:.3f}")
    print("\nflag              P ours  R ours  P base  R base  (support)")
    flag_scores = []
    for flag in FLAGS:
        truth = [flag in e.flags for e in test]
        mine = [flag in a.flags for a in ours]
        p, r = precision_score(truth, mine), recall_score(truth, mine)
        pb, rb = precision_score(truth, base[flag]), recall_score(truth, base[flag])
        flag_scores += [p, r]
        print(f"  {flag:<17} {p:.3f}   {r:.3f}   {pb:.3f}   {rb:.3f}   ({sum(truth)})")
    lang_acc = np.mean([a.lang == e.lang for a, e in zip(ours, test, strict=True)])
    anger = np.mean([a.angry == e.angry for a, e in zip(ours, test, strict=True)])
    anger_b = np.mean([b == e.angry for b, e in zip(base["angry"], test, strict=True)])
    human = np.mean([a.route == "human" for a in ours])
    auto_acc = np.mean(
        [a.intent == e.intent for a, e in zip(ours, test, strict=True) if a.route == "auto"]
    )
    print(f"\nlanguage id accuracy {lang_acc:.3f}")
    print(f"anger accuracy       {anger:.3f} (baseline {anger_b:.3f})")
    print(f"routed to a human    {human:.3f}; intent accuracy of the rest {auto_acc:.3f}")
    _hard_cases(test, ours)
    if args.confusion:
        _confusion(test, ours)
    if args.show_errors:
        for a, e in zip(ours, test, strict=True):
            if a.intent != e.intent or set(a.flags) != set(e.flags):
                print(
                    f"  {e.id}: {e.intent}/{e.flags} got {a.intent}/{list(a.flags)}: {e.text[:90]}"
                )
    floor_ok = min(f1_ours[lang] for lang in LANGUAGES) >= args.min_intent_f1
    floor_ok = floor_ok and min(flag_scores) >= args.min_flag and lang_acc >= args.min_lang
    return 0 if floor_ok else 1


def _hard_cases(test: list[Example], ours: list[object]) -> None:
    kinds: dict[str, list[bool]] = defaultdict(list)
    for e, a in zip(test, ours, strict=True):
        kinds[e.hard or "plain"].append(
            a.intent == e.intent and set(a.flags) == set(e.flags)  # type: ignore[attr-defined]
        )
    print("\nall labels right (intent and flags), by kind:")
    for kind, hits in sorted(kinds.items()):
        print(f"  {kind:<20} {np.mean(hits):.3f} of {len(hits)}")


def _confusion(test: list[Example], ours: list[Analysis]) -> None:
    """Per language, the intent mix-ups (true -> predicted: count), most frequent first."""
    print("\nintent confusions per language (true -> predicted: count):")
    for lang in LANGUAGES:
        pairs = Counter(
            (e.intent, a.intent)
            for e, a in zip(test, ours, strict=True)
            if e.lang == lang and e.intent != a.intent
        )
        shown = ", ".join(f"{t} -> {p}: {n}" for (t, p), n in pairs.most_common())
        print(f"  {lang}: {shown or '-'}")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--min-intent-f1", type=float, default=0.0, help="floor, every language")
    parser.add_argument("--min-flag", type=float, default=0.0, help="floor, each flag's P and R")
    parser.add_argument("--min-lang", type=float, default=0.0, help="floor, language id")
    parser.add_argument("--confusion", action="store_true", help="intent mix-ups per language")
    parser.add_argument("--show-errors", action="store_true")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
