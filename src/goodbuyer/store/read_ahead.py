"""Work a few items ahead in a thread of its own, so that reading and checking a file's next
batch overlaps with the database storing the current one (the driver waits without the GIL)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from queue import Empty, Full, Queue
from typing import TypeVar

T = TypeVar("T")
_END = object()
_POLL = 0.1


def read_ahead(items: Iterator[T], depth: int) -> Iterator[T]:
    """The items of `items`, made by a worker thread at most `depth` ahead. An error in the
    worker is raised here; leaving the loop early stops the worker."""
    queue: Queue[object] = Queue(maxsize=depth)
    stop = threading.Event()
    worker = threading.Thread(
        target=_produce, args=(items, queue, stop), name="read-ahead", daemon=True
    )
    worker.start()
    try:
        while True:
            item = _take(queue, worker)
            if item is _END:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        worker.join()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def _produce(items: Iterator[object], queue: Queue[object], stop: threading.Event) -> None:
    try:
        for item in items:
            if not _put(queue, item, stop):
                return
    except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which raises it
        _put(queue, _Failed(exc), stop)
        return
    finally:
        close = getattr(items, "close", None)
        if close is not None:  # a generator left early runs its `finally` blocks here
            close()
    _put(queue, _END, stop)


def _put(queue: Queue[object], item: object, stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            queue.put(item, timeout=_POLL)
            return True
        except Full:
            continue
    return False


def _take(queue: Queue[object], worker: threading.Thread) -> object:
    while True:
        try:
            return queue.get(timeout=_POLL)
        except Empty:
            if not worker.is_alive() and queue.empty():
                raise RuntimeError("the read-ahead worker ended without a word") from None


__all__ = ["read_ahead"]
