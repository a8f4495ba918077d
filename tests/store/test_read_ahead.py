"""Working ahead in a thread: same items in order, errors raised where they are used."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from goodbuyer.store.read_ahead import read_ahead


def test_items_come_in_order_and_the_worker_stays_within_depth() -> None:
    made: list[int] = []

    def items() -> Iterator[int]:
        for i in range(10):
            made.append(i)
            yield i

    seen = []
    for item in read_ahead(items(), depth=2):
        seen.append(item)
        assert len(made) <= item + 4  # this one, two queued, one waiting to be queued

    assert seen == list(range(10))


def test_an_error_in_the_worker_is_raised_to_the_reader() -> None:
    def items() -> Iterator[int]:
        yield 1
        raise ValueError("row 9 cannot be read")

    got: list[int] = []

    with pytest.raises(ValueError, match="row 9 cannot be read"):
        _drain(read_ahead(items(), depth=2), got)

    assert got == [1]


def _drain(items: Iterator[int], into: list[int]) -> None:
    for item in items:
        into.append(item)


def test_leaving_early_stops_the_worker() -> None:
    stopped = threading.Event()

    def items() -> Iterator[int]:
        try:
            yield from range(1_000_000)
        finally:
            stopped.set()

    for item in read_ahead(items(), depth=1):
        if item == 3:
            break

    assert stopped.wait(5)
    assert [t.name for t in threading.enumerate() if t.name == "read-ahead"] == []
