"""`goodbuyer replies draft`: facts as JSON in, the draft as JSON out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goodbuyer.confirmations.channels.fake_server import served
from goodbuyer.policy.loading import default_policy_text
from goodbuyer.support.replies.commands import replies_app
from goodbuyer.support.replies.fake_llm import FakeLlm

FACTS = {"lang": "fi", "intent": "return_refund", "resolution": "refund", "refund_amount": 4990,
         "currency": "EUR", "first_name": "Aino", "order_number": "#1042",
         "shop_name": "Revontuli", "public": True, "channel": "social"}  # fmt: skip


def _draft(facts: object, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(replies_app, ["draft", "-", *args], input=json.dumps(facts))
    return result.exit_code, result.stdout, result.stderr


def test_a_draft_is_printed_as_json() -> None:
    code, out, _ = _draft(FACTS)

    draft = json.loads(out)
    assert code == 0
    assert draft["template_key"] == "fi/refund"
    assert "49,90\u00a0€" in draft["body"]
    assert draft["subject"] is None
    assert draft["public_reply"].endswith("– Revontuli")


@pytest.mark.parametrize(
    ("facts", "message"),
    [([1, 2], "the facts are one JSON object"),
     ({**FACTS, "refund": 1}, "unknown fields: refund"),
     ({"lang": "fi"}, "missing fields: intent, resolution"),
     ({**FACTS, "refund_amount": "49.90"}, "refund_amount: '49.90' is not int | None"),
     ({**FACTS, "resolution": "refund_twice"}, "unknown resolution kind 'refund_twice'")],
)  # fmt: skip
def test_bad_input_exits_2_naming_what_is_wrong(facts: object, message: str) -> None:
    code, out, err = _draft(facts)

    assert code == 2
    assert out == ""
    assert message in err


def test_not_json_is_named_with_its_line() -> None:
    result = CliRunner().invoke(replies_app, ["draft", "-"], input='{\n"lang": fi}')

    assert result.exit_code == 2
    assert "line 2: not JSON" in result.stderr


def test_a_missing_fact_exits_3_without_a_draft() -> None:
    code, out, err = _draft({**FACTS, "refund_amount": None})

    assert code == 3
    assert out == ""
    assert "no draft: the reply needs 'refund_amount'" in err


def test_the_policys_own_templates_are_used(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(default_policy_text() + "replies:\n  templates:\n    fi:\n"
                      "      refund: 'Hyvitetty {{ refund_amount }}.'\n")  # fmt: skip

    code, out, _ = _draft(FACTS, "--policy", str(policy))

    assert code == 0
    assert "Hyvitetty 49,90\u00a0€." in json.loads(out)["body"]


def test_a_broken_policy_is_named(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(default_policy_text() + "replies:\n  templates:\n    fi:\n"
                      "      escalate: 'Saat {{ credit_code }}.'\n")  # fmt: skip

    code, _, err = _draft(FACTS, "--policy", str(policy))

    assert code == 2
    assert "replies.templates.fi.escalate: uses 'credit_code'" in err


def test_rephrase_goes_through_the_configured_model(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeLlm(answer=lambda system, text: text.replace("Hei Aino,", "Hei Aino!"))
    with served(fake.app) as url:
        monkeypatch.setenv("GOODBUYER_DRAFT_MODEL_URL", url + "/v1")
        monkeypatch.setenv("GOODBUYER_DRAFT_MODEL", "tiny-chat")
        monkeypatch.setenv("GOODBUYER_DRAFT_MODEL_API_KEY", fake.api_key)
        code, out, _ = _draft(FACTS, "--rephrase")

    draft = json.loads(out)
    assert code == 0
    assert draft["body"].startswith("Hei Aino!")
    assert draft["note"] == "rephrased by tiny-chat"
