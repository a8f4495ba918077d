"""The `goodbuyer` command as a person runs it: exit codes and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from goodbuyer.cli import run


@pytest.fixture
def migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    assert run(["db", "upgrade"]) == 0
    return tmp_path


def test_create_a_shop_and_a_key(migrated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    codes = [
        run(["shops", "create", "kauppa", "Kauppa", "EUR", "FI"]),
        run(["shops", "key", "kauppa", "--scope", "read"]),
        run(["shops", "list"]),
    ]

    out = capsys.readouterr().out.splitlines()
    assert codes == [0, 0, 0]
    assert out[1].startswith("gb_")
    assert '"slug": "kauppa"' in out[2]


def test_bad_input_exits_2_naming_the_field(
    migrated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["shops", "create", "kauppa", "Kauppa", "EURO", "FI"])

    err = capsys.readouterr().err
    assert code == 2
    assert "currency: Value error, 'EURO' is not an ISO 4217 currency code" in err
    assert "Traceback" not in err


def test_a_duplicate_shop_exits_2(migrated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["shops", "create", "kauppa", "Kauppa", "EUR", "FI"])

    code = run(["shops", "create", "kauppa", "Kauppa", "EUR", "FI"])

    assert code == 2
    assert "a shop with slug 'kauppa'" in capsys.readouterr().err


def test_key_for_an_unknown_shop_exits_2(
    migrated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["shops", "key", "nope"])

    assert code == 2
    assert "no shop with slug 'nope'" in capsys.readouterr().err


def test_an_unknown_command_is_a_usage_error(migrated: Path) -> None:
    assert run(["frobnicate"]) == 2
