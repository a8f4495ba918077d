"""The learned models of a shop: train them on its replayed history, store them, measure
them again on the newest orders, and score one order with the active ones.

Targets: `rto_risk`, P(refused, returned to origin or unpaid), learned from cash-on-
delivery orders with a known outcome; `return_risk`, P(a return), learned from delivered
orders. A score is one input of the policy (`model.rto_risk > 0.4`), never the decision.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from goodbuyer.errors import Conflict, NotFound
from goodbuyer.identity.outcomes import UNSUCCESSFUL, OrderOutcome
from goodbuyer.policy import service as policies
from goodbuyer.policy.document import Policy
from goodbuyer.risk.compiled import money_of
from goodbuyer.risk.features import Value
from goodbuyer.risk.model import TARGETS, LearnedModel, categories, fixed_row
from goodbuyer.risk.model_fit import Examples, NotTrainable, fit
from goodbuyer.risk.model_metrics import evaluate
from goodbuyer.risk.models import TrainedModel
from goodbuyer.risk.replay import Replayed, replay

NO_SCORE = -1.0  # the vocabulary's value when there is no model (or no cash on delivery)
_UNKNOWN = frozenset({OrderOutcome.OPEN, OrderOutcome.CANCELLED})


@dataclass
class ModelNotTrainable(Conflict):
    """Too few labelled orders, a single outcome, or the model switched off."""


def shop_policy(session: Session, shop_id: uuid.UUID) -> Policy:
    """The shop's active policy document."""
    return policies.active_policy(session, shop_id).policy


def label(target: str, done: Replayed) -> bool | None:
    """The order's label for a target, or None when it does not count for it."""
    if target == "rto_risk":
        if done.features.get("order.payment") != "cod" or done.outcome in _UNKNOWN:
            return None
        return done.outcome in UNSUCCESSFUL
    return done.returned if done.outcome is OrderOutcome.DELIVERED_PAID else None


@dataclass
class _Collected:
    rows: list[list[float]] = field(default_factory=list)
    cats: list[tuple[str, ...]] = field(default_factory=list)
    labels: list[float] = field(default_factory=list)
    placed: list[datetime] = field(default_factory=list)
    known: list[datetime] = field(default_factory=list)

    def examples(self) -> Examples:
        width = len(self.rows[0]) if self.rows else 0
        fixed = np.array(self.rows, dtype=np.float64).reshape(len(self.rows), width)
        return Examples(fixed, self.cats, np.array(self.labels, dtype=np.float64),
                        self.placed, self.known)  # fmt: skip


def examples_of(replayed: Iterable[Replayed], targets: Sequence[str]) -> dict[str, Examples]:
    """The labelled orders of each target, oldest first, features as of their placement."""
    found = {target: _Collected() for target in targets}
    for done in replayed:
        row: list[float] | None = None
        for target, collected in found.items():
            wanted = label(target, done)
            if wanted is None:
                continue
            row = row if row is not None else fixed_row(done.features)
            placed = done.row.placed.placed_at
            collected.rows.append(row)
            collected.cats.append(categories(done.features))
            collected.labels.append(float(wanted))
            collected.placed.append(placed)
            collected.known.append(max(done.row.updated_at, placed))
    return {target: collected.examples() for target, collected in found.items()}


def train_models(
    session: Session,
    shop_id: uuid.UUID,
    now: datetime,
    *,
    targets: Sequence[str] = TARGETS,
    trained_by: str = "cli",
    policy: Policy | None = None,
) -> list[TrainedModel]:
    """Train, store and activate a model per target; the previous ones are kept, inactive.
    Nothing is stored when any target cannot be trained."""
    policy = policy or shop_policy(session, shop_id)
    if not policy.model.enabled:
        raise ModelNotTrainable("the shop's policy switches the model off (model.enabled)")
    found = examples_of(replay(session, shop_id, money_of(policy)), targets)
    try:
        fitted = {t: fit(t, found[t], policy.model.min_training_orders) for t in targets}
    except NotTrainable as e:
        raise ModelNotTrainable(str(e)) from None
    stored = []
    for target, result in fitted.items():
        session.execute(
            update(TrainedModel)
            .where(TrainedModel.shop_id == shop_id, TrainedModel.target == target)
            .values(active=False)
        )
        names, booster, calibration = result.model.dumps()
        row = TrainedModel(shop_id=shop_id, target=target, trained_at=now, trained_by=trained_by,
                           training_orders=result.training_orders, feature_names=names,
                           booster=booster, calibration=calibration, metrics=result.metrics,
                           active=True)  # fmt: skip
        session.add(row)
        stored.append(row)
    session.flush()
    CACHE.forget(shop_id)
    return stored


def active_models(session: Session, shop_id: uuid.UUID) -> dict[str, TrainedModel]:
    query = select(TrainedModel).where(TrainedModel.shop_id == shop_id, TrainedModel.active)
    return {row.target: row for row in session.scalars(query.order_by(TrainedModel.trained_at))}


def evaluate_models(
    session: Session, shop_id: uuid.UUID, *, targets: Sequence[str] = TARGETS
) -> dict[str, dict[str, Any]]:
    """The active models' figures on the orders from their hold-out on (the newest,
    never fitted on), including any that came in since training."""
    active = active_models(session, shop_id)
    missing = [t for t in targets if t not in active]
    if missing:
        raise NotFound(f"no trained {', '.join(missing)} model; run `goodbuyer model train`")
    found = examples_of(replay(session, shop_id, money_of(shop_policy(session, shop_id))), targets)
    report = {}
    for target in targets:
        row = active[target]
        model = _loaded(row)
        since = datetime.fromisoformat(row.metrics["held_out_from"])
        ex = found[target]
        keep = [i for i, placed in enumerate(ex.placed) if placed >= since]
        part = ex.take(keep)
        x = model.columns.matrix(part.fixed, part.cats)
        report[target] = evaluate(part.labels, model.probabilities(x)) | {
            "model_id": str(row.id), "since": since.isoformat(),
        }  # fmt: skip
    return report


def _loaded(row: TrainedModel) -> LearnedModel:
    return LearnedModel.loads(row.target, row.feature_names, row.booster, row.calibration)


@dataclass
class ModelCache:
    """Loaded models by id, and which ids are active per shop (re-read after `ttl`
    seconds, so a model trained by another process is picked up within that time)."""

    ttl: float = 30.0
    size: int = 256
    active: dict[uuid.UUID, tuple[float, dict[str, uuid.UUID]]] = field(default_factory=dict)
    models: dict[uuid.UUID, LearnedModel] = field(default_factory=dict)

    def active_ids(self, session: Session, shop_id: uuid.UUID) -> dict[str, uuid.UUID]:
        now = time.monotonic()
        hit = self.active.get(shop_id)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        query = select(TrainedModel.target, TrainedModel.id).where(
            TrainedModel.shop_id == shop_id, TrainedModel.active
        )
        ids: dict[str, uuid.UUID] = {}
        for target, model_id in session.execute(query.order_by(TrainedModel.trained_at)):
            ids[target] = model_id
        self.active[shop_id] = (now, ids)
        return ids

    def model(self, session: Session, model_id: uuid.UUID) -> LearnedModel:
        found = self.models.get(model_id)
        if found is None:
            row = session.get(TrainedModel, model_id)
            if row is None:
                raise NotFound(f"trained model {model_id} is gone")
            found = self.models[model_id] = _loaded(row)
            while len(self.models) > self.size:
                self.models.pop(next(iter(self.models)))
        return found

    def forget(self, shop_id: uuid.UUID) -> None:
        self.active.pop(shop_id, None)


CACHE = ModelCache()


def score(
    session: Session, shop_id: uuid.UUID, features: Mapping[str, Value]
) -> tuple[float, float, dict[str, Any]]:
    """(rto_risk, return_risk, contributions) of one order from its features (the
    vocabulary's, model.* left at anything). A score is NO_SCORE (-1) without an active
    model, and rto_risk is NO_SCORE for an order not paid cash on delivery.
    `contributions[target]` holds the calibrated and raw probability, the model id and
    the five features that moved it most ({feature: {name, value, contribution}})."""
    ids = CACHE.active_ids(session, shop_id)
    scores = {"rto_risk": NO_SCORE, "return_risk": NO_SCORE}
    explained: dict[str, Any] = {}
    for target in TARGETS:
        model_id = ids.get(target)
        if model_id is None or (target == "rto_risk" and features.get("order.payment") != "cod"):
            continue
        found = CACHE.model(session, model_id).explain(features)
        scores[target] = round(found.probability, 4)
        explained[target] = {"probability": round(found.probability, 4),
                             "raw_probability": round(found.raw_probability, 4),
                             "model_id": str(model_id), "top": found.contributions}  # fmt: skip
    return scores["rto_risk"], scores["return_risk"], explained


__all__ = [
    "CACHE", "NO_SCORE", "ModelCache", "ModelNotTrainable", "active_models", "evaluate_models",
    "examples_of", "label", "money_of", "score", "shop_policy", "train_models",
]  # fmt: skip
