"""The confirmation messages in the customer's language (pure): the texts shipped in
`texts/<language>.toml`, the shop's own overrides from its policy, and how many SMS
segments a text costs.

A text names its variables in braces ({shop} {order} {total} {link} {phone} {name}); a
part in square brackets is left out when a variable inside it is empty, so "Hello[ {name}],"
reads "Hello," for a customer without a first name.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import NamedTuple

from goodbuyer.errors import FieldError, InvalidInput

LANGUAGES = ("en", "fi", "hu", "cs", "he", "ar", "de", "es", "fr", "pt", "pl", "it", "nl", "tr")
FALLBACK = "en"
TEMPLATES = (
    "confirm_sms", "confirm_whatsapp", "confirm_email", "confirm_webhook",
    "reply_confirmed", "reply_cancelled", "reply_unknown", "reply_no_order",
)  # fmt: skip
VARIABLES = frozenset({"shop", "order", "total", "link", "phone", "name"})
SUBJECT = ".subject"  # an override of an e-mail's subject: {"confirm_email.subject": "..."}

# What one confirmation SMS may cost, in segments, with a worst-case shop name (20
# characters), order number, total and a 60-character link: languages written in GSM-7
# pay one segment (160 characters); the others need UCS-2 (70 per segment, 67 when
# split) and may use two.
SMS_SEGMENT_BUDGET = {"GSM-7": 1, "UCS-2": 2}
GSM7_LANGUAGES = frozenset({"en", "fi", "de", "es", "fr", "pt", "it", "nl"})

_GSM7 = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")  # two septets each (escape + character)
_FIELD = re.compile(r"\{([^{}]*)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*\{[^\[\]]*)\]")


class Rendered(NamedTuple):
    subject: str | None  # e-mail only
    body: str


@cache
def _builtin(language: str) -> dict[str, str]:
    """A language's shipped texts as {template: text}, an e-mail's subject under
    "<template>.subject"."""
    raw = (resources.files("goodbuyer.confirmations") / "texts" / f"{language}.toml").read_text(
        encoding="utf-8"
    )
    flat: dict[str, str] = {}
    for name, value in tomllib.loads(raw).items():
        if isinstance(value, dict):
            flat[name], flat[name + SUBJECT] = value["body"].strip(), value["subject"].strip()
        else:
            flat[name] = str(value).strip()
    return flat


def language_for(language: str | None) -> str:
    """The language we have texts in: "fi-FI" -> "fi"; an unknown one -> English."""
    short = (language or "").split("-")[0].split("_")[0].lower()
    return short if short in LANGUAGES else FALLBACK


def render(
    template: str, language: str | None, values: Mapping[str, str],
    overrides: Mapping[str, Mapping[str, str]] | None = None,
) -> Rendered:  # fmt: skip
    """The text of `template` in the customer's language with `values` filled in; the
    shop's override ({language: {template: text}}) wins over the shipped text."""
    if template not in TEMPLATES:
        raise InvalidInput(f"unknown message template {template!r}",
                           [FieldError("template", f"one of {', '.join(TEMPLATES)}")])  # fmt: skip
    lang = language_for(language)
    own = (overrides or {}).get(lang, {})
    shipped = _builtin(lang)
    body = _fill(own.get(template) or shipped[template], values, lang, template)
    subject_key = template + SUBJECT
    subject_text = own.get(subject_key) or shipped.get(subject_key)
    subject = _fill(subject_text, values, lang, subject_key) if subject_text else None
    return Rendered(subject, body)


def check_text(text: str, language: str, template: str) -> None:
    """Raise InvalidInput naming the template and variable when `text` uses an unknown one."""
    for name in _FIELD.findall(text):
        if name not in VARIABLES:
            where = f"confirmation.texts.{language}.{template}"
            raise InvalidInput(
                f"the text {template!r} ({language}) uses the unknown variable {{{name}}}",
                [FieldError(where, f"unknown variable {{{name}}}; known: "
                            + ", ".join(sorted(VARIABLES)))],
            )  # fmt: skip


def _fill(text: str, values: Mapping[str, str], language: str, template: str) -> str:
    check_text(text, language, template)

    def optional(match: re.Match[str]) -> str:
        inside, _, otherwise = match.group(1).partition("|")
        empty = any(not values.get(name, "").strip() for name in _FIELD.findall(inside))
        return otherwise if empty else inside

    text = _OPTIONAL.sub(optional, text)
    filled = _FIELD.sub(lambda m: values.get(m.group(1), "").strip(), text)
    return "\n".join(" ".join(line.split()) for line in filled.strip().splitlines())


_SEPARATORS = {"en": (",", "."), "he": (",", "."), "ar": (",", "."), "de": (".", ","),
               "nl": (".", ","), "es": (".", ","), "it": (".", ","), "pt": (".", ","),
               "tr": (".", ",")}  # fmt: skip


def format_money(minor: int, currency: str, exponent: int, language: str | None) -> str:
    """An amount as the customer reads it: "1 234,56 EUR" (fi), "1,234.56 EUR" (en)."""
    thousands, decimal = _SEPARATORS.get(language_for(language), (" ", ","))
    sign, minor = ("-" if minor < 0 else ""), abs(minor)
    whole, fraction = divmod(minor, 10**exponent) if exponent else (minor, 0)
    grouped = f"{whole:,}".replace(",", thousands)
    cents = f"{decimal}{fraction:0{exponent}d}" if exponent else ""
    return f"{sign}{grouped}{cents} {currency}"


def sms_segments(text: str) -> tuple[str, int]:
    """("GSM-7" or "UCS-2", segments) as a phone network bills the text: GSM-7 holds 160
    septets (153 per part when split), UCS-2 70 UTF-16 units (67 per part)."""
    if all(c in _GSM7 or c in _GSM7_EXTENSION for c in text):
        septets = len(text) + sum(1 for c in text if c in _GSM7_EXTENSION)
        return "GSM-7", 1 if septets <= 160 else math.ceil(septets / 153)
    units = len(text.encode("utf-16-le")) // 2
    return "UCS-2", 1 if units <= 70 else math.ceil(units / 67)


__all__ = [
    "FALLBACK", "GSM7_LANGUAGES", "LANGUAGES", "SMS_SEGMENT_BUDGET", "TEMPLATES", "VARIABLES",
    "Rendered", "check_text", "format_money", "language_for", "render", "sms_segments",
]  # fmt: skip
