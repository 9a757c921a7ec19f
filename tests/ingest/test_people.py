"""People with roles and places, through the real pipeline."""

import pytest

from ingest.facts import ArticleText


def people(extractor, text):
    facts = extractor(ArticleText(text=text))
    return {p.name: (p.role, p.place.name if p.place else None) for p in facts.people}


@pytest.mark.parametrize(
    "text, name, role, place",
    [
        ("Sadiq Khan, mayor of London, opened the forum.", "Sadiq Khan", "mayor", "London"),
        ("Leeds Mayor Tom Riordan welcomed the guests.", "Tom Riordan", "mayor", "Leeds"),
        (
            "Maria Silva, vice governor of Minas Gerais, led the talks.",
            "Maria Silva",
            "vice governor",
            "Minas Gerais",
        ),
    ],
)
def test_roles_and_places(extractor, text, name, role, place):
    assert people(extractor, text)[name] == (role, place)


def test_role_pointing_back_to_a_city(extractor):
    text = (
        "Delegates from Kobe arrived in Seattle on Monday.\n\n"
        "Hiroshi Tanaka, deputy mayor of the Japanese city, praised the port."
    )
    assert people(extractor, text)["Hiroshi Tanaka"] == ("deputy mayor", "Kobe")


def test_people_without_a_role_are_left_out(extractor):
    text = "By Anna Lindqvist\n\nThe forum in Malmo drew 300 guests."
    assert "Anna Lindqvist" not in people(extractor, text)


def test_surname_mentions_are_the_same_person(extractor):
    text = "Jane Castor, mayor of Tampa, spoke first. Castor said the port would grow."
    assert list(people(extractor, text)) == ["Jane Castor"]
