"""The fake Twilio's control endpoints, so a test or benchmark in another process can
read its records, make it fail or slow, and have it post delivery statuses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from goodbuyer.confirmations.channels.fake_twilio import FakeTwilio


class FailNext(BaseModel):
    count: int = Field(ge=0)
    status: int = Field(default=500, ge=400, le=599)


class Delay(BaseModel):
    seconds: float = Field(ge=0)


def add_control(app: FastAPI, fake: FakeTwilio) -> None:
    @app.get("/_fake/messages")
    def messages() -> list[dict[str, Any]]:
        """Every accepted message, oldest first."""
        return [m.json(fake.account_sid) for m in fake.messages]

    @app.post("/_fake/fail")
    def fail(order: FailNext) -> dict[str, int]:
        fake.fail_next(order.count, order.status)
        return {"failing": order.count}

    @app.post("/_fake/delay")
    def delay(order: Delay) -> dict[str, float]:
        fake.delay = order.seconds
        return {"delay": fake.delay}

    @app.post("/_fake/reset")
    def reset() -> dict[str, bool]:
        fake.reset()
        return {"reset": True}

    @app.post("/_fake/messages/{sid}/status/{status}")
    def set_status(sid: str, status: str) -> JSONResponse:
        """Move a message on and post its signed status callback (delivered, failed...)."""
        if all(m.sid != sid for m in fake.messages):
            return JSONResponse({"detail": f"no message {sid}"}, status_code=404)
        return JSONResponse({"callback_status": fake.set_status(sid, status)})


__all__ = ["add_control"]
