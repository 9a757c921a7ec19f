"""Text to facts: run the pipeline over an article and assemble its `ArticleFacts`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from facts.shapes import ArticleFacts, ArticleText, PlaceMention
from ingest.acronyms import acronym_mentions, acronym_places
from ingest.article_state import ArticleState
from ingest.confidence import ArticleView, ConfidenceModel
from ingest.home import publisher_region, publisher_town
from ingest.money import find_money
from ingest.people import find_organizations, find_people, without_surnames
from ingest.pipeline import build_nlp
from ingest.relations import event_place, find_partnerships
from ingest.resolve import Mention, resolve_places
from ingest.sentences import keep_text


class Extractor:
    """Extracts facts with one shared pipeline; `pipe` batches articles for throughput."""

    def __init__(self, nlp: Language, confidence: ConfidenceModel | None = None):
        self.nlp = nlp
        self.gaz = nlp.get_pipe("citylink_places").gaz
        self.confidence = confidence or ConfidenceModel.load()

    def __call__(self, article: ArticleText) -> ArticleFacts:
        return self._facts(self.nlp(article.text), article)

    def explained(self, article: ArticleText) -> tuple[ArticleFacts, ArticleView]:
        """The facts with what their confidence is read from (to fit the confidence model)."""
        view = self._view(self.nlp(article.text), article)
        return self.confidence.scored(view), view

    def pipe(self, articles: Iterable[ArticleText], batch_size: int = 8) -> Iterator[ArticleFacts]:
        articles = list(articles)
        docs = self.nlp.pipe((a.text for a in articles), batch_size=batch_size)
        for doc, article in zip(docs, articles, strict=True):
            yield self._facts(doc, article)

    def _facts(self, doc: Doc, article: ArticleText) -> ArticleFacts:
        return self.confidence.scored(self._view(doc, article))

    def _view(self, doc: Doc, article: ArticleText) -> ArticleView:
        """The article's facts before their confidence is set, with the parsed text."""
        keep_text(doc, article.text)
        mentions = resolve_places(doc, self.gaz, "places")
        org_mentions = resolve_places(doc, self.gaz, "org_places", mentions)
        publisher = publisher_town(doc, org_mentions)
        acronyms = acronym_places(doc, mentions + org_mentions, self.gaz.country)
        region = publisher_region(doc, mentions + org_mentions)
        people = find_people(
            doc, mentions, org_mentions, self.gaz.country, publisher, acronyms, region
        )
        mentions = without_surnames(doc, mentions, people)
        counts = Counter(m.place for m in mentions)
        focus = counts.most_common(1)[0][0] if counts else None
        state = ArticleState(focus, event_place(doc, mentions), article.published)
        state.home = publisher
        org_mentions += acronym_mentions(doc, acronyms)  # "SMC signed ...": Sibu's council
        partnerships = find_partnerships(
            doc, mentions, org_mentions, people, state, self.gaz.country
        )
        facts = ArticleFacts(
            title=article.title,
            published=article.published,
            source=article.source,
            places=_listed(mentions),
            people=people,
            organizations=find_organizations(doc, mentions + org_mentions),
            partnerships=partnerships,
            money=[m.money for m in find_money(article.text)],
        )
        return ArticleView(doc, facts)


def _listed(mentions: list[Mention]) -> list[PlaceMention]:
    """The places the article names, each with its count; a region only an adjective names
    ("the Bavarian government") is a party, not a place the text names."""
    counts = Counter(m.place for m in mentions if not m.span._.adjective_of)
    return [PlaceMention(place, n) for place, n in counts.items()]


def extract(text: str, *, published: str | None = None, title: str | None = None) -> ArticleFacts:
    """Facts of one text with the default pipeline (built once per process)."""
    return Extractor(build_nlp())(ArticleText(text=text, title=title, published=published))
