"""Zero tolerance and the official-channel protocol's part of the policy (R4.5, R4.6,
R4.9): the warning window, the official channel a blocked customer is sent to, where
threats are routed, when a conversation ends, and the shop's own wording."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# The flags the analysis may raise (support.triage.labels.FLAGS); repeated here so that
# the policy stays a pure module that loads no analysis code.
FLAGS = ("threat_review", "threat_legal", "threat_chargeback", "abusive")
THREAT_FLAGS = ("threat_review", "threat_legal", "threat_chargeback")
# warning: the first abuse; block: a repeat; ended: the conversation moves to the official
# channel (R4.9: legal counsel involved, repeated threats).
NOTICES = ("warning", "block", "ended")
LANGUAGES = ("en", "fi", "hu", "cs", "he", "ar", "de", "es", "fr", "pt", "pl", "it", "nl", "tr")
# The only variable a notice may name; every block notice must name it (R4.9).
OFFICIAL_CHANNEL = "official_channel"

_DEFAULT_ROUTES: dict[str, tuple[str, ...]] = {
    "threat_legal": ("legal",),
    "threat_review": ("communications",),
    "threat_chargeback": ("payments",),
}
_ROUTE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OfficialChannel(_Strict):
    """Where a blocked customer can still reach the shop (R4.9). Empty parts are left out;
    with all three empty the notice points to the contact details in the shop's terms."""

    email: Annotated[str, Field(max_length=254)] = ""
    url: Annotated[str, Field(max_length=500)] = ""
    postal: Annotated[str, Field(max_length=500)] = ""

    @field_validator("email")
    @classmethod
    def _email(cls, v: str) -> str:
        if v and not _EMAIL.match(v):
            raise ValueError(f"{v!r} is not an e-mail address")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        web = v.startswith(("https://", "http://")) and not any(c.isspace() for c in v)
        if v and not web:
            raise ValueError(f"{v!r} is not a web address (https://...)")
        return v

    @field_validator("postal")
    @classmethod
    def _postal(cls, v: str) -> str:
        if _CONTROL.search(v):
            raise ValueError("a postal address may hold line breaks but no other control character")
        return v

    @property
    def given(self) -> bool:
        return bool(self.email or self.url or self.postal)


class AbusePolicy(_Strict):
    enabled: bool = Field(default=True, description="warn, then block abusive senders (R4.6)")
    warnings_before_block: int = Field(
        default=1, ge=1, le=5, description="warnings within the window; the next abuse blocks"
    )
    window_days: int = Field(
        default=30, ge=1, le=3650, description="a warning counts towards a block this long"
    )
    evidence_chars: int = Field(
        default=280, ge=40, le=2000, description="how much of the message an incident keeps"
    )
    official_channel: OfficialChannel = Field(default_factory=OfficialChannel)
    routes: dict[str, tuple[str, ...]] = Field(
        default_factory=lambda: dict(_DEFAULT_ROUTES),
        description="flag -> the teams that receive it (R4.5)",
    )
    end_after_abusive_messages: int = Field(
        default=2, ge=0, description="abusive messages in one conversation end it (0: never)"
    )
    end_after_repeated_threats: int = Field(
        default=3, ge=0, description="messages with threats in one conversation end it (0: never)"
    )
    end_when_legal_counsel_involved: bool = Field(
        default=True, description="a lawyer on the other side: only the legal team answers"
    )
    texts: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="the shop's own wording: {language: {notice: text}}"
    )

    @field_validator("routes")
    @classmethod
    def _routes(cls, v: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for flag, teams in v.items():
            if flag not in FLAGS:
                raise ValueError(f"{flag!r} is not a flag; flags: {', '.join(FLAGS)}")
            for team in teams:
                if not _ROUTE.match(team):
                    raise ValueError(f"route {team!r} of {flag}: use lower-case letters, "
                                     "digits and _ (start with a letter)")  # fmt: skip
            if len(set(teams)) != len(teams):
                raise ValueError(f"{flag} names a route twice")
        return v

    @field_validator("texts")
    @classmethod
    def _texts(cls, v: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        for language, notices in v.items():
            if language not in LANGUAGES:
                raise ValueError(f"{language!r} is not a language; languages: "
                                 + ", ".join(LANGUAGES))  # fmt: skip
            for notice, text in notices.items():
                problem = text_problem(notice, text)
                if problem:
                    raise ValueError(f"{language}.{notice}: {problem}")
        return v

    @model_validator(mode="after")
    def _window(self) -> AbusePolicy:
        if self.end_after_abusive_messages and self.end_after_abusive_messages < 2:
            raise ValueError("end_after_abusive_messages: the first abusive message is "
                             "answered with a warning, so use 2 or more (0: never)")  # fmt: skip
        return self


def text_problem(notice: str, text: str) -> str | None:
    """What is wrong with a notice's wording, or None: an unknown notice, an empty text,
    a variable other than {official_channel}, or a block or end notice that does not name
    it."""
    if notice not in NOTICES:
        return f"unknown notice {notice!r}; notices: {', '.join(NOTICES)}"
    if not text.strip():
        return "the text is empty"
    if text.count("{") != text.count("}"):
        return "unbalanced braces"
    names = _PLACEHOLDER.findall(text)
    unknown = sorted({n for n in names if n != OFFICIAL_CHANNEL})
    if unknown:
        return f"unknown variable {{{unknown[0]}}}; the only variable is {{{OFFICIAL_CHANNEL}}}"
    if notice in ("block", "ended") and OFFICIAL_CHANNEL not in names:
        return f"a {notice} notice must name the official channel: {{{OFFICIAL_CHANNEL}}}"
    return None


__all__ = [
    "FLAGS", "LANGUAGES", "NOTICES", "OFFICIAL_CHANNEL", "THREAT_FLAGS", "AbusePolicy",
    "OfficialChannel", "text_problem",
]  # fmt: skip
