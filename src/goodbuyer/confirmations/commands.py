"""`goodbuyer worker`: the process that runs the confirmation ladders, and `goodbuyer ladder
show`: one confirmation's steps as the workflow database knows them (through the DBOS
client: this process never launches DBOS)."""

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

    @app.command("ladder")
    def ladder(confirmation_id: str) -> None:
        """The steps of one confirmation's ladder: status, when, which worker ran them."""
        from datetime import UTC, datetime

        from dbos import DBOSClient
        from rich.console import Console
        from rich.table import Table

        client = DBOSClient(system_database_url=Settings().workflow_database_url())
        try:
            found = client.list_workflows(workflow_id_prefix=f"confirm:{confirmation_id}:",
                                          load_input=False, load_output=True)  # fmt: skip
        finally:
            client.destroy()
        if not found:
            raise typer.BadParameter(f"no ladder step of confirmation {confirmation_id}")
        table = Table("step", "status", "result", "created", "worker")
        for w in found:
            created = datetime.fromtimestamp((w.created_at or 0) / 1000, UTC)
            table.add_row(w.workflow_id.rsplit(":", 1)[1], str(w.status), str(w.output or ""),
                          f"{created:%Y-%m-%d %H:%M:%S}", w.executor_id or "")  # fmt: skip
        Console().print(table)


__all__ = ["register"]
