"""Working ahead in a child process: same items in order, errors raised where they are used."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator

import pytest

from goodbuyer.store.parse_ahead import parse_ahead


def test_items_come_in_order_from_another_process() -> None:
    def items() -> Iterator[tuple[int, int]]:
        for i in range(50):
            yield i, os.getpid()

    got = list(parse_ahead(items(), depth=2))

    assert [i for i, _ in got] == list(range(50))
    assert {pid for _, pid in got} != {os.getpid()}


def test_an_error_in_the_child_is_raised_to_the_reader() -> None:
    def items() -> Iterator[int]:
        yield 1
        raise ValueError("row 9 cannot be read")

    got: list[int] = []

    with pytest.raises(ValueError, match="row 9 cannot be read"):
        got.extend(parse_ahead(items(), depth=2))

    assert got == [1]


class _Unpicklable(Exception):
    def __init__(self, a: int, b: int) -> None:
        super().__init__(f"{a} and {b}")  # its args do not rebuild it


def test_an_error_that_cannot_cross_is_named() -> None:
    def items() -> Iterator[int]:
        raise _Unpicklable(1, 2)
        yield 0

    with pytest.raises(RuntimeError, match="_Unpicklable"):
        list(parse_ahead(items(), depth=1))


def test_leaving_early_ends_the_child() -> None:
    def items() -> Iterator[int]:
        yield from range(1_000_000)

    ahead = parse_ahead(items(), depth=1)
    for item in ahead:
        if item == 3:
            break
    ahead.close()  # what a `for` loop left by an exception or a return does too

    assert multiprocessing.active_children() == []


def test_a_child_that_dies_is_reported() -> None:
    def items() -> Iterator[int]:
        yield 1
        os._exit(3)

    with pytest.raises(RuntimeError, match="ended \\(code 3\\)"):
        list(parse_ahead(items(), depth=1))
