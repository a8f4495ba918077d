"""`goodbuyer support ...` as a person runs it: a mailbox polled once, providers
connected, write-backs pushed; bad input exits 2 naming what is wrong."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from goodbuyer.cli import run
from tests.support.intake.conftest import PASSWORD, USER, deliver


@pytest.fixture
def migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GOODBUYER_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    assert run(["db", "upgrade"]) == 0
    assert run(["shops", "create", "kauppa", "Kauppa", "EUR", "FI"]) == 0
    return tmp_path


def test_imap_poll_once_stores_the_new_mail(
    migrated: Path, imap_port: int, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    message = EmailMessage()
    message["From"], message["Subject"], message["Message-ID"] = (
        "aino@example.fi", "Tilaus #1042", "<cli-1@example.fi>",
    )  # fmt: skip
    message.set_content("Missä tilaukseni on?")
    deliver(imap_port, "INBOX", message)
    for name, value in [("HOST", "127.0.0.1"), ("PORT", str(imap_port)), ("USERNAME", USER),
                        ("PASSWORD", PASSWORD), ("TLS", "false")]:  # fmt: skip
        monkeypatch.setenv(f"GOODBUYER_IMAP_{name}", value)

    codes = [run(["support", "imap-poll", "--shop", "kauppa", "--once"]) for _ in "ab"]

    err = capsys.readouterr().err
    assert codes == [0, 0]
    assert f"{USER}@127.0.0.1:{imap_port}/INBOX: 1 fetched: 1 stored" in err
    assert "0 fetched: 0 stored" in err


def test_imap_poll_without_a_mailbox_exits_2(
    migrated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["support", "imap-poll", "--shop", "kauppa", "--once"])

    assert code == 2
    assert "GOODBUYER_IMAP_HOST" in capsys.readouterr().err


def test_connect_gorgias_needs_a_username(
    migrated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    codes = [
        run(["support", "connect", "kauppa", "gorgias", "--secret", "k", "--domain", "kauppa"]),
        run(["support", "connect", "kauppa", "gorgias", "--secret", "k", "--domain", "kauppa",
             "--username", "agent@kauppa.fi"]),
        run(["support", "connect", "nope", "mailgun", "--secret", "k"]),
    ]  # fmt: skip

    out = capsys.readouterr().err
    assert codes == [2, 0, 2]
    assert "--username: required" in out
    assert "no shop with slug 'nope'" in out


def test_push_helpdesk_with_nothing_queued(
    migrated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["support", "push-helpdesk"]) == 0
    assert "0 pushed, 0 to retry later, 0 failed" in capsys.readouterr().err


def test_a_saved_mailbox_is_polled_without_naming_the_shop(
    migrated: Path, imap_port: int, folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    message = EmailMessage()
    message["From"], message["Subject"], message["Message-ID"] = (
        "aino@example.fi", "Tilaus #1043", "<cli-2@example.fi>",
    )  # fmt: skip
    message.set_content("Missä tilaukseni on?")
    deliver(imap_port, folder, message)
    connect = ["support", "connect", "kauppa", "imap", "--secret", PASSWORD, "--host",
               "127.0.0.1", "--port", str(imap_port), "--username", USER, "--plain",
               "--folder", folder]  # fmt: skip

    codes = [run(connect), run(["support", "imap-poll", "--once"])]

    err = capsys.readouterr().err
    assert codes == [0, 0]
    assert f"{USER}@127.0.0.1:{imap_port}/{folder}: 1 fetched: 1 stored" in err


def test_connect_imap_needs_a_host(migrated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["support", "connect", "kauppa", "imap", "--secret", "x", "--username", USER])

    assert code == 2
    assert "--host" in capsys.readouterr().err
