"""`goodbuyer playbook`: JSON lines of intents and facts in, resolutions out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from goodbuyer.cli import run
from goodbuyer.policy.loading import default_policy_text


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lines: list[str],
    *args: str,
) -> tuple[int, list[dict[str, object]], str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    code = run(["playbook", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


LATE = {"has_order": True, "order_number": "#1001", "order_status": "shipped", "shipped": True,
        "days_late": 8, "fault": "carrier", "order_total": 5970, "currency": "EUR",
        "payment_method": "card"}  # fmt: skip


def test_lines_are_resolved_and_bad_ones_are_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dispute = {"order_number": "#950", "amount": 5970, "currency": "EUR",
               "reason": "product_not_received", "opened_at": "2026-03-01T10:00:00Z"}  # fmt: skip
    lines = [
        json.dumps({"id": "a", "intent": "where_is_order", "facts": LATE}),
        "{not json",
        json.dumps({"id": "b", "intent": "cancel_order", "facts": LATE}),
        json.dumps({"id": "c", "intent": "where_is_order", "facts": {"fault": "somebody"}}),
        json.dumps({"id": "d", "intent": "refund_now", "facts": {}}),
        json.dumps({"id": "e", "intent": "not_received", "facts": {**LATE, "vip": True,
                                                                   "open_dispute": dispute}}),
        json.dumps({"id": "f", "intent": "general_question", "facts": {"anger": 2}}),
        "",
        json.dumps({"id": "g", "intent": "discount_request"}),
    ]  # fmt: skip

    code, rows, err = _run(monkeypatch, capsys, lines)

    assert code == 2
    assert [(r["id"], r["resolution"]["kind"]) for r in rows] == [  # type: ignore[index]
        ("a", "open_carrier_claim"), ("b", "cancel_to_return"), ("e", "escalate"),
        ("g", "polite_decline"),
    ]  # fmt: skip
    assert rows[1]["resolution"] == {  # type: ignore[comparison-overlap]
        "kind": "cancel_to_return", "entry": "cancel_after_shipping", "goodwill": False,
        "refund_amount": 5470, "credit_amount": None, "fee_amount": 500,
        "reason": rows[1]["resolution"]["reason"],  # type: ignore[index]
    }  # fmt: skip
    assert rows[2]["flag"] == (
        "open_dispute: order #950, 59.70 EUR, reason product_not_received, opened 2026-03-01"
    )
    assert err.splitlines() == [
        "line 2: not JSON: Expecting property name enclosed in double quotes at column 2",
        "line 4: facts.fault: Input should be 'store', 'carrier', 'customer', 'none' or 'unknown'",
        "line 5: unknown intent 'refund_now'; known: where_is_order, not_received, "
        "return_refund, cancel_order, change_address, wrong_item, damaged_item, "
        "discount_request, subscription_issue, confirm_order, general_question",
        "line 7: facts: unknown field(s) anger",
    ]


def test_a_policy_file_is_used_and_a_broken_one_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lenient_file = tmp_path / "lenient.yaml"
    lenient = default_policy_text().replace("late_days_for_claim: 5 ", "late_days_for_claim: 10")
    lenient_file.write_text(lenient, "utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(default_policy_text().replace("resolution: reship", "resolution: resend"),
                      "utf-8")  # fmt: skip
    on_time = {**LATE, "fault": "none"}
    line = [json.dumps({"id": "a", "intent": "where_is_order", "facts": on_time})]

    code, rows, _ = _run(monkeypatch, capsys, line, "--policy", str(lenient_file))
    bad, _, err = _run(monkeypatch, capsys, line, "--policy", str(broken))

    assert (code, rows[0]["resolution"]["entry"]) == (0, "where_in_transit")  # type: ignore[index]
    assert bad == 2
    assert "support.playbook.2.resolution: Input should be 'send_tracking'" in err
