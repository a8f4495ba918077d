"""Profanity in the detected language only (glin-profanity; never all languages at once,
which flags one clean English request in five)."""

from __future__ import annotations

import threading
from typing import Any

_NAMES = {
    "en": "english", "fi": "finnish", "hu": "hungarian", "cs": "czech", "ar": "arabic",
    "de": "german", "es": "spanish", "fr": "french", "pt": "portuguese", "pl": "polish",
    "it": "italian", "nl": "dutch", "tr": "turkish",
}  # fmt: skip
_lock = threading.Lock()
_filters: dict[str, Any] = {}


def has_profanity(text: str, lang: str) -> bool:
    """True when `text` holds a word of `lang`'s list (Hebrew has no list: always False)."""
    name = _NAMES.get(lang)
    if name is None:
        return False
    with _lock:
        found = _filters.get(name)
        if found is None:
            from glin_profanity import Filter  # type: ignore[import-untyped]

            found = Filter({"languages": [name], "detect_leetspeak": True})
            _filters[name] = found
        return bool(found.is_profane(text))
