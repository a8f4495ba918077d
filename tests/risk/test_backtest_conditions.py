"""A condition joined by && or || at the top is memoised part by part (what makes the
backtest fast): the parts must give what the whole gives, CEL's rules on errors included."""

from __future__ import annotations

import itertools

import pytest

from goodbuyer.policy.expressions import Condition, ExpressionError, split_top_level
from goodbuyer.risk.features import VOCABULARY

NAMES = frozenset(VOCABULARY)


@pytest.mark.parametrize(
    ("source", "parts", "any_of"),
    [
        ("a && b && c", ["a", "b", "c"], False),
        ("a && b || c", ["a && b", "c"], True),
        ("(a || b) && c", ["(a || b)", "c"], False),
        ("((a && b))", ["a", "b"], False),
        ('x == "&&" && y', ['x == "&&"', "y"], False),
        ("a ? b && c : d", ["a ? b && c : d"], False),
        ("f(a && b)", ["f(a && b)"], False),
    ],
    ids=["and", "or-over-and", "brackets", "wrapped", "string", "ternary", "call"],
)
def test_split_top_level(source: str, parts: list[str], any_of: bool) -> None:
    assert split_top_level(source) == (parts, any_of)


def test_parts_agree_with_the_whole_on_every_value() -> None:
    source = ('order.payment == "cod" && customer.orders == 0 && order.value >= 100 '
              '|| customer.refused * 2 >= customer.delivered && customer.refused > 0')  # fmt: skip
    split = Condition.compile(source, NAMES)
    assert len(split.parts) == 2
    whole = Condition.compile(source, NAMES)
    whole.parts = ()
    for payment, orders, value, refused, delivered in itertools.product(
        ("cod", "card"), (0, 1), (50, 100), (0, 1, 2), (0, 3)
    ):
        f = {"order.payment": payment, "customer.orders": orders, "order.value": value,
             "customer.refused": refused, "customer.delivered": delivered}  # fmt: skip
        assert split(f) is whole(f), f


def test_a_false_part_wins_over_an_error_in_another() -> None:
    c = Condition.compile("order.total / customer.orders > 1 && customer.refused > 0", NAMES)
    assert c({"order.total": 5, "customer.orders": 0, "customer.refused": 0}) is False
    with pytest.raises(ExpressionError):
        c({"order.total": 5, "customer.orders": 0, "customer.refused": 1})
