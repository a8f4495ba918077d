"""The learned model without a database: its columns, a training that gives the same
model every time, a split by time, calibration, explanations and the stored form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from goodbuyer.risk.features import VOCABULARY, Features
from goodbuyer.risk.model import (
    CATEGORICAL,
    FIXED_COLUMNS,
    Columns,
    LearnedModel,
    categories,
    choose_levels,
    fixed_row,
)
from goodbuyer.risk.model_fit import Examples, NotTrainable, fit, platt, split
from goodbuyer.risk.model_metrics import at_threshold, auc, deciles, evaluate

_T0 = datetime(2025, 1, 1, tzinfo=UTC)


def _features(rng: np.random.Generator) -> tuple[Features, float]:
    """An order whose chance of failing grows with its ghost score and earlier refusals."""
    ghost = float(rng.random())
    refused = int(rng.integers(0, 3))
    features: Features = {name: 0 for name, (kind, _) in VOCABULARY.items() if kind is int}
    features |= {
        "order.payment": "cod", "order.country": str(rng.choice(["FI", "SE", "EE"])),
        "order.currency": "EUR", "ghost.score": ghost, "customer.refused": refused,
        "ghost.signals": ("phone_invalid",) if ghost > 0.7 else (), "history.flags": (),
        "order.total": int(rng.integers(1000, 20000)),
    }  # fmt: skip
    chance = 1 / (1 + np.exp(-(6 * ghost + refused - 5)))
    return features, float(rng.random() < chance)


def _examples(n: int, seed: int = 3) -> tuple[Examples, list[Features]]:
    rng = np.random.default_rng(seed)
    made = [_features(rng) for _ in range(n)]
    placed = [_T0 + timedelta(hours=i) for i in range(n)]
    fixed = np.array([fixed_row(f) for f, _ in made])
    examples = Examples(fixed, [categories(f) for f, _ in made], np.array([y for _, y in made]),
                        placed, [p + timedelta(hours=2) for p in placed])  # fmt: skip
    return examples, [f for f, _ in made]


def test_columns_leave_out_policy_dependent_features_and_spread_lists() -> None:
    bases = {name.split("=", 1)[0] for name in FIXED_COLUMNS}

    assert bases.isdisjoint({"customer.segments", "customer.snoozed", "model.rto_risk",
                             "model.return_risk"})  # fmt: skip
    assert set(CATEGORICAL).isdisjoint(bases)
    assert "ghost.signals=phone_invalid" in FIXED_COLUMNS
    assert "history.flags=refused_household" in FIXED_COLUMNS
    assert "lists.block=phone" in FIXED_COLUMNS
    assert bases | set(CATEGORICAL) == set(VOCABULARY) - {
        "customer.segments",
        "customer.snoozed",
        "model.rto_risk",
        "model.return_risk",
    }


def test_categorical_levels_come_from_training_and_unknown_levels_get_no_column() -> None:
    levels = choose_levels([("cod", "FI", "EUR")] * 12 + [("card", "SE", "SEK")] * 3)
    columns = Columns.with_levels(levels)
    row = columns.row({"order.payment": "cod", "order.country": "NO", "order.currency": "EUR"})

    assert levels == {"order.payment": ("cod",), "order.country": ("FI",),
                      "order.currency": ("EUR",)}  # fmt: skip
    assert columns.names[-3:] == ("order.payment=cod", "order.country=FI", "order.currency=EUR")
    assert row[0, -3:].tolist() == [1.0, 0.0, 1.0]
    assert np.isnan(row[0, FIXED_COLUMNS.index("order.total")])


def test_training_is_deterministic() -> None:
    examples, _ = _examples(600)

    first, second = fit("rto_risk", examples, 50), fit("rto_risk", examples, 50)

    assert first.model.dumps() == second.model.dumps()
    assert first.metrics == second.metrics


def test_the_split_is_by_time_and_training_outcomes_are_known_before_the_hold_out() -> None:
    examples, _ = _examples(100)
    late = examples.known.copy()
    late[75] = examples.placed[95]  # #75's outcome became known after the hold-out began
    examples = Examples(examples.fixed, examples.cats, examples.labels, examples.placed, late)

    train, calibrate, held_out = split(examples)

    assert (len(train), len(calibrate), len(held_out)) == (79, 10, 10)
    assert max(train.placed) < min(calibrate.placed) <= max(calibrate.placed) < min(held_out.placed)
    assert examples.placed[75] not in train.placed


def test_a_fitted_model_ranks_and_is_calibrated_on_the_hold_out() -> None:
    examples, _ = _examples(3000)

    fitted = fit("rto_risk", examples, 50)

    held = fitted.metrics["held_out"]
    assert held["orders"] == 300
    assert held["auc"] > 0.75
    assert held["brier"] < held["base_rate"] * (1 - held["base_rate"])  # beats the base rate
    assert len(held["deciles"]) == 10
    assert set(held["thresholds"]) == {"0.3", "0.5"}


@pytest.mark.parametrize(
    ("n", "labels", "message"),
    [(40, None, "40 labelled orders; the policy asks for at least 50"),
     (100, 0.0, "every labelled order has the same outcome")],
    ids=["too-few", "single-class"],
)  # fmt: skip
def test_refuses_to_train_without_enough_history(
    n: int, labels: float | None, message: str
) -> None:
    examples, _ = _examples(n)
    if labels is not None:
        examples.labels[:] = labels

    with pytest.raises(NotTrainable, match=message):
        fit("rto_risk", examples, 50)


def test_explain_gives_the_top_five_features_summing_towards_the_raw_score() -> None:
    examples, made = _examples(1500)
    model = fit("rto_risk", examples, 50).model
    risky = made[0] | {"ghost.score": 0.99, "customer.refused": 2}

    found = model.explain(risky)

    raw = model.raw_scores(model.columns.row(risky))[0]
    assert found.raw_probability == pytest.approx(1 / (1 + np.exp(-raw)))
    assert found.probability == pytest.approx(model.calibrate(np.array([raw]))[0])
    assert len(found.contributions) == 5
    assert next(iter(found.contributions)) == "ghost.score"
    assert found.contributions["ghost.score"]["name"] == VOCABULARY["ghost.score"][1]
    assert found.contributions["ghost.score"]["value"] == 0.99
    assert found.contributions["ghost.score"]["contribution"] > 0


def test_the_stored_form_predicts_the_same() -> None:
    examples, made = _examples(800)
    model = fit("return_risk", examples, 50).model

    loaded = LearnedModel.loads("return_risk", *model.dumps())

    x = model.columns.matrix(examples.fixed, examples.cats)
    assert np.array_equal(loaded.probabilities(x), model.probabilities(x))
    assert loaded.explain(made[5]) == model.explain(made[5])


def test_platt_recovers_a_known_calibration() -> None:
    rng = np.random.default_rng(1)
    raw = rng.normal(0, 2, 20000)
    y = (rng.random(20000) < 1 / (1 + np.exp(-(0.5 * raw - 1)))).astype(float)

    a, b = platt(raw, y)

    assert (round(a, 1), round(b, 1)) == (0.5, -1.0)


def test_metrics_on_a_small_known_case() -> None:
    y = np.array([0, 0, 1, 1, 0, 1], dtype=float)
    p = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.9])

    assert auc(y, p) == pytest.approx(7 / 9)
    assert at_threshold(y, p, 0.5) == {"flagged": 2, "precision": 1.0, "recall": 0.6667}
    assert at_threshold(y, p, 0.3) == {"flagged": 5, "precision": 0.6, "recall": 1.0}
    assert [d["orders"] for d in deciles(y, p)] == [1] * 6
    assert evaluate(y, p)["base_rate"] == 0.5
