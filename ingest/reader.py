"""Read articles from files, folders, stdin or raw bytes into `ArticleText`.

Encoding decision: articles must be UTF-8 (a BOM is fine). Text that is not UTF-8 is still
accepted when it decodes as Windows-1252 into mostly ASCII letters with a few accented ones,
which is what news copy from older Windows systems looks like; anything else (Shift-JIS, GBK,
UTF-16...) is refused with `NotUTF8` rather than turned into mojibake. A charset declared by
the sender (an HTTP or upload content type, an HTML meta tag) is trusted.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from facts.shapes import ArticleText
from ingest.dates import YEAR_ONLY, parse_date, years_in
from ingest.errors import (
    EmptyArticle,
    NoArticleBody,
    NotFound,
    NotText,
    NotUTF8,
    TooLarge,
    UnsupportedType,
)

MAX_BYTES = 5 * 1024 * 1024
HEADER_LINES = 8
DATE_LINE_LENGTH = 60  # a byline carrying a date is short; a header's sentence is not
ISSUE = re.compile(r"\b(?:No\.|Issue|Vol\.|Volume|Edition)\s*\d+", re.I)  # a periodical's byline
MIN_HTML_WORDS = 15
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
BINARY_SUFFIXES = {
    ".doc", ".docx", ".odt", ".rtf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip",
    ".gz", ".tar", ".7z", ".mp3", ".mp4", ".mov", ".xls", ".xlsx", ".ppt", ".pptx", ".exe",
}  # fmt: skip
URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# Files that document a folder of articles rather than being one.
FOLDER_DOCS = re.compile(r"(?i)^(?:readme|sources?|license|licence|changelog)(?:\.\w+)?$")

# Wire services and outlets commonly credited in bylines and datelines.
OUTLETS = [
    "Xinhua", "Reuters", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg",
    "Kyodo", "Yonhap", "Press Trust of India", "PTI", "IANS", "ANI", "TASS", "RIA Novosti",
    "Interfax", "dpa", "ANSA", "EFE", "Bernama", "Antara", "Anadolu", "China News Service",
    "CGTN", "CCTV", "Global Times", "China Daily", "People's Daily", "Shanghai Daily",
    "South China Morning Post", "The Hindu", "Times of India", "Hindustan Times",
    "The Guardian", "BBC", "CNN", "The New York Times", "The Washington Post",
    "Los Angeles Times", "San Francisco Chronicle", "Nikkei Asia", "The Japan Times",
    "The Korea Herald", "The Korea Times", "The Straits Times", "The Jakarta Post",
    "Bangkok Post", "New Zealand Herald", "RNZ", "Otago Daily Times", "Stuff",
    "The Sydney Morning Herald", "ABC News", "Al Jazeera", "Gulf News", "Khaleej Times",
    "Arab News", "Deutsche Welle", "France 24", "Euronews", "Sputnik", "Nation Africa",
    "News24", "Punch", "Vanguard", "Premium Times", "The East African", "Channel NewsAsia",
]  # fmt: skip
# As written or in capitals ("VCG/CHINA DAILY"); "Stuff" or "Punch" in lower case are words.
_OUTLET_ALT = "|".join(
    re.escape(n) for n in sorted({*OUTLETS, *map(str.upper, OUTLETS)}, key=len, reverse=True)
)
# Glued scraped headers ("XinhuaUpdated:") still end the name at a capital letter.
KNOWN_OUTLET = re.compile(rf"(?<![A-Za-z])({_OUTLET_ALT})(?![a-z])")
MEDIA_WORD = re.compile(
    r"\b(?:Daily|Times|News|Post|Herald|Agency|Press|Journal|Tribune|Gazette|Chronicle"
    r"|Telegraph|Observer|Standard|Mail|Express|Review|Weekly|Radio|TV|Broadcasting|Wire)\b"
)
PIPE_BYLINE = re.compile(r"^\s*By\s+[^|]{2,60}\|\s*([^|]{2,60}?)\s*(?:\||$)", re.I)
DATELINE_AGENCY = re.compile(r"^[A-Z][A-Z .'’-]+,[^()\n]{0,40}\(([A-Z][\w .&'-]{1,40})\)\s*[-—–]")
NAME_BEFORE_DATE = re.compile(r"^\s*([A-Z][\w&'’. -]{1,50}?)\s*[,|:]\s*\S")
SOURCE_LABEL = re.compile(r"\b(?:Source|Credit)s?\s*:\s*([A-Z][\w&'’. -]{1,50}?)\s*(?:$|[|,;])")
FOOTER_CREDIT = re.compile(rf"(?:\b[A-Z]{{1,5}}/|\(|[-—–]\s*)({_OUTLET_ALT})\)?\s*$")
PHOTO_CREDIT = re.compile(rf"\b(?i:photo|image)\s*:?[^\n]{{0,40}}?/\s*({_OUTLET_ALT})\b")
EVENT_YEAR = re.compile(
    r"\b((?:19|20)\d\d)\s+(?:[A-Z][\w'’&-]*\s+){0,8}(?:Forum|Conference|Summit|Expo|Fair"
    r"|Festival|Games|Week|Meeting|Dialogue|Congress|Convention|Symposium|Show|Awards)\b"
    r"|\b(?:Forum|Conference|Summit|Expo|Fair|Festival|Games|Week|Dialogue)\s+((?:19|20)\d\d)\b"
)


def iter_paths(args: list[str]) -> Iterator[Path | str]:
    """Expand arguments into files: folders recursively (sorted, no hidden files); "-" and URLs
    as they are."""
    for arg in args:
        if arg == "-" or URL.match(arg):
            yield arg
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _folder_files(path)
        else:
            yield path  # a missing path fails when read, with a NotFound reason


def _folder_files(folder: Path) -> Iterator[Path]:
    """The visible article files under a folder, in sorted order."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            Path(root, f) for f in files if not f.startswith(".") and not FOLDER_DOCS.match(f)
        ]
    yield from sorted(found)


def read_path(path: Path | str) -> ArticleText:
    """Read one article file of at most MAX_BYTES."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"{path} is a folder" if path.is_dir() else f"no such file: {path}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise TooLarge(_too_large(size))
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)  # the file may have grown since stat
    return replace(read_bytes(data, name=path.name), path=str(path))


def read_stdin() -> ArticleText:
    """Read one article from standard input."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    return replace(read_bytes(data, name="<stdin>"), path="-")


def _too_large(size: int) -> str:
    """The TooLarge reason, with both sizes in MB."""
    return f"the article is {size / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 2**20} MB"


def read_bytes(data: bytes, *, name: str, content_type: str | None = None) -> ArticleText:
    """Turn raw bytes (file, stdin, download, upload) into article text and header facts."""
    if len(data) > MAX_BYTES:
        raise TooLarge(_too_large(len(data)))
    kind = _kind(name, content_type)
    if not data.strip():
        raise EmptyArticle()
    if kind == "pdf":
        return _from_text(_pdf_text(data))
    text = _decode(data, _declared_charset(content_type, data))
    if not text.strip():
        raise EmptyArticle()
    if kind == "html" or (kind == "sniff" and _looks_like_html(text)):
        return _from_html(text)
    return _from_text(text, markdown=name.lower().endswith((".md", ".markdown")))


def _kind(name: str, content_type: str | None) -> str:
    """'html', 'text' or 'sniff' from the content type, then the file name."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in {"text/html", "application/xhtml+xml"}:
        return "html"
    if mime.startswith("text/"):
        return "text"
    if mime == "application/pdf":
        return "pdf"
    if mime and mime not in {"application/octet-stream", "binary/octet-stream"}:
        raise UnsupportedType(f"cannot read {mime} content; send text or HTML")
    suffix = Path(name).suffix.lower()
    if suffix in BINARY_SUFFIXES:
        raise UnsupportedType(f"cannot read {suffix} files; send text or HTML")
    if suffix == ".pdf":
        return "pdf"
    return "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else "sniff"


def _pdf_text(data: bytes) -> str:
    """The text layer of a PDF, page by page; a scan without one has no article text."""
    try:
        pages = PdfReader(io.BytesIO(data)).pages
        text = "\n\n".join(page.extract_text() or "" for page in pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise NotText(f"this PDF cannot be read ({type(exc).__name__})") from None
    if not text.strip():
        raise NoArticleBody("this PDF has no text layer (a scan?); send the article's text")
    return text.replace("\r\n", "\n")


def _declared_charset(content_type: str | None, data: bytes) -> str | None:
    """A charset named by the content type or an HTML meta tag."""
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.I)
    match = match or re.search(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", data[:4096], re.I)
    if not match:
        return None
    charset = match.group(1)
    return charset.decode("ascii") if isinstance(charset, bytes) else charset


def _decode(data: bytes, charset: str | None) -> str:
    """Bytes to text: UTF-8, a declared charset, or Windows-1252 that reads as letters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotUTF8("the text is UTF-16; save it as UTF-8")
    if b"\x00" in data or _control_share(data[:65536]) > 0.1:
        raise NotText()
    for encoding in filter(None, ("utf-8-sig", charset)):
        try:
            return data.decode(encoding).replace("\r\n", "\n")
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise NotUTF8() from None
    if not _reads_as_latin_text(text):
        raise NotUTF8()
    return text.replace("\r\n", "\n")


def _control_share(sample: bytes) -> float:
    """The share of control bytes other than whitespace."""
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v" or b == 127)
    return controls / max(len(sample), 1)


def _reads_as_latin_text(text: str) -> bool:
    """Mostly ASCII with a few accented letters and typographic quotes: Western news copy."""
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return False
    letters = sum(c.isalpha() for c in visible) / len(visible)
    foreign = sum(not c.isascii() for c in visible) / len(visible)
    return letters >= 0.6 and foreign <= 0.1


def _looks_like_html(text: str) -> bool:
    """Whether text of unknown type is an HTML document."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(?:html|head|body)[\s>]", head)
    )


def _from_html(html: str) -> ArticleText:
    """The main text and metadata of an HTML page, via trafilatura."""
    import trafilatura  # slow to import; only HTML needs it

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        # Only dates the page states as such, not guesses from copyright lines.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(body.split()) < MIN_HTML_WORDS:  # what is left of a menu or a cookie banner
        raise NoArticleBody()
    title = (doc.title or "").strip() or None
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    header = _from_text(text)
    published = parse_date(doc.date or "") or header.published
    return replace(
        header,
        title=title or header.title,
        published=published,
        source=header.source or (doc.sitename or "").strip() or None,
    )


def _from_text(text: str, *, markdown: bool = False) -> ArticleText:
    """Plain text: title from the first line, date and source from the header lines."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    header = lines[:HEADER_LINES]
    return ArticleText(
        text=text,
        title=_title(lines[0], markdown),
        published=_header_date(header) or _event_year(text),
        source=_source(header, lines[-3:]),
    )


def _title(line: str, markdown: bool) -> str:
    """The first line without a leading date label, cut at a sentence when long."""
    if markdown:
        line = line.lstrip("#").strip()
    line = re.sub(r"^(?:date|published|updated)?\s*:?\s*\d{4}-\d{2}-\d{2}\s+", "", line, flags=re.I)
    if len(line) > 200:
        line = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0][:200]
    return line


def _header_date(header: list[str]) -> str | None:
    """The first full date in the header lines, else the year of one ("02/12/2025" may be
    either day first or month first, "No. 118, Autumn 2016" has none); long lines only count
    at their start, and a line of cells ("Agency | Economy | 13/05/2026 19:05 | Text: ...")
    cell by cell."""
    year = None
    for i, line in enumerate(header):
        for cell in (cell.strip() for cell in line.split("|")):
            found = parse_date(cell if len(cell) <= 120 else cell[:40])
            if found and len(found) == 10:
                return found
            if i == 0:  # a headline's year ("Looking back, winter 1989") dates no report
                continue
            if len(cell) <= DATE_LINE_LENGTH:  # not a sentence's "signed on 04/11/1998"
                year = year or found
            elif ISSUE.search(cell) and (lone := YEAR_ONLY.match(cell)):  # "No. 118, Autumn 2016"
                year = year or lone["year"]
    return year


def _event_year(text: str) -> str | None:
    """The latest year the body names, when it names the reported event or dominates."""
    this_year = date.today().year  # a report cannot be dated after today
    mentions = years_in(text, None)
    counts = Counter(y.year for y in mentions if y.how == "explicit" and y.year <= this_year)
    if not counts:
        return None
    latest = max(counts)
    named = {int(a or b) for a, b in EVENT_YEAR.findall(text)}
    dominant = counts[latest] >= 2 and all(
        counts[latest] > n for y, n in counts.items() if y != latest
    )
    return str(latest) if latest in named or dominant else None


def _canonical(name: str) -> str:
    """An outlet name as spelled in OUTLETS, or as written."""
    return next((o for o in OUTLETS if o.lower() == name.lower()), name.strip())


def _source(header: list[str], footer: list[str]) -> str | None:
    """The news agency or publication credited in the header, footer or photo credits."""
    for line in header:
        for pattern in (PIPE_BYLINE, DATELINE_AGENCY, SOURCE_LABEL):
            if match := pattern.search(line):
                return _canonical(match.group(1))
    for line in header[1:]:
        if len(line) <= 80 and (match := KNOWN_OUTLET.search(line)):
            return _canonical(match.group(1))
        named = NAME_BEFORE_DATE.match(line)
        if named and parse_date(line) and MEDIA_WORD.search(named.group(1)):
            return _canonical(named.group(1))
    for line in reversed(footer):
        if match := FOOTER_CREDIT.search(line):
            return _canonical(match.group(1))
    for line in header:
        if match := PHOTO_CREDIT.search(line):
            return _canonical(match.group(1))
    return None
