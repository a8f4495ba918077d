"""A drafting model may rephrase a draft, never change what it says (pure): its answer is
kept only if every number, amount, URL, e-mail address and code of the template's draft is
still there, nothing of the kind is new, and it is in the draft's language. Otherwise the
template's draft stands and the draft's `note` says why."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from goodbuyer.support.replies.drafting import Draft
from goodbuyer.support.triage.language import identify_language


class DraftModelError(Exception):
    """The drafting model did not answer usefully (timeout, HTTP error, odd JSON)."""


class DraftModel(Protocol):
    name: str

    def rephrase(self, text: str, lang: str) -> str:
        """The text said again in `lang`; DraftModelError when there is no answer."""
        ...


_URL = re.compile(r"https?://[^\s<>\"')]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "1 234,50" (grouped with spaces), "12.50", "1,234.50", "3", "#1042"
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*")
_CODE = re.compile(r"\b(?=[A-Z0-9_-]*[A-Z])(?=[A-Z0-9_-]*[\d-])[A-Z0-9][A-Z0-9_-]{3,}\b")
_SYMBOL = re.compile(r"[€$£₪₺¥₹]|\b(?:Kč|zł|Ft|R\$|[A-Z]{3})\b")
_SPACES = re.compile(r"[ \u00a0\u202f]")
_TRAILING = ".,;:!?"


def facts_of(text: str) -> Counter[str]:
    """The things a rephrasing must keep: URLs, e-mail addresses, codes, numbers and
    currency symbols, each as often as it occurs."""
    found: Counter[str] = Counter()
    for pattern in (_URL, _EMAIL):
        found.update(m.rstrip(_TRAILING) for m in pattern.findall(text))
        text = pattern.sub(" ", text)
    found.update(_CODE.findall(text))
    text = _CODE.sub(" ", text)
    found.update(_SPACES.sub("", n).rstrip(_TRAILING) for n in _NUMBER.findall(text))
    found.update(_SYMBOL.findall(text))
    return found


def check_rephrasing(
    original: str, candidate: str, lang: str, identify: Callable[[str], str] | None = None
) -> str | None:
    """Why `candidate` may not replace `original` (None: it may)."""
    if not candidate.strip():
        return "the model's answer was empty"
    if len(candidate) > 2 * len(original) + 200:
        return "the model's answer was much longer than the draft"
    before, after = facts_of(original), facts_of(candidate)
    lost, added = before - after, after - before
    if lost:
        return f"the model's answer dropped {_listed(lost)}"
    if added:
        return f"the model's answer added {_listed(added)}"
    said = (identify or _language)(candidate)
    if said != lang:
        return f"the model's answer was in {said!r}, not {lang!r}"
    return None


def rephrase_draft(draft: Draft, model: DraftModel | None) -> Draft:
    """The draft with its body rephrased by `model` when the answer passes the checks;
    else the draft as it was, its `note` saying why."""
    if model is None:
        return draft
    try:
        answer = model.rephrase(draft.body, draft.lang).strip()
    except DraftModelError as e:
        return replace(draft, note=f"kept the template: {e}")
    reason = check_rephrasing(draft.body, answer, draft.lang)
    if reason is not None:
        return replace(draft, note=f"kept the template: {reason}")
    return replace(draft, body=answer, note=f"rephrased by {model.name}")


def _language(text: str) -> str:
    return identify_language(text).lang


def _listed(facts: Counter[str]) -> str:
    return ", ".join(repr(f) for f in sorted(facts))


__all__ = [
    "DraftModel", "DraftModelError", "check_rephrasing", "facts_of", "rephrase_draft",
]  # fmt: skip
