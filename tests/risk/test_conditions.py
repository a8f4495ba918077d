"""CEL conditions: checked names, memoised results, clear errors; rule kinds' params."""

from __future__ import annotations

import pytest

from goodbuyer.policy.document import Rule
from goodbuyer.policy.expressions import Condition, ExpressionError, render
from goodbuyer.risk.features import VOCABULARY
from goodbuyer.risk.rules import RuleError, built_in_test

NAMES = frozenset(VOCABULARY)


def test_a_condition_reads_only_the_features_it_names() -> None:
    c = Condition.compile('order.payment == "cod" && customer.refused >= thresholds.n', NAMES,
                          {"n": 1})  # fmt: skip
    assert c.paths == ("order.payment", "customer.refused")
    assert c({"order.payment": "cod", "customer.refused": 1})
    assert not c({"order.payment": "card", "customer.refused": 3})
    assert not c({"order.payment": "cod", "customer.refused": 0})


def test_results_are_memoised_on_the_values_read() -> None:
    c = Condition.compile("customer.orders > 2", NAMES)
    assert c({"customer.orders": 3, "order.total": 1})
    assert c({"customer.orders": 3, "order.total": 2})
    assert len(c.cache) == 1


def test_lists_and_macros() -> None:
    c = Condition.compile('ghost.signals.exists(s, s == "name_mash") || "vip" in customer.segments',
                          NAMES)  # fmt: skip
    assert c({"ghost.signals": ("name_mash",), "customer.segments": ()})
    assert c({"ghost.signals": (), "customer.segments": ("vip",)})
    assert not c({"ghost.signals": ("phone_invalid",), "customer.segments": ("loyal",)})


def test_strings_do_not_count_as_names() -> None:
    c = Condition.compile('order.country == "customer.refused"', NAMES)
    assert c.paths == ("order.country",)


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("order.payment ==", "Syntax error"),
        ("customer.refusals >= 1", "unknown feature 'customer.refusals'"),
        ("orders.total > 1", "unknown name 'orders'"),
        ("customer >= 1", "needs a field"),
        ("customer.orders > thresholds.nope", "unknown threshold 'nope'"),
    ],
)
def test_bad_conditions_say_what_is_wrong(source: str, says: str) -> None:
    with pytest.raises(ExpressionError, match=says):
        Condition.compile(source, NAMES)


def test_a_condition_must_give_true_or_false() -> None:
    c = Condition.compile("order.total + 1", NAMES)
    with pytest.raises(ExpressionError, match="not true/false"):
        c({"order.total": 1})


def test_type_errors_at_run_time_are_expression_errors() -> None:
    c = Condition.compile('order.total > "a"', NAMES)
    with pytest.raises(ExpressionError):
        c({"order.total": 1})


def test_reason_templates_fill_features_and_thresholds() -> None:
    features = {"customer.refused": 2, "history.flags": ("refused", "unpaid")}
    text = render("{customer.refused} refused; flags {history.flags}; limit {thresholds.x}",
                  features, {"x": 3})  # fmt: skip
    assert text == "2 refused; flags refused, unpaid; limit 3"


def _rule(kind: str, **params: object) -> Rule:
    return Rule(name="r", kind=kind, params=params, reason="x")  # type: ignore[arg-type]


def test_velocity_counts_against_its_limit() -> None:
    test = built_in_test(_rule("velocity", key="phone", window="24h", count=3))
    assert test is not None
    assert test({"velocity.phone_24h": 3})[0]
    assert not test({"velocity.phone_24h": 2})[0]


@pytest.mark.parametrize(
    ("kind", "params", "says"),
    [
        ("velocity", {"key": "fax"}, "key must be one of"),
        ("velocity", {"key": "phone", "window": "1h"}, "window for phone"),
        ("velocity", {"count": "many"}, "count must be a number"),
        ("list_hit", {"subjects": ["fax"]}, "unknown fax"),
        ("model_score", {"model": "magic"}, "model must be one of"),
        ("segment", {}, "at least one segment"),
        ("ghost_signal", {"colour": 1}, "unknown parameter"),
    ],
)
def test_rule_kinds_check_their_params(kind: str, params: dict[str, object], says: str) -> None:
    with pytest.raises(RuleError, match=says):
        built_in_test(_rule(kind, **params))


def test_money_fields_show_minor_units_as_money() -> None:
    text = render("worth {order.value|money} over {thresholds.x|money}; {order.items|money}",
                  {"order.value": 35963, "order.items": 2}, {"x": 100000}, "EUR")  # fmt: skip
    assert text == "worth 359.63 EUR over 1,000.00 EUR; 0.02 EUR"
