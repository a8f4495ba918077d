"""Measure `goodbuyer link-pairs` on identity_pairs.jsonl, beside a phone-or-e-mail baseline.

    .venv/bin/python tests/eval/identity_eval.py                  # matcher and baseline
    .venv/bin/python tests/eval/identity_eval.py --baseline-only  # baseline alone
    .venv/bin/python tests/eval/identity_eval.py --show-errors --min-f1 0.9

Prints precision, recall, F1, the confusion counts and the wrong pairs by kind. With
--min-f1 the exit status is 1 when the matcher's F1 falls below that floor.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PAIRS = Path(__file__).resolve().parent / "identity_pairs.jsonl"
Pair = dict[str, Any]


def load(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


# --- baseline: same phone (last 9 digits) or same e-mail (lower-cased) -------------------


def _phone_key(text: str) -> str | None:
    digits = "".join(ch for ch in text if ch in "0123456789")
    return digits[-9:] if len(digits) >= 9 else None


def _email_key(text: str) -> str | None:
    return text.strip().lower() or None


def baseline(pair: Pair) -> bool:
    a, b = pair["a"], pair["b"]
    phone = _phone_key(a["phone"])
    email = _email_key(a["email"])
    return (phone is not None and phone == _phone_key(b["phone"])) or (
        email is not None and email == _email_key(b["email"])
    )


# --- the matcher under test -------------------------------------------------------------


def matcher_command() -> list[str]:
    script = Path(sys.executable).with_name("goodbuyer")
    if script.exists():
        return [str(script), "link-pairs"]
    return [sys.executable, "-m", "goodbuyer.cli", "link-pairs"]


def run_matcher(pairs: Sequence[Pair], command: list[str], timeout: float) -> dict[str, Pair]:
    """Feed every pair on stdin at once; read one answer per line back."""
    payload = "".join(
        json.dumps({"id": p["id"], "a": p["a"], "b": p["b"]}, ensure_ascii=False) + "\n"
        for p in pairs
    )
    try:
        done = subprocess.run(
            command,
            input=payload,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError as exc:
        raise SystemExit(f"cannot run {' '.join(command)}: {exc}") from exc
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise SystemExit(f"{' '.join(command)} exited with {done.returncode}:\n{tail}")
    answers: dict[str, Pair] = {}
    for number, line in enumerate(done.stdout.splitlines(), start=1):
        if line.strip():
            answer = _answer(line, number)
            answers[answer["id"]] = answer
    if not answers:
        raise SystemExit(f"{' '.join(command)} answered nothing on stdout")
    return answers


def _answer(line: str, number: int) -> Pair:
    try:
        answer = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SystemExit(f"answer line {number} is not JSON: {line[:120]!r}") from exc
    if not isinstance(answer, dict) or "id" not in answer:
        raise SystemExit(f"answer line {number} has no id: {line[:120]!r}")
    if not isinstance(answer.get("same_person"), bool):
        raise SystemExit(f"answer line {number}: same_person must be true or false")
    score = answer.get("score")
    if score is not None and not (isinstance(score, int | float) and 0 <= score <= 1):
        raise SystemExit(f"answer line {number}: score must be within 0..1, got {score!r}")
    return answer


# --- figures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Confusion:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def confusion(pairs: Sequence[Pair], predicted: Mapping[str, bool]) -> Confusion:
    counts: Counter[tuple[bool, bool]] = Counter(
        (bool(p["same_person"]), predicted[p["id"]]) for p in pairs
    )
    return Confusion(
        tp=counts[True, True],
        fp=counts[False, True],
        fn=counts[True, False],
        tn=counts[False, False],
    )


def report(
    title: str,
    pairs: Sequence[Pair],
    predicted: Mapping[str, bool],
    *,
    answers: Mapping[str, Pair] | None = None,
    show_errors: bool = False,
) -> Confusion:
    result = confusion(pairs, predicted)
    wrong = [p for p in pairs if predicted[p["id"]] != p["same_person"]]
    print(f"== {title} ==")
    print(
        f"precision {result.precision:.3f}   recall {result.recall:.3f}   F1 {result.f1:.3f}   "
        f"accuracy {(result.tp + result.tn) / len(pairs):.3f}"
    )
    print(f"confusion: TP {result.tp}  FP {result.fp}  FN {result.fn}  TN {result.tn}")
    _by_kind(pairs, wrong)
    _by_country(pairs, wrong)
    if show_errors and wrong:
        print("wrong pairs:")
        for pair in wrong:
            _show(pair, (answers or {}).get(pair["id"]))
    print()
    return result


def _by_kind(pairs: Sequence[Pair], wrong: Sequence[Pair]) -> None:
    sizes = Counter(p["kind"] for p in pairs)
    labels = {p["kind"]: "same" if p["same_person"] else "different" for p in pairs}
    ids: defaultdict[str, list[str]] = defaultdict(list)
    for pair in wrong:
        ids[pair["kind"]].append(pair["id"])
    print(f"errors by kind ({len(wrong)} of {len(pairs)}):")
    for kind in sorted(sizes, key=lambda k: (-len(ids[k]) / sizes[k], k)):
        found = ids[kind]
        listed = " ".join(found[:12]) + (f" … (+{len(found) - 12})" if len(found) > 12 else "")
        print(f"  {kind:<18} {labels[kind]:<9} {len(found):>3}/{sizes[kind]:<3} {listed}")


def _by_country(pairs: Sequence[Pair], wrong: Sequence[Pair]) -> None:
    sizes = Counter(p["a"]["country"] for p in pairs)
    errors = Counter(p["a"]["country"] for p in wrong)
    cells = [f"{code} {errors[code]}/{sizes[code]}" for code in sorted(sizes)]
    print("errors by country: " + ", ".join(cells))


def _show(pair: Pair, answer: Pair | None) -> None:
    expected = "same" if pair["same_person"] else "different"
    print(f"  {pair['id']} [{pair['kind']}] expected {expected}: {pair['note']}")
    if answer is not None:
        reasons = "; ".join(str(r) for r in answer.get("reasons", [])) or "-"
        print(f"      answer: score {answer.get('score', '-')}  reasons: {reasons}")
    for side in ("a", "b"):
        rec = pair[side]
        print(f"      {side}: " + " | ".join(rec[field] or "·" for field in rec))


# --- command line ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="labelled pairs (JSON lines)")
    parser.add_argument("--show-errors", action="store_true", help="print every wrong pair")
    parser.add_argument("--baseline-only", action="store_true", help="skip the matcher")
    parser.add_argument("--min-f1", type=float, default=None, help="fail below this matcher F1")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds for the matcher run")
    args = parser.parse_args(argv)

    pairs = load(args.pairs)
    same = sum(1 for p in pairs if p["same_person"])
    countries = len({p["a"]["country"] for p in pairs})
    print(f"{len(pairs)} pairs ({same} same person, {len(pairs) - same} different)", end="")
    print(f", {countries} countries")
    print()

    floor_failed = False
    if not args.baseline_only:
        command = matcher_command()
        started = time.perf_counter()
        answers = run_matcher(pairs, command, args.timeout)
        elapsed = time.perf_counter() - started
        missing = [p["id"] for p in pairs if p["id"] not in answers]
        if missing:
            listed = " ".join(missing[:20])
            print(f"no answer for {len(missing)} pairs (counted as 'different'): {listed}")
        predicted = {
            p["id"]: bool(answers.get(p["id"], {}).get("same_person", False)) for p in pairs
        }
        pace = f"{elapsed:.1f} s, {1000 * elapsed / len(pairs):.1f} ms/pair"
        title = f"matcher: {' '.join(command[-2:])} ({pace})"
        result = report(title, pairs, predicted, answers=answers, show_errors=args.show_errors)
        if args.min_f1 is not None and result.f1 < args.min_f1:
            print(f"F1 {result.f1:.3f} is below the floor {args.min_f1:.3f}")
            floor_failed = True

    guesses = {p["id"]: baseline(p) for p in pairs}
    report(
        "baseline: same phone (last 9 digits) or same e-mail (lower-cased)",
        pairs,
        guesses,
        show_errors=args.show_errors and args.baseline_only,
    )
    return 1 if floor_failed else 0


if __name__ == "__main__":
    sys.exit(main())
