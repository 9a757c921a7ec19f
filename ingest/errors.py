"""Errors raised while turning a file, stdin, upload or URL into article text.

Every error carries `reason`, one line a user can read (the CLI prints it after the path, the
bot replies with it), so callers catch `IngestError` and show `exc.reason`.

    IngestError
    ├── ReadError            the bytes are there but are not a usable article
    │   ├── NotFound         no such file
    │   ├── EmptyArticle     empty or only whitespace
    │   ├── NotText          binary content (NUL bytes, mostly unprintable)
    │   ├── NotUTF8          text in an encoding we do not accept
    │   ├── TooLarge         over the size limit
    │   ├── NoArticleBody    HTML without a main text
    │   └── UnsupportedType  a content type we cannot read (images, archives...)
    └── FetchError           getting the bytes from a URL failed
        ├── RefusedURL       the URL is not allowed (scheme, private address...)
        └── FetchFailed      network error, timeout or HTTP error status
"""

from __future__ import annotations


class IngestError(Exception):
    """Base of all ingest errors; `reason` is a one-line message for users."""

    default_reason = "could not read this article"

    def __init__(self, reason: str | None = None) -> None:
        self.reason = reason or self.default_reason
        super().__init__(self.reason)


class ReadError(IngestError):
    """The content could not be read as an article."""

    default_reason = "could not read this article"


class NotFound(ReadError):
    """The path does not exist or is not a file."""

    default_reason = "no such file"


class EmptyArticle(ReadError):
    """The content is empty or only whitespace."""

    default_reason = "the article is empty"


class NotText(ReadError):
    """The content is binary, not text."""

    default_reason = "this is a binary file, not text"


class NotUTF8(ReadError):
    """The text is in an encoding we do not accept."""

    default_reason = "the text is not UTF-8"


class TooLarge(ReadError):
    """The content is over the size limit."""

    default_reason = "the file is too large"


class NoArticleBody(ReadError):
    """An HTML page in which no main article text was found."""

    default_reason = "no article text found in this page"


class UnsupportedType(ReadError):
    """A content type that is neither text nor HTML."""

    default_reason = "unsupported file type"


class FetchError(IngestError):
    """Getting an article from a URL failed."""

    default_reason = "could not fetch this URL"


class RefusedURL(FetchError):
    """The URL is not allowed (scheme, private or loopback address, ...)."""

    default_reason = "this URL is not allowed"


class FetchFailed(FetchError):
    """A network error, timeout or HTTP error status."""

    default_reason = "fetching the URL failed"
