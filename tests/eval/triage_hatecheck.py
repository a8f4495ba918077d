"""Our `abusive` flag and threat flags on Multilingual HateCheck (public data in
../shared/data), per language, next to the TF-IDF + logistic regression baseline fitted
on the same goodbuyer training set in the same run.

    .venv/bin/python tests/eval/triage_hatecheck.py [--per-language 300]

HateCheck's "hateful" is hate at a protected group; our `abusive` is insults or profanity
aimed at staff or the company, and our threats are of bad reviews, lawyers and
chargebacks, not of violence. So this measures transfer, not our target:

- AUC: the abusive probability against "hateful", on a fixed random sample per language;
- at a person: HateCheck's `target_indiv_nh` ("I hate you", "you are a disgrace"),
  hostility aimed at one person: the share flagged abusive (higher is better for us);
- bare profanity: `profanity_nh` ("what a shitty day"), swearing aimed at nobody: the
  share flagged abusive (lower is better: frustration is not abuse);
- violent threats: `threat_dir_h` and `threat_norm_h` ("I want to kill all ..."): the
  share flagged abusive, and the share given one of our threat flags (a review, legal or
  chargeback threat: always the wrong kind here)."""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

import numpy as np
from public_data import Baseline, data_folder, flag_probability
from sklearn.metrics import roc_auc_score

from goodbuyer.support.triage.labels import FLAGS
from goodbuyer.support.triage.pipeline import analyse_batch

LANGS = {"ar": "arabic", "de": "german", "es": "spanish", "fr": "french", "it": "italian",
         "nl": "dutch", "pl": "polish", "pt": "portuguese"}  # fmt: skip
THREATS = tuple(f for f in FLAGS if f.startswith("threat_"))
AT_PERSON, PROFANITY = ("target_indiv_nh",), ("profanity_nh",)
VIOLENT = ("threat_dir_h", "threat_norm_h")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-language", type=int, default=300, help="cases for the AUC")
    parser.add_argument("--data", type=Path, default=None, help="the MHC folder")
    args = parser.parse_args()
    folder = data_folder("multilingual_hatecheck", args.data) / "MHC Final Cases"
    base = Baseline()
    abusive = base.fit(lambda e: "abusive" in e.flags, balanced=True)
    threat = [base.fit(lambda e, f=f: f in e.flags, balanced=True) for f in THREATS]
    print("          AUC vs hateful   at a person     bare profanity  violent threats:")
    print("                                                           abusive      our threat flag")
    print("lang  n    ours  base      ours  base      ours  base      ours  base   ours  base")
    for lang, name in LANGS.items():
        with (folder / f"hatecheck_cases_final_{name}.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        sample = random.Random(0).sample(rows, min(args.per_language, len(rows)))
        picked = [r for r in rows if r["functionality"] in AT_PERSON + PROFANITY + VIOLENT]
        texts = [r["test_case"] for r in sample + picked]
        ours = analyse_batch(texts, languages=[lang])
        p_ours = np.array([flag_probability(a.flags, a.confidence, "abusive") for a in ours])
        p_base = base.proba(abusive, texts)
        threat_base = np.any([base.proba(m, texts) >= 0.5 for m in threat], axis=0)
        threat_ours = np.array([any(f in a.flags for f in THREATS) for a in ours])
        n = len(sample)
        truth = [r["label_gold"] == "hateful" for r in sample]
        cells = [f"{roc_auc_score(truth, p_ours[:n]):.3f} {roc_auc_score(truth, p_base[:n]):.3f}"]
        kinds = np.array([""] * n + [r["functionality"] for r in picked])
        for group in (AT_PERSON, PROFANITY, VIOLENT):
            mask = np.isin(kinds, group)
            cells.append(f"{(p_ours[mask] >= 0.5).mean():.2f}  {(p_base[mask] >= 0.5).mean():.2f}")
        mask = np.isin(kinds, VIOLENT)
        cells.append(f"{threat_ours[mask].mean():.2f}  {threat_base[mask].mean():.2f}")
        print(f"{lang:<5} {n:<4} " + "     ".join(cells))
    print("(n: the random sample for the AUC; the other columns use every case of their kind)")


if __name__ == "__main__":
    main()
