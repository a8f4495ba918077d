"""`goodbuyer link-pairs`: JSON lines in, one decision per line out."""

from __future__ import annotations

import io
import json
import sys

import pytest

from goodbuyer.cli import run


def _run(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes], text: str
) -> tuple[int, list[dict[str, object]]]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code = run(["link-pairs"])
    out = capsysbinary.readouterr().out.decode()
    return code, [json.loads(line) for line in out.splitlines()]


def test_each_pair_gets_a_decision_with_reasons(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    same = {
        "id": "p1",
        "a": {"name": "Aino Virtanen", "phone": "040 123 4567", "country": "FI"},
        "b": {"name": "Virtanen Aino", "phone": "+358401234567", "country": "FI"},
    }
    home = {"address": "Mannerheimintie 12 B 7", "postcode": "00100", "country": "FI"}
    household = {
        "id": "p2",
        "a": {"name": "Aino Virtanen", "phone": "040 123 4567", **home},
        "b": {"name": "Eero Virtanen", "phone": "050 765 4321", **home},
    }
    code, answers = _run(
        monkeypatch, capsysbinary, json.dumps(same) + "\n\n" + json.dumps(household) + "\n"
    )
    assert code == 0
    assert [(a["id"], a["same_person"], a["household"]) for a in answers] == [
        ("p1", True, False), ("p2", False, True),
    ]  # fmt: skip
    assert answers[0]["reasons"][0] == "same phone (+358401234567)"
    assert 0.0 <= answers[1]["score"] < 0.5 < answers[0]["score"] <= 1.0


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        pytest.param("{not json", "not JSON", id="not-json"),
        pytest.param('{"id": 1, "a": {}}', 'expected an object with "id", "a" and "b"', id="no-b"),
        pytest.param('{"id": 1, "a": [], "b": {}}', '"a" must be an object', id="a-not-object"),
        pytest.param(
            '{"id": 1, "a": {"phone": 5}, "b": {}}', '"a.phone" must be a string', id="number"
        ),
        pytest.param(
            '{"id": 1, "a": {"nmae": "x"}, "b": {}}', '"a" has unknown fields: nmae', id="typo"
        ),
    ],
)
def test_a_bad_line_exits_2_naming_the_line(
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
    line: str,
    problem: str,
) -> None:
    good = '{"id": 0, "a": {"name": "A B"}, "b": {"name": "A B"}}'
    monkeypatch.setattr(sys, "stdin", io.StringIO(good + "\n" + line + "\n"))
    code = run(["link-pairs"])
    captured = capsysbinary.readouterr()
    assert code == 2
    assert len(captured.out.decode().splitlines()) == 1
    err = captured.out.decode() + captured.err.decode()
    assert "line 2" in err or "line 2" in captured.out.decode()
    assert problem in err
