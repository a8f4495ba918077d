"""Read a policy document from YAML text (pure)."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from goodbuyer.policy.document import Policy


class PolicyTextError(ValueError):
    """The text is not a valid policy; `problems` lists (where, what) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{where}: {what}" for where, what in problems))


def default_policy_text() -> str:
    return files("goodbuyer.policy").joinpath("default.yaml").read_text(encoding="utf-8")


def parse_policy(text: str) -> Policy:
    try:
        data: Any = YAML(typ="safe", pure=True).load(text)
    except YAMLError as e:
        raise PolicyTextError([("yaml", str(e).splitlines()[0])]) from None
    if not isinstance(data, dict):
        raise PolicyTextError([("document", "a policy is a mapping of sections")])
    try:
        return Policy.model_validate(data)
    except ValidationError as e:
        raise PolicyTextError(
            [(".".join(str(p) for p in err["loc"]) or "document", err["msg"]) for err in e.errors()]
        ) from None


__all__ = ["PolicyTextError", "default_policy_text", "parse_policy"]
