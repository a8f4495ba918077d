"""Checks reply templates before a policy can use them (pure): each problem names the
language, the template key and the variable or construct that is wrong.

- the key is one a template can have (`variables.template_kind`);
- the syntax parses, and nothing the sandbox forbids is used;
- every variable is a reply variable, and one the key's resolution kind can fill (the
  allow-table in `variables`): a `polite_decline` reply cannot name `refund_amount`;
- it renders with sample facts, and a public reply stays within 280 characters;
- a language the project does not ship is complete (every required key).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from goodbuyer.support.replies.catalog import shipped
from goodbuyer.support.replies.sandbox import (
    ReplyError,
    forbidden_parts,
    parse,
    render_text,
    used_variables,
)
from goodbuyer.support.replies.variables import (
    LANGUAGES,
    PUBLIC_LIMIT,
    REQUIRED_KEYS,
    VARIABLES,
    allowed_variables,
    template_kind,
)

if TYPE_CHECKING:
    from goodbuyer.policy.replies import RepliesPolicy

_LANG = re.compile(r"^[a-z]{2,3}$")
# Facts of a realistic worst-case length, to try every template with.
SAMPLE_FACTS: dict[str, object] = {
    "first_name": "Maximiliana",
    "order_number": "#100234567",
    "tracking_url": "https://track.example/parcel/JJFI64123450000012345",
    "tracking_number": "JJFI64123450000012345",
    "carrier": "Posti Parcel Service",
    "days_late": 6,
    "refund_amount": "1 234,50 €",
    "credit_amount": "25,00 €",
    "credit_code": "GOODWILL-7F3K9Q",
    "fee_amount": "7,90 €",
    "shop_name": "Northern Lights Outdoor Shop",
    "official_channel": "customer-care@northern-lights.example",
    "delivered_on": "2026. 03. 02.",
}


class TemplateProblem(NamedTuple):
    lang: str
    key: str | None  # None: the language as a whole
    message: str

    def __str__(self) -> str:
        where = f"replies.templates.{self.lang}" + (f".{self.key}" if self.key else "")
        return f"{where}: {self.message}"


def validate_templates(policy: RepliesPolicy) -> list[str]:
    """Every problem of the policy's `replies:` section (empty: it can be used)."""
    return [str(p) for p in template_problems(policy.templates)]


def template_problems(templates: Mapping[str, Mapping[str, str]]) -> list[TemplateProblem]:
    problems: list[TemplateProblem] = []
    for lang, own in templates.items():
        if not _LANG.match(lang):
            problems.append(TemplateProblem(lang, None, "not a language code like 'fi' or 'pt'"))
            continue
        for key, source in own.items():
            problems += [TemplateProblem(lang, key, p) for p in check_template(key, source)]
        missing = ", ".join(k for k in REQUIRED_KEYS if k not in own)
        if missing and not shipped(lang):
            why = f"a language without shipped templates needs them all; missing: {missing}"
            problems.append(TemplateProblem(lang, None, why))
    return problems


def check_template(key: str, source: str) -> list[str]:
    """The problems of one template (empty: it is fine)."""
    if template_kind(key) is None:
        return [f"unknown template key {key!r}; see the reply guide for the keys"]
    try:
        tree = parse(source)
    except ReplyError as e:
        return [str(e)]
    problems = [f"{what} is not allowed in a reply template" for what in forbidden_parts(tree)]
    problems += list(_variable_problems(key, used_variables(tree)))
    if problems:
        return problems
    return _trial_problems(key, source)


def _variable_problems(key: str, used: set[str]) -> Iterator[str]:
    allowed = allowed_variables(key)
    for name in sorted(used):
        if name not in VARIABLES:
            yield f"unknown variable {name!r}; reply variables: {', '.join(VARIABLES)}"
        elif name not in allowed:
            yield (
                f"uses {name!r}, which {_what(key)} cannot fill (a reply may not promise "
                f"what its resolution does not give); allowed: {', '.join(sorted(allowed))}"
            )


def _what(key: str) -> str:
    found = template_kind(key)
    if key.removesuffix(".subject") == "public":
        return "a public reply (no personal data)"
    if found is None or found[0] is None:
        return f"the {key!r} part of every reply"
    kind, goodwill = found
    return f"a {'goodwill ' if goodwill else ''}{kind!r} resolution"


def _trial_problems(key: str, source: str) -> list[str]:
    values = {name: SAMPLE_FACTS[name] for name in allowed_variables(key)}
    try:
        text = render_text(source, values, key)
    except ReplyError as e:
        return [f"does not render with sample facts: {e}"]
    if key == "public" and len(text) > PUBLIC_LIMIT:
        return [f"a public reply is at most {PUBLIC_LIMIT} characters; this one is {len(text)} "
                "with a 28-character shop name"]  # fmt: skip
    return []


def shipped_problems() -> list[str]:
    """Problems of the templates the project ships (a test keeps this empty)."""
    problems = [str(p) for p in template_problems({lang: shipped(lang) for lang in LANGUAGES})]
    for lang in LANGUAGES:
        missing = [key for key in REQUIRED_KEYS if key not in shipped(lang)]
        if missing:
            problems.append(f"templates/{lang}.toml: missing {', '.join(missing)}")
    return problems


__all__ = ["SAMPLE_FACTS", "check_template", "shipped_problems", "template_problems",
           "validate_templates"]  # fmt: skip
