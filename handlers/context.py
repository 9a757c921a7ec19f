"""What listeners need, handed to them in Bolt's `context` under one name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from services.corrections import CorrectionService
from services.feeds import FeedService
from services.forwarding import ForwardService
from services.inbox import ForwardInbox
from services.lookups import LookupService
from services.subscriptions import SubscriptionService

if TYPE_CHECKING:
    from services.deliveries import Deliveries

CONTEXT_KEY = "citylink"
ACCEPTED = "citylink_forward_kept"  # set by a forward's acknowledgement, read by its lazy listener
STORE_FAILED = "citylink_store_failed"  # the store failed earlier in this request


@dataclass(frozen=True)
class Services:
    lookups: LookupService
    forwarding: ForwardService
    inbox: ForwardInbox  # forwards kept until answered
    subscribing: SubscriptionService
    deliveries: Deliveries  # Slack event ids already received, by any process
    correcting: CorrectionService  # a team's confirmations, hidden facts, edits, additions
    feeds: FeedService  # the feeds each team follows

    def __deepcopy__(self, memo) -> Services:
        """Bolt copies the context for lazy listeners; these process-wide services are shared."""
        return self


def services_of(context) -> Services:
    """The services `bot.app.build_app` put into the request context."""
    return context[CONTEXT_KEY]


def team_of(context) -> str | None:
    """The installing workspace (or, for an org-wide install, the org) of a request, as Bolt
    read it from the authorization; the envelope's team can be another organisation's."""
    return context.team_id or context.enterprise_id
