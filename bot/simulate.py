"""Signed Slack requests, shaped as Slack sends them, for the local console (and tests)."""

from __future__ import annotations

import itertools
import json
import time
from urllib.parse import urlencode

from slack_bolt import App, BoltRequest, BoltResponse
from slack_sdk.signature import SignatureVerifier

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
_ids = itertools.count(1)


def signed_headers(secret: str, body: str, content_type: str, *, timestamp: int | None = None):
    """Headers Slack sends: content type, request timestamp and the v0 HMAC signature."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    return {
        "content-type": [content_type],
        "x-slack-request-timestamp": [stamp],
        "x-slack-signature": [signature],
    }


def dispatch(app: App, secret: str, body: str, content_type: str, **headers: str) -> BoltResponse:
    """Send one signed request through the app, as the HTTP adapter would."""
    all_headers = signed_headers(secret, body, content_type)
    all_headers.update({name.replace("_", "-"): [value] for name, value in headers.items()})
    return app.dispatch(BoltRequest(body=body, headers=all_headers))


def slash_command(text: str, *, team: str, user: str, channel: str, response_url: str) -> str:
    """The form body of `/citylink <text>`."""
    return urlencode({
        "token": "console", "team_id": team, "team_domain": "console", "channel_id": channel,
        "channel_name": "console", "user_id": user, "user_name": "you", "command": "/citylink",
        "text": text, "api_app_id": "ACITYLINK", "response_url": response_url,
        "trigger_id": f"{next(_ids)}.console",
    })  # fmt: skip


def block_action(
    action_id: str,
    value: str | None,
    *,
    team: str,
    user: str,
    channel: str,
    response_url: str,
    option: dict | None = None,
) -> str:
    """The form body of a button press, or of an overflow menu's `option` (`payload=` JSON)."""
    action = {"type": "button", "action_id": action_id, "block_id": "console", "value": value,
              "action_ts": f"{time.time():.6f}"}  # fmt: skip
    if option is not None:
        action = {"type": "overflow", "action_id": action_id, "block_id": "console",
                  "selected_option": option, "action_ts": f"{time.time():.6f}"}  # fmt: skip
    payload = {
        "type": "block_actions", "api_app_id": "ACITYLINK", "token": "console",
        "user": {"id": user, "team_id": team}, "team": {"id": team},
        "container": {"type": "message", "channel_id": channel, "is_ephemeral": True},
        "channel": {"id": channel}, "trigger_id": f"{next(_ids)}.console",
        "response_url": response_url, "actions": [action],
    }  # fmt: skip
    return urlencode({"payload": json.dumps(payload)})


def view_submission(view: dict, values: dict, *, team: str, user: str) -> str:
    """The form body of a submitted modal: `values` is its `state.values`."""
    submitted = {**view, "id": "VCONSOLE", "team_id": team, "state": {"values": values}}
    payload = {
        "type": "view_submission", "api_app_id": "ACITYLINK", "token": "console",
        "team": {"id": team}, "user": {"id": user, "team_id": team}, "view": submitted,
        "trigger_id": f"{next(_ids)}.console", "response_urls": [],
    }  # fmt: skip
    return urlencode({"payload": json.dumps(payload)})


def event_callback(event: dict, *, team: str, event_id: str | None = None) -> str:
    """The JSON body of an Events API delivery wrapping `event`."""
    return json.dumps({
        "token": "console", "team_id": team, "api_app_id": "ACITYLINK", "event": event,
        "type": "event_callback", "event_id": event_id or f"Ev{next(_ids):08d}",
        "event_time": int(time.time()),
    })  # fmt: skip
