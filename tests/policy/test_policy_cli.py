"""`goodbuyer policy|lists` and `customers snooze|unsnooze` against the configured database."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from goodbuyer.cli import run
from goodbuyer.policy.loading import default_policy_text
from goodbuyer.web.deps import Services
from tests.factories import make_shop
from tests.policy.shoppers import shop_with_customer


def test_default_and_validate_a_file_need_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["policy", "default"]) == 0
    assert capsys.readouterr().out == default_policy_text()
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(default_policy_text(), encoding="utf-8")
    bad.write_text("format: 1\nknown_good: customer.nope > 1\nrules:\n  - name: x\n",
                   encoding="utf-8")  # fmt: skip
    assert run(["policy", "validate", str(good)]) == 0
    assert "no problems" in capsys.readouterr().out
    assert run(["policy", "validate", str(bad)]) == 1
    first, second = capsys.readouterr().err.splitlines()
    assert first.startswith(f"{bad}:2: known_good: unknown feature 'customer.nope'; customer has:")
    assert second == f"{bad}:4: rules[0].reason: `reason` is required here"


def test_the_version_workflow(
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_shop(services)
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", services.settings.database_url)
    edited = tmp_path / "policy.yaml"
    edited.write_text(default_policy_text().replace("return_rate: 0.5 ", "return_rate: 0.6 "),
                      encoding="utf-8")  # fmt: skip
    assert run(["policy", "history", "--shop", "kauppa"]) == 0
    assert capsys.readouterr().out.split()[:2] == ["1", "active"]
    assert run(["policy", "draft", "--shop", "kauppa", str(edited), "--note", "fewer"]) == 0
    assert capsys.readouterr().out == "version 2: validated\n"
    assert run(["policy", "validate", "--version", "2", "--shop", "kauppa"]) == 0
    assert run(["policy", "activate", "--shop", "kauppa", "2"]) == 0
    assert capsys.readouterr().out.endswith("version 2 is active\n")
    assert run(["policy", "show", "--shop", "kauppa"]) == 0
    shown = capsys.readouterr()
    assert (shown.out, shown.err) == (edited.read_text(encoding="utf-8"), "# version 2, active\n")
    assert run(["policy", "diff", "--shop", "kauppa", "1", "2"]) == 0
    assert "+  return_rate: 0.6" in capsys.readouterr().out
    assert run(["policy", "show", "--shop", "kauppa", "--version", "1"]) == 0
    assert capsys.readouterr().out == default_policy_text()
    assert run(["policy", "activate", "--shop", "kauppa", "1"]) == 2
    assert "retired" in capsys.readouterr().err


def test_an_invalid_draft_is_stored_and_exits_1(
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_shop(services)
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", services.settings.database_url)
    broken = tmp_path / "broken.yaml"
    broken.write_text(default_policy_text().replace("score: 100", "score: lots"), "utf-8")
    assert run(["policy", "draft", "--shop", "kauppa", str(broken)]) == 1
    out = capsys.readouterr()
    assert out.out == "version 2: draft\n"
    assert out.err.startswith(f"{broken}:")
    assert "rules[0].score: Input should be a valid number" in out.err
    assert run(["policy", "validate", "--version", "2", "--shop", "kauppa"]) == 1
    assert "version 2:" in capsys.readouterr().err


def test_lists_and_snoozes(
    client: TestClient,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, _, customer = shop_with_customer(client, services)
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", services.settings.database_url)
    shop = ["--shop", "kauppa"]
    assert run(["lists", "add", *shop, "block", "phone", "040 123 4567", "--country", "FI",
                "--reason", "three refusals"]) == 0  # fmt: skip
    entry_id, kind, subject, value = capsys.readouterr().out.split()
    assert (kind, subject, value) == ("block", "phone", "+358401234567")
    assert run(["lists", "show", *shop]) == 0
    assert "three refusals" in capsys.readouterr().out
    assert run(["lists", "remove", *shop, entry_id]) == 0
    assert run(["lists", "show", *shop]) == 0
    assert capsys.readouterr().out == "removed block phone +358401234567\n"
    assert run(["customers", "snooze", str(customer), "ghost_contact", "--until", "2030-01-01",
                "--note", "real person, called her"]) == 0  # fmt: skip
    assert "ghost_contact snoozed until 2030-01-01 00:00 UTC" in capsys.readouterr().out
    assert run(["customers", "snooze", str(customer), "nope", "--until", "2030-01-01",
                "--note", "x"]) == 2  # fmt: skip
    assert "no rule 'nope'" in capsys.readouterr().err
    assert run(["customers", "unsnooze", str(customer), "ghost_contact"]) == 0
    assert capsys.readouterr().out == "ghost_contact: 1 snooze(s) lifted\n"
    assert run(["customers", "unsnooze", str(customer), "ghost_contact"]) == 2
