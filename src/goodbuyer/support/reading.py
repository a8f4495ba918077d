"""Reading messages for a shop: the triage analysis narrowed to the shop's languages, and
the version of the model that read them (kept with every stored analysis)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

from goodbuyer.support.triage.labels import LANGUAGES
from goodbuyer.support.triage.model import model_path
from goodbuyer.support.triage.pipeline import Analysis, analyse_batch


def shop_languages(languages: Sequence[str]) -> list[str] | None:
    """The shop's languages that triage knows; None (all 14) when it names none of them."""
    known = [lang for lang in languages if lang in LANGUAGES]
    return known or None


def read_messages(
    texts: Sequence[str], channels: Sequence[str | None], languages: Sequence[str]
) -> list[Analysis]:
    """One analysis per text, embedded in one batch."""
    return analyse_batch(texts, channels, shop_languages(languages))


@cache
def model_version() -> str:
    """A short digest of the packaged model file: which model read a message."""
    digest = hashlib.sha256(model_path().read_bytes()).hexdigest()
    return f"triage-{digest[:12]}"


__all__ = ["model_version", "read_messages", "shop_languages"]
