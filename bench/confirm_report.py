"""What the confirmation bench prints: percentiles, the load average, workers' memory."""

from __future__ import annotations

import os
import statistics

from confirm_flows import Provider, Worker


def quantiles(seconds: list[float]) -> str:
    if len(seconds) < 2:
        return f"{len(seconds)} values: {seconds}"
    q = statistics.quantiles(seconds, n=100)
    return (f"p50 {q[49]:.2f} s, p95 {q[94]:.2f} s, p99 {q[98]:.2f} s, "
            f"max {max(seconds):.2f} s")  # fmt: skip


def worker_env(url: str, workflows: str, scale: float, provider: Provider) -> dict[str, str]:
    return {"GOODBUYER_DATABASE_URL": url, "GOODBUYER_DBOS_URL": workflows,
            "GOODBUYER_TIME_SCALE": f"{scale:g}", "GOODBUYER_LOG_LEVEL": "warning",
            **provider.env}  # fmt: skip


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f} (5 min {five:.2f})"


def memory_line(workers: list[Worker]) -> str:
    parts = []
    for w in workers:
        m = w.memory_kib()
        parts.append(f"{w.id} RSS {m.get('VmRSS', 0) / 1024:.0f} MiB "
                     f"peak {m.get('VmHWM', 0) / 1024:.0f} MiB")  # fmt: skip
    return ", ".join(parts)


__all__ = ["load", "memory_line", "quantiles", "worker_env"]
