"""A city listing its partners: "Bergen is twinned with Rostock and Turku, and it signed a
friendship agreement with Quebec City" links Bergen to each place listed, each under the kind
whose words come before it."""

from __future__ import annotations

from typing import Protocol, TypeVar


class Positioned(Protocol):
    start: int  # character offset in the sentence


P = TypeVar("P", bound=Positioned)


def listed_pairs(parties: list[P], triggers: list[int], trigger: int) -> list[tuple[P, P]]:
    """(hub, partner) for each party listed after the trigger at `trigger`, up to the next
    trigger after them, where the hub is the one party named before the sentence's first
    trigger; [] if none is. ("signed a friendship agreement with X": both triggers list X.)"""
    hubs = [p for p in parties if p.start < min(triggers)]
    after = [p for p in parties if p.start >= trigger]
    if len(hubs) != 1 or not after:
        return []
    end = min((t for t in triggers if t > after[0].start), default=None)
    return [(hubs[0], p) for p in after if end is None or p.start < end]
