"""The confirmation ladder's part of the policy (R3.1-R3.8): its steps, waits, quiet
hours, call attempts, the confirmation page's limits and the shop's own texts."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class StepChannel(StrEnum):
    SMS = "sms"  # a text message with the confirmation link
    WHATSAPP = "whatsapp"  # a WhatsApp message with the confirmation link
    EMAIL = "email"  # an e-mail without a link: new number or cancel (R3.3)
    WEBHOOK = "webhook"  # the shop's own endpoint sends it


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Step(_Strict):
    channel: StepChannel
    wait_minutes: int = Field(ge=1, le=60 * 24 * 14, description="wait for an answer, then go on")
    template: str = Field(default="", description="the text's name; default: the channel's own")
    link: bool = Field(default=True, description="carries the confirmation link")

    def template_name(self) -> str:
        return self.template or f"confirm_{self.channel.value}"


class QuietHours(_Strict):
    """No message in the customer's own time zone between start and end (R3.8)."""

    start: str = "21:00"
    end: str = "08:00"

    @field_validator("start", "end")
    @classmethod
    def _clock_time(cls, v: str) -> str:
        if not _HHMM.match(v):
            raise ValueError(f"{v!r} is not a time of day like 08:00")
        return v


class Calls(_Strict):
    attempts: int = Field(default=3, ge=1, le=20, description="unsuccessful calls, then ghost")
    retry_minutes: int = Field(default=120, ge=1, description="between two unanswered calls")
    claim_minutes: int = Field(default=15, ge=1, description="an agent's hold on one order")


class ConfirmationPolicy(_Strict):
    enabled: bool = True
    cash_on_delivery_only: bool = Field(
        default=True, description="only cash-on-delivery orders are held for confirmation"
    )
    steps: list[Step] = Field(
        default_factory=lambda: [
            Step(channel=StepChannel.SMS, wait_minutes=240),
            Step(channel=StepChannel.WHATSAPP, wait_minutes=240),
            Step(channel=StepChannel.EMAIL, wait_minutes=1440, link=False),
        ]
    )
    quiet_hours: QuietHours | None = Field(default_factory=QuietHours)
    calls: Calls = Field(default_factory=Calls)
    link_valid_hours: int = Field(default=72, ge=1, le=24 * 30)
    edit_window_minutes: int = Field(
        default=60, ge=0, description="the customer may change phone or address this long"
    )
    delivery_slots: list[str] = Field(
        default_factory=list, description="time slots the customer may choose from (R3.7)"
    )
    delivery_days: tuple[int, int] | None = Field(
        default=None,
        description="usual delivery time in days after confirming, e.g. [2, 4]; the page "
        "shows it when the order has no promised date (unset: the page says it is unknown)",
    )
    prices: dict[StepChannel, int] = Field(
        default_factory=lambda: {
            StepChannel.SMS: 8,
            StepChannel.WHATSAPP: 5,
            StepChannel.EMAIL: 0,
            StepChannel.WEBHOOK: 0,
        },
        description="what one message costs, minor units of the policy's currency",
    )
    texts: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="the shop's own texts: {language: {template: text}}"
    )

    @model_validator(mode="after")
    def _steps(self) -> ConfirmationPolicy:
        if self.enabled and not self.steps:
            raise ValueError("an enabled confirmation needs at least one step")
        if self.delivery_days and not 0 <= self.delivery_days[0] <= self.delivery_days[1] <= 90:
            raise ValueError("delivery_days is [fewest, most], 0 to 90 days")
        return self


__all__ = ["Calls", "ConfirmationPolicy", "QuietHours", "Step", "StepChannel"]
