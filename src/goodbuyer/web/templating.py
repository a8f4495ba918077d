"""Jinja2 templates for every page: autoescaped, loaded from the package, locale-aware."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from goodbuyer.money import from_minor

RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur"})

_env = Environment(
    loader=PackageLoader("goodbuyer.web", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["percent"] = lambda value: f"{value:.1%}"
_env.filters["money"] = lambda minor, currency: (
    f"{from_minor(minor, currency):,.2f} {currency}".replace(",", "\u202f")
)
_env.filters["thousands"] = lambda value: f"{value:,}".replace(",", "\u202f")


def direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in RTL_LANGUAGES else "ltr"


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    language = context.pop("language", "en")
    html = _env.get_template(name).render(
        request=request, language=language, direction=direction(language), **context
    )
    return HTMLResponse(html, status_code=status)


__all__ = ["RTL_LANGUAGES", "direction", "render"]
