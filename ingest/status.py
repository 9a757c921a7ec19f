"""How sure a reported link is (new, existing, proposed or refused) and the year it began."""

from __future__ import annotations

import re

from ingest.dates import published_year, years_in

# Refusals: the link was never made ("voted down", "shelved the proposal").
REFUSAL = re.compile(
    r"\b(?:declin(?:ed|es)|refus(?:ed|es)|reject(?:ed|s)?|turn(?:ed|s) down|no plans?|"
    r"not (?:to )?(?:sign|pursue|formali[sz]e|establish|renew|twin|proceed)|"
    r"(?:is|are|was|were) not (?:an? )?(?:sister|twin|partner|friendship)[\s-]|"
    r"never (?:signed|formali[sz]ed)|cancell?ed|called off|withdr[ae]w(?:n|s)?|"
    r"vot(?:ed|es|ing) (?:down|no)|vot(?:ed|es)\b[^.;]{0,40}\bagainst (?:(?:a|the) "
    r"(?:proposal|plan|motion|bid|idea)|(?:establish|form|sign|creat|adopt|pursu|renew|formali[sz])\w*)|"
    r"shelv(?:ed|es)|scrap(?:ped|s)|abandon(?:ed|s)|dropp(?:ed) (?:the|its|a) "
    r"(?:plan|proposal|bid|idea))\b",
    re.I,
)
# Endings: the link existed and is over ("cut ties with", "ended its sister-city relationship").
ENDED = re.compile(
    r"\b(?:(?:end(?:ed|s|ing)|suspend(?:ed|s|ing)|terminat(?:ed|es|ing)|sever(?:ed|s|ing)|"
    r"dissolv(?:ed|es|ing)|revok(?:ed|es|ing)|clos(?:e|ed|es|ing))\b[^.;]{0,40}?"
    r"\b(?:relationship|partnership|twinning|ties|agreement|link|arrangement|pact)s?|"
    r"cut(?:s|ting)? (?:all |its |their )?(?:ties|links))\b",
    re.I,
)
PROPOSED = re.compile(
    r"\b(?:want(?:s|ed)?|wish(?:es)?|hope[sd]?|hoping|look(?:s|ing)? (?:to|forward)|seek(?:s|ing)?|"
    r"plan(?:s|ned|ning)? to|intend(?:s|ed)?|propos(?:e|ed|al)|eager|would like|will|would|could|"
    r"(?-i:may|might)|aim(?:s|ed)? (?:to|at)|explore|exploring|discuss(?:ed|es|ing)?|"
    r"consider(?:s|ed|ing)?|potential|draft|expect(?:s|ed)?|to establish|to become|"
    r"(?:due|set|scheduled|slated) to|invit(?:ed|es) \w+ to|invit(?:ed|es|ing) (?:a|an|the))\b",
    re.I,
)
# A time still to come: "next spring", "later this year", "in the coming months".
FUTURE = re.compile(
    r"\b(?:next (?:week|month|year|spring|summer|autumn|fall|winter)|later this (?:week|month|"
    r"year)|in the coming (?:weeks|months|years)|(?:is|are) (?:due|set|scheduled|slated) to)\b",
    re.I,
)
# "in spring 2026", "early 2026", "in May 2026": a year after publication is still to come.
FUTURE_YEAR_CUE = re.compile(
    r"\b(?:in|during|early|mid|late|spring|summer|autumn|fall|winter|january|february|march|"
    r"april|may|june|july|august|september|october|november|december)[\s-]*$",
    re.I,
)
EXISTING = re.compile(
    r"\b(?:since \d{4}|have been|has been|had been|long-?standing|established in \d{4}|"
    r"signed in \d{4}|twinned in \d{4}|\d+ years ago|for (?:more than |over )?\d+ years|"
    r"anniversary|mark(?:s|ed|ing)? \d+ years|\d+ years of|one of the first|existing|began|"
    r"has grown|have grown|houses|has had|dates? from|dates? back to|dating (?:back )?(?:from|to)|"
    r"(?:has|have) (?:a|an) (?:(?!(?:new|draft|proposed|planned|plan|possible|potential|for)\b)"
    r"[\w-]+ ){0,3}?(?:agreement|relationship|partnership|pact)(?![^.;]*\b(?:will|would|to be)\b)|"
    r"(?:is|are|remains?) (?!now\b)(?:a |one of the )?(?:sister|twin|friendship|partner)[\s-]"
    r"(?:cit(?:y|ies)|towns?|states?|provinces?)\b|"
    r"(?:is|are) twinned|(?:sister|twin|partner|friendship) (?:cities|towns) include|"
    r"(?:has|have) (?:already |also |long )?(?:had )?(?:(?:sister[\s-]city|twinning|partnership|"
    r"friendship|formal|official) )?(?:ties|links|relations)|"
    r"['’]s (?:remaining |other |existing |current )?(?:sister|twin|partner|friendship)[\s-]"
    r"(?:cities|towns|states|provinces))\b",
    re.I,
)
# "the memorandum is the first agreement between them": the agreement reported is new.
FIRST_AGREEMENT = re.compile(
    r"\b(?:is|are|marks?) (?:the|their|its) first (?:[\w-]+ ){0,2}?"
    r"(?:agreement|memorandum|pact|deal|accord|treaty)\b",
    re.I,
)
# "signed on Monday", "sign a pact": the act happened, whatever the agreement will do later.
SIGNED = re.compile(r"\b(?:signed|signs|sign|inked|inks|sealed|renewed)\b", re.I)
NOT_YET = re.compile(
    r"\b(?:to|will|would|could|may|might|shall|not|hopes?|wants?)(?:\s+be)?\s+$", re.I
)
# "no official contact since 2019", "inactive since 2019": when it lapsed, not when it began.
LAPSED = re.compile(
    r"\b(?:no|not|never|inactive|dormant|without|silent|lapsed)\b[^.;]{0,40}$", re.I
)
# A past tense verb of the event, for "signed a friendship agreement in 2019".
PAST_EVENT = re.compile(
    r"\b(?:signed|became|established|inked|sealed|formali[sz]ed|twinned|agreed|launched|set up)\b",
    re.I,
)


def _past_year(text: str, published: str | None) -> bool:
    """A year well before publication ("in 2019" in a 2025 article) dates the event reported."""
    reported = published_year(published)
    if reported is None or not PAST_EVENT.search(text):
        return False
    return any(y.how == "explicit" and y.year < reported - 1 for y in years_in(text, published))


def _future(text: str, published: str | None) -> bool:
    """ "next spring", "later this year", or "in spring 2026" in a 2025 article."""
    if FUTURE.search(text):
        return True
    reported = published_year(published)
    return reported is not None and any(
        y.how == "explicit" and y.year > reported and FUTURE_YEAR_CUE.search(text[: y.start])
        for y in years_in(text, published)
    )


RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*[,;]")


def relative_clauses(text: str) -> list[tuple[int, int]]:
    """Where the text's ", which ...," and ", who ...," clauses are."""
    return [m.span() for m in RELATIVE_CLAUSE.finditer(text)]


def clause_at(text: str, start: int) -> tuple[int, int] | None:
    """The relative clause holding `start`, if any."""
    return next(((a, b) for a, b in relative_clauses(text) if a <= start < b), None)


def _own_clause(text: str, start: int) -> str:
    """The relative clause holding `start`, or the text without its relative clauses.

    "X, which has a sister city in Y, said it had no plans to ...": the refusal is another
    clause's business.
    """
    inside = clause_at(text, start)
    return text[inside[0] : inside[1]] if inside else RELATIVE_CLAUSE.sub(",", text)


# Where one main clause of a sentence ends and the next begins: ", and", ", but", ";".
COORDINATE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+", re.I)


def main_clause_at(text: str, start: int) -> tuple[int, int]:
    """The main clause holding `start`: "X and Y are twinned, [the pact signed today is new]"."""
    begin, end = 0, len(text)
    for m in COORDINATE_BREAK.finditer(text):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= start:
            end = m.start()
            break
    return begin, end


def _stated_status(text: str, published: str | None) -> str | None:
    """What the words of `text` say of a link, if anything."""
    if EXISTING.search(text) or _past_year(text, published):
        return "existing"
    if _signed(text) or FIRST_AGREEMENT.search(text):
        return "new"
    if PROPOSED.search(text) or _future(text, published):
        return "proposed"
    return None


def link_status(text: str, start: int, published: str | None = None) -> str | None:
    """new, existing or proposed for a trigger at `start`; None when the text refuses it.

    The trigger's own main clause speaks first; the sentence only when that clause is silent.
    """
    clause = _own_clause(text, start)
    if REFUSAL.search(clause):
        return "proposed" if re.search(r"discuss|consider|explor", clause, re.I) else None
    if ENDED.search(clause):
        return "existing"  # "cut ties with X": the link was in place until now
    if PROPOSED.search(text[max(0, start - 40) : start]):
        return "proposed"  # "plan to sign an agreement", "eager to become a sister city"
    begin, end = main_clause_at(text, start)
    own = _stated_status(text[begin:end], published)
    return own or _stated_status(text, published) or "new"


def visit_status(text: str, start: int, published: str | None = None) -> str | None:
    """new or proposed for a visit trigger at `start`; None when the visit was refused."""
    if REFUSAL.search(text[max(0, start - 60) : start + 60]):
        return None
    before = text[max(0, start - 40) : start]
    # "next year" far from the visit dates another plan ("announced an office next year").
    near = text[max(0, start - 60) : start + 60]
    return "proposed" if PROPOSED.search(before) or _future(near, published) else "new"


def _signed(text: str) -> bool:
    return any(not NOT_YET.search(text[: m.start()]) for m in SIGNED.finditer(text))


def link_year(text: str, status: str, published: str | None) -> int | None:
    """The year a link began: the earliest stated start for existing ones, else the event's."""
    mentions = [
        y for y in years_in(text, published) if not (y.how == "since" and _lapsed(text, y.start))
    ]
    reported = published_year(published)
    if status == "existing":
        starts = [y.year for y in mentions if y.how in {"since", "ago", "explicit"}]
        if ENDED.search(text) and reported is not None:
            starts = [y for y in starts if y < reported - 1]  # the ending is not the start
        return min(starts) if starts else None
    if status == "new":  # happened in the reported event: a year near publication
        recent = [
            y.year
            for y in mentions
            if y.how in {"explicit", "relative"}
            and (reported is None or reported - 1 <= y.year <= reported)
        ]
        return recent[0] if recent else reported
    return None


def _lapsed(text: str, start: int) -> bool:
    return bool(LAPSED.search(text[max(0, start - 50) : start]))
