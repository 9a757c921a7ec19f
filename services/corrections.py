"""Corrections: a team confirms, hides, edits and adds links; every change is checked first."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from facts.shapes import PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES
from services.lookups import LookupService
from store import corrections, queries
from store.models import utcnow
from store.repository import ensure_place
from store.results import CorrectionResult, FactKey, LinkResult, PlaceSummary
from views.cards import KIND_LABELS

FIRST_YEAR = 1800  # no city partnership is older
YEARS_AHEAD = 10  # a planned link may name a year to come
YEAR = re.compile(r"[0-9]{4}")
NOTE_CHARS = 500
SAFE_URL = re.compile(r"https?://[^\s<>|]{1,500}", re.IGNORECASE)

Errors = dict[str, str]  # a form field -> what is wrong with it


@dataclass(frozen=True)
class Form:
    """What someone asked to change, as typed or picked (`''`: left empty)."""

    kind: str = ""
    status: str = ""
    year: str = ""
    a: str = ""  # a place as typed; unchanged when it is the place's name as shown
    b: str = ""
    direction: str = ""  # visits: "reverse" swaps visitor and host
    note: str = ""
    url: str = ""  # a link added by hand: where it is written


@dataclass(frozen=True)
class History:
    """The evidence of two places' links as extracted and the team's corrections, oldest first."""

    a: PlaceSummary
    b: PlaceSummary
    links: tuple[LinkResult, ...]
    corrections: tuple[CorrectionResult, ...]
    places: dict[int, PlaceSummary]
    hidden: tuple[FactKey, ...] = ()  # the facts the team has hidden, to be restored


class CorrectionService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        lookups: LookupService,
        now: Callable[[], datetime] = utcnow,
    ):
        self.sessions, self.lookups, self.now = sessions, lookups, now

    def link(self, team: str, fact: FactKey) -> LinkResult | None:
        """The fact as the team sees it now; None when it no longer exists or is hidden."""
        with self.sessions.begin() as session:
            return self._seen(session, team, fact)

    def _seen(self, session: Session, team: str, fact: FactKey) -> LinkResult | None:
        return queries.fact_as_seen(session, fact, team_id=team or None,
                                    confirm_below=self.lookups.confirm_below)  # fmt: skip

    def confirm(self, team: str, user: str, fact: FactKey) -> LinkResult | None:
        """Mark the fact right for the team; None when it is gone."""
        with self.sessions.begin() as session:
            link = self._seen(session, team, fact)
            if link is None:
                return None
            self._record(session, team, user, "confirm", fact, link, {}, "")
            return self._seen(session, team, fact)

    def hide(self, team: str, user: str, fact: FactKey, note: str = "") -> bool:
        """Hide the fact from the team's cards, pair views and digests; False when it is gone."""
        with self.sessions.begin() as session:
            link = self._seen(session, team, fact)
            if link is not None:
                self._record(session, team, user, "hide", fact, link, {}, note)
            return link is not None

    def restore(self, team: str, user: str, fact: FactKey) -> LinkResult | bool:
        """Show a fact the team hid again: the fact as shown now, True when no article states
        it any more (it shows again if one does), False when it was not hidden."""
        with self.sessions.begin() as session:
            rows = corrections.by_fact(corrections.of_team(session, team)).get(fact, [])
            if not corrections.hidden(rows):
                return False
            self._record(session, team, user, "restore", fact, None, {}, "")
            return self._seen(session, team, fact) or True

    def edit(self, team: str, user: str, fact: FactKey, form: Form) -> LinkResult | Errors:
        """Change the fact as the form says, or say what is wrong with the form."""
        with self.sessions.begin() as session:
            link = self._seen(session, team, fact)
            if link is None:
                return {"kind": "That fact no longer exists: look the place up again."}
            changes, errors = self._changes(session, team, link, form)
            if errors:
                return errors
            self._record(session, team, user, "edit", fact, link, changes, form.note)
            return self._seen(session, team, fact) or link

    def add(self, team: str, user: str, form: Form) -> LinkResult | Errors:
        """Record a link no article states, with who added it."""
        errors: Errors = {}
        kind = form.kind if form.kind in PARTNERSHIP_KINDS else ""
        if not kind:
            errors["kind"] = "Pick a kind of link."
        year, year_error = _year(form.year)
        if year_error:
            errors["year"] = year_error
        url = form.url.strip()
        if url and not SAFE_URL.fullmatch(url):
            errors["url"] = "A source is a web address starting with http:// or https://."
        status = form.status if form.status in PARTNERSHIP_STATUSES else "existing"
        with self.sessions.begin() as session:
            a, b = (self._place(session, text, field, errors) for text, field in
                    ((form.a, "a"), (form.b, "b")))  # fmt: skip
            if a and b and a.id == b.id:
                errors["b"] = "A link needs two different places."
            if errors:
                return errors
            fact = corrections.stored_order(a, b, kind)
            if self._seen(session, team, fact) is not None:
                return {"kind": "I know this link already: correct it from its menu instead."}
            after = {"status": status, "year": year, **({"url": url} if url else {})}
            self._record(session, team, user, "add", fact, None, after, form.note)
            return self._seen(session, team, fact)

    def history(self, team: str, a_text: str, b_text: str) -> History | tuple[str, tuple] | str:
        """Evidence and corrections of the links of two places; else the name not found and
        the places it may mean, or a sentence when nothing is known of them."""
        pair = self.lookups.pair(a_text, b_text, team_id=team or None)
        for side in (pair.a, pair.b):
            if side.place is None:
                return side.query, side.candidates
        if pair.a.stored_id is None or pair.b.stored_id is None:
            return f"I know nothing of {pair.a.place.name} & {pair.b.place.name} yet."
        with self.sessions.begin() as session:
            links = queries.pair_links(session, pair.a.stored_id, pair.b.stored_id,
                                       team_id=team or None, as_extracted=True)  # fmt: skip
            rows = corrections.of_pair(session, team, pair.a.stored_id, pair.b.stored_id)
            ids = {pair.a.stored_id, pair.b.stored_id}
            ids |= {
                i for row in rows for i in (*row.fact[:2], *corrections.parties(row.fact, [row]))
            }
            places = queries.places_by_id(session, ids)
        a, b = places[pair.a.stored_id], places[pair.b.stored_id]
        hidden = tuple(fact for fact, facts in corrections.by_fact(rows).items()
                       if corrections.hidden(facts))  # fmt: skip
        return History(a, b, tuple(links), tuple(rows), places, hidden)

    def _record(self, session, team, user, action, fact, link, after, note) -> None:
        before = _values(link) if link else {}
        corrections.record(session, team=team, user=user, action=action, fact=fact, before=before,
                           after=after, note=note.strip()[:NOTE_CHARS], now=self.now())  # fmt: skip

    def _changes(
        self, session: Session, team: str, link: LinkResult, form: Form
    ) -> tuple[dict, Errors]:
        """The values the form changes, checked; what is wrong, by field."""
        errors: Errors = {}
        changes: dict = {}
        if form.kind and form.kind != link.kind:
            if form.kind not in PARTNERSHIP_KINDS:
                errors["kind"] = "Pick one of the kinds listed."
            changes["kind"] = form.kind
        if form.status and form.status != link.status:
            if form.status not in PARTNERSHIP_STATUSES:
                errors["status"] = "Pick one of the statuses listed."
            changes["status"] = form.status
        year, year_error = _year(form.year)
        if year_error:
            errors["year"] = year_error
        elif year != link.year:
            changes["year"] = year
        a, b = link.a, link.b
        for field, now in (("a", link.a), ("b", link.b)):
            typed = getattr(form, field).strip()
            if typed and typed != now.name:
                found = self._place(session, typed, field, errors)
                if found is not None and found.id != now.id:
                    changes[field] = found.id
                    a, b = (found, b) if field == "a" else (a, found)
        if form.direction == "reverse" and changes.get("kind", link.kind) == "visit":
            changes["a"], changes["b"] = b.id, a.id
        if changes.get("a", a.id) == changes.get("b", b.id):
            errors["b"] = "A link needs two different places."
        elif not errors and {"kind", "a", "b"} & changes.keys():
            errors.update(self._clash(session, team, link, changes))
        if not changes and not errors:
            errors["kind"] = "Nothing changed: change a value, or use Wrong\u2026 to hide the fact."
        return changes, errors

    def _clash(self, session: Session, team: str, link: LinkResult, changes: dict) -> Errors:
        """An edit may not make the fact one the team sees already (two would become one)."""
        a, b = changes.get("a", link.a.id), changes.get("b", link.b.id)
        kind = changes.get("kind", link.kind)
        for other in queries.pair_links(session, a, b, team_id=team or None):
            same_way = kind != "visit" or (other.a.id, other.b.id) == (a, b)
            if other.kind == kind and other.key != link.key and same_way:
                label = KIND_LABELS.get(kind, kind)
                return {"kind": f"{other.a.name} and {other.b.name} have a {label} link already: "
                                "hide this one with Wrong\u2026 instead."}  # fmt: skip
        return {}

    def _place(self, session: Session, text: str, field: str, errors: Errors):
        """The stored row of the place `text` names, by the lookups' matching; None if unclear."""
        text = text.strip()
        if not text:
            errors[field] = "Name a place."
            return None
        found = self.lookups.place(text, profile=False)
        if found.place is None:
            offered = ", ".join(p.name for p in found.candidates[:3])
            errors[field] = f"I don't know a place called \u201c{text[:60]}\u201d." + (
                f" Did you mean {offered}?" if offered else "")  # fmt: skip
            return None
        return _summary(ensure_place(session, found.place))


def _summary(row) -> PlaceSummary:
    return PlaceSummary(row.id, row.key, row.name, row.country, row.admin1, row.kind,
                        row.geonameid)  # fmt: skip


def _values(link: LinkResult) -> dict:
    """What a correction keeps as "before"."""
    return {"kind": link.kind, "status": link.status, "year": link.year, "a": link.a.id,
            "b": link.b.id}  # fmt: skip


def _year(text: str) -> tuple[int | None, str | None]:
    """The year typed (None when empty), or what is wrong with it."""
    text = text.strip()
    if not text:
        return None, None
    last = utcnow().year + YEARS_AHEAD
    if not YEAR.fullmatch(text) or not FIRST_YEAR <= int(text) <= last:
        return None, f"A year is four digits between {FIRST_YEAR} and {last}, like 1994."
    return int(text), None
