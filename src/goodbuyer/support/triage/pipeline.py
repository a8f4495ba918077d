"""`analyse`: a message in, its language, intent, flags, anger, confidences and route out.
The same function serves the API, the CLI (`goodbuyer triage`) and the evaluation.

The intent is read threat-blind (`threat_blind`): from the message without its threat and
abuse clauses. Flags and anger are read from the whole message. One embedding call per
batch covers both texts; when nothing is taken out they are the same text, embedded once,
and the intent's features are the whole message's without its profanity and cue bits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

from goodbuyer.support.triage.embeddings import DIM, embed
from goodbuyer.support.triage.features import N_TEXT, feature_matrix
from goodbuyer.support.triage.heads import Matrix
from goodbuyer.support.triage.labels import FLAGS
from goodbuyer.support.triage.language import LanguageGuess, identify_language
from goodbuyer.support.triage.model import TriageModel, load_model
from goodbuyer.support.triage.threat_blind import Stripped, strip_with_model

# Below these a person reads the message first: the intent's top probability, each flag's
# probability of the chosen side, and the language (see docs/guides/triage.md).
MIN_INTENT_CONFIDENCE = 0.5
MIN_FLAG_CONFIDENCE = 0.6
MIN_LANGUAGE_CONFIDENCE = 0.5

Embedder = Callable[[Sequence[str]], npt.NDArray[np.float32]]


@dataclass(frozen=True)
class Analysis:
    lang: str
    intent: str
    flags: tuple[str, ...]
    angry: int
    confidence: dict[str, float] = field(default_factory=dict)
    route: str = "auto"  # "auto" or "human" (a confidence below its floor)
    channel: str | None = None


@dataclass(frozen=True)
class Scores:
    """The raw outputs of a batch: every head's class probabilities, row per message."""

    guesses: list[LanguageGuess]
    stripped: list[Stripped]
    probabilities: dict[str, npt.NDArray[np.float64]]


def analyse(
    text: str,
    channel: str | None = None,
    languages: Sequence[str] | None = None,
    model: TriageModel | None = None,
) -> Analysis:
    """The analysis of one message; `languages` narrows language id to the shop's."""
    return analyse_batch([text], [channel], languages, model)[0]


def analyse_batch(
    texts: Sequence[str],
    channels: Sequence[str | None] | None = None,
    languages: Sequence[str] | None = None,
    model: TriageModel | None = None,
    embedder: Embedder = embed,
) -> list[Analysis]:
    """The analyses of many messages, embedded in one batch (the fast path)."""
    if not texts:
        return []
    fitted = model or load_model()
    scores = score_batch(texts, languages, fitted, embedder)
    return [
        _analysis(scores, i, fitted, channels[i] if channels else None) for i in range(len(texts))
    ]


def score_batch(
    texts: Sequence[str],
    languages: Sequence[str] | None,
    model: TriageModel,
    embedder: Embedder = embed,
) -> Scores:
    """Language, threat-blind text and every head's probabilities for a batch."""
    guesses = [identify_language(t, languages) for t in texts]
    langs = [g.lang for g in guesses]
    stripped = strip_with_model(texts, langs, model)
    unique = list(dict.fromkeys([*(s.full for s in stripped), *(s.text for s in stripped)]))
    vectors = embedder(unique)
    row = {t: i for i, t in enumerate(unique)}
    whole = [s.full for s in stripped]
    blind = [s.text for s in stripped]
    x_whole = feature_matrix(whole, vectors[[row[t] for t in whole]], langs, model.idf)
    x_blind = _blind_features(x_whole, stripped, vectors[[row[t] for t in blind]], model)
    probabilities = {
        name: head.probabilities(x_blind if name == "intent" else x_whole)
        for name, head in model.heads.items()
        if name in ("intent", "angry", *FLAGS)
    }
    return Scores(guesses, stripped, probabilities)


def _blind_features(
    x_whole: Matrix,
    stripped: Sequence[Stripped],
    vectors: npt.NDArray[np.float32],
    model: TriageModel,
) -> Matrix:
    """The intent's features: the threat-blind text without profanity and cue bits. Where
    nothing was taken out that is the whole message's row with those bits cleared."""
    kept = x_whole.copy()
    kept.data[kept.indices >= N_TEXT + DIM] = 0.0
    kept.eliminate_zeros()
    changed = [i for i, s in enumerate(stripped) if s.text != s.full]
    if not changed:
        return kept
    texts = [stripped[i].text for i in changed]
    fresh = feature_matrix(texts, vectors[changed], None, model.idf)
    order = np.arange(len(stripped))
    order[changed] = len(stripped) + np.arange(len(changed))
    return sparse.vstack([kept, fresh], format="csr")[order]


def _analysis(scores: Scores, i: int, model: TriageModel, channel: str | None) -> Analysis:
    intent_p = scores.probabilities["intent"][i]
    anger_p = scores.probabilities["angry"][i]
    flag_p = {f: float(scores.probabilities[f][i][1]) for f in FLAGS}
    flags = tuple(f for f in FLAGS if flag_p[f] >= model.threshold(f))
    confidence = {
        "lang": scores.guesses[i].confidence,
        "intent": round(float(intent_p.max()), 4),
        "angry": round(float(anger_p.max()), 4),
    } | {f: round(_side(p, model.threshold(f)), 4) for f, p in flag_p.items()}
    return Analysis(
        lang=scores.guesses[i].lang,
        intent=model.heads["intent"].classes[int(np.argmax(intent_p))],
        flags=flags,
        angry=int(model.heads["angry"].classes[int(np.argmax(anger_p))]),
        confidence=confidence,
        route=_route(confidence),
        channel=channel,
    )


def _side(p: float, threshold: float) -> float:
    """The confidence of the side chosen at `threshold`, as a probability: 0.5 exactly at
    the threshold, 1.0 at 0 or 1 (linear on each side; plain max(p, 1 - p) at 0.5)."""
    if p >= threshold:
        return 0.5 + 0.5 * (p - threshold) / (1.0 - threshold)
    return 0.5 + 0.5 * (threshold - p) / threshold


def _route(confidence: dict[str, float]) -> str:
    low = (
        confidence["intent"] < MIN_INTENT_CONFIDENCE
        or confidence["lang"] < MIN_LANGUAGE_CONFIDENCE
        or any(confidence[f] < MIN_FLAG_CONFIDENCE for f in FLAGS)
    )
    return "human" if low else "auto"
