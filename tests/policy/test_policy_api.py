"""The policy over REST on both databases: versions, validation problems as
problem+json with their lines, activation by an admin key, diff, lists and snoozes."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from goodbuyer.policy.loading import default_policy_text
from goodbuyer.shops.scopes import Scope
from goodbuyer.web.deps import Services
from tests.factories import auth, make_key, make_shop
from tests.policy.shoppers import shop_with_customer

EDITED = default_policy_text().replace("ghost_score: 0.6", "ghost_score: 0.7")
BROKEN = EDITED.replace("customer.refused >= 1", "customer.refusd >= 1")


def test_the_active_policy_starts_as_the_default(client: TestClient, services: Services) -> None:
    shop_id, _ = make_shop(services)
    reader = make_key(services, shop_id, [Scope.READ])
    answer = client.get("/api/v1/policy", headers=auth(reader))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["version"], body["text"]) == (1, default_policy_text())
    assert body["summary"]["rules"][:2] == ["block_list", "refused_before"]
    assert "vip" in body["summary"]["segments"]
    assert body["summary"]["list_entries"] == {"block": 0, "allow": 0}
    versions = client.get("/api/v1/policy/versions", headers=auth(reader)).json()
    assert [(v["version"], v["status"], v["created_by"]) for v in versions] == [
        (1, "active", "goodbuyer")
    ]


def test_draft_validate_activate_and_diff(client: TestClient, services: Services) -> None:
    shop_id, writer = make_shop(services)
    admin = make_key(services, shop_id, [Scope.ADMIN])
    made = client.post("/api/v1/policy/versions", json={"text": EDITED, "note": "calmer"},
                       headers=auth(writer))  # fmt: skip
    assert made.status_code == 201, made.text
    assert (made.json()["version"], made.json()["status"], made.json()["based_on"]) == (
        2, "validated", 1)  # fmt: skip
    checked = client.post("/api/v1/policy/versions/2/validate", headers=auth(writer))
    assert checked.json() == {"version": 2, "status": "validated", "problems": []}
    refused = client.post("/api/v1/policy/versions/2/activate", headers=auth(writer))
    assert refused.status_code == 403
    activated = client.post("/api/v1/policy/versions/2/activate", headers=auth(admin))
    assert (activated.status_code, activated.json()["status"]) == (200, "active")
    assert client.get("/api/v1/policy", headers=auth(writer)).json()["version"] == 2
    diff = client.get("/api/v1/policy/diff?from=1&to=2", headers=auth(writer)).json()
    assert "-  ghost_score: 0.6" in diff["diff"]
    assert "+  ghost_score: 0.7" in diff["diff"]
    shown = client.get("/api/v1/policy/versions/1", headers=auth(writer)).json()
    assert (shown["status"], shown["text"]) == ("retired", default_policy_text())
    again = client.post("/api/v1/policy/versions/1/activate", headers=auth(admin))
    assert again.status_code == 409


def test_an_invalid_text_gives_every_problem_with_its_line(
    client: TestClient, services: Services
) -> None:
    _, writer = make_shop(services)
    text = BROKEN.replace("format: 1 ", "format: 1\nflavour: mint\n", 1)
    made = client.post("/api/v1/policy/versions", json={"text": text}, headers=auth(writer))
    assert (made.status_code, made.json()["status"]) == (201, "draft")
    line = 1 + next(i for i, t in enumerate(text.splitlines()) if "customer.refusd" in t)
    assert made.json()["problems"] == [
        {"line": 4, "where": "flavour", "message": made.json()["problems"][0]["message"]},
        {"line": line - 1, "where": "segments.refuser.when",
         "message": made.json()["problems"][1]["message"]},
    ]  # fmt: skip
    answer = client.post("/api/v1/policy/versions/2/validate", headers=auth(writer))
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["title"] == "Invalid policy"
    assert [(p["line"], p["where"]) for p in body["problems"]] == [
        (4, "flavour"), (line - 1, "segments.refuser.when")]  # fmt: skip
    assert "unknown key 'flavour'" in body["problems"][0]["message"]
    assert "customer.refusd" in body["problems"][1]["message"]


def test_bad_requests(client: TestClient, services: Services) -> None:
    shop_id, writer = make_shop(services)
    reader = make_key(services, shop_id, [Scope.READ])
    both = client.post("/api/v1/policy/versions", json={"text": "x", "copy_of": "active"},
                       headers=auth(writer))  # fmt: skip
    assert both.status_code == 422
    assert client.post("/api/v1/policy/versions", json={"copy_of": "default"},
                       headers=auth(reader)).status_code == 403  # fmt: skip
    assert client.get("/api/v1/policy/versions/7", headers=auth(reader)).status_code == 404
    assert client.get("/api/v1/policy").status_code == 401


def test_list_entries(client: TestClient, services: Services) -> None:
    _, writer = make_shop(services)
    now = services.clock.now()
    expires = (now + timedelta(days=30)).isoformat()
    entry = {"kind": "block", "subject": "phone", "value": "040 123 4567", "country": "FI",
             "reason": "refused three parcels", "expires_at": expires}  # fmt: skip
    made = client.post("/api/v1/lists", json=entry, headers=auth(writer))
    assert made.status_code == 201, made.text
    assert (made.json()["value"], made.json()["added_by"]) == ("+358401234567", "api-key:test")
    assert client.post("/api/v1/lists", json=entry, headers=auth(writer)).status_code == 409
    bad = client.post("/api/v1/lists", json=entry | {"value": "12"}, headers=auth(writer))
    assert (bad.status_code, bad.json()["errors"][0]["location"]) == (422, "value")
    naive = client.post("/api/v1/lists", json=entry | {"expires_at": "2030-01-01T00:00"},
                        headers=auth(writer))  # fmt: skip
    assert naive.status_code == 422
    shown = client.get("/api/v1/lists?kind=block", headers=auth(writer)).json()
    assert [e["id"] for e in shown] == [made.json()["id"]]
    assert client.get("/api/v1/lists?kind=allow", headers=auth(writer)).json() == []
    gone = client.delete(f"/api/v1/lists/{made.json()['id']}", headers=auth(writer))
    assert gone.status_code == 204
    assert client.get("/api/v1/lists", headers=auth(writer)).json() == []
    assert client.delete(f"/api/v1/lists/{made.json()['id']}",
                         headers=auth(writer)).status_code == 404  # fmt: skip


def test_snoozes(client: TestClient, services: Services) -> None:
    _, writer, customer = shop_with_customer(client, services)
    until = (services.clock.now() + timedelta(days=3)).isoformat()
    url = f"/api/v1/customers/{customer}/snoozes"
    made = client.post(url, json={"rule": "no_house_number", "until": until,
                                  "note": "farm, no numbers"}, headers=auth(writer))  # fmt: skip
    assert made.status_code == 201, made.text
    assert made.json()["created_by"] == "api-key:test"
    unknown = client.post(url, json={"rule": "nope", "until": until, "note": "x"},
                          headers=auth(writer))  # fmt: skip
    assert (unknown.status_code, unknown.json()["errors"][0]["location"]) == (422, "rule")
    assert [s["rule"] for s in client.get(url, headers=auth(writer)).json()] == ["no_house_number"]
    lifted = client.delete(f"{url}/{made.json()['id']}", headers=auth(writer))
    assert (lifted.status_code, lifted.json()["lifted_by"]) == (200, "api-key:test")
    assert client.get(url, headers=auth(writer)).json() == []
    assert len(client.get(f"{url}?ended=true", headers=auth(writer)).json()) == 1
