"""`generate`: a shop's two-year history as CSV files, the same bytes for the same inputs;
customers are planned up front, simulated in fixed chunks (in parallel), then merged."""

from __future__ import annotations

import bisect
import gc
import itertools
import math
import multiprocessing
import os
import random
import tempfile
import time
from array import array
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from goodbuyer.demo import pools
from goodbuyer.demo.archetypes import BEHAVIOURS as _BEHAVIOURS
from goodbuyer.demo.archetypes import SHARES, Archetype, affinity
from goodbuyer.demo.columns import FILES, TRUTH_FILE
from goodbuyer.demo.countries import COUNTRIES
from goodbuyer.demo.history import simulate
from goodbuyer.demo.people import Identity, Person, join_household, new_person, plan_identity
from goodbuyer.demo.run import Run, Tally
from goodbuyer.demo.timeline import epoch
from goodbuyer.demo.truth import truth_row, write_truth
from goodbuyer.demo.writer import PartSink, merge
from goodbuyer.errors import FieldError, InvalidInput

DEFAULT_START = date(2024, 3, 1)
HISTORY_DAYS = 730
HOUSEHOLD_SHARE = 0.08
MAX_ORDERS = 10**9
_ARCHETYPES = tuple(SHARES)
_ARCHETYPE_CUMULATIVE = tuple(itertools.accumulate(SHARES.values()))
_COUNTRY_CUMULATIVE = {
    a: tuple(itertools.accumulate(c.share * affinity(a, c.code) for c in COUNTRIES))
    for a in _ARCHETYPES
}


@dataclass(frozen=True, slots=True)
class Plan:
    seed: int
    start: int
    end: int
    archetypes: bytes  # index into _ARCHETYPES, per customer
    countries: bytes  # index into COUNTRIES, per customer
    identities: list[Identity]  # names and e-mail local parts, per customer
    active: array[int]  # per customer, the first and the last day (from the start) they buy
    first_slots: array[int]  # the first order slot of each customer; one more at the end
    chunk_size: int

    @property
    def chunks(self) -> int:
        return math.ceil(len(self.archetypes) / self.chunk_size)


@dataclass(frozen=True, slots=True)
class Summary:
    out_dir: Path
    start: date
    end: date
    customers: int
    seconds: float
    records: dict[str, int]  # file name -> records (orders, shipments, ...)
    rows: dict[str, int]  # file name -> CSV rows without the header


def generate(
    customers: int,
    orders: int,
    seed: int,
    out_dir: Path,
    start: date | None = None,
    workers: int | None = None,
) -> Summary:
    """Write the history of `customers` customers placing `orders` orders in the two years
    from `start` (default 2024-03-01) into `out_dir`; the same inputs give the same bytes."""
    if customers < 1 or orders < customers or orders > MAX_ORDERS:
        problem = FieldError("orders", f"one per customer at least, {MAX_ORDERS:,} at most")
        raise InvalidInput("cannot generate that history", [problem])
    began = time.perf_counter()
    first = start or DEFAULT_START
    plan = make_plan(customers, orders, seed, first)
    out_dir.mkdir(parents=True, exist_ok=True)
    pools.warm()
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".parts-") as tmp:
        parts = Path(tmp)
        processes = _processes(plan, workers)
        _run_chunks(plan, parts, processes)
        merged = merge(parts, out_dir, plan.chunks, orders, processes)
        truth_parts = [parts / f"truth-{c:05d}.part" for c in range(plan.chunks)]
        truth_rows = write_truth(truth_parts, out_dir, merged.order_ids)
    records = {name: merged.records[k] for k, (name, _) in FILES.items()} | {TRUTH_FILE: truth_rows}
    rows = {name: merged.rows[k] for k, (name, _) in FILES.items()} | {TRUTH_FILE: truth_rows}
    end = first + timedelta(days=HISTORY_DAYS)
    return Summary(out_dir, first, end, customers, time.perf_counter() - began, records, rows)


def make_plan(customers: int, orders: int, seed: int, first: date) -> Plan:
    """Who the customers are and how many orders each places (exactly `orders` in all)."""
    r = random.Random(f"{seed}:plan")
    archetypes, countries, weights = bytearray(), bytearray(), []
    identities: list[Identity] = []
    active = array("i")
    taken: set[str] = set()
    for _ in range(customers):
        a = bisect.bisect_right(_ARCHETYPE_CUMULATIVE, r.random() * _ARCHETYPE_CUMULATIVE[-1])
        a = min(a, len(_ARCHETYPES) - 1)
        cumulative = _COUNTRY_CUMULATIVE[_ARCHETYPES[a]]
        c = bisect.bisect_right(cumulative, r.random() * cumulative[-1])
        archetypes.append(a)
        countries.append(min(c, len(COUNTRIES) - 1))
        identities.append(plan_identity(COUNTRIES[countries[-1]], r, taken))
        behaviour = _BEHAVIOURS[_ARCHETYPES[a]]
        low, high = _active_days(behaviour.lifetime, r)
        active.extend((low, high))
        # Orders in proportion to the days the customer buys within the window.
        weights.append(behaviour.order_weight * r.lognormvariate(0, 0.7) * (high - low + 1))
    counts = _allocate(orders - customers, weights, r)
    first_slots = array("q", itertools.accumulate((1 + n for n in counts), initial=0))
    start = epoch(first)
    chunk_size = max(1000, math.ceil(customers / 48))
    return Plan(
        seed,
        start,
        start + HISTORY_DAYS * 86400,
        bytes(archetypes),
        bytes(countries),
        identities,
        active,
        first_slots,
        chunk_size,
    )


def _active_days(lifetime: float, r: random.Random) -> tuple[int, int]:
    """The days (from the start) of a customer's life with the shop that fall in the window.

    The two years are a slice of a longer story: a customer may have started before them
    or go on after them, so the first and the last months are as busy as any other (the
    shop grows a little, so later starts are somewhat likelier)."""
    span = int(lifetime * r.lognormvariate(0, 0.5))
    begin = -span + int((HISTORY_DAYS + span) * r.random() ** 0.85)
    return max(begin, 0), min(begin + span, HISTORY_DAYS - 1)


def _allocate(extra: int, weights: list[float], r: random.Random) -> list[int]:
    """Share `extra` orders in proportion to `weights` by systematic sampling: exact total."""
    total = sum(weights)
    offset, cumulative, counts, previous = r.random(), 0.0, [], 0
    for w in weights:
        cumulative += w * extra / total
        reached = math.floor(cumulative + offset)
        counts.append(reached - previous)
        previous = reached
    counts[-1] += extra - sum(counts)
    return counts


_PLAN: Plan | None = None
_PARTS: Path | None = None


def _processes(plan: Plan, workers: int | None) -> int:
    if workers is not None:
        return max(1, workers)
    return max(1, min(os.cpu_count() or 1, plan.chunks))


def _run_chunks(plan: Plan, parts: Path, wanted: int) -> None:
    global _PLAN, _PARTS
    if wanted <= 1 or plan.chunks == 1:
        for chunk in range(plan.chunks):
            simulate_chunk(plan, chunk, parts)
        return
    _PLAN, _PARTS = plan, parts  # inherited by the forked workers
    try:
        with multiprocessing.get_context("fork").Pool(wanted) as pool:
            for _ in pool.imap_unordered(_forked_chunk, range(plan.chunks)):
                pass
    finally:
        _PLAN = _PARTS = None


def _forked_chunk(chunk: int) -> None:
    assert _PLAN is not None
    assert _PARTS is not None
    simulate_chunk(_PLAN, chunk, _PARTS)


def simulate_chunk(plan: Plan, chunk: int, parts: Path) -> None:
    """Simulate customers [chunk * size, (chunk + 1) * size) and write their parts."""
    # Millions of short-lived objects and no cycles: the cyclic collector only costs time.
    gc.disable()
    try:
        _simulate_chunk(plan, chunk, parts)
    finally:
        gc.enable()


def _simulate_chunk(plan: Plan, chunk: int, parts: Path) -> None:
    r = random.Random(f"{plan.seed}:chunk:{chunk}")
    run = Run(plan.seed, plan.start, plan.end, PartSink(chunk), r)
    low = chunk * plan.chunk_size
    high = min(low + plan.chunk_size, len(plan.archetypes))
    people = _people(plan, low, high, run)
    lines = []
    for person in people:
        first, last = plan.first_slots[person.index], plan.first_slots[person.index + 1]
        run.tally = Tally()
        days = (plan.active[2 * person.index], plan.active[2 * person.index + 1])
        simulate(person, first, last - first, days, run)
        lines.append(truth_row(person, first, last - first, run.tally))
    run.sink.dump(parts)
    with open(parts / f"truth-{chunk:05d}.part", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)


def _people(plan: Plan, low: int, high: int, run: Run) -> list[Person]:
    """The chunk's customers; some move in with an earlier customer of the same country."""
    r = run.r
    people: list[Person] = []
    last_seen: dict[str, Person] = {}
    for index in range(low, high):
        archetype: Archetype = _ARCHETYPES[plan.archetypes[index]]
        country = COUNTRIES[plan.countries[index]]
        person = new_person(index, archetype, country, plan.identities[index], plan.seed, r)
        host = last_seen.get(country.code)
        if host is not None and not person.ghost and r.random() < HOUSEHOLD_SHARE:
            join_household(person, host, family=r.random() < 0.6)
        if not person.ghost:
            last_seen[country.code] = person
        people.append(person)
    return people


__all__ = ["DEFAULT_START", "HISTORY_DAYS", "Plan", "Summary", "generate", "make_plan"]
