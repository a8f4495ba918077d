"""Triage speed on the held-out messages: latency per message (p50, p99, one at a time),
messages per second in batches, and the peak resident memory of the process.

    .venv/bin/python bench/triage.py [--single 200] [--batch-size 32]"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

import numpy as np

from goodbuyer.support.triage.dataset import read_examples
from goodbuyer.support.triage.pipeline import analyse, analyse_batch

HELD_OUT = Path(__file__).resolve().parent.parent / "tests" / "eval" / "data" / "triage"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--single", type=int, default=200, help="messages timed one by one")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    texts = [e.text for e in read_examples(list(HELD_OUT.glob("*.jsonl")))]
    started = time.perf_counter()
    analyse("warm-up: load the model, the embedder and the language identifier")
    print(f"cold start {time.perf_counter() - started:.2f} s; {os.cpu_count()} cores")
    times = []
    for text in texts[: args.single]:
        t = time.perf_counter()
        analyse(text)
        times.append((time.perf_counter() - t) * 1000)
    print(
        f"one at a time ({len(times)} messages): p50 {np.percentile(times, 50):.1f} ms, "
        f"p99 {np.percentile(times, 99):.1f} ms"
    )
    t, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), args.batch_size):
        analyse_batch(texts[i : i + args.batch_size])
    seconds = time.perf_counter() - t
    cpu_ms = (time.process_time() - cpu) * 1000 / len(texts)
    print(f"batches of {args.batch_size} ({len(texts)} messages): {len(texts) / seconds:.1f} msg/s")
    print(f"CPU time {cpu_ms:.1f} ms per message in batches (all threads)")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    mean_chars = np.mean([len(x) for x in texts])
    print(f"mean message length {mean_chars:.0f} characters")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
