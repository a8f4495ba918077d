"""What the ladder's workflow steps work with, installed once by the worker process (DBOS
calls module-level functions, so they find it here)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from goodbuyer.clock import Clock
from goodbuyer.confirmations.channels.base import Channel
from goodbuyer.confirmations.statuses import OutboundChannel
from goodbuyer.settings import Settings


@dataclass(frozen=True)
class Runtime:
    sessions: sessionmaker[Session]
    channels: dict[OutboundChannel, Channel]
    clock: Clock
    settings: Settings


_INSTALLED: list[Runtime] = []


def install(runtime: Runtime) -> None:
    _INSTALLED[:] = [runtime]


def current() -> Runtime:
    if not _INSTALLED:
        raise RuntimeError("the confirmation worker has not installed its runtime")
    return _INSTALLED[0]


__all__ = ["Runtime", "current", "install"]
