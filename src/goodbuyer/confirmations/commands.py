"""`goodbuyer worker`: the process that runs the confirmation ladders."""

from __future__ import annotations

from typing import Annotated

import typer

from goodbuyer.settings import Settings


def register(app: typer.Typer) -> None:
    @app.command("worker")
    def worker(
        worker_id: Annotated[
            str | None, typer.Option("--id", help="unique per worker process; default worker-1")
        ] = None,
        concurrency: Annotated[int | None, typer.Option(min=1, help="steps at once")] = None,
    ) -> None:
        """Run the confirmation ladders (SMS, WhatsApp, e-mail, call queue) until stopped."""
        from goodbuyer.confirmations import worker as ladder_worker

        overrides: dict[str, object] = {}
        if worker_id:
            overrides["worker_id"] = worker_id
        if concurrency:
            overrides["worker_concurrency"] = concurrency
        ladder_worker.run(Settings(**overrides))  # type: ignore[arg-type]


__all__ = ["register"]
