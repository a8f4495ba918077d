"""The warning and block notices in the customer's language (pure): the texts shipped in
`abuse_texts/<language>.toml`, the shop's own wording from its policy, and the official
channel filled in safely.

The one variable, {official_channel}, is filled in a single pass (its value is never read
as a template), from the policy's e-mail, web address and postal address, one per line.
Control and bidirectional-override characters in those values are dropped; in Hebrew and
Arabic each value is isolated (U+2068 ... U+2069) so that an address written left to
right reads correctly inside right-to-left text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from goodbuyer.policy.abuse import LANGUAGES, NOTICES, OFFICIAL_CHANNEL, AbusePolicy, text_problem

FALLBACK = "en"
RTL_LANGUAGES = frozenset({"he", "ar"})
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
Notice = Literal["warning", "block", "ended"]

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_CHANNEL_PARTS = ("email", "url", "postal")


@dataclass(frozen=True)
class RenderedNotice:
    notice: Notice
    language: str  # the language the text is in (the customer's, or English)
    direction: Literal["ltr", "rtl"]
    text: str


@dataclass(frozen=True)
class _Texts:
    warning: str
    block: str
    ended: str
    channel: dict[str, str]  # email, url, postal labels; `terms` when none is given


@cache
def _shipped(language: str) -> _Texts:
    raw = (resources.files("goodbuyer.support") / "abuse_texts" / f"{language}.toml").read_text(
        encoding="utf-8"
    )
    data = tomllib.loads(raw)
    return _Texts(data["warning"].strip(), data["block"].strip(), data["ended"].strip(),
                  dict(data["channel"]))  # fmt: skip


def language_for(language: str | None) -> str:
    """The language we have notices in: "he-IL" -> "he"; an unknown one -> English."""
    short = (language or "").split("-")[0].split("_")[0].lower()
    return short if short in LANGUAGES else FALLBACK


def render_notice(notice: Notice, language: str | None, policy: AbusePolicy) -> RenderedNotice:
    """The warning, block or end notice in the customer's language, with the official channel
    filled in; the shop's wording (`abuse.texts`) wins over the shipped one."""
    if notice not in NOTICES:
        raise ValueError(f"unknown notice {notice!r}; notices: {', '.join(NOTICES)}")
    lang = language_for(language)
    shipped = _shipped(lang)
    text = policy.texts.get(lang, {}).get(notice) or getattr(shipped, notice)
    problem = text_problem(notice, text)
    if problem:  # the policy was validated; a shipped text is checked by the tests
        raise ValueError(f"{lang}.{notice}: {problem}")
    channel = official_channel_text(policy, lang)
    filled = _PLACEHOLDER.sub(lambda m: channel if m.group(1) == OFFICIAL_CHANNEL else "", text)
    return RenderedNotice(notice, lang, "rtl" if lang in RTL_LANGUAGES else "ltr", filled)


def official_channel_text(policy: AbusePolicy, language: str | None) -> str:
    """The official channel as the notice names it: "E-mail: legal@example.com", one line
    per part the policy gives; the terms' contact details when it gives none."""
    lang = language_for(language)
    labels = _shipped(lang).channel
    official = policy.official_channel
    lines = []
    for part in _CHANNEL_PARTS:
        value = clean_value(getattr(official, part))
        if value:
            lines.append(f"{labels[part]}: {_isolated(value, lang)}")
    return "\n".join(lines) if lines else labels["terms"]


def clean_value(value: str) -> str:
    """A policy value made safe to put in a message: control, format (bidi overrides,
    zero-width) characters dropped, line breaks become ", ", spaces collapsed."""
    kept = "".join(
        ", " if c in "\r\n" else c
        for c in value
        if c in "\r\n" or unicodedata.category(c) not in ("Cc", "Cf")
    )
    parts = [" ".join(p.split()) for p in kept.split(",")]
    return ", ".join(p for p in parts if p)


def _isolated(value: str, language: str) -> str:
    if language not in RTL_LANGUAGES:
        return value
    return f"{FIRST_STRONG_ISOLATE}{value}{POP_DIRECTIONAL_ISOLATE}"


__all__ = [
    "FALLBACK", "RTL_LANGUAGES", "Notice", "RenderedNotice", "clean_value", "language_for",
    "official_channel_text", "render_notice",
]  # fmt: skip
