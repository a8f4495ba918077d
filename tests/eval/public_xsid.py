"""xSID 0.7 (public data in ../shared/data): the same 500 voice-assistant requests in
several languages. None is a shop request ("set an alarm", "will it rain"), so what it can
measure for goodbuyer is language id and cross-lingual robustness, next to the TF-IDF +
logistic regression baseline fitted on the same goodbuyer training set in the same run:

- language id on xSID's languages that are among our 14 (ar, de, en, it, nl, tr), the
  candidates being all 14;
- out of scope: the share of requests given `general_question` (the right answer for
  "anything else") and the share given any flag (all wrong: nothing here threatens);
- consistency: the share of requests whose intent is the one given to the English
  original (a translation should not change the answer).

    .venv/bin/python tests/eval/public_xsid.py [--split test]"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from public_data import Baseline, data_folder

from goodbuyer.support.triage.labels import FLAGS
from goodbuyer.support.triage.pipeline import analyse_batch

LANGS = ("en", "ar", "de", "it", "nl", "tr")  # xSID's languages among our 14
GENERAL = "general_question"


def read_conll(path: Path) -> dict[str, tuple[str, str]]:
    """id -> (text, xSID intent) from an xSID .conll file (id: the position if absent)."""
    out: dict[str, tuple[str, str]] = {}
    meta: dict[str, str] = {}
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# ") and " = " in line:
            key, _, value = line[2:].partition(" = ")
            meta[key.strip()] = value.strip()
        elif not line.strip() and meta:
            if "text" in meta:
                # en.conll has no ids; every file lists the sentences in the same order
                key = meta.get("id", str(len(out) + 1))
                out[key] = (meta["text"], meta.get("intent", ""))
            meta = {}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["test", "valid"], default="test")
    parser.add_argument("--data", type=Path, default=None, help="the xsid folder")
    args = parser.parse_args()
    folder = data_folder("xsid", args.data) / "data" / "xSID-0.7"
    sets = {lang: read_conll(folder / f"{lang}.{args.split}.conll") for lang in LANGS}
    base = Baseline()
    lang_model = base.fit(lambda e: e.lang)
    intent_model = base.fit(lambda e: e.intent)
    flag_models = [base.fit(lambda e, f=f: f in e.flags, balanced=True) for f in FLAGS]
    ours: dict[str, dict[str, tuple[str, str, bool]]] = {}
    theirs: dict[str, dict[str, tuple[str, str, bool]]] = {}
    started = time.perf_counter()
    for lang, rows in sets.items():
        ids = sorted(rows)
        texts = [rows[i][0] for i in ids]
        analyses = analyse_batch(texts)
        ours[lang] = {
            i: (a.lang, a.intent, bool(a.flags)) for i, a in zip(ids, analyses, strict=True)
        }
        langs = base.predict(lang_model, texts)
        intents = base.predict(intent_model, texts)
        raised = [base.predict(m, texts) for m in flag_models]
        flags = [any(bool(r[k]) for r in raised) for k in range(len(texts))]
        theirs[lang] = {
            i: (str(x), str(y), z) for i, x, y, z in zip(ids, langs, intents, flags, strict=True)
        }
    print(f"xSID 0.7 {args.split}: {', '.join(f'{k} {len(v)}' for k, v in sets.items())} "
          f"sentences; ours {time.perf_counter() - started:.1f} s (with the baseline)")  # fmt: skip
    print("\n      language id       general_question  any flag         same intent as en")
    print("lang  ours   baseline   ours   baseline   ours   baseline   ours   baseline")
    for lang in LANGS:
        row = [_rates(lang, ours), _rates(lang, theirs)]
        cells = "   ".join(f"{row[0][k]:.3f}  {row[1][k]:.3f}   " for k in range(4))
        print(f"{lang:<5} {cells}")
    wrong = Counter(
        (sets[lang][i][1], intent)
        for lang in LANGS
        for i, (_, intent, _) in ours[lang].items()
        if intent != GENERAL
    )
    print("\nour most frequent shop intents on these requests (xSID intent -> ours, count):")
    for (source, intent), n in wrong.most_common(8):
        print(f"  {source:<32} -> {intent:<18} {n}")


def _rates(lang: str, found: dict[str, dict[str, tuple[str, str, bool]]]) -> list[float]:
    rows = found[lang]
    english = found["en"]
    n = len(rows)
    return [
        sum(g == lang for g, _, _ in rows.values()) / n,
        sum(i == GENERAL for _, i, _ in rows.values()) / n,
        sum(f for _, _, f in rows.values()) / n,
        sum(rows[k][1] == english[k][1] for k in rows if k in english) / n,
    ]


if __name__ == "__main__":
    main()
