"""The Shopify write-back's settings (GOODBUYER_SHOPIFY_*), read once by the command
that pushes and passed in."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from goodbuyer.shopify.tags import DEFAULT_PREFIX, check_prefix

# A stable Admin API version; Shopify supports each for at least twelve months.
DEFAULT_API_VERSION = "2026-07"


class ShopifySettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="GOODBUYER_SHOPIFY_", env_file=".env", extra="ignore"
    )

    api_version: str = Field(default=DEFAULT_API_VERSION, pattern=r"^\d{4}-\d{2}$|^unstable$")
    admin_base_url: str = Field(
        default="https://{domain}",
        description="where a shop's Admin API lives; {domain} is the shop's Shopify domain",
    )
    tag_prefix: str = DEFAULT_PREFIX
    timeout_seconds: float = Field(default=10.0, gt=0)
    retries: int = Field(default=4, ge=0, description="retries of one call: 429, THROTTLED, 5xx")
    max_wait_seconds: float = Field(default=30.0, ge=0, description="longest single wait")
    max_attempts: int = Field(default=5, ge=1, description="runs of the pusher per tag push")

    @field_validator("tag_prefix")
    @classmethod
    def _prefix(cls, value: str) -> str:
        return check_prefix(value)

    @field_validator("admin_base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        if "{domain}" not in value or not value.startswith(("https://", "http://")):
            raise ValueError("an http(s) URL containing {domain}")
        return value.rstrip("/")


__all__ = ["DEFAULT_API_VERSION", "ShopifySettings"]
