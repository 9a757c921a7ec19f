"""Place cards kept in the store: a place's first card page, built once, rebuilt after a change.

A card is the page `/citylink <place>` shows first, as one scope sees it: '' for the shared
corpus, or a team whose own articles touch the place (the team then sees both). The store keeps
the text its maker wrote (the handlers keep the page rendered: `handlers.kept_pages`). A scope
has a card row for a place exactly when its articles touch the place (mention it, link it, or
name someone or something of it), so the rows also say which places a team knows anything about.
Adding an article marks the cards of every place it touches out of date in the article's own
transaction, so a card read from the store is never stale; the next lookup builds it again.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, and_, bindparam, case, select, text, update
from sqlalchemy.orm import Session

from store import models
from store.db import DirectSelect, insert_or_merge

C, Pl = models.PlaceCard, models.Place
SHARED = ""


@dataclass(frozen=True)
class StoredPlace:
    """A place row and its card as the asker sees it: the team's own, else the shared one."""

    id: int
    card_scope: str | None  # None: no article the asker sees touches the place
    card_version: int
    card: str | None  # the kept page: None until built, or when not asked for

    @property
    def known(self) -> bool:
        """Whether an article the asker sees touches the place."""
        return self.card_scope is not None


def _stored_places_query():
    """Places by key with their card rows in the asker's scopes.

    Built once, with the keys, the scopes and the one place whose card is wanted bound at
    each execution.
    """
    in_scope = and_(C.place_id == Pl.id, C.scope.in_(bindparam("scopes", expanding=True)))
    body = case((Pl.key == bindparam("card_of"), C.body), else_=None)
    return (
        select(Pl.key, Pl.id, C.scope, C.version, body)
        .outerjoin(C, in_scope)
        .where(Pl.key.in_(bindparam("keys", expanding=True)))
    )


STORED_PLACES = DirectSelect(_stored_places_query())  # what every first lookup waits for


def stored_places(
    engine: Engine, keys: Collection[str], team_id: str | None, card_of: str
) -> dict[str, StoredPlace]:
    """The stored places among `keys`, in one query, with the card of `card_of` only.

    A team's own card wins over the shared one.
    """
    found: dict[str, StoredPlace] = {}
    wanted = {"keys": list(keys), "scopes": models.visible_scopes(team_id), "card_of": card_of}
    for key, place_id, scope, version, body in STORED_PLACES.rows(engine, wanted):
        if key not in found or scope:  # the team's own card over the shared one
            found[key] = StoredPlace(place_id, scope, version or 0, body)
    return found


STALE = {"body": None, "version": C.version + 1}


def lock(session: Session, place_ids: Collection[int]) -> None:
    """Take the existing card rows of these places, in every scope, in one order for every writer.

    An article changes cards in several statements (its own places' rows, then those of the
    places listing someone it gave a role); two writers taking rows in different orders can each
    wait for a row the other holds. Taking every row first, by (place, scope), leaves a writer
    waiting only for writers ahead of it in that order.
    """
    ids = sorted(set(place_ids))
    if ids:
        rows = select(C.place_id).where(C.place_id.in_(ids)).order_by(C.place_id, C.scope)
        session.execute(rows.with_for_update())  # a plain read on SQLite: its writers take turns


def touch(session: Session, place_ids: Collection[int], scope: str) -> None:
    """Mark the cards of the places out of date: the scope's, and every team's if it is shared.

    The scope's rows are created when missing: its articles now touch those places.
    """
    ids = sorted(set(place_ids))  # the upsert takes the rows in one order for every writer
    if not ids:
        return
    rows = [{"place_id": i, "scope": scope, "body": None, "version": 0} for i in ids]
    upsert = insert_or_merge(session, C)
    session.execute(upsert.on_conflict_do_update(index_elements=[C.place_id, C.scope], set_=STALE),
                    rows)  # fmt: skip
    if scope == SHARED:
        mark_stale(session, ids, C.scope != SHARED)


def mark_stale(session: Session, place_ids: Collection[int], *only) -> None:
    """Mark the places' existing cards out of date (in every scope, or those `only` selects);
    no row is created."""
    if place_ids:
        where = (C.place_id.in_(sorted(set(place_ids))), *only)
        session.execute(update(C).where(*where).values(STALE))


# Every (place, scope) whose articles touch the place, for a store filled without `touch`.
EVERY_TOUCHED_PLACE = """
INSERT INTO place_cards (place_id, scope, body, version)
SELECT DISTINCT touched.place_id, articles.scope, NULL, 0
FROM (
    SELECT article_id, place_id FROM place_mentions
    UNION SELECT e.article_id, p.place_a_id
    FROM evidence e JOIN partnerships p ON p.id = e.partnership_id
    UNION SELECT e.article_id, p.place_b_id
    FROM evidence e JOIN partnerships p ON p.id = e.partnership_id
    UNION SELECT q.article_id, x.place_id FROM article_people q JOIN people x ON x.id = q.person_id
    UNION SELECT q.article_id, x.place_id
    FROM article_organizations q JOIN organizations x ON x.id = q.organization_id
) AS touched
JOIN articles ON articles.id = touched.article_id
WHERE touched.place_id IS NOT NULL
"""


def touch_every_place(connection: Connection) -> None:
    """Card rows for every place each scope's articles touch (a store with no cards yet)."""
    connection.execute(text(EVERY_TOUCHED_PLACE))


def save(session: Session, place: StoredPlace, card: str) -> None:
    """Keep a card built from facts read after `place` was: unless an article changed it since."""
    current = and_(C.place_id == place.id, C.scope == place.card_scope,
                   C.version == place.card_version)  # fmt: skip
    session.execute(update(C).where(current).values(body=card))
