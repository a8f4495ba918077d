"""`goodbuyer replies draft` (a drafted reply from facts given as JSON) and
`goodbuyer replies fake-model` (the local OpenAI-compatible fake, for trying the drafting
model). Exit codes of `draft`: 0 drafted; 2 bad input (named on stderr); 3 the draft
cannot be made (a fact its template needs is missing)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from goodbuyer.support.replies.drafting import ReplyInput, draft_reply
from goodbuyer.support.replies.sandbox import MissingReplyFact, ReplyError

replies_app = typer.Typer(help="Drafted replies to support messages.")
EXIT_BAD_INPUT = 2
EXIT_NO_DRAFT = 3
_FIELDS = {f.name: f for f in dataclasses.fields(ReplyInput)}


@replies_app.command("draft")
def draft(
    facts: Annotated[Path, typer.Argument(help="a JSON object of ReplyInput fields; - for stdin")],
    policy: Annotated[Path | None, typer.Option(help="a policy YAML (its replies: part)")] = None,
    rephrase: Annotated[bool, typer.Option(help="GOODBUYER_DRAFT_MODEL_URL rephrases")] = False,
) -> None:
    """Print the draft for one ticket's facts, e.g. {"lang": "fi", "intent": "return_refund",
    "resolution": "refund", "refund_amount": 4990, "currency": "EUR", ...}."""
    data = _reply_input(_read(facts))
    replies = _replies_policy(policy) if policy else None
    try:
        result = draft_reply(data, replies)
    except MissingReplyFact as e:
        typer.echo(f"no draft: {e}", err=True)
        raise typer.Exit(EXIT_NO_DRAFT) from None
    except ReplyError as e:
        _fail(str(e))
    if rephrase:
        result = _rephrased(result)
    typer.echo(json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=2))


@replies_app.command("fake-model")
def fake_model(
    port: Annotated[int, typer.Option(help="the HTTP port")] = 8030,
    host: Annotated[str, typer.Option(help="listen on this address")] = "127.0.0.1",
) -> None:
    """Serve the fake OpenAI-compatible model (it answers every text unchanged)."""
    import uvicorn

    from goodbuyer.support.replies.fake_llm import FakeLlm

    fake = FakeLlm()
    typer.echo(f"export GOODBUYER_DRAFT_MODEL_URL=http://{host}:{port}/v1")
    typer.echo(f"export GOODBUYER_DRAFT_MODEL=fake GOODBUYER_DRAFT_MODEL_API_KEY={fake.api_key}")
    uvicorn.run(fake.app, host=host, port=port, log_level="warning")


def _read(path: Path) -> Any:
    import sys

    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        return json.loads(text)
    except OSError as e:
        _fail(f"{path}: {e.strerror}")
    except json.JSONDecodeError as e:
        _fail(f"{path}: line {e.lineno}: not JSON ({e.msg})")


def _reply_input(raw: Any) -> ReplyInput:
    if not isinstance(raw, dict):
        _fail("the facts are one JSON object")
    unknown = sorted(set(raw) - set(_FIELDS))
    if unknown:
        _fail(f"unknown fields: {', '.join(unknown)}; known: {', '.join(_FIELDS)}")
    missing = [n for n in ("lang", "intent", "resolution") if n not in raw]
    if missing:
        _fail(f"missing fields: {', '.join(missing)}")
    for name, value in raw.items():
        if not _fits(name, value):
            _fail(f"{name}: {value!r} is not {_FIELDS[name].type}")
    return ReplyInput(**{**raw, "flags": tuple(raw.get("flags", ()))})


def _fits(name: str, value: Any) -> bool:
    kind = str(_FIELDS[name].type)
    if value is None:
        return "None" in kind
    if name == "flags":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind.startswith("bool"):
        return isinstance(value, bool)
    if kind.startswith("int"):
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)


def _replies_policy(path: Path) -> Any:
    from goodbuyer.policy.loading import PolicyTextError, parse_policy

    try:
        return parse_policy(path.read_text(encoding="utf-8")).replies
    except OSError as e:
        _fail(f"{path}: {e.strerror}")
    except PolicyTextError as e:
        _fail("\n".join(f"{path}: {where}: {what}" for where, what in e.problems))


def _rephrased(result: Any) -> Any:
    from goodbuyer.settings import Settings
    from goodbuyer.support.replies.drafting_model import draft_model_from_settings
    from goodbuyer.support.replies.rephrasing import rephrase_draft

    model = draft_model_from_settings(Settings())
    if model is None:
        _fail("--rephrase needs GOODBUYER_DRAFT_MODEL_URL")
    try:
        return rephrase_draft(result, model)
    finally:
        model.close()


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def register(app: typer.Typer) -> None:
    app.add_typer(replies_app, name="replies")


__all__ = ["register"]
