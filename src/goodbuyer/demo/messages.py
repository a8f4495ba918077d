"""Messages in the customer's language: a customer's e-mail or chat line, an agent's reply,
a survey comment, a return note; chosen among several native wordings each time."""

from __future__ import annotations

import random

from goodbuyer.demo.texts import TEXTS

LONG_FORM = frozenset({"email", "web", "helpdesk"})  # channels with a greeting and a name
AGENTS = {
    "ar": ("Mona", "Omar", "Yasmin"), "cs": ("Petra", "Tomáš"), "de": ("Jonas", "Lena"),
    "en": ("Sam", "Priya", "Chris"), "es": ("Lucía", "Javier"), "fi": ("Laura", "Mikko"),
    "fr": ("Camille", "Karim"), "he": ("Noa", "Itai"), "hu": ("Eszter", "Bence"),
}  # fmt: skip
NOTES = {
    "threat": "Threat recorded ({kinds}). Routed to legal and communications; resolution unchanged (same as without the threat).",  # noqa: E501
    "warning": "Abusive language: first warning sent, per zero-tolerance policy.",
    "blocked": "Abuse continued after the warning: customer blocked; further contact through official channels only.",  # noqa: E501
    "chargeback": "Customer has an open chargeback on this order and asks for a resend: flagged.",
}


class Facts(dict[str, str]):
    """Template values; a template naming a fact we do not have gets an empty string."""

    def __missing__(self, key: str) -> str:
        return ""


def text(language: str, key: str, r: random.Random) -> str:
    variants = TEXTS.get(language, TEXTS["en"]).get(key) or TEXTS["en"][key]
    return variants[int(r.random() * len(variants))]


def customer_message(
    language: str,
    intent: str,
    channel: str,
    facts: Facts,
    r: random.Random,
    flags: tuple[str, ...] = (),
) -> tuple[str, str]:
    """(subject, body) of a customer's message with `intent`, plus any threat or abuse."""
    body = text(language, intent, r).format_map(facts)
    for flag in flags:
        extra = text(language, flag, r).format_map(facts)
        body = f"{extra} {body}" if flag == "abusive" and r.random() < 0.5 else f"{body} {extra}"
    if channel not in LONG_FORM:
        return "", _casual(body, r)
    subject = text(language, f"subject_{intent}", r).format_map(facts)
    greeting = text(language, "greeting", r)
    signoff = text(language, "signoff", r).format_map(facts)
    return subject, f"{greeting}\n\n{body}\n\n{signoff}"


def _casual(body: str, r: random.Random) -> str:
    """Chat and WhatsApp: shorter, often lower case, often no final full stop."""
    if r.random() < 0.3:
        body = body[:1].lower() + body[1:]
    if r.random() < 0.4 and body.endswith("."):
        body = body[:-1]
    return body


def agent_message(
    language: str, keys: tuple[str, ...], channel: str, facts: Facts, r: random.Random
) -> str:
    """The agent's reply: one paragraph per key (an answer, a warning, a calm word)."""
    long = channel in LONG_FORM
    body = ("\n\n" if long else " ").join(
        text(language, f"agent_{key}", r).format_map(facts) for key in keys
    )
    if not long:
        return body
    greeting = text(language, "agent_greeting", r).format_map(facts)
    signoff = text(language, "agent_signoff", r).format_map(facts)
    return f"{greeting}\n\n{body}\n\n{signoff}"


def agent_name(language: str, r: random.Random) -> str:
    names = AGENTS.get(language, AGENTS["en"])
    return names[int(r.random() * len(names))]


__all__ = [
    "AGENTS",
    "LONG_FORM",
    "NOTES",
    "Facts",
    "agent_message",
    "agent_name",
    "customer_message",
    "text",
]
