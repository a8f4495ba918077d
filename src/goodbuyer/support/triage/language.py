"""Language identification with py3langid, restricted to the shop's candidate languages."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from py3langid.langid import (  # type: ignore[import-untyped]
    MODEL_DIR,
    MODEL_FILE,
    LanguageIdentifier,
)

from goodbuyer.support.triage.labels import LANGUAGES

# Hebrew and Arabic are the only candidates written in their scripts: a short "תודה" or
# "شكرا" is decided by its letters, which py3langid may not see enough of.
_SCRIPTS: tuple[tuple[str, int, int], ...] = (("he", 0x0590, 0x05FF), ("ar", 0x0600, 0x06FF))
_lock = threading.Lock()
_identifiers: dict[tuple[str, ...], LanguageIdentifier] = {}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    lang: str
    confidence: float


def identify_language(text: str, candidates: Sequence[str] | None = None) -> LanguageGuess:
    """The most likely language of `text` among `candidates` (the 14 by default)."""
    langs = tuple(sorted(candidates or LANGUAGES))
    by_script = _by_script(text, langs)
    if by_script is not None:
        return by_script
    if len(langs) == 1:
        return LanguageGuess(langs[0], 1.0)
    lang, prob = _identifier(langs).classify(text)
    return LanguageGuess(str(lang), round(float(prob), 4))


def _by_script(text: str, langs: tuple[str, ...]) -> LanguageGuess | None:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    for lang, low, high in _SCRIPTS:
        share = sum(low <= ord(c) <= high for c in letters) / len(letters)
        if share >= 0.5 and lang in langs:
            return LanguageGuess(lang, round(min(1.0, 0.5 + share / 2), 4))
    return None


def _identifier(langs: tuple[str, ...]) -> LanguageIdentifier:
    with _lock:
        found = _identifiers.get(langs)
        if found is None:
            found = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
            found.set_languages(list(langs))
            _identifiers[langs] = found
        return found
