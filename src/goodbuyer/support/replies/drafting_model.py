"""The optional drafting model: an OpenAI-compatible `/v1/chat/completions` endpoint asked
to rephrase a draft (off unless GOODBUYER_DRAFT_MODEL_URL is set). One attempt per draft,
no retries; after three failures in a row it rests for a minute, so a slow or broken
endpoint costs a few timeouts, not one per ticket."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import httpx

from goodbuyer.settings import Settings
from goodbuyer.support.replies.rephrasing import DraftModelError

log = logging.getLogger(__name__)

_LANGUAGE_NAMES = {
    "en": "English", "fi": "Finnish", "hu": "Hungarian", "cs": "Czech", "he": "Hebrew",
    "ar": "Arabic", "de": "German", "es": "Spanish", "fr": "French", "pt": "Portuguese",
    "pl": "Polish", "it": "Italian", "nl": "Dutch", "tr": "Turkish",
}  # fmt: skip
_SYSTEM = (
    "You polish customer-service messages of an online shop. Rewrite the message the user "
    "gives you in {language} so that it reads naturally, warmly and politely. Keep its "
    "meaning exactly. Copy every number, amount, date, order number, code, link and e-mail "
    "address exactly as written. Do not add any promise, amount, number, date, link or "
    "offer that is not in the message. Answer with the rewritten message only."
)
FAILURES_BEFORE_REST = 3
REST_SECONDS = 60.0


class OpenAICompatibleModel:
    """A chat-completions client that rephrases one text per call."""

    def __init__(
        self, url: str, model: str, api_key: str = "", timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:  # fmt: skip
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.name = model
        self._url = url.rstrip("/").removesuffix("/v1") + "/v1/chat/completions"
        self._client = httpx.Client(timeout=timeout, headers=headers, transport=transport)
        self._lock = threading.Lock()
        self._failures = 0
        self._resting_until = 0.0

    def rephrase(self, text: str, lang: str) -> str:
        if self._resting():
            raise DraftModelError("the drafting model failed repeatedly; resting for a while")
        try:
            answer = self._ask(text, lang)
        except DraftModelError:
            self._failed()
            raise
        with self._lock:
            self._failures = 0
        return answer

    def close(self) -> None:
        self._client.close()

    def _ask(self, text: str, lang: str) -> str:
        system = _SYSTEM.format(language=_LANGUAGE_NAMES.get(lang, lang))
        body = {"model": self.name, "temperature": 0.3,
                "messages": [{"role": "system", "content": system},
                             {"role": "user", "content": text}]}  # fmt: skip
        try:
            response = self._client.post(self._url, json=body)
        except httpx.TimeoutException:
            raise DraftModelError("the drafting model did not answer in time") from None
        except httpx.HTTPError as e:
            raise DraftModelError(f"the drafting model could not be reached: {e}") from None
        if response.status_code != 200:
            raise DraftModelError(f"the drafting model answered HTTP {response.status_code}")
        return _content(response)

    def _resting(self) -> bool:
        with self._lock:
            return time.monotonic() < self._resting_until

    def _failed(self) -> None:
        with self._lock:
            self._failures += 1
            if self._failures >= FAILURES_BEFORE_REST:
                log.warning("drafting model: %d failures in a row; resting %.0f s",
                            self._failures, REST_SECONDS)  # fmt: skip
                self._resting_until = time.monotonic() + REST_SECONDS
                self._failures = 0


def _content(response: httpx.Response) -> str:
    try:
        data: Any = response.json()
        content = data["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise DraftModelError("the drafting model's answer was not a chat completion") from None
    if not isinstance(content, str):
        raise DraftModelError("the drafting model's answer had no text")
    return content


def draft_model_from_settings(settings: Settings) -> OpenAICompatibleModel | None:
    """The configured drafting model, or None when GOODBUYER_DRAFT_MODEL_URL is unset."""
    if not settings.draft_model_url:
        return None
    return OpenAICompatibleModel(
        settings.draft_model_url, settings.draft_model or "default",
        settings.draft_model_api_key, settings.draft_model_timeout,
    )  # fmt: skip


__all__ = ["OpenAICompatibleModel", "draft_model_from_settings"]
