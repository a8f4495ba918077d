"""`analyse`: a message in, its language, intent, flags, anger, confidences and route out.
The same function serves the API, the CLI (`goodbuyer triage`) and the evaluation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from goodbuyer.support.triage.embeddings import embed
from goodbuyer.support.triage.features import feature_matrix
from goodbuyer.support.triage.labels import FLAGS
from goodbuyer.support.triage.language import identify_language
from goodbuyer.support.triage.model import TriageModel, load_model

# Below these a person reads the message first (tuned on cross-validation of the
# training set, see docs/guides/triage.md): the intent's top probability, each flag's
# distance from its threshold (as a probability of the chosen side), and the language.
MIN_INTENT_CONFIDENCE = 0.5
MIN_FLAG_CONFIDENCE = 0.6
MIN_LANGUAGE_CONFIDENCE = 0.5
FLAG_THRESHOLD = 0.5


@dataclass(frozen=True)
class Analysis:
    lang: str
    intent: str
    flags: tuple[str, ...]
    angry: int
    confidence: dict[str, float] = field(default_factory=dict)
    route: str = "auto"  # "auto" or "human" (a confidence below its floor)
    channel: str | None = None


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
) -> list[Analysis]:
    """The analyses of many messages, embedded in one batch (the fast path)."""
    fitted = model or load_model()
    guesses = [identify_language(t, languages) for t in texts]
    features = feature_matrix(texts, embed(texts), [g.lang for g in guesses], fitted.idf)
    probs = {name: head.probabilities(features) for name, head in fitted.heads.items()}
    out: list[Analysis] = []
    for i, guess in enumerate(guesses):
        intent_p = probs["intent"][i]
        anger_p = probs["angry"][i]
        flag_p = {f: float(probs[f][i][1]) for f in FLAGS}
        confidence = {
            "lang": guess.confidence,
            "intent": round(float(intent_p.max()), 4),
            "angry": round(float(anger_p.max()), 4),
        } | {f: round(max(p, 1 - p), 4) for f, p in flag_p.items()}
        out.append(
            Analysis(
                lang=guess.lang,
                intent=fitted.heads["intent"].classes[int(np.argmax(intent_p))],
                flags=tuple(f for f in FLAGS if flag_p[f] >= FLAG_THRESHOLD),
                angry=int(fitted.heads["angry"].classes[int(np.argmax(anger_p))]),
                confidence=confidence,
                route=_route(confidence),
                channel=channels[i] if channels else None,
            )
        )
    return out


def _route(confidence: dict[str, float]) -> str:
    low = (
        confidence["intent"] < MIN_INTENT_CONFIDENCE
        or confidence["lang"] < MIN_LANGUAGE_CONFIDENCE
        or any(confidence[f] < MIN_FLAG_CONFIDENCE for f in FLAGS)
    )
    return "human" if low else "auto"
