"""The reply templates (pure): those shipped in `templates/<lang>.toml` and the shop's
own from its policy, as one flat {key: source} map per language.

In a TOML file a resolution's template is a table (`[refund]` with `body` and an optional
`subject`; `[not_received.open_carrier_claim]`, `[refund.goodwill]` for variants); the
frame (`subject`, `greeting`, `closing`, `public`, the threat paragraphs) are plain keys.
Flat, a table's body is its dotted name and its subject `<name>.subject`, which is also
how the policy's `replies.templates.<lang>` names them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from goodbuyer.support.replies.variables import LANGUAGES, SUBJECT

FALLBACK = "en"


@cache
def shipped(lang: str) -> Mapping[str, str]:
    """The templates shipped for `lang` ({} for a language the project does not ship)."""
    if lang not in LANGUAGES:
        return {}
    path = resources.files("goodbuyer.support.replies") / "templates" / f"{lang}.toml"
    return flatten(tomllib.loads(path.read_text(encoding="utf-8")))


def flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """{"refund": {"body": b, "subject": s}} -> {"refund": b, "refund.subject": s}."""
    flat: dict[str, str] = {}
    for name, value in table.items():
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{prefix}{name}."))
        elif name == "body" and prefix:
            flat[prefix[:-1]] = str(value).strip()
        elif name == "subject" and prefix:
            flat[prefix[:-1] + SUBJECT] = str(value).strip()
        else:
            flat[prefix + name] = str(value).strip()
    return flat


def templates_for(lang: str, own: Mapping[str, Mapping[str, str]]) -> tuple[str, dict[str, str]]:
    """(the language used, its templates): the shop's own over the shipped ones; English
    when neither has any in `lang`."""
    if not shipped(lang) and lang not in own:
        lang = FALLBACK
    merged = dict(shipped(lang))
    merged.update({k: v.strip() for k, v in own.get(lang, {}).items()})
    return lang, merged


__all__ = ["FALLBACK", "flatten", "shipped", "templates_for"]
