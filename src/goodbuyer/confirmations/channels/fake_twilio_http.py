"""What the fake Twilio answers as Twilio does: Basic auth and its error JSON."""

from __future__ import annotations

import base64
import binascii
import hmac

from fastapi import Request
from fastapi.responses import JSONResponse


def basic_auth_ok(request: Request, path_sid: str, account_sid: str, auth_token: str) -> bool:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return False
    try:
        user, _, password = base64.b64decode(encoded).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return False
    same_user = hmac.compare_digest(user.encode(), account_sid.encode())
    same_token = hmac.compare_digest(password.encode(), auth_token.encode())
    return same_user and same_token and path_sid == account_sid


def twilio_error(status: int, code: int, message: str) -> JSONResponse:
    body = {"code": code, "message": message, "status": status,
            "more_info": f"https://www.twilio.com/docs/errors/{code}"}  # fmt: skip
    return JSONResponse(body, status_code=status)


__all__ = ["basic_auth_ok", "twilio_error"]
