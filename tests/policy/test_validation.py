"""Policy texts checked line by line: syntax, shape, conditions, rule parameters, lists."""

from __future__ import annotations

import pytest

from goodbuyer.policy.lines import Problem, join_where, split_where
from goodbuyer.policy.loading import default_policy_text, parse_policy, validate_text

BROKEN = """\
format: 1
currency: EUR
thresholds:
  big: 100
  bad: "x"
known_good: customer.delivered >= thresholds.big && nope.x
segments:
  vip:
    when: customer.net_value >= thresholds.big
    reason: "{customer.nett} is a lot"
    colour: gold
  Bad-Name:
    when: "true"
    reason: x
rules:
  - name: fine
    when: order.payment == "cod"
    outcome: confirm
    reason: "cod"
  - name: typo
    wen: order.total > 1
    reason: "x"
  - name: broken_condition
    when: order.totl > 1
    reason: "x"
  - name: fine
    reason: "again"
    when: "true"
  - name: segments_rule
    kind: segment
    params: {segments: [vip, nobody]}
    reason: d
  - name: too_fast
    kind: velocity
    params: {key: mars}
    reason: "{velocity.phone_24h}"
lists:
  block: {phone: ["040 123 4567"], postcode: ["hu:1051"], address: ["Main st 1"]}
"""


def test_the_default_policy_has_no_problems() -> None:
    assert validate_text(default_policy_text()) == []
    assert parse_policy(default_policy_text()).rules[0].name == "block_list"


def test_every_problem_is_reported_with_its_line() -> None:
    found = [(p.line, p.where) for p in validate_text(BROKEN)]
    assert found == [
        (5, "thresholds.bad"),
        (6, "known_good"),
        (10, "segments.vip.reason"),
        (11, "segments.vip.colour"),
        (12, "segments.Bad-Name"),
        (21, "rules[1].wen"),
        (24, "rules[2].when"),
        (26, "rules[3]"),
        (31, "rules[4].params.segments"),
        (35, "rules[5].params"),
        (38, "lists.block.phone[0]"),
        (38, "lists.block.address[0]"),
        (38, "lists.block.postcode[0]"),
    ]


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("thresholds.bad", "valid number"),
        ("known_good", "unknown name 'nope'"),
        ("segments.vip.reason", "unknown feature 'customer.nett'"),
        ("segments.vip.colour", "unknown key 'colour'; known: when, reason"),
        ("segments.Bad-Name", "use lower-case letters"),
        ("rules[1].wen", "unknown key 'wen'; did you mean 'when'?"),
        ("rules[2].when", "unknown feature 'order.totl'"),
        ("rules[3]", "rule 'fine' appears twice"),
        ("rules[4].params.segments", "no segment 'nobody'"),
        ("rules[5].params", "key must be one of person, phone, email, address"),
        ("lists.block.phone[0]", "is not a phone number"),
        ("lists.block.address[0]", "building key"),
        ("lists.block.postcode[0]", "write 'hu:1051' as 'HU:1051'"),
    ],
)
def test_each_message_says_what_is_wrong(where: str, words: str) -> None:
    messages = {p.where: p.message for p in validate_text(BROKEN)}
    assert words in messages[where]


def test_a_yaml_syntax_error_names_its_line() -> None:
    text = "format: 1\nthresholds: {a: 1\nknown_good: 'true'\n"
    [problem] = validate_text(text)
    assert (problem.line, problem.where) == (3, "yaml")
    assert "expected ',' or '}'" in problem.message


def test_a_duplicate_key_names_the_second_line() -> None:
    [problem] = validate_text("format: 1\nknown_good: 'true'\nformat: 1\n")
    assert (problem.line, problem.where) == (3, "yaml")
    assert "duplicate key" in problem.message


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "just words\n"], ids=["empty", "list", "str"])
def test_a_document_that_is_not_a_mapping(text: str) -> None:
    assert validate_text(text) == [
        Problem(1, "document", "a policy is a mapping of sections (format: 1, ...)")
    ]


def test_a_missing_required_key_points_at_its_item() -> None:
    text = "format: 1\nknown_good: 'true'\nrules:\n  - name: a\n    when: 'true'\n"
    assert validate_text(text) == [Problem(4, "rules[0].reason", "`reason` is required here")]


def test_a_missing_known_good_points_at_the_document() -> None:
    assert validate_text("format: 1\n") == [
        Problem(1, "known_good", "`known_good` is required here")
    ]


def test_a_multi_line_condition_points_at_its_key() -> None:
    text = "format: 1\nknown_good: >-\n  customer.delivered >= 1\n  && customer.nope == 0\n"
    [problem] = validate_text(text)
    assert (problem.line, problem.where) == (2, "known_good")
    assert "customer.nope" in problem.message


def test_a_cel_syntax_error_is_short() -> None:
    text = "format: 1\nknown_good: 'customer.orders > &&'\n"
    [problem] = validate_text(text)
    assert problem.line == 2
    assert "Syntax error" in problem.message
    assert "expecting" not in problem.message


def test_comparable_list_values_pass() -> None:
    text = default_policy_text().replace(
        "block: {phone: [], email: [], address: [], customer: [], postcode: []}",
        "block: {phone: ['+358401234567'], email: ['ainov@gmail.com'], "
        "address: ['FI|00100|mannerheimintie|12'], postcode: ['HU:1051'], "
        "customer: ['0190a000-0000-7000-8000-000000000001']}",
    )
    assert "+358401234567" in text
    assert validate_text(text) == []


@pytest.mark.parametrize(
    ("where", "path"),
    [
        ("rules[2].when", ("rules", 2, "when")),
        ("segments.vip.reason", ("segments", "vip", "reason")),
        ("known_good", ("known_good",)),
        ("lists.block.phone[0]", ("lists", "block", "phone", 0)),
    ],
)
def test_paths_read_and_write_alike(where: str, path: tuple[str | int, ...]) -> None:
    assert split_where(where) == path
    assert join_where(path) == where


def test_arithmetic_mixing_ints_and_doubles_is_caught_before_any_order() -> None:
    text = default_policy_text().replace(
        "when: customer.worn_returns >= 2", "when: customer.worn_returns * 0.5 >= 1"
    )
    [problem] = validate_text(text)
    assert problem.where == "segments.wardrober.when"
    assert text.splitlines()[problem.line - 1].strip().startswith("when: customer.worn_returns")
    assert "No such overload" in problem.message
