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
    public_url: str = Field(
        default="http://127.0.0.1:8000", description="where customers open confirmation links"
    )
    # The confirmation workflows' own (DBOS system) database; empty: beside database_url.
    dbos_url: str = ""
    worker_id: str = Field(default="worker-1", description="unique per worker process")
    worker_concurrency: int = Field(default=32, ge=1, description="steps run at once per worker")
    time_scale: float = Field(default=1.0, ge=1.0, description="the demo runs the ladder faster")
    imap_poll_seconds: float = Field(
        default=60.0, ge=0, description="the worker polls the shops' saved mailboxes; 0: off"
    )
    push_every_seconds: float = Field(
        default=15.0, ge=0, description="the worker pushes Shopify tags and helpdesk notes; 0: off"
    )
    # Message providers; a channel without its settings records to the outbox only.
    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_sms_from: str = ""
    twilio_whatsapp_from: str = ""
    twilio_base_url: str = "https://api.twilio.com"
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    smtp_from: str = ""
    webhook_url: str = ""
    # The support mailbox `goodbuyer support imap-poll` reads (docs/guides/support-intake.md).
    imap_host: str = ""
    imap_port: int = 993
    imap_username: str = ""
    imap_password: str = ""
    imap_folder: str = "INBOX"
    imap_tls: bool = True  # IMAPS; false: plain IMAP, upgraded with STARTTLS if imap_starttls
    imap_starttls: bool = False
    # An optional OpenAI-compatible model that may rephrase drafted replies; empty: off.
    draft_model_url: str = ""
    draft_model: str = ""
    draft_model_api_key: str = ""
    draft_model_timeout: float = Field(default=10.0, gt=0, le=120)

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> Settings:
        if self.environment == "production" and self.secret_key == _DEV_SECRET:
            raise ValueError("GOODBUYER_SECRET_KEY must be set in production")
        return self

    def workflow_database_url(self) -> str:
        """The DBOS system database: `dbos_url`, or a sibling of the application's database."""
        if self.dbos_url:
            return self.dbos_url
        path = self.sqlite_path()
        if path is not None:
            return f"sqlite:///{path.with_name(path.stem + '-workflows' + path.suffix)}"
        base, _, name = self.database_url.rpartition("/")
        return f"{base}/{name.split('?')[0]}_workflows"

    def sqlite_path(self) -> Path | None:
        """The database file when the URL names a SQLite file, else None."""
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix) and ":memory:" not in self.database_url:
            return Path(self.database_url[len(prefix) :])
        return None
