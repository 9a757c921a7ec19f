"""Identity of articles and names: canonical URLs, content hashes and folded names."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from places.names import fold

TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src", "ref_url",
    "ocid", "cmpid", "s_cid", "spm", "share", "smid", "sref", "cid", "icid",
})  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "hsa_")
DEFAULT_PORTS = {"http": 80, "https": 443}
PUNCTUATION_FOLDS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
})  # fmt: skip
WHITESPACE = re.compile(r"\s+")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _netloc(scheme: str, url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    port = parts.port
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@{host}" if userinfo else host
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    return netloc


def canonical_url(url: str) -> str:
    """The URL two forwards of the same article share: no tracking, fragment or default port."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    path = parts.path or "/"
    if path != "/":
        path = path.rstrip("/") or "/"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    return urlunsplit((scheme, _netloc(scheme, url), path, urlencode(query), ""))


def normalized_text(text: str) -> str:
    """Text folded for comparison: NFKC, ASCII quotes and dashes, case-folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(PUNCTUATION_FOLDS).casefold()
    return WHITESPACE.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """The sha256 hex digest of the normalized text: equal for copies that differ in layout."""
    return hashlib.sha256(normalized_text(text).encode("utf-8")).hexdigest()


def folded_name(name: str) -> str:
    """The key the store keeps beside a place's name: the gazetteer's `places.names.fold`, so
    the store and lookups find a name alike ("Zürich", "ZURICH" and "Zurich" agree)."""
    return fold(name)
