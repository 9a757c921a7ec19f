"""Which of a lookup's candidate places the store holds, and which of them the asker's team knows.

A team knows a place when an article it sees (the shared corpus or its own) touches the place:
mentions it, states a partnership of it, quotes someone of it or names an organisation of it.
Each of those is an EXISTS walking an index from the place (`place_mentions` by place, then
`partnerships`, `people` and `organizations` by place), stopping at the first visible article.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, or_, select

from store import models
from store.models import visible_scopes

A, Pl = models.Article, models.Place
M, E, P = models.PlaceMention, models.Evidence, models.Partnership
Quote, Person = models.ArticlePerson, models.Person
Named, Organization = models.ArticleOrganization, models.Organization


@dataclass(frozen=True)
class StoredPlace:
    id: int
    known: bool  # an article the asker sees touches the place


def _touching_articles():
    """Selects of the ids of the articles touching the place `Pl` (correlated), one per way."""
    return (
        select(M.article_id).where(M.place_id == Pl.id),
        select(E.article_id).join(P, P.id == E.partnership_id).where(P.place_a_id == Pl.id),
        select(E.article_id).join(P, P.id == E.partnership_id).where(P.place_b_id == Pl.id),
        select(Quote.article_id).join(Person, Person.id == Quote.person_id)
        .where(Person.place_id == Pl.id),
        select(Named.article_id).join(Organization, Organization.id == Named.organization_id)
        .where(Organization.place_id == Pl.id),
    )  # fmt: skip


def _known():
    """Whether an article in the bound `scopes` touches the place."""
    visible = A.scope.in_(bindparam("scopes", expanding=True))
    return or_(*(
        touching.join(A, A.id == touching.selected_columns[0]).where(visible).exists()
        for touching in _touching_articles()
    ))  # fmt: skip


# Built once, run with the keys and scopes bound (SQLAlchemy reuses its compiled form).
STORED_PLACES = select(Pl.key, Pl.id, _known()).where(Pl.key.in_(bindparam("keys", expanding=True)))


def stored_places(
    connection: Connection, keys: Collection[str], team_id: str | None
) -> dict[str, StoredPlace]:
    """The stored places among `keys`, by key, each saying whether the team knows it."""
    wanted = {"keys": list(keys), "scopes": visible_scopes(team_id)}
    rows = connection.execute(STORED_PLACES, wanted)
    return {key: StoredPlace(place_id, bool(known)) for key, place_id, known in rows}
