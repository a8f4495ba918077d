"""Work a few items ahead in a child process, so that reading and checking a file's next
batches runs on the other core while this process stores the current one (pure).

The child is forked: it starts at once and carries on with the iterator as it stood, open
file included; the parent must not read that file meanwhile. Items travel pickled.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.queues import Queue
from queue import Empty
from typing import Any, TypeVar

T = TypeVar("T")
_POLL = 0.1
_YOUNG = 50_000
_ITEM, _END, _FAILED = "item", "end", "failed"


def parse_ahead(items: Iterator[T], depth: int) -> Iterator[T]:
    """The items of `items`, made in a child process at most `depth` ahead. An error in
    the child is raised here; leaving the loop early ends the child."""
    context = multiprocessing.get_context("fork")
    queue: Queue[tuple[str, Any]] = context.Queue(maxsize=depth)
    child = context.Process(target=_produce, args=(items, queue), name="parse-ahead")
    for stream in (sys.stdout, sys.stderr):  # else the child would write it out again
        stream.flush()
    child.start()
    try:
        while True:
            tag, value = _take(queue, child)
            if tag == _END:
                return
            if tag == _FAILED:
                raise value
            yield value
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        queue.close()


@contextmanager
def fewer_collections(young: int | None = None) -> Iterator[None]:
    """For a bulk load: what exists already is kept out of the collector's sight, so that
    a full collection no longer walks the whole heap again and again; with `young`, the
    youngest generation is collected only after that many allocations (700 by default).
    Both are put back afterwards."""
    threshold = gc.get_threshold()
    gc.freeze()
    if young is not None:
        gc.set_threshold(young, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _produce(items: Iterator[Any], queue: Queue[tuple[str, Any]]) -> None:
    try:
        # Parsing makes many short-lived containers and few cycles, and this process
        # ends with the file: collecting the young ones less often costs no lasting memory.
        with fewer_collections(young=_YOUNG):
            for item in items:
                queue.put((_ITEM, item))
    except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
        queue.put((_FAILED, _portable(exc)))
        return
    queue.put((_END, None))


def _portable(exc: BaseException) -> BaseException:
    """`exc` if it survives pickling (it then crosses as itself), else a RuntimeError
    naming it."""
    try:
        pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own bytes, just made
    except Exception:  # noqa: BLE001 - any failure means it cannot cross as itself
        return RuntimeError(f"in the parsing process: {exc!r}")
    return exc


def _take(queue: Queue[tuple[str, Any]], child: Any) -> tuple[str, Any]:
    while True:
        try:
            return queue.get(timeout=_POLL)
        except Empty:
            if not child.is_alive():
                try:  # what it put just before it ended may arrive only now
                    return queue.get(timeout=_POLL)
                except Empty:
                    code = child.exitcode
                    raise RuntimeError(f"the parsing process ended (code {code})") from None


__all__ = ["fewer_collections", "parse_ahead"]
