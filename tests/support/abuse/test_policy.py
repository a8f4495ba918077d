"""The policy's `abuse:` section: its defaults, and every wrong value named with its line."""

from __future__ import annotations

import pytest

from goodbuyer.policy.abuse import FLAGS, LANGUAGES, AbusePolicy, text_problem
from goodbuyer.policy.loading import default_policy_text, parse_policy, validate_text
from goodbuyer.support.triage import labels


def _with_abuse(section: str) -> str:
    """The default policy with its `abuse:` section replaced."""
    head = default_policy_text().split("\nabuse:\n", 1)[0]
    return head + "\n" + section


def test_the_default_policy_holds_the_documented_defaults() -> None:
    abuse = parse_policy(default_policy_text()).abuse

    assert abuse == AbusePolicy()
    assert (abuse.warnings_before_block, abuse.window_days, abuse.evidence_chars) == (1, 30, 280)
    assert abuse.routes == {
        "threat_legal": ("legal",),
        "threat_review": ("communications",),
        "threat_chargeback": ("payments",),
    }
    assert not abuse.official_channel.given


def test_the_flags_and_languages_are_the_analysis_own() -> None:
    assert FLAGS == labels.FLAGS
    assert LANGUAGES == labels.LANGUAGES


@pytest.mark.parametrize(
    ("section", "line", "where", "message"),
    [
        ("abuse:\n  window_days: 0\n", 2, "abuse.window_days", "greater than or equal to 1"),
        (
            "abuse:\n  routes:\n    threat_lawyer: [legal]\n",
            2,
            "abuse.routes",
            "'threat_lawyer' is not a flag",
        ),
        (
            "abuse:\n  routes:\n    threat_legal: [Legal Team]\n",
            2,
            "abuse.routes",
            "route 'Legal Team' of threat_legal",
        ),
        (
            "abuse:\n  official_channel:\n    email: legal-at-shop\n",
            3,
            "abuse.official_channel.email",
            "'legal-at-shop' is not an e-mail address",
        ),
        (
            "abuse:\n  official_channel:\n    url: shop.example/contact\n",
            3,
            "abuse.official_channel.url",
            "is not a web address",
        ),
        (
            "abuse:\n  end_after_abusive_messages: 1\n",
            1,
            "abuse",
            "use 2 or more",
        ),
        (
            'abuse:\n  texts:\n    fi: {block: "Tuki on päättynyt."}\n',
            2,
            "abuse.texts",
            "fi.block: a block notice must name the official channel",
        ),
        (
            'abuse:\n  texts:\n    fi: {warning: "Hei {name}!"}\n',
            2,
            "abuse.texts",
            "fi.warning: unknown variable {name}",
        ),
        (
            'abuse:\n  texts:\n    sv: {warning: "Hej"}\n',
            2,
            "abuse.texts",
            "'sv' is not a language",
        ),
    ],
    ids=[
        "window", "unknown-flag", "route-name", "email", "url", "end-too-early",
        "block-without-channel", "unknown-variable", "unknown-language",
    ],
)  # fmt: skip
def test_a_wrong_value_is_named_with_its_line(
    section: str, line: int, where: str, message: str
) -> None:
    text = _with_abuse(section)
    offset = text.count("\n", 0, text.index("\nabuse:\n") + 1)  # lines before `abuse:`

    problems = validate_text(text)

    assert len(problems) == 1, problems
    assert (problems[0].line - offset, problems[0].where) == (line, where)
    assert message in problems[0].message


def test_a_shops_own_wording_is_accepted() -> None:
    text = _with_abuse(
        "abuse:\n"
        "  official_channel: {email: asiakaspalvelu@kauppa.fi}\n"
        "  texts:\n"
        '    fi: {warning: "Ole hyvä ja pysy asiallisena.", '
        'block: "Tuki päättyi. Kirjoita: {official_channel}"}\n'
    )

    assert validate_text(text) == []
    assert parse_policy(text).abuse.texts["fi"]["warning"] == "Ole hyvä ja pysy asiallisena."


@pytest.mark.parametrize(
    ("notice", "text", "problem"),
    [
        ("warning", "  ", "the text is empty"),
        ("warning", "Hei {official_channel", "unbalanced braces"),
        ("apology", "Sorry", "unknown notice 'apology'; notices: warning, block, ended"),
        ("block", "Write to {official_channel}.", None),
        ("warning", "Please be kind.", None),
    ],
)
def test_text_problem(notice: str, text: str, problem: str | None) -> None:
    assert text_problem(notice, text) == problem
