"""`goodbuyer triage` (JSON lines in, analyses out) and `goodbuyer triage train`.

Exit codes of `goodbuyer triage`: 0 every line analysed; 2 at least one bad input line
(each named on stderr with its line number; the good lines are still analysed)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from goodbuyer.support.triage.contract import BadLine, TriageRequest, parse_lines, render

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from goodbuyer.support.advice import Advisor
    from goodbuyer.support.triage.pipeline import Analysis

_Analyse = Callable[..., list["Analysis"]]

triage_app = typer.Typer(
    help="Analyse support messages offline: language, intent, flags, anger.",
    invoke_without_command=True,
)
EXIT_BAD_LINES = 2
_BATCH = 32


@triage_app.callback()
def triage(
    ctx: typer.Context,
    languages: Annotated[
        str | None, typer.Option(help="the shop's languages, comma-separated (default: all 14)")
    ] = None,
) -> None:
    """Read JSON lines {"id", "text", "channel"?, "shop"?} on stdin; write one analysis
    per line on stdout. A line naming a shop (its slug, in GOODBUYER_DATABASE_URL) is read
    in the shop's languages and gets the playbook's `resolution` and the drafted `reply`."""
    if ctx.invoked_subcommand is not None:
        return
    from functools import partial

    from goodbuyer.support.triage.labels import LANGUAGES
    from goodbuyer.support.triage.pipeline import analyse_batch as analyse_all

    candidates = [x.strip() for x in languages.split(",")] if languages else None
    unknown = sorted(set(candidates or []) - set(LANGUAGES))
    if unknown:
        typer.echo(f"unknown languages: {', '.join(unknown)}", err=True)
        raise typer.Exit(EXIT_BAD_LINES)
    analyse_batch = partial(analyse_all, languages=candidates)

    bad = 0
    shops = _Shops()
    pending: list[TriageRequest] = []
    try:
        for item in parse_lines(sys.stdin):
            if isinstance(item, BadLine):
                bad += 1
                typer.echo(f"line {item.line}: {item.reason}", err=True)
                continue
            pending.append(item)
            if len(pending) == _BATCH:
                bad += _flush(pending, analyse_batch, shops)
        bad += _flush(pending, analyse_batch, shops)
    finally:
        shops.close()
    if bad:
        raise typer.Exit(EXIT_BAD_LINES)


def _flush(pending: list[TriageRequest], analyse_batch: _Analyse, shops: _Shops) -> int:
    """Write the analyses of `pending` in input order; lines naming a shop are read with
    the shop's languages and get its resolution and reply. Returns the bad lines."""
    if not pending:
        return 0
    bad = 0
    groups: dict[str | None, list[TriageRequest]] = {}
    for request in pending:
        groups.setdefault(request.shop, []).append(request)
    done: dict[int, str] = {}
    for slug, requests in groups.items():
        if slug is None:
            analyses = analyse_batch([r.text for r in requests], [r.channel for r in requests])
            done |= {r.line: render(r.id, a) for r, a in zip(requests, analyses, strict=True)}
            continue
        try:
            advisor, languages = shops.advisor_for(slug)
        except LookupError as e:
            bad += len(requests)
            for r in requests:
                typer.echo(f"line {r.line}: {e}", err=True)
            continue
        texts, channels = [r.text for r in requests], [r.channel for r in requests]
        analyses = analyse_batch(texts, channels, languages=languages)
        for r, a in zip(requests, analyses, strict=True):
            done[r.line] = render(r.id, a, advisor.advise(slug, r.id, r.text, r.channel, a))
    for request in pending:
        if request.line in done:
            typer.echo(done[request.line])
    sys.stdout.flush()
    pending.clear()
    return bad


class _Shops:
    """The database, opened on the first line that names a shop (GOODBUYER_DATABASE_URL)."""

    def __init__(self) -> None:
        self._engine: Engine | None = None
        self._advisor: Advisor | None = None

    def advisor_for(self, slug: str) -> tuple[Advisor, list[str]]:
        if self._advisor is None:
            from goodbuyer.clock import SystemClock
            from goodbuyer.db import make_engine, make_sessionmaker
            from goodbuyer.settings import Settings
            from goodbuyer.support.advice import Advisor

            self._engine = make_engine(Settings().database_url)
            self._advisor = Advisor(make_sessionmaker(self._engine), SystemClock())
        return self._advisor, self._advisor.languages(slug)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


@triage_app.command("train")
def train(
    output: Annotated[str | None, typer.Option(help="where to write (the package's model)")] = None,
) -> None:
    """Fit the model on the packaged training set and write it into the package."""
    from pathlib import Path

    from goodbuyer.support.triage.dataset import training_examples
    from goodbuyer.support.triage.model import model_path, save_model
    from goodbuyer.support.triage.train import fit_model

    examples = training_examples()
    target = Path(output) if output else model_path()
    save_model(fit_model(examples), target)
    typer.echo(f"trained on {len(examples)} messages: {target}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(triage_app, name="triage")
