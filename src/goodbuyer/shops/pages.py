"""Staff sign-in and sign-out pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from goodbuyer.errors import Forbidden, Unauthorized
from goodbuyer.shops.scopes import Scope
from goodbuyer.shops.service import authenticate
from goodbuyer.web import staff_session
from goodbuyer.web.deps import ReadSession, ServicesDep
from goodbuyer.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/login")
def login_form(request: Request) -> HTMLResponse:
    return render(request, "login.html", title="Sign in")


@router.post("/login", response_model=None)
def login(
    request: Request, api_key: Annotated[str, Form()], session: ReadSession, services: ServicesDep
) -> Response:
    try:
        principal = authenticate(session, api_key.strip(), Scope.READ)
    except (Unauthorized, Forbidden) as exc:
        return render(request, "login.html", status=401, title="Sign in", error=str(exc))
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        staff_session.COOKIE,
        staff_session.sign(principal.key_id, services.settings.secret_key),
        max_age=staff_session.LIFETIME_SECONDS,
        httponly=True,
        samesite="lax",
        secure=services.settings.environment == "production",
    )
    return response


@router.post("/logout")
def logout() -> RedirectResponse:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(staff_session.COOKIE)
    return response


__all__ = ["router"]
