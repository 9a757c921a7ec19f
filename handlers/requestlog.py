"""One log line per Slack request, with its team, its type and an id later lines can quote."""

from __future__ import annotations

import logging
import secrets

log = logging.getLogger("citylink.requests")


def request_type(body: dict) -> str:
    """'command /citylink', 'event message', 'block_actions citylink_share', ..."""
    if body.get("command"):
        return f"command {body['command']}"
    if body.get("type") == "event_callback":
        event = body.get("event")
        return f"event {event.get('type', '?') if isinstance(event, dict) else '?'}"
    actions = body.get("actions")
    first = actions[0] if isinstance(actions, list) and actions else {}
    detail = body.get("callback_id") or (first.get("action_id") if isinstance(first, dict) else "")
    return f"{body.get('type', 'unknown')} {detail}".strip()


def describe(context) -> str:
    """'req=1a2b3c4d team=T111 command /citylink' for log lines about the request."""
    return (f"req={context.get('request_id', '-')} team={context.get('team_id') or '-'} "
            f"{context.get('request_type', '-')}")  # fmt: skip


def tag_request(body: dict, context, next) -> None:  # noqa: A002 - Bolt's argument name
    """A global middleware: name the request and log that it arrived."""
    context["request_id"] = secrets.token_hex(4)
    context["request_type"] = request_type(body)
    log.info("%s received", describe(context))
    next()
