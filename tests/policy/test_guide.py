"""The policy guide stays true to the code: every feature, section, rule kind and default
rule is in it."""

from __future__ import annotations

import re
from pathlib import Path

from goodbuyer.policy.document import LimitKind, PerkKind, Policy, RuleKind
from goodbuyer.policy.loading import default_policy_text, parse_policy
from goodbuyer.risk.features import VOCABULARY

GUIDE = (Path(__file__).parents[2] / "docs" / "guides" / "policy.md").read_text("utf-8")


def _table_names(first_column: str) -> list[str]:
    """The names in the first column of the table whose header starts with it."""
    block = GUIDE.split(f"\n| {first_column} |", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", block, re.M)


def test_the_guide_lists_every_feature_in_the_vocabulary_order() -> None:
    assert _table_names("feature") == list(VOCABULARY)


def test_the_guide_explains_every_section_kind_and_default_rule() -> None:
    policy = parse_policy(default_policy_text())
    for section in Policy.model_fields:
        assert f"\n{section}:" in GUIDE or f"\n{section}: " in GUIDE, section
    assert _table_names("kind") == [k.value for k in RuleKind]
    assert _table_names("rule") == [r.name for r in policy.rules]
    assert _table_names("segment") == list(policy.segments)
    assert _table_names("threshold") == list(policy.thresholds)
    for kind in [*PerkKind, *LimitKind]:
        assert f"`{kind.value}`" in GUIDE, kind
