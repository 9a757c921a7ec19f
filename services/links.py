"""Links as Slack sends them: in a message as <url> or <url|label>, typed in a command with or
without the brackets; either way with &, < and > written as entities (&amp;)."""

from __future__ import annotations

import html
import re

# Mentions (<@U1>, <#C1>, <!here>) are not links.
SLACK_LINK = re.compile(r"<([a-z][a-z0-9+.-]*://[^|>\s]+)(?:\|[^>]*)?>", re.IGNORECASE)
TYPED_LINK = re.compile(r"<?(https?://[^\s<>|]+)(?:\|[^>]*)?>?", re.IGNORECASE)


def links_in(text: str) -> list[str]:
    """The web links of a Slack message, in order, without duplicates."""
    links = (html.unescape(m.group(1)) for m in SLACK_LINK.finditer(text or ""))
    return list(dict.fromkeys(links))


def typed_link(text: str) -> str | None:
    """The first http(s) link typed in a command, as the address it stands for."""
    found = TYPED_LINK.search(text or "")
    return html.unescape(found.group(1)) if found else None


def without_links(text: str) -> str:
    """The command's text with its links taken out."""
    return TYPED_LINK.sub(" ", text)
