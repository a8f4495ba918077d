"""Schema objects from values that are already checked (pure): what pydantic's
`model_construct` makes when every field is given, without its per-field bookkeeping."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def construct(model: type[M], **values: Any) -> M:
    """`model` holding `values`, unvalidated: every field must be given, already valid."""
    instance = model.__new__(model)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


__all__ = ["construct"]
