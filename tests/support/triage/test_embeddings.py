"""The embedder's clipping and cache, with a counting fake engine, and one real call."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt
import pytest

from goodbuyer.support.triage import embeddings
from goodbuyer.support.triage.embeddings import CACHE_SIZE, DIM, MAX_CHARS, clip, embed


class _CountingEngine:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def query(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i, hash(text) % DIM] = 1.0
        return out


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[_CountingEngine]:
    fake = _CountingEngine()
    monkeypatch.setattr(embeddings, "_model", fake)
    embeddings.clear_cache()
    yield fake
    embeddings.clear_cache()


def test_a_long_text_is_cut_and_a_blank_one_becomes_a_dot() -> None:
    assert clip("a" * (MAX_CHARS + 50)) == "a" * MAX_CHARS
    assert clip("Where is my order?") == "Where is my order?"
    assert clip("   ") == "."


def test_repeated_texts_are_embedded_once(engine: _CountingEngine) -> None:
    first = embed(["yes", "Where is my order?", "yes"])
    second = embed(["yes", "ok"])

    assert engine.calls == [["yes", "Where is my order?"], ["ok"]]
    assert np.array_equal(first[0], first[2])
    assert np.array_equal(first[0], second[0])


def test_texts_that_differ_only_after_the_cut_share_one_embedding(
    engine: _CountingEngine,
) -> None:
    head = "x" * MAX_CHARS
    embed([head + " signature one", head + " signature two"])

    assert engine.calls == [[head]]


def test_the_cache_keeps_only_the_most_recent_texts(engine: _CountingEngine) -> None:
    embed([f"message {i}" for i in range(CACHE_SIZE + 10)])
    embed(["message 0", f"message {CACHE_SIZE + 9}"])

    assert engine.calls[-1] == ["message 0"]
    assert len(embeddings._cache) == CACHE_SIZE


def test_an_empty_batch_is_an_empty_matrix(engine: _CountingEngine) -> None:
    assert embed([]).shape == (0, DIM)
    assert engine.calls == []


def test_the_real_engine_puts_translations_together() -> None:
    embeddings.clear_cache()
    vectors = embed(["Where is my parcel?", "Hol van a csomagom?", "I want a discount."])

    assert vectors.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
