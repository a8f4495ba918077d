"""Draft a reply to a support ticket (pure): the resolution's template in the ticket's
language, a greeting and a closing, a calm paragraph per threat, and for a public social
mention a short public reply beside the private message."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from goodbuyer.support.replies.amounts import format_amount
from goodbuyer.support.replies.catalog import templates_for
from goodbuyer.support.replies.dates import format_date
from goodbuyer.support.replies.sandbox import (
    MissingReplyFact,
    ReplyError,
    ReplyTemplateError,
    render_text,
)
from goodbuyer.support.replies.variables import (
    INTENTS,
    PUBLIC_LIMIT,
    RESOLUTION_KINDS,
    SUBJECT,
    THREATS,
    allowed_variables,
    candidate_keys,
)

if TYPE_CHECKING:
    from goodbuyer.policy.replies import RepliesPolicy

# Channels whose messages have no subject line.
_NO_SUBJECT = frozenset({"sms", "whatsapp", "chat", "social"})


class PublicReplyTooLong(ReplyError):
    """The public reply would be longer than a social post allows."""


@dataclass(frozen=True)
class ReplyInput:
    """What a reply is drafted from: the ticket's analysis, its resolution and the facts.
    Amounts are minor units of `currency`; None means the ticket does not have the fact."""

    lang: str
    intent: str
    resolution: str  # a support.playbook.ResolutionKind value
    goodwill: bool = False
    channel: str = "email"
    public: bool = False  # a public social-media mention: a public reply too
    flags: tuple[str, ...] = ()
    first_name: str | None = None
    order_number: str | None = None
    tracking_url: str | None = None
    tracking_number: str | None = None
    carrier: str | None = None
    days_late: int | None = None
    delivered_on: date | None = None  # the carrier's delivery scan
    refund_amount: int | None = None
    credit_amount: int | None = None
    credit_code: str | None = None
    fee_amount: int | None = None
    currency: str | None = None
    shop_name: str | None = None
    official_channel: str | None = None


@dataclass(frozen=True)
class Draft:
    lang: str
    subject: str | None  # None on channels without a subject line
    body: str
    public_reply: str | None  # a public social mention's short answer
    template_key: str  # "<lang>/<key>", and the fallback when the language had none
    note: str = ""  # what the drafting model did, when one is configured


def draft_reply(data: ReplyInput, policy: RepliesPolicy | None = None) -> Draft:
    """The draft for `data`; MissingReplyFact when a template needs a fact the ticket
    lacks (the ticket then goes to a person without a draft)."""
    _check_input(data)
    own = policy.templates if policy is not None else {}
    asked = data.lang.replace("_", "-").split("-")[0].lower()  # "pt-BR" -> "pt"
    lang, templates = templates_for(asked, own)
    if policy is not None and policy.official_channel and not data.official_channel:
        data = replace(data, official_channel=policy.official_channel)
    values = _values(data, lang)
    key = _template_key(templates, data)
    parts = [_render(templates, "greeting", values), _render(templates, key, values)]
    parts += [_render(templates, flag, values) for flag in THREATS if flag in data.flags]
    parts.append(_render(templates, "closing", values))
    subject_key = key + SUBJECT if key + SUBJECT in templates else "subject"
    subject = None if data.channel in _NO_SUBJECT else _render(templates, subject_key, values)
    fallback = f" (fallback: no {asked!r} templates)" if lang != asked else ""
    return Draft(
        lang=lang,
        subject=subject,
        body="\n\n".join(p for p in parts if p),
        public_reply=_public_reply(templates, values) if data.public else None,
        template_key=f"{lang}/{key}{fallback}",
    )


def _template_key(templates: Mapping[str, str], data: ReplyInput) -> str:
    for key in candidate_keys(data.intent, data.resolution, data.goodwill):
        if key in templates:
            return key
    raise ReplyTemplateError(f"no {data.lang!r} template for {data.resolution!r}")


def _check_input(data: ReplyInput) -> None:
    if data.resolution not in RESOLUTION_KINDS:
        raise ReplyError(f"unknown resolution kind {data.resolution!r}")
    if data.intent not in INTENTS:
        raise ReplyError(f"unknown intent {data.intent!r}")


def _values(data: ReplyInput, lang: str) -> dict[str, object]:
    """The reply variables the ticket has, money written for `lang`."""
    values: dict[str, object] = {
        "first_name": data.first_name, "order_number": data.order_number,
        "tracking_url": data.tracking_url, "tracking_number": data.tracking_number,
        "carrier": data.carrier, "days_late": data.days_late, "credit_code": data.credit_code,
        "shop_name": data.shop_name, "official_channel": data.official_channel,
    }  # fmt: skip
    if data.delivered_on is not None:
        values["delivered_on"] = format_date(data.delivered_on, lang)
    for name in ("refund_amount", "credit_amount", "fee_amount"):
        minor = getattr(data, name)
        if minor is not None and not data.currency:
            raise MissingReplyFact("currency", name)
        values[name] = None if minor is None else format_amount(minor, str(data.currency), lang)
    return {k: v for k, v in values.items() if v is not None and v != ""}


def _render(templates: Mapping[str, str], key: str, values: Mapping[str, object]) -> str:
    allowed = allowed_variables(key)
    return render_text(templates[key], {k: v for k, v in values.items() if k in allowed}, key)


def _public_reply(templates: Mapping[str, str], values: Mapping[str, object]) -> str:
    text = _render(templates, "public", values)
    if len(text) > PUBLIC_LIMIT:
        raise PublicReplyTooLong(f"the public reply is {len(text)} characters; the limit is "
                                 f"{PUBLIC_LIMIT}")  # fmt: skip
    return text


__all__ = ["Draft", "PublicReplyTooLong", "ReplyInput", "draft_reply"]
