"""API shapes of the policy feature: versions, problems, the diff, list entries, snoozes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from goodbuyer.policy.statuses import ListKind, ListSubject, PolicyStatus

MAX_TEXT = 200_000  # characters of one policy text


class ProblemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    line: int = Field(description="1-based line of the policy text")
    where: str = Field(description="path in the document, e.g. rules[2].when")
    message: str


class PolicyVersionIn(BaseModel):
    """A new draft: its text, or a copy of a version ("active", "default" or a number)."""

    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    copy_of: int | Literal["active", "default"] | None = None
    note: Annotated[str, Field(max_length=2000)] = ""

    @model_validator(mode="after")
    def _one_source(self) -> PolicyVersionIn:
        if (self.text is None) == (self.copy_of is None):
            raise ValueError("give `text` or `copy_of`, not both")
        return self


class PolicyVersionSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    version: int
    status: PolicyStatus
    note: str
    based_on: int | None
    created_by: str
    created_at: datetime
    validated_at: datetime | None
    activated_at: datetime | None
    activated_by: str | None
    retired_at: datetime | None


class PolicyVersionOut(PolicyVersionSummary):
    text: str
    problems: list[ProblemOut]


class PolicySummary(BaseModel):
    """What the active policy holds, by name."""

    currency: str
    thresholds: dict[str, float | int]
    known_good: str
    segments: list[str]
    rules: list[str]
    list_entries: dict[str, int] = Field(description="values in the document's lists, by kind")


class ActivePolicyOut(BaseModel):
    version: int
    text: str
    activated_at: datetime | None
    activated_by: str | None
    summary: PolicySummary


class ValidationOut(BaseModel):
    version: int
    status: PolicyStatus
    problems: list[ProblemOut]


class DiffOut(BaseModel):
    from_version: int
    to_version: int
    diff: str = Field(description="unified diff; empty when the texts are the same")


class ListEntryIn(BaseModel):
    """An entry; an address needs `country` and `postcode` or `city` (or is given as its
    building key), a national phone number or a bare postcode needs `country`."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: ListKind
    subject: ListSubject
    value: Annotated[str, Field(min_length=1, max_length=500)]
    reason: Annotated[str, Field(min_length=1, max_length=2000)]
    country: Annotated[str, Field(max_length=2)] = ""
    postcode: Annotated[str, Field(max_length=20)] = ""
    city: Annotated[str, Field(max_length=200)] = ""
    expires_at: AwareDatetime | None = None


class ListEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: ListKind
    subject: ListSubject
    value: str = Field(description="as orders are compared: E.164, canonical e-mail, ...")
    reason: str
    added_by: str
    created_at: datetime
    expires_at: datetime | None


class SnoozeIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    rule: Annotated[str, Field(min_length=1, max_length=64)]
    until: AwareDatetime
    note: Annotated[str, Field(min_length=1, max_length=2000)]


class SnoozeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    customer_id: uuid.UUID
    rule: str
    until: datetime
    note: str
    created_by: str
    created_at: datetime
    lifted_at: datetime | None
    lifted_by: str | None


__all__ = [
    "ActivePolicyOut", "DiffOut", "ListEntryIn", "ListEntryOut", "PolicySummary",
    "PolicyVersionIn", "PolicyVersionOut", "PolicyVersionSummary", "ProblemOut", "SnoozeIn",
    "SnoozeOut", "ValidationOut",
]  # fmt: skip
