"""PDF articles (shared into Slack as files) are read from their text layer."""

import pytest

from ingest.errors import NoArticleBody, NotText
from ingest.reader import read_bytes
from tests.pdf import make_pdf

LINES = [
    "Kumamoto and Suwon mark ten years as sister cities",
    "The mayors of Kumamoto and Suwon renewed their sister-city agreement on Tuesday.",
]


def test_a_pdf_gives_its_text_and_title():
    article = read_bytes(make_pdf(LINES), name="kumamoto.pdf")
    assert "renewed their sister-city agreement" in article.text
    assert article.title.startswith("Kumamoto and Suwon")


def test_a_pdf_is_recognised_by_its_content_type_alone():
    article = read_bytes(make_pdf(LINES), name="download", content_type="application/pdf")
    assert "Suwon" in article.text


def test_a_pdf_without_text_and_a_broken_pdf_get_reasons():
    with pytest.raises(NoArticleBody, match="no text layer"):
        read_bytes(make_pdf([]), name="scan.pdf")
    with pytest.raises(NotText, match="cannot be read"):
        read_bytes(b"%PDF-1.4 garbage " * 20, name="broken.pdf")
