"""The worker process: launches DBOS under its own executor id (one process per id and
workflow database: NOTES gotcha 3), recovers its unfinished steps, runs the queue's steps
and starts newly held orders' ladders until it is told to stop.

Run several on PostgreSQL with distinct `--id`s; they share the queue. A worker restarted
with its id finishes what it had begun. Beside the ladders it pushes queued Shopify tags
and helpdesk write-backs (`goodbuyer.pushes`) and reads the shops' saved support
mailboxes (`goodbuyer.mail_polling`).
"""

from __future__ import annotations

import logging
import signal
import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from types import FrameType

from dbos import DBOS, DBOSConfig

from goodbuyer.clock import Clock, SystemClock
from goodbuyer.confirmations import flow, runtime, starter
from goodbuyer.confirmations.channels.registry import channels_for
from goodbuyer.db import make_engine, make_sessionmaker
from goodbuyer.mail_polling import start_polling
from goodbuyer.pushes import start_pushing
from goodbuyer.settings import Settings

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5


def dbos_config(settings: Settings) -> DBOSConfig:
    return {
        "name": "goodbuyer",
        "system_database_url": settings.workflow_database_url(),
        "application_version": flow.FLOW_VERSION,
        "executor_id": settings.worker_id,
        "log_level": "WARNING",
        "notification_listener_polling_interval_sec": 0.5,
        # No ping before each of DBOS's many small transactions (a round trip each): DBOS
        # retries a lost connection itself until the database is back (`db_retry`).
        "db_engine_kwargs": {"pool_pre_ping": False},
    }


def launch(settings: Settings, clock: Clock | None = None) -> runtime.Runtime:
    """Install the runtime, launch DBOS and register the queue (after launch: gotcha 2)."""
    # A step holds a connection only around its own transactions, never across a provider
    # call, so the usual pool serves many more steps at once than it has connections.
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    rt = runtime.Runtime(sessions=make_sessionmaker(engine), channels=channels_for(settings),
                         clock=clock or SystemClock(), settings=settings)  # fmt: skip
    runtime.install(rt)
    _sqlite_wal(settings.workflow_database_url())
    DBOS(config=dbos_config(settings))
    DBOS.launch()
    if DBOS.retrieve_queue(flow.QUEUE) is None:
        # DBOS refills the worker's free slots once per poll: slots / interval bounds the
        # steps a second (8 slots every 0.5 s held a worker to 16/s).
        DBOS.register_queue(flow.QUEUE, worker_concurrency=settings.worker_concurrency,
                            polling_interval_sec=POLL_SECONDS / 2.5)  # fmt: skip
    return rt


def _sqlite_wal(url: str) -> None:
    """A SQLite workflow database in WAL mode (it persists in the file): DBOS leaves it in
    rollback-journal mode, where every commit waits for several fsyncs and readers block
    the writer."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return
    path = Path(url[len(prefix) :])
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=30)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")


def run(settings: Settings, stop: threading.Event | None = None) -> None:
    """Work until SIGTERM/SIGINT (or `stop` is set)."""
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():

        def _stop(_signum: int, _frame: FrameType | None) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
    rt = launch(settings)
    log.info("worker %s started", settings.worker_id)
    helpers = [start_pushing(settings, rt.sessions, rt.clock, stop),
               start_polling(settings, rt.sessions, rt.clock, stop)]  # fmt: skip
    try:
        while not stop.is_set():
            started = starter.start_queued(rt)
            if started < starter.BATCH:
                stop.wait(POLL_SECONDS)
    finally:
        stop.set()
        for thread in helpers:
            if thread is not None:
                thread.join(timeout=30)
        DBOS.destroy(destroy_registry=False)


__all__ = ["dbos_config", "launch", "run"]
