"""The sandbox reply templates run in (pure): Jinja2's immutable sandbox with no globals,
no attribute or item access, no includes, and an undefined value that names itself.

A template sees only the reply variables its key allows (`variables.allowed_variables`)
and filters such as `upper`; `{{ first_name.__class__ }}` or `{% include %}` is refused
when the policy is validated and again when the template runs. A variable the template
prints but the facts do not fill raises `MissingReplyFact`; `{% if carrier %}` reads it
as false, so a template may leave out a sentence when a fact is unknown.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, NoReturn

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing

from goodbuyer.support.replies.variables import VARIABLES


class ReplyError(Exception):
    """A reply could not be drafted; the ticket goes to a person without a draft."""


class MissingReplyFact(ReplyError):
    """A template needs a fact the ticket does not have."""

    def __init__(self, variable: str, key: str = "") -> None:
        self.variable, self.key = variable, key
        where = f" (template {key!r})" if key else ""
        super().__init__(f"the reply needs {variable!r}, which this ticket does not have{where}")


class ReplyTemplateError(ReplyError):
    """A template is broken: syntax, an unknown variable, or something the sandbox forbids."""


class _Missing(StrictUndefined):
    """An unfilled fact: false in a test, an error (naming it) when printed."""

    def __bool__(self) -> bool:  # type: ignore[override]
        return False

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> NoReturn:
        name = self._undefined_name
        if self._undefined_obj is not missing:  # an attribute, refused by the sandbox
            raise SecurityError(f"{name!r} cannot be reached from a reply variable")
        if name in VARIABLES:
            raise MissingReplyFact(name)
        raise UndefinedError(f"{name!r} is not a reply variable")

    __str__ = __iter__ = __len__ = _fail_with_undefined_error


class _Sandbox(ImmutableSandboxedEnvironment):
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return False  # the variables are text and numbers: nothing to reach into

    def is_safe_callable(self, obj: Any) -> bool:
        return False


_FORBIDDEN: dict[type[nodes.Node], str] = {
    nodes.Getattr: "attribute access",
    nodes.Getitem: "item access",
    nodes.Call: "a call",
    nodes.Include: "{% include %}",
    nodes.Extends: "{% extends %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}",
    nodes.Macro: "a macro",
    nodes.CallBlock: "{% call %}",
}


@lru_cache(maxsize=1)
def environment() -> _Sandbox:
    env = _Sandbox(undefined=_Missing, autoescape=False, keep_trailing_newline=False)
    env.globals.clear()
    return env


def parse(source: str) -> nodes.Template:
    """The template's syntax tree; ReplyTemplateError with the line for a syntax error."""
    try:
        return environment().parse(source)
    except TemplateSyntaxError as e:
        raise ReplyTemplateError(f"syntax error on line {e.lineno}: {e.message}") from None


def used_variables(tree: nodes.Template) -> set[str]:
    """The variables the template reads (not those it sets itself)."""
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    return {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"} - assigned


def forbidden_parts(tree: nodes.Template) -> Iterator[str]:
    """What the template does that reply templates may not (attribute access, calls, ...)."""
    for node_type, what in _FORBIDDEN.items():
        if any(True for _ in tree.find_all(node_type)):
            yield what


@lru_cache(maxsize=4096)
def _compiled(source: str) -> Any:
    return environment().from_string(source)


def render_text(source: str, values: Mapping[str, object], key: str) -> str:
    """The template filled with `values`; MissingReplyFact names an unfilled variable."""
    try:
        text: str = _compiled(source).render(dict(values))
    except MissingReplyFact as e:
        raise MissingReplyFact(e.variable, key) from None
    except (UndefinedError, SecurityError, TemplateSyntaxError, TypeError, ValueError) as e:
        raise ReplyTemplateError(f"template {key!r}: {e}") from None
    return _tidy(text)


def _tidy(text: str) -> str:
    """Trailing spaces off, at most one empty line between paragraphs."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out)


__all__ = [
    "MissingReplyFact", "ReplyError", "ReplyTemplateError", "environment", "forbidden_parts",
    "parse", "render_text", "used_variables",
]  # fmt: skip
