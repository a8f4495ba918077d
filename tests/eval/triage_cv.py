"""5-fold cross-validation of the triage model on the packaged training set (where its
design, C values and thresholds are chosen; the held-out set is not read here).

    .venv/bin/python tests/eval/triage_cv.py [--folds 5] [--cache FILE] [--flags-only]
        [--intent-only]

Prints the intent macro-F1 per language, each flag's precision and recall at its
threshold and the threshold that maximises min(P, R), and how often the threat-blind
step takes something out of messages with and without flags. `--cache` keeps the
embeddings in a .npz file between runs (the embedding is most of the time);
`--flags-only` fits only the flag heads (a few times faster: for their thresholds);
`--intent-only` fits only the two intent heads (every column, and the text columns
alone) and prints the macro-F1 of their blend at several weights (for INTENT_TEXT_MIX)."""

from __future__ import annotations

import argparse
import hashlib
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.metrics import f1_score, precision_score, recall_score

from goodbuyer.support.triage.dataset import Example, training_examples
from goodbuyer.support.triage.embeddings import DIM, embed
from goodbuyer.support.triage.features import N_TEXT, feature_matrix, fit_idf
from goodbuyer.support.triage.heads import fit_head
from goodbuyer.support.triage.labels import FLAGS, INTENTS, LANGUAGES
from goodbuyer.support.triage.model import TriageModel
from goodbuyer.support.triage.pipeline import score_batch
from goodbuyer.support.triage.threat_blind import UNIT_HEAD, split_sentences, strip_with_model
from goodbuyer.support.triage.train import (
    FLAG_C,
    INTENT_C,
    THRESHOLDS,
    fit_model,
    fit_unit_head,
)

MIXES = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0)


class CachedEmbedder:
    """`embed` with a dictionary of the texts already seen, saved to `path` on request."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[str, npt.NDArray[np.float32]] = {}
        if path is not None and path.exists():
            with np.load(path) as data:
                self.known = {k: data[k] for k in data.files}

    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        keys = [hashlib.sha1(t.encode(), usedforsecurity=False).hexdigest() for t in texts]
        missing = list(
            dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in self.known)
        )
        if missing:
            for t, v in zip(missing, embed(missing), strict=True):
                self.known[hashlib.sha1(t.encode(), usedforsecurity=False).hexdigest()] = v
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.stack([self.known[k] for k in keys])

    def save(self) -> None:
        if self.path is not None:
            np.savez(self.path, **self.known)  # type: ignore[arg-type]


def folds_of(examples: Sequence[Example], k: int, seed: int = 0) -> list[int]:
    """A fold per example, stratified by language and intent."""
    rng = np.random.default_rng(seed)
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(examples):
        groups[(e.lang, e.intent)].append(i)
    fold = [0] * len(examples)
    offset = 0
    for key in sorted(groups):
        members = groups[key]
        for j, i in enumerate(rng.permutation(members).tolist()):
            fold[i] = (offset + j) % k
        offset += len(members)
    return fold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--flags-only", action="store_true")
    parser.add_argument("--intent-only", action="store_true")
    args = parser.parse_args()
    if args.flags_only:
        _flags_only(training_examples(), args.folds, CachedEmbedder(args.cache))
        return
    if args.intent_only:
        _intent_only(training_examples(), args.folds, CachedEmbedder(args.cache))
        return
    examples = training_examples()
    embedder = CachedEmbedder(args.cache)
    fold = folds_of(examples, args.folds)
    intents: list[str] = [""] * len(examples)
    flag_p = {f: np.zeros(len(examples)) for f in FLAGS}
    stripped = [False] * len(examples)
    thresholds: dict[str, float] = {}
    for k in range(args.folds):
        train = [e for e, f in zip(examples, fold, strict=True) if f != k]
        test = [i for i, f in enumerate(fold) if f == k]
        model = fit_model(train, embedder)
        thresholds = model.thresholds
        scores = score_batch([examples[i].text for i in test], None, model, embedder)
        classes = model.heads["intent"].classes
        for j, i in enumerate(test):
            intents[i] = classes[int(np.argmax(scores.probabilities["intent"][j]))]
            stripped[i] = bool(scores.stripped[j].dropped)
            for f in FLAGS:
                flag_p[f][i] = scores.probabilities[f][j][1]
        embedder.save()
        print(f"fold {k + 1}/{args.folds} done", flush=True)
    _report(examples, intents, flag_p, stripped, thresholds)


def _flags_only(examples: Sequence[Example], k: int, embedder: CachedEmbedder) -> None:
    fold = folds_of(examples, k)
    whole = [" ".join(c for s in split_sentences(e.text) for c in s) for e in examples]
    vectors = embedder(whole)
    embedder.save()
    flag_p = {f: np.zeros(len(examples)) for f in FLAGS}
    for j in range(k):
        train = [i for i, f in enumerate(fold) if f != j]
        test = [i for i, f in enumerate(fold) if f == j]
        idf = fit_idf([examples[i].text for i in train])
        x = feature_matrix(whole, vectors, [e.lang for e in examples], idf)
        for flag in FLAGS:
            labels = ["yes" if flag in examples[i].flags else "no" for i in train]
            head = fit_head(x[train], labels, ("no", "yes"), c=FLAG_C, balanced=True)
            flag_p[flag][test] = head.probabilities(x[test])[:, 1]
        print(f"fold {j + 1}/{k} done", flush=True)
    _flag_report(examples, flag_p, THRESHOLDS)


def _intent_only(examples: Sequence[Example], k: int, embedder: CachedEmbedder) -> None:
    fold = np.array(folds_of(examples, k))
    texts, langs = [e.text for e in examples], [e.lang for e in examples]
    found = {name: np.zeros((len(examples), len(INTENTS))) for name in ("whole", "text")}
    for j in range(k):
        train, test = np.flatnonzero(fold != j), np.flatnonzero(fold == j)
        subset = [examples[i] for i in train]
        idf = fit_idf([e.text for e in subset])
        blank = TriageModel(idf, {UNIT_HEAD: fit_unit_head(subset, idf)}, dict(THRESHOLDS))
        blind = [s.text for s in strip_with_model(texts, langs, blank)]
        x = feature_matrix(blind, embedder(blind), None, idf)
        embedder.save()
        labels = [examples[i].intent for i in train]
        for name, columns in (("whole", x), ("text", x[:, :N_TEXT])):
            head = fit_head(columns[train], labels, INTENTS, c=INTENT_C)
            found[name][test] = head.probabilities(columns[test])
        print(f"fold {j + 1}/{k} done", flush=True)
    truth, by_lang = np.array([e.intent for e in examples]), np.array(langs)
    print(f"\n{len(examples)} messages; intent macro-F1 (CV) of the blend, by its weight:")
    print("  mix   all    min    " + " ".join(f"{lang:<5}" for lang in LANGUAGES))
    for mix in MIXES:
        blended = (1.0 - mix) * found["whole"] + mix * found["text"]
        guess = np.array(INTENTS)[blended.argmax(axis=1)]
        per = [
            f1_score(truth[by_lang == lang], guess[by_lang == lang], average="macro")
            for lang in LANGUAGES
        ]
        overall = f1_score(truth, guess, average="macro")
        cells = " ".join(f"{v:.3f}" for v in per)
        print(f"  {mix:.1f}   {overall:.3f}  {min(per):.3f}  {cells}")


def _report(
    examples: Sequence[Example],
    intents: list[str],
    flag_p: dict[str, npt.NDArray[np.float64]],
    stripped: list[bool],
    thresholds: dict[str, float],
) -> None:
    truth = np.array([e.intent for e in examples])
    guess = np.array(intents)
    langs = np.array([e.lang for e in examples])
    print(f"\n{len(examples)} messages; intent macro-F1 (CV):")
    for lang in LANGUAGES:
        idx = langs == lang
        print(f"  {lang:<4} {f1_score(truth[idx], guess[idx], average='macro'):.3f}")
    print(f"  all  {f1_score(truth, guess, average='macro'):.3f}")
    _flag_report(examples, flag_p, thresholds)
    flagged = np.array([bool(e.flags) for e in examples])
    s = np.array(stripped)
    print(
        f"\nthreat-blind: something taken out of {s[flagged].mean():.3f} of flagged messages, "
        f"{s[~flagged].mean():.3f} of the others"
    )


def _flag_report(
    examples: Sequence[Example],
    flag_p: dict[str, npt.NDArray[np.float64]],
    thresholds: dict[str, float],
) -> None:
    print("\nflag               thr   P      R      best thr  P      R      R>=.9 thr  P      R")
    for f in FLAGS:
        y = np.array([f in e.flags for e in examples])
        t = thresholds.get(f, 0.5)
        p, r = precision_score(y, flag_p[f] >= t), recall_score(y, flag_p[f] >= t)
        best = max(
            np.arange(0.1, 0.91, 0.05),
            key=lambda c: min(
                precision_score(y, flag_p[f] >= c, zero_division=0), recall_score(y, flag_p[f] >= c)
            ),
        )
        pb = precision_score(y, flag_p[f] >= best)
        rb = recall_score(y, flag_p[f] >= best)
        # precision first: the highest threshold that still finds 90% of the flag
        sure = max(
            (c for c in np.arange(0.1, 0.91, 0.05) if recall_score(y, flag_p[f] >= c) >= 0.9),
            default=0.1,
        )
        ps, rs = precision_score(y, flag_p[f] >= sure), recall_score(y, flag_p[f] >= sure)
        print(
            f"  {f:<17} {t:.2f}  {p:.3f}  {r:.3f}  {best:.2f}      {pb:.3f}  {rb:.3f}"
            f"  {sure:.2f}       {ps:.3f}  {rs:.3f}"
        )


if __name__ == "__main__":
    main()
