"""Global middleware: one log line per Slack request (its team, type and an id later lines can
quote), and Slack's re-deliveries of an event dropped, whichever worker process they reach."""

from __future__ import annotations

import logging
import secrets

from slack_bolt import BoltResponse

from handlers.context import STORE_FAILED, services_of

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


def drop_redeliveries(body: dict, request, context, next) -> BoltResponse | None:  # noqa: A002
    """A global middleware: an event received before is acknowledged and dropped."""
    event_id = body.get("event_id")
    if not isinstance(event_id, str) or not event_id:
        return next()
    first = services_of(context).deliveries.first_time(event_id)
    if first is False:
        retry = request.headers.get("x-slack-retry-num", ["?"])[0]
        log.info("dropped re-delivery %s of event %s", retry, event_id)
        return BoltResponse(status=200, body="")
    if first is None:  # the store just failed: listeners answer at once, without waiting again
        context[STORE_FAILED] = True
    return next()
