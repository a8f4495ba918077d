"""The model file: heads and thresholds survive a save and a load."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from goodbuyer.support.triage.heads import Head, blend
from goodbuyer.support.triage.model import TriageModel, load_model, save_model


def test_heads_and_thresholds_survive_a_round_trip(tmp_path: Path) -> None:
    head = Head(("no", "yes"), np.ones((3, 2), dtype=np.float32), np.zeros(2, dtype=np.float32))
    model = TriageModel(np.ones(3, dtype=np.float32), {"abusive": head}, {"abusive": 0.4})
    path = tmp_path / "model.npz"

    save_model(model, path)
    found = load_model(path)

    assert found.heads["abusive"].classes == ("no", "yes")
    assert found.thresholds == {"abusive": 0.4}
    assert found.threshold("abusive") == 0.4
    assert found.threshold("threat_legal") == 0.5


def test_a_blended_head_keeps_its_partner_and_weight_through_a_round_trip(tmp_path: Path) -> None:
    own = Head(("a", "b"), np.ones((3, 2), dtype=np.float32), np.zeros(2, dtype=np.float32))
    partner = Head(("a", "b"), np.eye(3, 2, dtype=np.float32), np.ones(2, dtype=np.float32))
    model = TriageModel(np.ones(3, dtype=np.float32), {"intent": blend(own, partner, 0.4)})
    path = tmp_path / "model.npz"

    save_model(model, path)
    found = load_model(path).heads["intent"]

    assert found.mix == 0.4
    assert found.partner is not None
    assert np.array_equal(found.partner.weights, partner.weights)
    assert np.array_equal(found.partner.bias, partner.bias)


def test_the_packaged_model_has_every_head_it_is_read_with() -> None:
    assert set(load_model().heads) >= {
        "intent", "angry", "unit", "threat_review", "threat_legal", "threat_chargeback", "abusive",
    }  # fmt: skip
