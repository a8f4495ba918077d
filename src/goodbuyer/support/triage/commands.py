"""`goodbuyer triage` (JSON lines in, analyses out) and `goodbuyer triage train`.

Exit codes of `goodbuyer triage`: 0 every line analysed; 2 at least one bad input line
(each named on stderr with its line number; the good lines are still analysed)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from goodbuyer.support.triage.contract import BadLine, TriageRequest, parse_lines, render

if TYPE_CHECKING:
    from goodbuyer.support.triage.pipeline import Analysis

_Analyse = Callable[[Sequence[str], Sequence[str | None]], list["Analysis"]]

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
    per line on stdout."""
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
    pending: list[TriageRequest] = []
    for item in parse_lines(sys.stdin):
        if isinstance(item, BadLine):
            bad += 1
            typer.echo(f"line {item.line}: {item.reason}", err=True)
            continue
        pending.append(item)
        if len(pending) == _BATCH:
            _flush(pending, analyse_batch)
    _flush(pending, analyse_batch)
    if bad:
        raise typer.Exit(EXIT_BAD_LINES)


def _flush(pending: list[TriageRequest], analyse_batch: _Analyse) -> None:
    if not pending:
        return
    analyses = analyse_batch([r.text for r in pending], [r.channel for r in pending])
    for request, analysis in zip(pending, analyses, strict=True):
        typer.echo(render(request.id, analysis))
    sys.stdout.flush()
    pending.clear()


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
