from __future__ import annotations

import pytest
from pydantic import ValidationError

from goodbuyer.policy.loading import default_policy_text, validate_text
from goodbuyer.policy.replies import RepliesPolicy
from goodbuyer.support.replies import KIND_VARIABLES, check_template, validate_templates
from goodbuyer.support.replies.validation import shipped_problems, template_problems
from goodbuyer.support.replies.variables import (
    RESOLUTION_KINDS,
    VARIABLES,
    allowed_variables,
    template_kind,
)


def test_the_shipped_templates_of_every_language_are_valid() -> None:
    assert shipped_problems() == []


@pytest.mark.parametrize(
    ("key", "variable"),
    [("polite_decline", "refund_amount"), ("send_tracking", "credit_code"),
     ("refund", "fee_amount"), ("reship", "credit_amount"), ("escalate", "refund_amount"),
     ("cancel_subscription", "refund_amount"), ("discount_request.polite_decline", "credit_code"),
     ("public", "first_name"), ("public", "order_number"), ("greeting", "refund_amount")],
)  # fmt: skip
def test_the_allow_table_blocks_a_promise_the_resolution_does_not_give(
    key: str, variable: str
) -> None:
    problems = check_template(key, f"We give you {{{{ {variable} }}}}.")

    assert len(problems) == 1
    assert f"uses {variable!r}" in problems[0]
    assert "may not promise" in problems[0]


@pytest.mark.parametrize(
    ("key", "variable"),
    [("refund", "refund_amount"), ("keep_item_refund", "refund_amount"),
     ("store_credit", "credit_code"), ("cancel_to_return", "fee_amount"),
     ("reship.goodwill", "credit_code"), ("cancel_subscription.goodwill", "refund_amount"),
     ("not_received.open_carrier_claim", "tracking_number"), ("public", "shop_name")],
)  # fmt: skip
def test_what_the_resolution_fills_may_be_named(key: str, variable: str) -> None:
    assert check_template(key, f"{{{{ {variable} }}}}") == []


def test_the_allow_table_covers_every_kind_with_reply_variables_only() -> None:
    assert set(KIND_VARIABLES) == set(RESOLUTION_KINDS)
    for kind in RESOLUTION_KINDS:
        assert allowed_variables(kind) <= set(VARIABLES)
        assert "fee_amount" not in allowed_variables(kind) or kind == "cancel_to_return"


@pytest.mark.parametrize(
    ("source", "problem"),
    [("{{ refund_amount }", "syntax error on line 1"),
     ("Hi {{ nimi }}", "unknown variable 'nimi'"),
     ("{{ shop_name.__class__ }}", "attribute access is not allowed"),
     ("{{ shop_name['x'] }}", "item access is not allowed"),
     ("{% include 'other' %}", "{% include %} is not allowed"),
     ("{{ lipsum() }}", "a call is not allowed"),
     ("{{ refund_amount|frobnicate }}", "No filter named 'frobnicate'")],
)  # fmt: skip
def test_a_broken_template_is_named(source: str, problem: str) -> None:
    problems = check_template("refund", source)

    assert any(problem in p for p in problems), problems


def test_an_unknown_key_is_named() -> None:
    assert check_template("refund_double", "x") == [
        "unknown template key 'refund_double'; see the reply guide for the keys"
    ]
    assert template_kind("not_received.refund.goodwill") == ("refund", True)
    assert template_kind("bogus_intent.refund") is None


def test_a_public_reply_longer_than_a_post_is_refused() -> None:
    problems = check_template("public", "Sorry! " * 40 + "{{ shop_name }}")

    assert problems == [
        "a public reply is at most 280 characters; this one is 308 with a 28-character shop name"
    ]


def test_the_policy_section_fails_naming_language_key_and_variable() -> None:
    with pytest.raises(ValidationError) as raised:
        RepliesPolicy(templates={"fi": {"polite_decline": "Palautamme {{ refund_amount }}.",
                                        "greeting": "Hei {{ etunimi }},"}})  # fmt: skip

    errors = raised.value.errors()
    assert [e["loc"] for e in errors] == [("templates", "fi", "polite_decline"),
                                          ("templates", "fi", "greeting")]  # fmt: skip
    assert "'refund_amount'" in errors[0]["msg"]
    assert "'etunimi'" in errors[1]["msg"]


def test_validate_templates_lists_every_problem_with_its_place() -> None:
    policy = RepliesPolicy.model_construct(
        official_channel="",
        templates={"nl": {"refund": "{{ fee_amount }}"}, "EN": {}, "sv": {"greeting": "Hej"}},
    )

    problems = validate_templates(policy)

    assert problems[0].startswith("replies.templates.nl.refund: uses 'fee_amount'")
    assert problems[1] == "replies.templates.EN: not a language code like 'fi' or 'pt'"
    assert problems[2].startswith("replies.templates.sv: a language without shipped templates "
                                  "needs them all; missing: subject, closing, public")  # fmt: skip


def test_a_complete_new_language_is_accepted() -> None:
    english = {k: v for k, v in _english().items() if "." not in k}

    assert template_problems({"sv": english}) == []


def test_policy_validate_reports_each_template_problem_on_its_line() -> None:
    text = default_policy_text() + (
        "replies:\n"
        "  templates:\n"
        "    de:\n"
        "      refund: 'Wir erstatten {{ refund_amount }}.'\n"
        "      polite_decline: 'Hier ist ein Gutschein: {{ credit_code }}'\n"
    )
    last = len(text.splitlines())

    problems = validate_text(text)

    assert [(p.line, p.where) for p in problems] == [(last, "replies.templates.de.polite_decline")]
    assert "'credit_code'" in problems[0].message


def _english() -> dict[str, str]:
    from goodbuyer.support.replies.catalog import shipped

    return dict(shipped("en"))
