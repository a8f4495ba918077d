"""A local OpenAI-compatible chat-completions server for tests and development: it
answers what the test scripts (a fixed text, a function of the request, a delay, an
error) and records every request it gets."""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

Answer = Callable[[str, str], str]  # (system prompt, user text) -> the model's text


def echo(system: str, text: str) -> str:
    """The default answer: the text unchanged (a model that finds nothing to improve)."""
    return text


@dataclass
class FakeLlm:
    api_key: str = "fake-key"
    answer: Answer = echo
    delay_seconds: float = 0.0
    status: int = 200
    requests: list[dict[str, Any]] = field(default_factory=list)
    app: FastAPI = field(init=False)

    def __post_init__(self) -> None:
        self.app = FastAPI(title="fake OpenAI-compatible model")
        self.app.post("/v1/chat/completions")(self._complete)

    async def _complete(self, request: Request) -> JSONResponse:
        expected = f"Bearer {self.api_key}".encode()
        if not hmac.compare_digest(request.headers.get("authorization", "").encode(), expected):
            return _error(401, "invalid_api_key", "Incorrect API key provided.")
        body = await request.json()
        self.requests.append(body)
        messages = body.get("messages") or []
        if not isinstance(messages, list) or not messages:
            return _error(400, "invalid_request_error", "messages must be a non-empty array")
        if self.delay_seconds:
            await asyncio.sleep(self.delay_seconds)
        if self.status != 200:
            return _error(self.status, "server_error", "The server had an error.")
        system = next((m["content"] for m in messages if m.get("role") == "system"), "")
        text = next((m["content"] for m in reversed(messages) if m.get("role") == "user"), "")
        return JSONResponse(_completion(body.get("model", ""), self.answer(system, text)))


def _completion(model: str, text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": model,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }  # fmt: skip


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": code, "code": code}},
                        status_code=status)  # fmt: skip


__all__ = ["Answer", "FakeLlm", "echo"]
