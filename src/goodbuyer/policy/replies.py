"""The drafted replies' part of the policy (R4.7): the shop's own reply templates per
language, over the ones the project ships, checked when the policy is validated."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from goodbuyer.support.replies.validation import template_problems


class RepliesPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    official_channel: str = Field(
        default="",
        max_length=200,
        description="where formal matters go (an address or page); a reply to a threat "
        "points there. Empty: the channel the caller gives",
    )
    templates: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="the shop's own templates: {language: {key: Jinja2 text}}, e.g. "
        "{fi: {refund: ..., 'refund.subject': ..., 'not_received.reship': ...}}",
    )

    @field_validator("templates")
    @classmethod
    def _templates(cls, v: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        """Each problem as its own error, at its language and key, so `policy validate`
        reports each on its line."""
        problems = template_problems(v)
        if problems:
            raise ValidationError.from_exception_data(
                "RepliesPolicy",
                [InitErrorDetails(type=PydanticCustomError("reply_template", "{problem}",
                                                           {"problem": p.message}),
                                  loc=(p.lang, p.key) if p.key else (p.lang,),
                                  input=v[p.lang].get(p.key, "") if p.key else v[p.lang])
                 for p in problems],
            )  # fmt: skip
        return v


__all__ = ["RepliesPolicy"]
