"""`/citylink subscribe | subscriptions | unsubscribe | digest`: a channel's weekly pulse."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import available_timezones

from sqlalchemy.orm import Session, sessionmaker

from services.digest_content import schedule_of
from services.digests import DEFAULTS, DigestService
from services.filters import filter_word
from services.lookups import LookupService
from services.schedule import WEEKDAYS
from store import digests
from store.digests import SubscriptionResult
from views.cards import clip
from views.digests import digest_messages

WORDS = ("subscribe", "subscriptions", "unsubscribe", "digest")
FILTER = re.compile(r"\b(places?|kinds?|mute[ds]?)\s*:", re.IGNORECASE)
TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
SLACK_ID = re.compile(r"[A-Z0-9]{1,64}")  # a team, channel or user as Slack names them
MAX_PLACES = 25  # a digest's places: each is looked up while Slack waits for the answer
MAX_NAME_CHARS = 200  # longer than any place name


@dataclass
class SubscriptionRequest:
    """A parsed `subscribe` text; `problem` explains what could not be understood."""

    fields: dict = field(default_factory=lambda: dict(DEFAULTS))
    place_names: list[str] = field(default_factory=list)
    problem: str | None = None


def _items(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def _kind(word: str) -> str | None:
    """The kind a word of `kinds:` names ("sister", "mou", "trade_deal"), as filters read it."""
    found = filter_word(word.replace("_", " "))
    return found[1] if found and found[0] == "kind" else None


@lru_cache(maxsize=1)
def time_zones() -> frozenset[str]:
    """The IANA zone names this system has: a word is one of them, never a path to open."""
    return frozenset(available_timezones())


def _schedule_words(words: list[str], request: SubscriptionRequest) -> None:
    for word in words:
        lowered = word.lower()
        day = next((i for i, d in enumerate(WEEKDAYS) if len(lowered) >= 3 and
                    d.startswith(lowered)), None)  # fmt: skip
        if lowered in ("weekly", "daily"):
            request.fields["frequency"] = lowered
        elif day is not None:
            request.fields["weekday"] = day
        elif match := TIME.match(word):
            request.fields["time_of_day"] = f"{int(match[1]):02d}:{match[2]}"
        elif lowered in ("skip-empty", "quiet"):
            request.fields["skip_empty"] = True
        elif word in time_zones():
            request.fields["timezone"] = word
        else:
            request.problem = f"I don't understand \u201c{clip(word, 100)}\u201d."
            return


def parse_subscribe(text: str) -> SubscriptionRequest:
    """'weekly monday 09:00 Europe/Berlin places: Shanghai, Dunedin kinds: mou mute: expo'."""
    request = SubscriptionRequest()
    parts = FILTER.split(text)
    _schedule_words(parts[0].split(), request)
    for name, value in zip(parts[1::2], parts[2::2], strict=True):
        name = name.lower()
        if name.startswith("place"):
            request.place_names = _items(value)
            if len(request.place_names) > MAX_PLACES:
                request.problem = f"A digest can follow at most {MAX_PLACES} places."
        elif name.startswith("kind"):
            kinds = [_kind(x) for x in _items(value)]
            if None in kinds:
                request.problem = "Kinds are: sister, friendship, mou, trade, cooperation, visit."
            request.fields["kinds"] = sorted({k for k in kinds if k})
        else:
            request.fields["muted_words"] = _items(value)
    return request


class SubscriptionService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        lookups: LookupService,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ):
        self.sessions, self.lookups, self.now = sessions, lookups, now

    def subscribe(self, team: str, channel: str, user: str, text: str) -> SubscriptionResult | str:
        """The channel's new subscription, or a sentence saying what is wrong."""
        if not (SLACK_ID.fullmatch(channel) and SLACK_ID.fullmatch(user)
                and SLACK_ID.fullmatch(team or "T")):  # fmt: skip
            return "I can only subscribe a channel, for someone in it."
        request = parse_subscribe(text)
        if request.problem:
            return request.problem
        keys = []
        for name in request.place_names:
            found = (self.lookups.place(name, team_id=team or None, profile=False)
                     if len(name) <= MAX_NAME_CHARS else None)  # fmt: skip
            if found is None or found.place is None:
                return f"I don't know a place called \u201c{clip(name, 100)}\u201d."
            keys.append(found.place.key)
        with self.sessions.begin() as session:
            return digests.subscribe(session, team, channel, user_id=user, now=self.now(),
                                     **{**request.fields, "places": keys})  # fmt: skip

    def unsubscribe(self, team: str, channel: str) -> bool:
        with self.sessions.begin() as session:
            return digests.unsubscribe(session, team, channel)

    def of_team(self, team: str) -> list[SubscriptionResult]:
        with self.sessions.begin() as session:
            return digests.subscriptions(session, team)

    def of_channel(self, team: str, channel: str) -> SubscriptionResult | None:
        with self.sessions.begin() as session:
            return digests.subscription_of(session, team, channel)

    def place_names(self, subscription: SubscriptionResult) -> list[str]:
        places = (self.lookups.index.place_by_key(key) for key in subscription.places)
        return [p.name for p in places if p]

    def preview(self, subscription: SubscriptionResult):
        """The channel's next digest as it would look now, without posting or recording it."""
        service = DigestService(self.sessions, client_for=None, worker="preview", now=self.now,
                                confirm_below=self.lookups.confirm_below)  # fmt: skip
        return digest_messages(service.preview(subscription), schedule_of(subscription))
