"""Serve a fake's ASGI app with uvicorn on 127.0.0.1 in a background thread (tests, the
benchmark, `goodbuyer fakes serve`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from goodbuyer.confirmations.channels.fake_smtp import free_port


@contextmanager
def served(app: FastAPI, port: int = 0, host: str = "127.0.0.1") -> Iterator[str]:
    """The app's base URL while the block runs; the server stops when it ends."""
    port = port or free_port(host)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"fake-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the fake on port {port} did not start")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


__all__ = ["served"]
