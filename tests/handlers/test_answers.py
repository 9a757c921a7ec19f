"""The answer cache: kept answers never outlive the store revision they were made under."""

from handlers.answers import AnswerCache
from handlers.views import View


def counting_maker():
    made = []

    def make(name: str):
        def view() -> View:
            made.append(name)
            return View([], name)

        return view

    return made, make


def test_an_answer_is_made_once_per_revision():
    cache, (made, make) = AnswerCache(), counting_maker()
    assert cache.get(1, "Kumamoto", make("Kumamoto")).text == "Kumamoto"
    assert cache.get(1, "Kumamoto", make("Kumamoto")).text == "Kumamoto"
    assert made == ["Kumamoto"]
    cache.get(2, "Kumamoto", make("Kumamoto"))  # the store gained an article
    assert made == ["Kumamoto", "Kumamoto"]


def test_the_least_recently_asked_answer_goes_first():
    cache, (made, make) = AnswerCache(size=2), counting_maker()
    for name in ("Suwon", "Kumamoto", "Suwon", "Dunedin"):  # Kumamoto is the oldest now
        cache.get(1, name, make(name))
    cache.get(1, "Suwon", make("Suwon"))
    cache.get(1, "Kumamoto", make("Kumamoto"))
    assert made == ["Suwon", "Kumamoto", "Dunedin", "Kumamoto"]
