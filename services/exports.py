"""Exports: the partnerships an answer lists, as CSV, JSON or GraphML, one row per link."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree

from services import questions
from services.areas import AreaService
from services.filters import split_filters
from services.lookups import LookupService
from store.results import LinkResult

COLUMNS = (
    "place_a", "country_a", "geonameid_a", "place_b", "country_b", "geonameid_b", "kind",
    "status", "year", "evidence", "article_title", "article_date", "article_url", "confidence",
    "corrections",
)  # fmt: skip
FORMATS = ("csv", "json", "graphml")
GRAPHML = "http://graphml.graphdrawing.org/xmlns"
FORMULA = re.compile(r"^[=+\-@\t\r]")  # what a spreadsheet would run as a formula


def _corrections(link: LinkResult) -> str:
    marks = [m for m in (link.corrected, link.confirmed) if m]
    return "; ".join(f"{m.action} by {m.user_id} on {m.at:%Y-%m-%d}" for m in marks)


def row(link: LinkResult) -> dict:
    """One link as the export's columns."""
    newest = link.evidence[0] if link.evidence else None
    article = newest.article if newest else None
    return {
        "place_a": link.a.name, "country_a": link.a.country, "geonameid_a": link.a.geonameid,
        "place_b": link.b.name, "country_b": link.b.country, "geonameid_b": link.b.geonameid,
        "kind": link.kind, "status": link.status, "year": link.year,
        "evidence": newest.sentence if newest else "",
        "article_title": article.title if article else "",
        "article_date": (article.published or str(article.ingested_at.date())) if article else "",
        "article_url": (article.url if article else link.source_url) or "",
        "confidence": None if link.confidence is None else round(link.confidence, 2),
        "corrections": _corrections(link),
    }  # fmt: skip


def _cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: a leading = + - @ is quoted away."""
    text = "" if value is None else str(value)
    return "'" + text if FORMULA.match(text) else text


def as_csv(links: list[LinkResult]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for link in links:
        values = row(link)
        writer.writerow([_cell(values[c]) for c in COLUMNS])
    return out.getvalue()


def as_json(links: list[LinkResult]) -> str:
    return json.dumps([row(link) for link in links], ensure_ascii=False, indent=1)


def as_graphml(links: list[LinkResult]) -> str:
    """Places as nodes, links as edges with their kind, status and year."""
    root = ElementTree.Element("graphml", xmlns=GRAPHML)
    for key, target in (("name", "node"), ("country", "node"), ("kind", "edge"),
                        ("status", "edge"), ("year", "edge")):  # fmt: skip
        ElementTree.SubElement(root, "key", {"id": key, "for": target, "attr.name": key,
                                             "attr.type": "string"})  # fmt: skip
    graph = ElementTree.SubElement(root, "graph", id="citylink", edgedefault="undirected")
    seen = set()
    for link in links:
        for place in (link.a, link.b):
            if place.id not in seen:
                seen.add(place.id)
                node = ElementTree.SubElement(graph, "node", id=f"p{place.id}")
                ElementTree.SubElement(node, "data", key="name").text = place.name
                ElementTree.SubElement(node, "data", key="country").text = place.country
    for n, link in enumerate(links):
        edge = ElementTree.SubElement(graph, "edge", id=f"e{n}", source=f"p{link.a.id}",
                                      target=f"p{link.b.id}")  # fmt: skip
        for key in ("kind", "status", "year"):
            value = getattr(link, key)
            ElementTree.SubElement(edge, "data", key=key).text = "" if value is None else str(value)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)


WRITERS = {"csv": as_csv, "json": as_json, "graphml": as_graphml}


def export(lookups: LookupService, text: str, *, team_id: str | None, fmt: str = "csv"):
    """(a file name, its content, how many links) for what `text` asks: a `/citylink` query, or
    an *Export CSV* button's target; every partnership it has, not a page of them."""
    links = list(_target_links(lookups, text, team_id))
    name = text.partition("|")[0]  # a button's target, without its filters
    stem = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:60] or "citylink"
    return f"citylink-{stem}.{fmt}", WRITERS[fmt](links), len(links)


def _target_links(lookups: LookupService, text: str, team_id: str | None):
    """A button's target ("place KEY|filters", "pair KEY KEY|...", "country CC|...",
    "between SIDE SIDE|...", "latest|..."), read again by keys; else `text` as typed."""
    if "|" not in text:
        return questions.links_of(questions.ask(lookups, text, team_id=team_id, whole=True))
    target, _, asked = text.partition("|")
    _, filters, _ = split_filters(asked, lambda words: False)
    kind, *args = target.split()
    areas = AreaService(lookups, whole=True)
    if kind == "place" and len(args) == 1:
        found = lookups.profile_of(args[0], team_id=team_id, page=None)
        return questions.links_of(areas.narrowed(found, team_id=team_id, filters=filters)) if (
            found) else ()  # fmt: skip
    if kind == "pair" and len(args) == 2:
        pair = lookups.pair_of(*args, team_id=team_id)
        return [link for link in pair.links if filters.keeps(link)] if pair else ()
    if kind == "country" and len(args) == 1:
        return areas.country(args[0], team_id=team_id, filters=filters).links
    if kind == "between" and len(args) == 2:
        sides = [_side(lookups, side) for side in args]
        if None in sides:
            return ()
        return areas.between(*sides, team_id=team_id, filters=filters).links
    if kind == "latest":
        return areas.latest(team_id=team_id, filters=filters)
    return ()


def _side(lookups: LookupService, side: str):
    """ "country:JP" -> "JP"; "place:KEY" -> the place; None for anything else."""
    what, _, value = side.partition(":")
    if what == "country" and re.fullmatch(r"[A-Z]{2}", value):
        return value
    return lookups.index.place_by_key(value) if what == "place" else None
