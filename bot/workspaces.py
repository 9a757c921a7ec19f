"""Workspaces: one bot token (single workspace), or OAuth installs kept on our own engine."""

from __future__ import annotations

from datetime import UTC, datetime

from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine

from bot.config import Settings

LOCAL_CLIENT_ID = "citylink-local"  # installs recorded by `citylink install` without an app id
LOCAL_APP_ID = "citylink"  # installs recorded without the OAuth flow have no Slack app id
STATE_SECONDS = 600
BOT_SCOPES = [
    "commands",
    "chat:write",
    "chat:write.public",
    "app_mentions:read",
    "im:history",
    "files:read",
    "files:write",  # Export CSV uploads the file...
    "im:write",  # ...to the asker's direct message
]  # fmt: skip (as manifest.yml)


def multi_workspace(settings: Settings) -> bool:
    """OAuth installs when the app's client id and secret are set and no single bot token is."""
    return bool(settings.slack_client_id and settings.slack_client_secret
                and not settings.slack_bot_token)  # fmt: skip


def installation_store(settings: Settings, engine: Engine) -> SQLAlchemyInstallationStore:
    """slack_sdk's installation store on our engine; its tables are created when missing."""
    store = SQLAlchemyInstallationStore(settings.slack_client_id or LOCAL_CLIENT_ID, engine)
    store.metadata.create_all(engine)
    return store


def oauth_settings(settings: Settings, engine: Engine) -> OAuthSettings:
    """/slack/install and /slack/oauth_redirect, with installs and states in our database."""
    state_store = SQLAlchemyOAuthStateStore(STATE_SECONDS, engine)
    state_store.metadata.create_all(engine)
    return OAuthSettings(
        client_id=settings.slack_client_id, client_secret=settings.slack_client_secret,
        scopes=BOT_SCOPES, installation_store=installation_store(settings, engine),
        state_store=state_store, install_path="/slack/install",
        redirect_uri_path="/slack/oauth_redirect",
    )  # fmt: skip


def record_installation(
    store: SQLAlchemyInstallationStore, team_id: str, bot_token: str, bot_user_id: str | None
) -> None:
    """`citylink install`: what the OAuth flow would have saved for the team."""
    store.save(Installation(
        app_id=LOCAL_APP_ID, team_id=team_id, bot_token=bot_token, bot_id=f"B{team_id}",
        bot_user_id=bot_user_id, bot_scopes=BOT_SCOPES,
        user_id="citylink-install", installed_at=datetime.now(UTC).timestamp(),
    ))  # fmt: skip


def team_clients(settings: Settings, engine: Engine, make_client):
    """A function giving the Web API client for a team ('' = the single workspace)."""
    if not multi_workspace(settings):
        client = make_client(settings.slack_bot_token)
        return lambda team: client
    store = installation_store(settings, engine)

    def client_for(team: str) -> WebClient:
        bot = store.find_bot(enterprise_id=None, team_id=team or None)
        return make_client(bot.bot_token if bot else None)

    return client_for
