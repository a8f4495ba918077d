"""The `goodbuyer` command: a thin shell over the services. Each feature adds its own
commands in its `commands.py` (`register(app)`), so this file only assembles them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from pydantic import ValidationError
from rich.console import Console
from rich.progress import Progress
from sqlalchemy.orm import Session

from goodbuyer import commands, migrate, models
from goodbuyer.app import build_services
from goodbuyer.clock import SystemClock
from goodbuyer.db import make_engine, make_sessionmaker, transaction
from goodbuyer.demo.live import keep_trading
from goodbuyer.demo.loading import load_demo_shop
from goodbuyer.errors import GoodbuyerError
from goodbuyer.settings import Settings
from goodbuyer.shops.schemas import ShopIn
from goodbuyer.shops.scopes import Scope
from goodbuyer.shops.service import create_shop, get_shop_by_slug, issue_api_key, list_shops

app = typer.Typer(
    help="goodbuyer: know every customer; keep the good ones, stop the bad ones early.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
shops_app = typer.Typer(help="Shops and their API keys.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(shops_app, name="shops")
console = Console(stderr=True)
assert models.metadata  # every table is registered before any session is made


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Migrate the database (GOODBUYER_DATABASE_URL) up to REVISION."""
    settings = Settings()
    migrate.upgrade(settings.database_url, revision)
    console.print(f"[green]database at {revision}[/green]")


@db_app.command("downgrade")
def db_downgrade(revision: str) -> None:
    """Migrate the database down to REVISION ('base' empties it)."""
    migrate.downgrade(Settings().database_url, revision)


@shops_app.command("create")
def shops_create(
    slug: str,
    name: str,
    currency: str,
    country: str,
    timezone: str = "UTC",
    languages: str = "en",
    shopify_domain: Annotated[str | None, typer.Option()] = None,
    shopify_secret: Annotated[str | None, typer.Option()] = None,
    woocommerce_secret: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Create a shop and print its id."""
    data = ShopIn(
        slug=slug,
        name=name,
        currency=currency,
        country=country,
        timezone=timezone,
        languages=languages.split(","),
        shopify_domain=shopify_domain,
        shopify_webhook_secret=shopify_secret,
        woocommerce_webhook_secret=woocommerce_secret,
    )
    with _session() as session:
        shop = create_shop(session, data, SystemClock().now())
        typer.echo(str(shop.id))


@shops_app.command("list")
def shops_list() -> None:
    with _session() as session:
        for shop in list_shops(session):
            typer.echo(json.dumps({"id": str(shop.id), "slug": shop.slug, "name": shop.name}))


@shops_app.command("key")
def shops_key(
    slug: str, name: str = "default", scope: Annotated[list[Scope] | None, typer.Option()] = None
) -> None:
    """Issue an API key for a shop; the secret is printed once."""
    with _session() as session:
        shop = get_shop_by_slug(session, slug)
        key = issue_api_key(session, shop.id, name, scope or [Scope.WRITE], SystemClock().now())
        typer.echo(key.secret)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option()] = None,
    port: Annotated[int | None, typer.Option()] = None,
    workers: Annotated[int, typer.Option(min=1)] = 1,
) -> None:
    """Serve the API and pages (uvicorn). Several workers share one database."""
    settings = Settings()
    uvicorn.run(
        "goodbuyer.app:app_from_environment",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        log_level=settings.log_level,
        access_log=False,
    )


@app.command()
def demo(
    customers: Annotated[int, typer.Option(min=10)] = 2_000,
    orders: Annotated[int, typer.Option(min=10)] = 10_000,
    seed: int = 7,
    serve_it: Annotated[bool, typer.Option("--serve/--no-serve")] = True,
) -> None:
    """Migrate, generate the demo shop (once), load it through the CSV import, and serve it."""
    settings = Settings()
    migrate.upgrade(settings.database_url)
    services = build_services(settings)
    out_dir = Path("var") / "demo"
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("generating the demo shop", total=None)

        def tell(kind: str, done: int, total: int) -> None:
            bar.update(task, description=f"loading {kind}", completed=done, total=total)

        shop = load_demo_shop(
            services, out_dir, customers=customers, orders=orders, seed=seed, progress=tell
        )
    for report in shop.reports:
        console.print(f"  {report.kind.value:<12} {report.summary()}")
    url = f"http://{settings.host}:{settings.port}"
    console.print(f"\n[bold]The demo shop is ready.[/bold] Open {url} and sign in with this key:")
    console.print(f"  [cyan]{shop.key}[/cyan]")
    console.print(
        f"The REST API and its documentation: {url}/docs (send the key as a Bearer token)"
    )
    console.print(f"The generated files and their ground truth: {out_dir}/\n")
    console.print(
        f"The shop keeps trading: watch orders held for confirmation walk the ladder at "
        f"{url}/confirmations (4 hours pass in {4 * 3600 / DEMO_TIME_SCALE:.0f} s)\n"
    )
    services.engine.dispose()
    if serve_it:
        with demo_worker(settings), live_shop(settings):
            serve(host=None, port=None, workers=1)


DEMO_TIME_SCALE = 480.0  # the demo's ladder: 4 hours in 30 seconds


@contextmanager
def demo_worker(settings: Settings) -> Iterator[None]:
    """`goodbuyer worker` beside the demo's server, on the demo's fast clock."""
    env = {**os.environ, "GOODBUYER_TIME_SCALE": str(DEMO_TIME_SCALE),
           "GOODBUYER_DATABASE_URL": settings.database_url}  # fmt: skip
    # The links in the demo's messages open the demo's own server, wherever it listens.
    env.setdefault("GOODBUYER_PUBLIC_URL", f"http://{settings.host}:{settings.port}")
    command = [sys.executable, "-c", "from goodbuyer.cli import main; main()", "worker"]
    process = subprocess.Popen(command, env=env)  # noqa: S603 - our own interpreter
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def live_shop(settings: Settings) -> Iterator[None]:
    """New orders and customers' answers in a thread while the demo is served."""
    services = build_services(settings)
    stop = threading.Event()
    thread = threading.Thread(target=keep_trading, args=(services, "demo", stop), daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)
        services.dispose()


def _session() -> AbstractContextManager[Session]:
    engine = make_engine(Settings().database_url)
    return transaction(make_sessionmaker(engine))


_registered: list[bool] = []


def _register_features() -> None:
    if not _registered:
        for register in commands.REGISTRARS:
            register(app)
        _registered.append(True)


def run(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code (0 done, 2 bad input or a domain error)."""
    _register_features()
    try:
        result = app(args=argv, standalone_mode=False)
    except GoodbuyerError as exc:
        console.print(f"[red]error:[/red] {exc}")
        for err in getattr(exc, "errors", []):
            console.print(f"  {err.location}: {err.message}")
        return 2
    except ValidationError as exc:
        console.print("[red]error:[/red] invalid input")
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "(input)"
            console.print(f"  {where}: {err['msg']}")
        return 2
    except typer.Abort:
        return 130
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.TyperException as exc:  # usage errors: typer's own click says what is wrong
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        return int(getattr(exc, "exit_code", 2))
    # Without standalone mode, typer hands back the code of a `typer.Exit(code)`.
    return result if isinstance(result, int) else 0


def main() -> None:
    raise SystemExit(run())


__all__ = ["app", "main", "run"]

if __name__ == "__main__":
    main()
