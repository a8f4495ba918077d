"""The confirmation bench's processes: `goodbuyer worker`s with distinct ids, the message
provider they send to (the fake Twilio server when the project has one, else the
recording-only channel), and ladder steps enqueued through the DBOS client."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from dbos import DBOSClient, EnqueueOptions
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from goodbuyer.confirmations import flow
from goodbuyer.db import normalize_url
from server import free_port

BIN = Path(sys.executable).parent
ENQUEUE_CHUNK = 2_000
FAKE_SID = "AC" + "0" * 32  # the fake Twilio's own account and token
FAKE_TOKEN = "fake-token"  # noqa: S105 - the fake's, not a secret


def system_engine(workflows_url: str) -> Engine:
    return create_engine(normalize_url(workflows_url))


def _schema(engine: Engine) -> str:
    return "dbos." if engine.dialect.name == "postgresql" else ""


class Worker:
    """`goodbuyer worker --id ID` in a process of its own; its peak memory from /proc."""

    def __init__(self, worker_id: str, env: Mapping[str, str], log: Path) -> None:
        self.id, self.log = worker_id, log
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [str(BIN / "goodbuyer"), "worker", "--id", worker_id],
                env={**os.environ, **env}, stdout=out, stderr=out,
            )  # fmt: skip

    def memory_kib(self) -> dict[str, int]:
        """VmRSS and VmHWM (peak) of the live process, in KiB."""
        found: dict[str, int] = {}
        try:
            lines = Path(f"/proc/{self.process.pid}/status").read_text().splitlines()
        except FileNotFoundError:
            return found
        for line in lines:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0])
        return found

    def cpu_seconds(self) -> float:
        """User + system CPU time of the live process."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def queue_ready(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            query = f"SELECT count(*) FROM {_schema(engine)}queues WHERE name = :q"  # noqa: S608
            return bool(conn.scalar(text(query), {"q": flow.QUEUE}))
    except Exception:  # noqa: BLE001 - not migrated yet
        return False


def init_workflows(env: Mapping[str, str], workflows_url: str, log: Path) -> None:
    """Launch one worker until DBOS has made its tables and the queue, then stop it."""
    engine = system_engine(workflows_url)
    worker = Worker("bench-init", env, log)
    try:
        deadline = time.monotonic() + 120
        while not queue_ready(engine):
            if time.monotonic() > deadline or worker.process.poll() is not None:
                raise RuntimeError(f"the worker did not start; see {log}")
            time.sleep(0.5)
    finally:
        worker.stop()
        engine.dispose()


def enqueue_steps(workflows_url: str, steps: Iterable[tuple[str, int, float]]) -> int:
    """Enqueue (confirmation id, step, due epoch seconds) through the DBOS client, a chunk
    per transaction; each delay is computed just before its insert."""
    client = DBOSClient(system_database_url=workflows_url, application_name="goodbuyer")
    engine = system_engine(workflows_url)
    done, chunk = 0, []
    try:
        for item in steps:
            chunk.append(item)
            if len(chunk) == ENQUEUE_CHUNK:
                done += _enqueue_chunk(client, engine, chunk)
                chunk = []
        done += _enqueue_chunk(client, engine, chunk)
    finally:
        client.destroy()
        engine.dispose()
    return done


def _enqueue_chunk(client: DBOSClient, engine: Engine, chunk: list[tuple[str, int, float]]) -> int:
    with engine.begin() as conn:
        for confirmation_id, step, due in chunk:
            options: EnqueueOptions = {
                "workflow_name": "confirmation.step", "queue_name": flow.QUEUE,
                "workflow_id": flow.workflow_id(confirmation_id, step),
                "app_version": flow.FLOW_VERSION,
                "delay_seconds": max(0.0, due - time.time()),
            }  # fmt: skip
            client.enqueue_in_transaction(conn, options, confirmation_id, step)
    return len(chunk)


def steps_per_executor(workflows_url: str) -> dict[str, int]:
    """Finished ladder steps per DBOS executor (worker id)."""
    engine = system_engine(workflows_url)
    query = (
        f"SELECT executor_id, count(*) FROM {_schema(engine)}workflow_status "  # noqa: S608
        "WHERE name = 'confirmation.step' AND status = 'SUCCESS' GROUP BY executor_id"
    )
    with engine.connect() as conn:
        rows = conn.execute(text(query)).all()
    engine.dispose()
    return {str(r[0]): int(r[1]) for r in rows}


@dataclass
class Provider:
    """Where the workers send: the fake Twilio server (a process of its own) or, while the
    project has none, the recording-only channel (no provider records to check)."""

    name: str
    env: dict[str, str] = field(default_factory=dict)
    url: str = ""
    process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def start(log: Path, force_recorder: bool = False) -> Provider:
        have = importlib.util.find_spec("goodbuyer.confirmations.channels.fake_twilio")
        if force_recorder or have is None:
            return Provider("recorder (outbox only; the project has no fake Twilio server yet)")
        port = free_port()
        code = ("import uvicorn; from goodbuyer.confirmations.channels.fake_twilio import "
                f"FakeTwilio; uvicorn.run(FakeTwilio().app, host='127.0.0.1', port={port}, "
                "log_level='warning')")  # fmt: skip
        with log.open("ab") as out:
            process = subprocess.Popen([sys.executable, "-c", code], stdout=out, stderr=out)
        url = f"http://127.0.0.1:{port}"
        env = {"GOODBUYER_TWILIO_ACCOUNT_SID": FAKE_SID, "GOODBUYER_TWILIO_AUTH_TOKEN": FAKE_TOKEN,
               "GOODBUYER_TWILIO_SMS_FROM": "+15005550006",
               "GOODBUYER_TWILIO_WHATSAPP_FROM": "+14155238886",
               "GOODBUYER_TWILIO_BASE_URL": url}  # fmt: skip
        provider = Provider(
            "fake Twilio server (Twilio's REST format over HTTP)", env, url, process
        )
        deadline = time.monotonic() + 30
        while provider.messages_or_none() is None:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"the fake Twilio did not start; see {log}")
            time.sleep(0.2)
        return provider

    def messages_or_none(self) -> list[dict[str, Any]] | None:
        try:
            return list(httpx.get(f"{self.url}/_fake/messages", timeout=120).json())
        except httpx.TransportError:
            return None

    def duplicates(self) -> tuple[int, int] | None:
        """(messages the provider accepted, extra copies of one body to one number)."""
        if not self.url:
            return None
        messages = self.messages_or_none() or []
        pairs = {(m["to"], m["body"]) for m in messages}
        return len(messages), len(messages) - len(pairs)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


__all__ = ["Provider", "Worker", "enqueue_steps", "init_workflows", "steps_per_executor"]
