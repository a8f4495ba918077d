"""Every string of the confirmation page in the 14 languages of MISSION, with each
language's date and money conventions; one JSON file per language under `page_texts/`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files
from typing import Any

LANGUAGES = ("en", "fi", "hu", "cs", "he", "ar", "de", "es", "fr", "pt", "pl", "it", "nl", "tr")
FALLBACK = "en"
# Locale data in the files that is not a sentence shown as such.
FORMAT_KEYS = frozenset({"language_name", "months", "date", "decimal", "group", "money"})


class PageTexts(Mapping[str, str]):
    """One language's strings; `fill(key, **values)` puts the order's facts in."""

    def __init__(self, language: str, data: dict[str, Any]) -> None:
        self.language = language
        self._data = data

    def __getitem__(self, key: str) -> str:
        value = self._data[key]
        if not isinstance(value, str):
            raise KeyError(key)
        return value

    def __iter__(self) -> Any:
        return (k for k, v in self._data.items() if isinstance(v, str))

    def __len__(self) -> int:
        return sum(isinstance(v, str) for v in self._data.values())

    def fill(self, key: str, **values: object) -> str:
        return self[key].format(**values)

    @property
    def months(self) -> list[str]:
        months: list[str] = self._data["months"]
        return months


@cache
def _load(language: str) -> dict[str, Any]:
    raw = (
        files("goodbuyer.confirmations")
        .joinpath("page_texts", f"{language}.json")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(raw)
    return data


def texts_for(language: str) -> PageTexts:
    """The page's strings in `language` (a tag like "pt-BR" is read as "pt"); English for
    a language the page does not speak."""
    code = pick_language(language, ())
    return PageTexts(code, _load(code))


def pick_language(wanted: str | None, others: Iterable[str]) -> str:
    """The first of `wanted`, then `others`, that the page speaks; else English."""
    for tag in (wanted or "", *others):
        code = tag.split("-")[0].split("_")[0].strip().lower()
        if code in LANGUAGES:
            return code
    return FALLBACK


def accepted_languages(header: str | None) -> list[str]:
    """An Accept-Language header's languages, most wanted first (q=0 left out)."""
    found: list[tuple[float, int, str]] = []
    for i, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if tag and weight > 0:
            found.append((-weight, i, tag))
    return [tag for *_, tag in sorted(found)]


def language_names(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(code, the language's own name) for each code the page speaks, in order, once."""
    seen: dict[str, str] = {}
    for code in codes:
        picked = pick_language(code, ())
        if picked == code.split("-")[0].lower() and picked not in seen:
            seen[picked] = str(_load(picked)["language_name"])
    return list(seen.items())


__all__ = [
    "FALLBACK",
    "FORMAT_KEYS",
    "LANGUAGES",
    "PageTexts",
    "accepted_languages",
    "language_names",
    "pick_language",
    "texts_for",
]
