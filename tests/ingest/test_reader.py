"""Reading articles from files, folders, stdin and bytes: text, header facts and refusals."""

import io
import sys
from pathlib import Path

import pytest

from ingest.errors import (
    EmptyArticle,
    IngestError,
    NoArticleBody,
    NotFound,
    NotText,
    NotUTF8,
    ReadError,
    TooLarge,
    UnsupportedType,
)
from ingest.reader import MAX_BYTES, iter_paths, read_bytes, read_path, read_stdin

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"

BODY = (
    "The mayor of Dunedin met a delegation from Shanghai to discuss trade and education.\n\n"
    "Both cities agreed to expand exchanges between their universities next year.\n"
)

HTML = """<!DOCTYPE html><html><head><title>Dunedin and Shanghai renew sister city ties</title>
<meta property="og:site_name" content="Otago Daily Times">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Dunedin and Shanghai renew sister city ties</h1>
<p>Dunedin and Shanghai have been sister cities since 1994, and the mayor said on Tuesday that
the relationship would deepen with new trade and education agreements between the cities.</p>
<p>The delegation visited the port and the university during a three-day trip, meeting business
leaders from both cities and officials of the regional council.</p></article>
<footer>Copyright 2024</footer></body></html>"""


@pytest.mark.parametrize(
    ("name", "published", "source"),
    [
        ("000_4f8d19cf5b076240.txt", "2024-05-24", "Xinhua"),
        ("001_395c873c5e2720f0.txt", "2018-11-16", "Xinhua"),
        ("002_657e9eb834539c04.txt", "2024-04-22", "China Daily"),
        ("003_d8c582b12b4e567f.txt", "2019-06-11", "Xinhua"),
        ("004_0951e30b849bc137.txt", "2023", None),
    ],
)
def test_bundled_articles_have_their_date_and_source(name, published, source):
    article = read_path(ARTICLES / name)
    assert article.published == published
    assert article.source == source
    assert article.path == str(ARTICLES / name)
    assert article.title and article.title in article.text


@pytest.mark.parametrize(
    ("header", "published", "source"),
    [
        ("Xinhua, May 24, 2024", "2024-05-24", "Xinhua"),
        ("XinhuaUpdated: November 16, 2018", "2018-11-16", "Xinhua"),
        ("April 22, 2024", "2024-04-22", None),
        (" date 2019-06-11", "2019-06-11", None),
        ("By Jane Doe | The Hindu | 2022-09-14", "2022-09-14", "The Hindu"),
        ("Reuters, March 3, 2025", "2025-03-03", "Reuters"),
        ("By Ana Lima | Gazeta do Povo | 2021-02-01", "2021-02-01", "Gazeta do Povo"),
        ("Harbour Weekly, 12 June 2020", "2020-06-12", "Harbour Weekly"),
        ("Source: Kyodo", None, "Kyodo"),
        # A monthly's issue line gives the year, not the latest year its body names.
        ("Chamber News | No. 12, March 2019", "2019", "Chamber News"),
        # ... or its season, at the end of a long byline
        (
            "Harbour Cities Association newsletter for members and friends, No. 118, Autumn 2016",
            "2016",
            None,
        ),
        ("Winter 2021", "2021", None),
        ("Bernama | 04/11/2025 06:52 PM", "2025", "Bernama"),  # day or month first: the year
        (
            "State Press Agency | Economic Development | 13/05/2026 19:05 | Text: Ana Viana | "
            "Translation: Secretariat of International Relations",
            "2026-05-13",
            "State Press Agency",
        ),
    ],
)
def test_header_lines_give_date_and_source(header, published, source):
    article = read_bytes(f"Sister cities meet\n{header}\n\n{BODY}".encode(), name="a.txt")
    assert (article.published, article.source) == (published, source)
    assert article.title == "Sister cities meet"


def test_a_dateline_names_the_agency_but_not_the_year():
    text = f"Cities meet\n\nCHONGQING, May 24 (Xinhua) -- {BODY}"
    article = read_bytes(text.encode(), name="a.txt")
    assert article.source == "Xinhua"
    assert article.published is None


def test_a_headline_s_season_dates_no_report():
    text = f"Looking back on the exchange, winter 1989\nBy Staff\n\n{BODY}"
    assert read_bytes(text.encode(), name="a.txt").published is None


def test_an_event_year_is_the_fallback_date():
    text = f"Cities meet\n\nDelegates came to the 2023 Harbour Cities Forum.\n{BODY}"
    assert read_bytes(text.encode(), name="a.txt").published == "2023"


def test_start_years_and_scattered_years_are_not_a_date():
    text = "Cities meet\n\nThey have been sister cities since 1994.\nIn 2001 and 2005 they met.\n"
    assert read_bytes(text.encode(), name="a.txt").published is None


def test_text_keeps_the_title_and_the_whole_body():
    article = read_bytes(f"Title line\r\n\r\n{BODY}".encode(), name="a.txt")
    assert article.text == f"Title line\n\n{BODY}"


def test_markdown_title_loses_its_heading_marks(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(f"# Dunedin and Shanghai\n\n{BODY}")
    assert read_path(path).title == "Dunedin and Shanghai"


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page"])
def test_html_gives_main_text_and_metadata(tmp_path, name):
    path = tmp_path / name
    path.write_text(HTML)
    article = read_path(path)
    assert article.title == "Dunedin and Shanghai renew sister city ties"
    assert article.published == "2024-03-05"
    assert article.source == "Otago Daily Times"
    assert "since 1994" in article.text and "Home" not in article.text
    assert article.text.startswith(article.title)


def test_html_without_an_article_is_refused():
    page = b"<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>"
    with pytest.raises(NoArticleBody):
        read_bytes(page, name="x", content_type="text/html")


def test_declared_charset_is_trusted():
    page = HTML.replace("Dunedin", "Düsseldorf").encode("latin-1")
    article = read_bytes(page, name="x", content_type="text/html; charset=ISO-8859-1")
    assert article.title.startswith("Düsseldorf")


def test_utf8_bom_is_dropped():
    article = read_bytes("\ufeffTitle\n\nBody text here.".encode(), name="a.txt")
    assert article.title == "Title"


def test_windows_1252_news_copy_is_accepted():
    text = "Café owners in Zürich signed a “landmark” deal with Lyon, the mayor said.\n"
    assert read_bytes(text.encode("cp1252"), name="a.txt").text == text


@pytest.mark.parametrize(
    "data",
    [
        "東京都と上海市は友好都市です。経済協力を強化します。".encode("shift_jis"),
        "上海与旧金山是友好城市，双方将加强经济合作。".encode("gbk"),
        "Sister cities".encode("utf-16"),
    ],
)
def test_other_encodings_are_refused(data):
    with pytest.raises(NotUTF8) as caught:
        read_bytes(data, name="a.txt")
    assert "UTF-8" in caught.value.reason


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\ufeff \u00a0\n".encode()])
def test_empty_articles_are_refused(data):
    with pytest.raises(EmptyArticle):
        read_bytes(data, name="a.txt")


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(1, 32)) * 20 + b"abc"]
)
def test_binary_content_is_refused(data):
    with pytest.raises(NotText):
        read_bytes(data, name="upload")


@pytest.mark.parametrize(
    ("name", "content_type"), [("x", "image/png"), ("a.docx", None), ("deck.pptx", None)]
)
def test_unsupported_types_are_refused(name, content_type):
    with pytest.raises(UnsupportedType):
        read_bytes(b"%PDF-1.4 whatever", name=name, content_type=content_type)


def test_a_large_file_is_refused_from_its_size(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 20 MB on paper, nothing written
        handle.truncate(20 * 1024 * 1024)
    with pytest.raises(TooLarge) as caught:
        read_path(path)
    assert "20.0 MB" in caught.value.reason


def test_large_bytes_are_refused():
    with pytest.raises(TooLarge):
        read_bytes(b"a" * (MAX_BYTES + 1), name="a.txt")


def test_missing_paths_fail_when_read_not_when_listed(tmp_path):
    listed = list(iter_paths([str(tmp_path / "missing.txt")]))
    assert listed == [tmp_path / "missing.txt"]
    with pytest.raises(NotFound) as caught:
        read_path(listed[0])
    assert "missing.txt" in caught.value.reason


def test_folders_expand_recursively_sorted_without_hidden_files(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.html", ".hidden.txt", ".git/d.txt", "SOURCES.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BODY)
    listed = list(iter_paths([str(tmp_path), "-"]))
    names = [p.relative_to(tmp_path).as_posix() for p in listed[:-1]]
    assert names == ["a.txt", "b.txt", "sub/c.html"]
    assert listed[-1] == "-"


def test_stdin_is_read_as_an_article(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From stdin\n\nBody.")))
    article = read_stdin()
    assert (article.title, article.path) == ("From stdin", "-")


def test_every_refusal_is_an_ingest_error_with_a_reason():
    for error in (NotFound, EmptyArticle, NotText, NotUTF8, TooLarge, NoArticleBody):
        assert issubclass(error, ReadError) and issubclass(error, IngestError)
        assert error().reason and "\n" not in error().reason
    assert TooLarge("the article is 20.0 MB").reason == "the article is 20.0 MB"
