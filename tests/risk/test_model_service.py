"""Training a shop's model from its stored history, keeping it, and scoring an order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from goodbuyer.cli import run
from goodbuyer.errors import NotFound
from goodbuyer.policy.document import Model, Policy
from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.risk import model_service
from goodbuyer.risk.facts import Money
from goodbuyer.risk.model_service import (
    ModelNotTrainable,
    evaluate_models,
    score,
    train_models,
)
from goodbuyer.risk.models import TrainedModel
from goodbuyer.risk.replay import replay
from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.risk.history import cod_history, store


def _policy(min_orders: int = 50) -> Policy:
    return parse_policy(default_policy_text()).model_copy(
        update={"model": Model(min_training_orders=min_orders)}
    )


def _shop(services: Services, orders: int = 120) -> Any:
    shop_id, _ = make_shop(services)
    store(services, shop_id, cod_history(orders))
    return shop_id


def test_train_stores_an_active_model_and_retires_the_previous_one(services: Services) -> None:
    shop_id = _shop(services)

    with services.write() as session:
        first = train_models(session, shop_id, services.clock.now(), targets=["rto_risk"],
                             policy=_policy())  # fmt: skip
    with services.write() as session:
        second = train_models(session, shop_id, services.clock.now(), targets=["rto_risk"],
                              policy=_policy())  # fmt: skip

    with services.sessions() as session:
        rows = session.scalars(select(TrainedModel).order_by(TrainedModel.id)).all()
    assert [(r.id, r.active) for r in rows] == [(first[0].id, False), (second[0].id, True)]
    stored = rows[1]
    assert stored.metrics["orders"]["labelled"] == 120
    assert stored.training_orders == stored.metrics["orders"]["training"]
    assert set(stored.metrics["held_out"]) == {
        "orders",
        "base_rate",
        "auc",
        "brier",
        "log_loss",
        "deciles",
        "thresholds",
    }
    assert stored.calibration["method"] == "platt"
    assert "order.payment=cod" in stored.feature_names


def test_score_uses_the_active_model_for_cash_on_delivery_only(services: Services) -> None:
    shop_id = _shop(services)
    with services.write() as session:
        train_models(session, shop_id, services.clock.now(), targets=["rto_risk"],
                     policy=_policy())  # fmt: skip
    with services.sessions() as session:
        replayed = list(replay(session, shop_id, Money()))
        ghost, good = replayed[-4].features, replayed[-3].features

        risky, returns, explained = score(session, shop_id, ghost)
        safe, _, _ = score(session, shop_id, good)
        by_card = score(session, shop_id, good | {"order.payment": "card"})

    assert (ghost["ghost.score"] > 0.5, good["ghost.score"] < 0.5) == (True, True)
    assert risky > 0.5 > safe
    assert returns == -1.0  # no return model trained
    assert by_card == (-1.0, -1.0, {})
    assert set(explained) == {"rto_risk"}
    assert explained["rto_risk"]["probability"] == risky
    assert len(explained["rto_risk"]["top"]) == 5


def test_evaluate_measures_the_active_model_on_its_hold_out_and_newer_orders(
    services: Services,
) -> None:
    shop_id = _shop(services)
    with services.write() as session:
        trained = train_models(session, shop_id, services.clock.now(), targets=["rto_risk"],
                               policy=_policy())  # fmt: skip
    store(services, shop_id, cod_history(140)[120:])  # 20 newer orders

    with services.sessions() as session:
        report = evaluate_models(session, shop_id, targets=["rto_risk"])

    assert report["rto_risk"]["model_id"] == str(trained[0].id)
    assert report["rto_risk"]["orders"] == trained[0].metrics["orders"]["held_out"] + 20
    with services.sessions() as session, pytest.raises(NotFound, match="no trained return_risk"):
        evaluate_models(session, shop_id, targets=["return_risk"])


def test_no_model_scores_minus_one(services: Services) -> None:
    shop_id, _ = make_shop(services)

    with services.sessions() as session:
        assert score(session, shop_id, {"order.payment": "cod"}) == (-1.0, -1.0, {})


@pytest.mark.parametrize(
    ("orders", "targets", "message"),
    [(120, ["rto_risk", "return_risk"], "every labelled order has the same outcome"),
     (40, ["rto_risk"], "40 labelled orders; the policy asks for at least 50")],
    ids=["single-class", "too-few"],
)  # fmt: skip
def test_refuses_and_stores_nothing(
    services: Services, orders: int, targets: list[str], message: str
) -> None:
    shop_id = _shop(services, orders)

    with pytest.raises(ModelNotTrainable, match=message), services.write() as session:
        train_models(session, shop_id, services.clock.now(), targets=targets, policy=_policy())

    with services.sessions() as session:
        assert session.scalars(select(TrainedModel)).all() == []


def test_a_model_trained_elsewhere_is_picked_up_after_the_cache_time(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop_id = _shop(services)
    with services.sessions() as session:
        assert score(session, shop_id, {"order.payment": "cod"})[0] == -1.0
    with services.write() as session:
        train_models(session, shop_id, services.clock.now(), targets=["rto_risk"],
                     policy=_policy())  # fmt: skip
    monkeypatch.setattr(model_service.CACHE, "ttl", 0.0)

    with services.sessions() as session:
        assert 0 <= score(session, shop_id, {"order.payment": "cod"})[0] <= 1


def test_cli_train_without_enough_orders_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    assert run(["db", "upgrade"]) == 0
    assert run(["shops", "create", "kauppa", "Kauppa", "EUR", "FI"]) == 0

    code = run(["model", "train", "--shop", "kauppa"])

    assert code == 1
    err = capsys.readouterr().err
    assert "cannot train: 0 labelled orders; the policy asks for at least 500" in err
