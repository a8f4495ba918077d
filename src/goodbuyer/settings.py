"""Runtime settings, read once by the composition root and passed in; never a global."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_DEV_SECRET = "dev-only-secret-change-me"  # noqa: S105 - refused outside development


class Settings(BaseSettings):
    """Everything that differs between a laptop demo and production."""

    model_config = SettingsConfigDict(env_prefix="GOODBUYER_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = Field(
        default="sqlite:///var/goodbuyer.db",
        description="sqlite:///path.db (default) or postgresql://user@host/db",
    )
    secret_key: str = _DEV_SECRET
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "info"
    db_pool_size: int = Field(default=10, ge=1)

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> Settings:
        if self.environment == "production" and self.secret_key == _DEV_SECRET:
            raise ValueError("GOODBUYER_SECRET_KEY must be set in production")
        return self

    def sqlite_path(self) -> Path | None:
        """The database file when the URL names a SQLite file, else None."""
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix) and ":memory:" not in self.database_url:
            return Path(self.database_url[len(prefix) :])
        return None
