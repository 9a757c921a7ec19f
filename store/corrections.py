"""Corrections: a team's confirmations, hidden facts, edits and additions, kept beside the facts.

Extracted facts stay as extracted; what a team reads is them with its own corrections applied
(`corrected`), in the order they were made. A correction names its fact as stored (places and
kind), so it finds the fact again after re-extraction has replaced the partnership rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from store import models
from store.results import CorrectionResult, FactKey, LinkResult, Mark, PlaceSummary

ACTIONS = ("confirm", "hide", "restore", "edit", "add")
C = models.Correction


def stored_order(a: PlaceSummary, b: PlaceSummary, kind: str) -> FactKey:
    """The fact as the store keys it: unordered kinds with the smaller place key first."""
    if kind != "visit" and b.key < a.key:
        a, b = b, a
    return a.id, b.id, kind


def record(
    session: Session,
    *,
    team: str,
    user: str,
    action: str,
    fact: FactKey,
    before: dict,
    after: dict,
    note: str | None,
    now: datetime,
) -> CorrectionResult:
    """Keep one correction of the team's."""
    if action not in ACTIONS:
        raise ValueError(f"unknown correction {action!r}")
    a_id, b_id, kind = fact
    row = models.Correction(
        scope=team, user_id=user, created_at=now, action=action, place_a_id=a_id,
        place_b_id=b_id, kind=kind, before=before, after=after, note=note or None,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return _result(row)


COLUMNS = (C.id, C.place_a_id, C.place_b_id, C.kind, C.action, C.before, C.after, C.note,
           C.user_id, C.created_at)  # fmt: skip


def _result(row) -> CorrectionResult:
    """A CorrectionResult from a row of COLUMNS (or a Correction)."""
    mark = Mark(row.user_id, row.created_at, row.action)
    fact = (row.place_a_id, row.place_b_id, row.kind)
    return CorrectionResult(row.id, fact, row.action, row.before, row.after, row.note, mark)


def of_team(session: Session | Connection, team: str) -> list[CorrectionResult]:
    """Every correction of the team, oldest first (a team makes hundreds, not millions)."""
    query = select(*COLUMNS).where(C.scope == team).order_by(C.created_at, C.id)
    return [_result(row) for row in session.execute(query)]


def of_pair(session: Session, team: str, a_id: int, b_id: int) -> list[CorrectionResult]:
    """The team's corrections of facts that were, or were made, links of the two places."""
    pair = {a_id, b_id}
    found = [
        row
        for fact, rows in by_fact(of_team(session, team)).items()
        if pair in ({fact[0], fact[1]}, set(parties(fact, rows)))
        for row in rows
    ]
    return sorted(found, key=lambda row: (row.mark.at, row.id))


def vouched_between(session: Session, team: str, start, end) -> list[FactKey]:
    """The facts the team confirmed, edited or added in [start, end), first vouched first."""
    query = (
        select(C.place_a_id, C.place_b_id, C.kind)
        .where(C.scope == team, C.action.in_(("confirm", "edit", "add")),
               C.created_at >= start, C.created_at < end)  # fmt: skip
        .order_by(C.created_at, C.id)
    )
    return list(dict.fromkeys(tuple(row) for row in session.execute(query)))


def teams(session: Session) -> list[str]:
    """The teams that have corrected something."""
    return list(session.scalars(select(C.scope).distinct().order_by(C.scope)))


def _statements(team: str, fact: FactKey):
    """The evidence rows (id, article) the team sees that state the fact (places and kind)."""
    P, E, A = models.Partnership, models.Evidence, models.Article
    a_id, b_id, kind = fact
    return (
        select(E.id, E.article_id)
        .join(P, P.id == E.partnership_id)
        .join(A, A.id == E.article_id)
        .where(
            P.place_a_id == a_id,
            P.place_b_id == b_id,
            P.kind == kind,
            A.scope.in_(models.visible_scopes(team or None)),
        )  # fmt: skip
    )


def is_stated(session: Session, team: str, fact: FactKey) -> bool:
    """Whether evidence the team sees states the fact."""
    return session.execute(_statements(team, fact).limit(1)).first() is not None


def corrected_articles(session: Session, team: str) -> list[int]:
    """The articles the team sees that state a fact it corrected, oldest first."""
    facts = {row.fact for row in of_team(session, team) if row.action != "add"}
    found = {row.article_id for fact in facts for row in session.execute(_statements(team, fact))}
    return sorted(found)


def place_names(session: Session, ids: Sequence[int]) -> tuple[str, ...]:
    """The names of the places `ids`, in order ('?' for one that is gone)."""
    query = select(models.Place.id, models.Place.name).where(models.Place.id.in_(list(ids)))
    rows = {place_id: name for place_id, name in session.execute(query)}
    return tuple(rows.get(i, "?") for i in ids)


def by_fact(rows: Sequence[CorrectionResult]) -> dict[FactKey, list[CorrectionResult]]:
    """The rows grouped by the fact they apply to, each group oldest first."""
    grouped: dict[FactKey, list[CorrectionResult]] = {}
    for row in rows:
        grouped.setdefault(row.fact, []).append(row)
    return grouped


def parties(fact: FactKey, rows: Sequence[CorrectionResult]) -> tuple[int, int]:
    """The place ids of the fact's two sides once its corrections are applied."""
    a, b = fact[0], fact[1]
    for row in rows:
        a, b = row.after.get("a", a), row.after.get("b", b)
    return a, b


def hidden(rows: Sequence[CorrectionResult]) -> bool:
    """Whether the last hide, restore or addition among the rows is a hide."""
    verdicts = [row.action for row in rows if row.action in ("hide", "restore", "add")]
    return bool(verdicts) and verdicts[-1] == "hide"


def added_link(fact: FactKey, rows: Sequence[CorrectionResult], places) -> LinkResult:
    """A link the team added by hand, with no article behind it (yet)."""
    first = next(row for row in rows if row.action == "add")
    a_id, b_id, kind = fact
    status, year = first.after.get("status", "existing"), first.after.get("year")
    return LinkResult(
        id=0, a=places[a_id], b=places[b_id], kind=kind, status=status, year=year, amount=None,
        evidence=(), first_seen_at=first.mark.at, source_url=first.after.get("url"),
    )  # fmt: skip


def corrected(
    link: LinkResult,
    rows: Sequence[CorrectionResult],
    places: Mapping[int, PlaceSummary],
    confirm_below: float = 0.0,
) -> LinkResult | None:
    """The link as the team sees it: its corrections applied in order; None if hidden.

    A link edited or confirmed by someone is trusted; one nobody touched is unconfirmed while
    extraction's confidence in it is below `confirm_below`.
    """
    if hidden(rows):
        return None
    values: dict = {"kind": link.kind, "status": link.status, "year": link.year}
    a, b = link.a, link.b
    edit = confirm = None
    for row in rows:
        if row.action in ("confirm", "hide", "restore"):
            confirm = row.mark if row.action == "confirm" else confirm
            continue
        values.update((f, row.after[f]) for f in ("kind", "status", "year") if f in row.after)
        a = places[row.after["a"]] if "a" in row.after else a
        b = places[row.after["b"]] if "b" in row.after else b
        edit = row.mark
        if row.action == "add" and link.source_url is None:
            link = replace(link, source_url=row.after.get("url"))
    confidence = link.confidence
    doubtful = confidence is not None and confidence < confirm_below
    return replace(
        link, a=a, b=b, **values, fact=link.key, corrected=edit, confirmed=confirm,
        unconfirmed=doubtful and edit is None and confirm is None,
    )  # fmt: skip


def merged(links: Sequence[LinkResult]) -> list[LinkResult]:
    """One link per pair and kind: an edit can make a link the same as another one."""
    found: dict[tuple, LinkResult] = {}
    for link in links:
        pair = (link.a.id, link.b.id) if link.kind == "visit" else frozenset((link.a.id, link.b.id))
        same = found.get((pair, link.kind))
        if same is None:
            found[(pair, link.kind)] = link
        else:
            evidence = same.evidence + link.evidence
            found[(pair, link.kind)] = replace(
                same, evidence=evidence, unconfirmed=same.unconfirmed and link.unconfirmed
            )
    return list(found.values())
