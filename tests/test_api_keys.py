"""API keys: scopes, management by admins, revocation, the short-lived cache."""

from __future__ import annotations

from fastapi.testclient import TestClient

from goodbuyer.shops.key_cache import KeyCache
from goodbuyer.shops.schemas import Principal
from goodbuyer.shops.scopes import Scope
from goodbuyer.web.deps import Services
from tests.factories import auth, make_key, make_shop, order_payload


def test_admin_issues_lists_and_revokes_keys(client: TestClient, services: Services) -> None:
    shop_id, _writer = make_shop(services)
    admin = make_key(services, shop_id, [Scope.ADMIN])

    issued = client.post(
        "/api/v1/keys", json={"name": "sync", "scopes": ["write"]}, headers=auth(admin)
    )
    new_key = issued.json()["secret"]
    before = client.post("/api/v1/orders", json=order_payload(), headers=auth(new_key))
    revoked = client.delete(f"/api/v1/keys/{issued.json()['id']}", headers=auth(admin))
    after = client.post("/api/v1/orders", json=order_payload("2"), headers=auth(new_key))
    listing = client.get("/api/v1/keys", headers=auth(admin)).json()

    assert (issued.status_code, before.status_code, revoked.status_code) == (201, 201, 204)
    assert after.status_code == 401
    assert after.json()["detail"] == "this API key was revoked"
    assert [(k["name"], k["revoked_at"] is not None) for k in listing] == [
        ("test", False),
        ("extra", False),
        ("sync", True),
    ]
    assert "secret" not in listing[0]


def test_a_write_key_cannot_manage_keys(client: TestClient, services: Services) -> None:
    _, writer = make_shop(services)

    response = client.post(
        "/api/v1/keys", json={"name": "x", "scopes": ["admin"]}, headers=auth(writer)
    )

    assert response.status_code == 403


def test_cache_expires_evicts_and_is_bounded() -> None:
    now = [0.0]
    cache = KeyCache(ttl=10, size=2, clock=lambda: now[0])
    principal = Principal(
        shop_id="01a20261-a366-7000-94ed-2b47e59afac7",
        key_id="01a20261-a366-7000-94ed-2b47e59afac8",
        key_name="k",
        scopes=["read"],
    )

    cache.put("a", principal)
    hit = cache.get("a")
    now[0] = 11
    expired = cache.get("a")
    cache.put("a", principal)
    cache.put("b", principal)
    cache.put("c", principal)

    assert (hit, expired) == (principal, None)
    assert (cache.get("a"), cache.get("c")) == (None, principal)
    cache.forget_key(principal.key_id)
    assert cache.get("c") is None
