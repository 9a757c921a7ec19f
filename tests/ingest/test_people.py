"""People with roles and places, through the real pipeline."""

import pytest

from facts.shapes import ArticleText


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


@pytest.mark.parametrize(
    "text, name, role, place",
    [
        (
            "Jean-Luc Marchand, the mayor of Lunéville, sent a video message.",
            "Jean-Luc Marchand",
            "mayor",
            "Lunéville",
        ),
        (
            "A delegation from Wuxi led by Vice Mayor Chen Ling arrived in Hamilton.",
            "Chen Ling",
            "vice mayor",
            "Wuxi",
        ),
        ("HAMILTON — Mayor Aroha Tane welcomed the guests.", "Aroha Tane", "mayor", "Hamilton"),
        (
            "Jalisco tourism minister Ana Ruiz attended the signing.",
            "Ana Ruiz",
            "tourism minister",
            "Jalisco",
        ),
        (
            "Ana Ortiz, Medellín's secretary of mobility, led the talks in Quito.",
            "Ana Ortiz",
            "secretary of mobility",
            "Medellín",
        ),
        (
            "The deal was signed by Mayor Jan Nowak of Lublin and his Lviv counterpart Ivan Bilyk.",
            "Ivan Bilyk",
            "mayor",
            "Lviv",
        ),
        (
            "The deal was signed by Mayor Jan Nowak of Lublin and his Lviv counterpart, Mayor "
            "Ivan Bilyk, on Monday.",
            "Ivan Bilyk",
            "mayor",
            "Lviv",
        ),
        (
            "The charter was signed by Governor of Bolikhamxay province Mr Bounmy Keola.",
            "Bounmy Keola",
            "governor",
            "Bolikhamxay",
        ),
        (
            "Karen Lowe, president and CEO of the Akron Chamber of Commerce, spoke first.",
            "Karen Lowe",
            "president and ceo of the akron chamber of commerce",
            "Akron",
        ),
    ],
)
def test_roles_the_model_alone_misses(extractor, text, name, role, place):
    assert people(extractor, text)[name] == (role, place)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The charter was signed by Mayor Marieke van Lingen-Bosch of Zwolle and her Porto "
         'counterpart. "We sail," said Mayor Van Lingen-Bosch.', "Marieke van Lingen-Bosch"),
        ("The charter was signed by Mayor Ramón Ortiz Ferrándiz of Zwolle and his Porto "
         'counterpart. "We sail," said Mayor Ortiz Ferrándiz.', "Ramón Ortiz Ferrándiz"),
    ],
)  # fmt: skip
def test_a_surname_of_two_words_is_one_person(extractor, text, name):
    assert people(extractor, text) == {name: ("mayor", "Zwolle")}


def test_a_name_ending_another_with_a_place_of_its_own_is_another_person(extractor):
    text = "Mayor Chan Tai Man of Sha Tin met Mayor Tai Man of Shenzhen on Monday."
    assert people(extractor, text) == {
        "Chan Tai Man": ("mayor", "Sha Tin"),
        "Tai Man": ("mayor", "Shenzhen"),
    }


def test_a_title_without_a_place_names_no_place(extractor):
    text = "President Maria Lopez praised the port plan in Valparaiso."
    assert people(extractor, text)["Maria Lopez"] == ("president", None)


def test_members_a_delegation_includes_are_of_its_town(extractor):
    text = (
        "A seven-member delegation from Kandy arrived in Penang on Monday. The delegation "
        "includes Deputy Mayor Ruwan Fernando, Municipal Commissioner Dilini Perera and two "
        "engineers. Penang Mayor Lim Wei said the visit was overdue."
    )
    found = people(extractor, text)
    assert found["Ruwan Fernando"][1] == "Kandy"
    assert found["Dilini Perera"][1] == "Kandy"
    assert found["Lim Wei"][1] == "Penang"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("the Mayor of Kandy, His Worship Ruwan Fernando,", "Ruwan Fernando"),
        ("the Chief Minister of Penang, YAB Ahmad Zaki Harun,", "Ahmad Zaki Harun"),
        ("Chief Minister Shri Arun Kumar Das,", "Arun Kumar Das"),
        ("Principal Secretary Smt. Leela Pattnaik,", "Leela Pattnaik"),
    ],
)
def test_courtesy_titles_of_south_and_southeast_asia_are_no_part_of_a_name(
    extractor, written, name
):
    text = f"The signing in Penang was witnessed by {written} officials said."
    assert name in people(extractor, text)
    assert not any(found.startswith(("Shri", "Smt")) for found in people(extractor, text))


def test_a_nickname_in_quotes_leaves_one_whole_name(extractor):
    text = (
        'City Mayor Rodolfo "Dodong" Alcantara and Kesennuma Mayor Hiroshi Takahata signed the '
        "agreement. Governor Roel “Dodo” Degamo attended. Alcantara thanked the visitors."
    )
    found = people(extractor, text)
    assert {"Rodolfo Alcantara", "Roel Degamo"} <= set(found)
    assert not {"Rodolfo", "Alcantara", "Roel"} & set(found)


def test_a_body_the_model_takes_for_a_place_still_places_its_officer(extractor):
    text = (
        "Pham Thu Hang, Chairwoman of the Ha Long City People's Committee, signed the deal "
        "with Kitakyushu."
    )
    role, place = people(extractor, text)["Pham Thu Hang"]
    assert role.startswith("chairwoman") and place == "Hạ Long"


def test_a_plural_role_before_names_yields_to_each_one_s_own(extractor):
    text = (
        "Among the guests were the mayors of both towns, Ana Ruiz, Mayor of Mendoza, and "
        "Tom Hart, Mayor of Mildura."
    )
    found = people(extractor, text)
    assert found["Ana Ruiz"] == ("mayor", "Mendoza")
    assert found["Tom Hart"] == ("mayor", "Mildura")


def test_a_plural_role_before_names_without_their_own_stays(extractor):
    text = "The two governors, Ana Ruiz and Tom Hart, signed the pact on Monday."
    found = people(extractor, text)
    assert found["Ana Ruiz"][0] == "governor" and found["Tom Hart"][0] == "governor"


def test_a_plural_role_stays_where_the_words_after_a_name_place_no_office(extractor):
    text = (
        "The mayors of both towns, Ana Ruiz, a member of the Justicialist Party, and Paolo "
        "Bianchi, signed the twinning charter between Mendoza and Cuneo."
    )
    assert people(extractor, text)["Ana Ruiz"][0] == "mayor"


def test_a_former_office_after_a_name_leaves_the_plural_role(extractor):
    text = (
        "The mayors of both towns, Ana Ruiz, a former director of the Mendoza wine board, and "
        "Paolo Bianchi, signed the twinning charter between Mendoza and Cuneo."
    )
    assert people(extractor, text)["Ana Ruiz"][0] == "mayor"


def test_a_body_named_after_an_office_s_town_is_no_person(extractor):
    text = "The President of Nagoya Rotary Club welcomed the Los Angeles delegation on Monday."
    assert not people(extractor, text)
    text = "Secretary of Tianjin Port Holdings Zhang Wei met the Busan delegation on Monday."
    assert "Port Holdings" not in people(extractor, text)
