"""A place card's first page, rendered once and kept in the store, so a first lookup only reads it.

Rendering a page from the facts the store keeps cost more than reading them (about seventy
results decoded, a dozen partnerships formatted). A kept page is that page's Block Kit with the
two counts the card's head and buttons need, tagged with the renderer that made it: a digest of
the views' code, of this module's and of the country names they use, so a release that renders
or lays out pages differently renders them anew instead of showing what older code made (as
templates' digests do in caches).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import sys
from importlib.metadata import version

from handlers import views
from store.results import PlaceProfile

_CODE = inspect.getsource(views) + inspect.getsource(sys.modules[__name__])
RENDERER = hashlib.sha256((_CODE + version("pycountry")).encode("utf-8")).hexdigest()[:16]


def keep(profile: PlaceProfile) -> str:
    """The text kept for the first page of `profile`'s card."""
    page = views.place_page(profile, 0)
    kept = [RENDERER, page.partnership_count, page.article_count, page.blocks]
    return json.dumps(kept, ensure_ascii=False, separators=(",", ":"))


def read(text: str) -> views.PlacePage | None:
    """The page `keep` wrote, or None if another renderer (another release) wrote it."""
    kept = json.loads(text)
    if kept[0] != RENDERER:
        return None
    _, partnership_count, article_count, blocks = kept
    return views.PlacePage(blocks, partnership_count, article_count)
