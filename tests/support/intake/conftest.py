"""A real IMAP server for the intake tests: pymap's in-memory backend on a local port."""

from __future__ import annotations

import imaplib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from email.message import EmailMessage

import pytest

USER, PASSWORD = "tuki@kauppa.fi", "salasana"
_RUN_PYMAP = "import sys; from pymap.main import main; sys.exit(main())"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def imap_port() -> Iterator[int]:
    """A pymap server with one empty mailbox, for this module's tests."""
    port = _free_port()
    command = [sys.executable, "-c", _RUN_PYMAP, "--host", "127.0.0.1", "--port", str(port),
               "--no-tls", "dict", "--demo-user", USER, "--demo-password", PASSWORD]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("pymap did not start") from None
            time.sleep(0.1)
    yield port
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def folder(imap_port: int, request: pytest.FixtureRequest) -> str:
    """An empty folder of this test's own (the server lives for the whole module)."""
    name = "T" + str(abs(hash(request.node.nodeid)))
    with _imap(imap_port) as client:
        client.create(name)
    return name


class _imap:
    def __init__(self, port: int) -> None:
        self.client = imaplib.IMAP4("127.0.0.1", port)

    def __enter__(self) -> imaplib.IMAP4:
        self.client.login(USER, PASSWORD)
        return self.client

    def __exit__(self, *_: object) -> None:
        self.client.logout()


def deliver(port: int, folder: str, message: EmailMessage, seen: bool = False) -> None:
    with _imap(port) as client:
        status, _ = client.append(folder, "(\\Seen)" if seen else None, None, message.as_bytes())
        assert status == "OK"


__all__ = ["PASSWORD", "USER", "deliver"]
