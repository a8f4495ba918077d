"""Record linkage on hand-made tables: blocking, levels, EM, clustering, linking."""

from __future__ import annotations

import numpy as np
import pytest

from goodbuyer.identity import linkage as gl
from goodbuyer.identity.linkage_em import connected_components

VOCABULARY = 200
KEEP = {"a": 0.9, "b": 0.8, "c": 0.7, "d": 0.95}  # chance that a copy keeps the value


Table = dict[str, list[str | None]]


def _people(count: int, rng: np.random.Generator, vocabulary: int = VOCABULARY) -> Table:
    return {c: [f"{c}{k}" for k in rng.integers(0, vocabulary, count)] for c in KEEP}


def _copy(table: Table, rng: np.random.Generator, vocabulary: int = VOCABULARY) -> Table:
    """Each value kept with its column's chance, else replaced by a random one."""
    out: Table = {}
    for column, values in table.items():
        fresh = rng.integers(0, vocabulary, len(values))
        kept = rng.random(len(values)) < KEEP[column]
        out[column] = [
            v if k else f"{column}{f}" for v, k, f in zip(values, kept, fresh, strict=True)
        ]
    return out


def test_block_gives_exactly_the_pairs_that_agree_on_a_rule() -> None:
    # given
    table = {
        "a": ["x", "x", "y", "x", ""],
        "b": ["1", "2", "2", "2", "2"],
        "c": ["p", "q", "q", None, "q"],
    }
    # when
    left, right = gl.block([("a",), ("b", "c")], gl.columns_of(table))
    # then: a=x joins 0,1,3; b,c=2,q joins 1,2,4; a missing or c missing never joins
    assert sorted(zip(left.tolist(), right.tolist(), strict=True)) == [
        (0, 1), (0, 3), (1, 2), (1, 3), (1, 4), (2, 4),
    ]  # fmt: skip


def test_block_between_two_tables_pairs_one_record_of_each() -> None:
    one = gl.columns_of({"a": ["x", "y", "x", None]})
    other = gl.columns_of({"a": ["y", "x", "z", "x"]})
    left, right = gl.block([("a",)], one, other)
    assert sorted(zip(left.tolist(), right.tolist(), strict=True)) == [
        (0, 1), (0, 3), (1, 0), (2, 1), (2, 3),
    ]  # fmt: skip


BUILDERS = {
    "exact": (gl.exact("v"), "ab12", "ab13", 2),
    "identifier": (gl.identifier("v"), "007 123", "7123", 1),
    "jaro_winkler": (gl.jaro_winkler("v"), "martha", "marhta", 2),
    "levenshtein": (gl.levenshtein("v", (1, 2), transpositions=True), "4011", "4101", 2),
    "date typo": (gl.date("v", "%Y%m%d"), "19810512", "19810513", 2),
    "date swapped": (gl.date("v", "%Y%m%d"), "19810512", "19811205", 3),
    "date years": (gl.date("v", "%Y%m%d"), "19810512", "19850101", 6),
    "name near": (gl.name("v"), "jonathan", "jonathon", 2),
    "name words": (gl.name("v"), "anna maria kovacs", "kovacs anna", 4),
    "email user": (gl.email("v"), "ann.lee@x.org", "ann.lee@y.com", 2),
    "postcode district": (gl.postcode("v"), "tq13 8df", "tq13 9aa", 3),
}


@pytest.mark.parametrize(("comparison", "one", "other", "level"), BUILDERS.values(), ids=BUILDERS)
def test_every_comparison_says_missing_same_and_its_level(
    comparison: gl.LinkComparison, one: str, other: str, level: int
) -> None:
    # given: pairs (one, one), (one, other), (one, missing)
    left = gl.columns_of({"v": [one, one, one]})
    right = gl.columns_of({"v": [one, other, ""]})
    pairs = np.arange(3), np.arange(3)
    features = [gl.features_of(comparison, left, right)]
    # when
    levels = gl.comparison_vectors([comparison], features, *pairs)[:, 0].tolist()
    # then
    assert levels == [1, level, 0]
    assert comparison.levels[0].label.endswith("missing")


def test_em_recovers_m_and_u_of_a_table_made_with_known_ones() -> None:
    # given: 2000 people, each twice, the copy keeping each value with a known chance
    rng = np.random.default_rng(7)
    people = _people(2000, rng)
    copies = _copy(people, rng)
    table = {c: people[c] + copies[c] for c in KEEP}
    linkage = gl.Linkage([gl.exact(c) for c in KEEP], table, rules=[("a",), ("b",)])
    # when
    linkage.estimate_u(max_pairs=200_000, seed=1, min_count=10**9)
    linkage.estimate_m(("a",))
    linkage.estimate_m(("b",))
    # then: same value for a match: kept, or replaced by the same one by chance
    for index, (column, keep) in enumerate(KEEP.items()):
        assert linkage.m[index][1] == pytest.approx(keep + (1 - keep) / VOCABULARY, abs=0.03)
        assert linkage.u[index][1] == pytest.approx(1 / VOCABULARY, rel=0.15), column
    assert linkage.prior == pytest.approx(2000 / linkage.pair_count, rel=0.2)


def test_clusters_join_pairs_transitively() -> None:
    labels = connected_components(6, np.array([0, 4, 1]), np.array([1, 5, 2]))
    assert labels.tolist() == [0, 0, 0, 3, 4, 4]


def test_dedupe_clusters_records_linked_through_a_third() -> None:
    # given: 0-1 and 1-2 agree on much, 0 and 2 only through 1
    table = {
        "a": ["x", "x", "y", "q", "r"],
        "b": ["1", "1", "1", "2", "3"],
        "c": ["k", "m", "m", "n", "o"],
    }
    linkage = gl.Linkage([gl.exact(c) for c in "abc"], table, rules=[("a",), ("c",)])
    linkage.m = [np.array([0.0, 0.9, 0.1])] * 3
    linkage.u = [np.array([0.0, 0.01, 0.99])] * 3
    linkage.prior = 0.01
    # when
    clusters = linkage.cluster(0.5)
    # then
    assert clusters.tolist() == [0, 0, 0, 3, 4]
    assert linkage.explain(linkage.predict(0.5), 0) == {
        "a": "same a",
        "b": "same b",
        "c": "different c",
    }


def test_two_tables_link_each_person_to_their_copy() -> None:
    # given: 300 people and their copies in another table, shuffled
    rng = np.random.default_rng(3)
    people = _people(300, rng, 5000)
    order = rng.permutation(300)
    copies = {c: [v[i] for i in order] for c, v in _copy(people, rng, 5000).items()}
    rules = [("a",), ("b",), ("c",), ("d",)]
    linkage = gl.Linkage([gl.exact(c) for c in KEEP], people, copies, rules=rules)
    linkage.estimate_u(max_pairs=50_000, seed=2)
    for rule in rules[:2]:
        linkage.estimate_m(rule)
    # when
    links = linkage.predict(0.5)
    # then: nearly every person found, no one linked to a stranger
    found = set(zip(links.left.tolist(), links.right.tolist(), strict=True))
    truth = {(int(person), copy) for copy, person in enumerate(order)}
    assert found <= truth
    assert len(found) >= 0.97 * len(truth)
