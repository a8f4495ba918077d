"""The `goodbuyer triage` contract end to end: JSON lines in, one analysis per line out."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from goodbuyer.support.triage.commands import triage_app
from goodbuyer.support.triage.labels import FLAGS, INTENTS


def test_good_lines_are_analysed_and_a_bad_line_is_named() -> None:
    lines = [
        json.dumps({"id": "a", "text": "Hol van a csomagom? Két hete várok.", "channel": "email"}),
        "not json",
        json.dumps({"id": 7, "text": "Quiero devolver las zapatillas, me quedan pequeñas."}),
        json.dumps({"id": "c"}),
    ]

    result = CliRunner().invoke(triage_app, [], input="\n".join(lines) + "\n")

    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 2
    assert [r["id"] for r in rows] == ["a", "7"]
    assert [r["lang"] for r in rows] == ["hu", "es"]
    assert all(r["intent"] in INTENTS and set(r["flags"]) <= set(FLAGS) for r in rows)
    assert all(r["angry"] in (0, 1, 2) for r in rows)
    assert "line 2: not JSON" in result.stderr
    assert 'line 4: missing "text"' in result.stderr


def test_only_good_lines_exit_zero() -> None:
    result = CliRunner().invoke(triage_app, [], input='{"id": "x", "text": "Kiitos!"}\n')

    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "x"


def test_the_shops_languages_narrow_language_id() -> None:
    line = '{"id": "s", "text": "Dobrý deň, kde je moja objednávka?"}\n'

    result = CliRunner().invoke(triage_app, ["--languages", "cs,de"], input=line)

    assert result.exit_code == 0
    assert json.loads(result.stdout)["lang"] == "cs"


def test_an_unknown_language_is_refused() -> None:
    result = CliRunner().invoke(triage_app, ["--languages", "en,xx"], input="")

    assert result.exit_code == 2
    assert "unknown languages: xx" in result.stderr
