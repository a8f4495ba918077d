"""Zero tolerance over REST and the CLI: an agent marks messages abusive (warning, then
block), reads the incidents and the block, and lifts it with a note."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from goodbuyer.cli import run
from goodbuyer.shops.scopes import Scope
from goodbuyer.web.deps import Services
from tests.factories import auth, make_key, make_shop
from tests.policy.shoppers import shop_with_customer

HEBREW_INSULT = "אתם חבורה של אידיוטים, איפה החבילה שלי?"
PLAIN = "איפה החבילה שלי? אני מחכה כבר שבוע"


def _post_message(client: TestClient, key: str, external_id: str, body: str) -> str:
    message = {
        "ticket_external_id": "T-1", "external_id": external_id, "channel": "chat",
        "body": body, "author_email": "aino.virtanen@example.fi", "language": "he",
        "sent_at": "2026-03-02T09:00:00Z",
    }  # fmt: skip
    answer = client.post("/api/v1/messages", json=message, headers=auth(key))
    assert answer.status_code in (200, 201), answer.text
    message_id: str = answer.json()["id"]
    return message_id


def _mark(client: TestClient, key: str, message_id: str, **body: Any) -> dict[str, Any]:
    answer = client.post(f"/api/v1/messages/{message_id}/abuse", json=body, headers=auth(key))
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


def test_warning_then_block_then_lift_over_rest(client: TestClient, services: Services) -> None:
    shop_id, key, customer = shop_with_customer(client, services)
    reader = make_key(services, shop_id, [Scope.READ])
    # Messages the analysis reads as plain requests; the agent judges them abusive.
    first = _post_message(client, key, "M-1", PLAIN)
    second = _post_message(client, key, "M-2", "עדיין אין תשובה")

    warned = _mark(client, key, first, note="insults the agent")
    replayed = _mark(client, key, first)
    blocked = _mark(client, key, second)
    block = client.get(f"/api/v1/customers/{customer}/support-block", headers=auth(reader))

    assert (warned["outcome"], warned["drafts_reply"]) == ("warned", True)
    assert warned["notice"]["direction"] == "rtl"
    assert warned["notice"]["text"].startswith("אנחנו רוצים לעזור לך")
    assert replayed == warned
    assert (blocked["outcome"], blocked["drafts_reply"]) == ("blocked", False)
    assert blocked["notice"]["notice"] == "block"
    assert block.json()["blocked"] is True
    found = client.get(f"/api/v1/customers/{customer}/support-incidents", headers=auth(reader))
    assert [(i["kind"], i["flag"], i["note"]) for i in found.json()] == [
        ("block", "abusive", ""), ("warning", "abusive", "insults the agent"),
    ]  # fmt: skip
    assert found.json()[1]["evidence"] == PLAIN

    lift_url = f"/api/v1/customers/{customer}/support-block/lift"
    lifted = client.post(lift_url, json={"note": "spoke on the phone"}, headers=auth(key))
    assert lifted.status_code == 200, lifted.text
    assert (lifted.json()["kind"], lifted.json()["note"]) == ("lift", "spoke on the phone")
    again = client.post(lift_url, json={"note": "twice"}, headers=auth(key))
    assert again.status_code == 409
    assert again.headers["content-type"].startswith("application/problem+json")
    block = client.get(f"/api/v1/customers/{customer}/support-block", headers=auth(reader))
    assert (block.json()["blocked"], block.json()["warnings"]) == (False, 0)


def test_bad_requests_are_named(client: TestClient, services: Services) -> None:
    shop_id, key, customer = shop_with_customer(client, services)
    reader = make_key(services, shop_id, [Scope.READ])
    message = _post_message(client, key, "M-1", HEBREW_INSULT)
    lift_url = f"/api/v1/customers/{customer}/support-block/lift"
    nobody = "0190a6f0-0000-7000-8000-000000000000"

    no_note = client.post(lift_url, json={"note": "  "}, headers=auth(key))
    extra = client.post(lift_url, json={"note": "x", "force": True}, headers=auth(key))
    read_only = client.post(lift_url, json={"note": "x"}, headers=auth(reader))
    unknown = client.post(f"/api/v1/customers/{nobody}/support-block/lift", json={"note": "x"},
                          headers=auth(key))  # fmt: skip
    no_message = client.post(f"/api/v1/messages/{nobody}/abuse", json={}, headers=auth(key))
    mark_read_only = client.post(f"/api/v1/messages/{message}/abuse", json={},
                                 headers=auth(reader))  # fmt: skip
    list_unknown = client.get(f"/api/v1/customers/{nobody}/support-incidents",
                              headers=auth(reader))  # fmt: skip

    assert no_note.status_code == 422
    assert no_note.json()["errors"][0]["location"] == "body.note"
    assert extra.status_code == 422
    assert (read_only.status_code, mark_read_only.status_code) == (403, 403)
    assert (unknown.status_code, no_message.status_code, list_unknown.status_code) == (
        404, 404, 404,
    )  # fmt: skip
    assert no_message.json()["detail"] == f"no message {nobody} in this shop"


def test_another_shop_sees_nothing(client: TestClient, services: Services) -> None:
    _, key, customer = shop_with_customer(client, services)
    message = _post_message(client, key, "M-1", HEBREW_INSULT)
    _mark(client, key, message)
    _, other = make_shop(services, slug="toinen")

    assert client.post(f"/api/v1/messages/{message}/abuse", json={},
                       headers=auth(other)).status_code == 404  # fmt: skip
    assert client.get(f"/api/v1/customers/{customer}/support-incidents",
                      headers=auth(other)).status_code == 404  # fmt: skip


def test_lift_block_on_the_command_line(
    client: TestClient,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, key, customer = shop_with_customer(client, services)
    for n in (1, 2):
        _mark(client, key, _post_message(client, key, f"M-{n}", HEBREW_INSULT))
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", services.settings.database_url)
    shop = ["support", "lift-block", "--shop", "kauppa"]

    assert run([*shop, "--customer", str(customer), "--note", "apologised in writing"]) == 0
    assert capsys.readouterr().out.split()[1:] == ["block", "lifted", str(customer)]
    assert run([*shop, "--customer", str(customer), "--note", "again"]) == 2
    assert "not blocked" in capsys.readouterr().err
    assert run([*shop, "--note", "which one?"]) == 2
    assert "give --customer ID, --contact E-MAIL/PHONE or --ticket ID" in capsys.readouterr().err
    assert run(["support", "incidents", "--shop", "kauppa", "--customer", str(customer)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[2] for line in lines] == ["lift", "block", "warning"]
    assert lines[0].endswith("apologised in writing")


def test_a_tickets_sender_block_is_lifted_over_rest(client: TestClient, services: Services) -> None:
    _, key, _ = shop_with_customer(client, services)
    for n in (1, 2):
        _mark(client, key, _post_message(client, key, f"M-{n}", HEBREW_INSULT))
    ticket = client.get("/api/v1/tickets", headers=auth(key)).json()[0]
    url = f"/api/v1/tickets/{ticket['id']}/support-block/lift"

    lifted = client.post(url, json={"note": "wrong person"}, headers=auth(key))
    again = client.post(url, json={"note": "wrong person"}, headers=auth(key))

    assert lifted.status_code == 200, lifted.text
    assert (lifted.json()["customer_id"], lifted.json()["kind"]) == (ticket["customer_id"], "lift")
    assert again.status_code == 409
    detail = client.get(f"/api/v1/tickets/{ticket['id']}", headers=auth(key)).json()
    assert "abuse_warning" in detail["tags"]
    assert "blocked" not in detail["tags"]  # the sender may be answered again
