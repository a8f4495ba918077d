"""A decision as the rows it is stored in (pure): one `decisions` row and one
`rule_executions` row per rule, for a Core insert (one order or a backfill's batch)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from goodbuyer.ids import new_id
from goodbuyer.risk.decide import Verdict
from goodbuyer.risk.features import Features


def decision_rows(
    shop_id: uuid.UUID, order_id: uuid.UUID, verdict: Verdict, features: Features,
    policy_version: int | None, now: datetime, contributions: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:  # fmt: skip
    """(the decision's row, its rule executions' rows), the decision's id in "id"."""
    decision_id = new_id()
    decision = {
        "id": decision_id, "shop_id": shop_id, "order_id": order_id,
        "outcome": verdict.outcome, "score": verdict.score, "policy_version": policy_version,
        "counterfactuals": list(verdict.counterfactuals), "fast_path": verdict.fast_path,
        "segments": list(verdict.segments),
        "perks": [p.model_dump(mode="json") for p in verdict.perks],
        "limits": [lim.model_dump(mode="json") for lim in verdict.limits],
        "features": {k: list(v) if isinstance(v, tuple) else v for k, v in features.items()},
        "contributions": contributions or {}, "decided_at": now,
    }  # fmt: skip
    executions = [
        {"id": new_id(), "shop_id": shop_id, "decision_id": decision_id, "rule": e.rule,
         "matched": e.matched, "score_modifier": e.score_modifier, "outcome": e.outcome,
         "reason": e.reason, "evidence": e.evidence}
        for e in verdict.executions
    ]  # fmt: skip
    return decision, executions


__all__ = ["decision_rows"]
