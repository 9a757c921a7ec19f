"""Partnership kinds: the words that report each kind, when such a word only names an event or
an unnamed partner, and one kind per agreement."""

from __future__ import annotations

import re

from ingest.dates import WEEKDAY
from ingest.money import find_money
from ingest.written import IN_NAMED_PLACE

# "a Protocol on Cooperation", "an agreement on trade, economic and cultural cooperation": a
# memorandum, whatever fields it names.
_COOPERATION_INSTRUMENT = (
    r"\b(?:protocols?|agreements?) (?:of|on) (?:[\w-]+,? ){0,5}?(?:co-?operation|collaboration)\b"
)

# A programme by its name: "a programme called "Pon Atizay"", "under a programme the two
# councils have called "Clean Streets"": a cooperation, even one an agreement provides for.
_NAMED_PROGRAMME = (
    r"\b(?:programm?e|project|scheme|initiative)s?\s+(?:(?:the\s+two\s+\w+\s+)?"
    r"(?:ha(?:ve|s)\s+)?(?:called|named|dubbed)|known\s+as)\s+[\"“]"
)
# "in western Poland", "in the north of England" say where a partner is, not what a partnership
# is about.
_NOT_COMPASS = r"(?!\s*(?:the\s+(?:far\s+)?)?(?:north|south|east|west|central))"
# "a partnership ... to share data", "... in tourism": an object of its own.
PARTNERSHIP_OBJECT = rf"(?:on|for|to|covering|in{_NOT_COMPASS})\s+(?-i:[a-z])"
PARTNERSHIP_AIM = r"(?:aimed|focus\w*|covering)\b"  # "a partnership aimed at ...", "focused on"
# The place of a tie in a town's list: "its oldest partnership", "a fourth partnership".
TIE_ORDINAL = r"(?:oldest|newest|latest|youngest|second|third|fourth|fifth|sixth|seventh|eighth)"
KIND_PATTERNS = {
    "sister_city": r"sister[- ]?(?:cit(?:y|ies)|towns?|municipalit(?:y|ies)|states?|provinces?|"
    r"prefectures?|regions?|count(?:y|ies)|relationship|ties|partnership)|sisterhood|"
    r"twin(?:ned|ning)?[- ](?:towns?|cit(?:y|ies)|municipalit(?:y|ies))|twinning|twinned|"
    r"jumelage|partner (?:towns?|cit(?:y|ies)|regions?|provinces?|states?|prefectures?)|"
    r"\bto twin\b|\btwins? with\b|"
    r"\b(?:have|has|had) been (?:close |long-?time )?partners\b|"
    # "signed a partnership agreement": partner towns, unless the partnership has an object of
    # its own ("a partnership agreement to share data", "... in tourism", "a smart city
    # partnership", "a strategic partnership")
    r"(?<!smart )(?<!innovation )\b(?:town|city|municipal) partnerships?\b|"
    r"(?<!strategic )(?<!economic )(?<!trade )(?<!business )(?<!investment )(?<!research )"
    r"(?<!city )\bpartnership (?:agreements?|treaty|treaties|charters?)\b"
    r"(?!\s+(?:for|to|worth|covering|aimed|focus\w*|with the aim|on (?-i:[a-z])|"
    rf"in (?!the (?:presence|city|town)){_NOT_COMPASS}(?-i:[a-z])))|"
    # "the city's partnership with Kalisz", "its partnership with the Bavarian town of
    # Burghausen", "partnership relations with Parnu": a town's partnership with no object of
    # its own is its twinning (not "a partnership with Malmo, aimed at ...", "trade and
    # partnership ties", "Beijing's partnership with Moscow", a firm's or a club's)
    # "The city's oldest partnership is with Cottbus", "A fourth partnership, with Donetsk"
    r"(?:\b(?:city|town|municipality|borough)['’]s\s+(?:(?:long-?standing|decades?-old|"
    rf"\d+-year-old|formal|official|first|close|{TIE_ORDINAL})\s+)?partnership"
    r"(?:,|\s+(?:is|was))?\s+with|"
    rf"\b(?:a|the) {TIE_ORDINAL} partnership(?:,|\s+(?:is|was))?\s+with|"
    # "Differdange's oldest partnership is with Amarante" (not "its second partnership with a
    # European city": a firm's)
    rf"\b(?:its|our|their|(?-i:[A-Z])[\w-]+['’]s) {TIE_ORDINAL} partnership"
    r"(?:,|\s+(?:is|was))?\s+with(?= (?-i:[A-Z]))|"
    # "the partnership between Musanze and the district of Mainz-Bingen", "The partnership with
    # Magnitogorsk was signed in 2008", "Our partnership dates from 2011" (not "the partnership
    # between the ports of A and B", "its second partnership with a European city": a firm's)
    r"\b(?:the|its|our|their) partnership (?:between(?= (?-i:[A-Z]))|with)\b|"
    r"\b(?:its|our|their) partnership (?:dates|began|goes back|was signed)\b|"
    r"\b(?-i:[A-Z])[\w-]+['’]s\s+partnership with (?:the (?:[\w-]+ ){0,2}?"
    r"(?:town|city|municipality) of\b|(?-i:[A-Z])[\w'’-]+(?: (?-i:[A-Z])[\w'’-]+)*, (?:a|the) "
    r"(?:[\w-]+ ){0,2}?(?:town|city|municipality)\b)|"
    r"(?<!strategic )(?<!economic )(?<!trade )(?<!business )(?<!and )"
    r"\bpartnership (?:relations|ties|links))"
    rf"\b(?![^.;]*\b{PARTNERSHIP_OBJECT})(?![^.;]*\b{PARTNERSHIP_AIM})",
    "friendship_city": r"\bfriendship[- ](?:cit(?:y|ies)|towns?|municipalit(?:y|ies))|"
    r"friendly[- ]cit(?:y|ies)|"
    r"\bfriendship[- ](?:provinces?|states?|prefectures?|regions?)\b|"
    r"friendship (?:and (?:cooperation|cooperative|partnership) )?"
    r"(?:relations(?:hip)?|ties|agreements?|pacts?|accords?|protocols?|charters?)|"
    r"\b(?:agreements?|pacts?|accords?|protocols?|charters?) (?:of|on) friendship\b"
    r"(?! between (?-i:[a-z]))|"  # not "a protocol on friendship between schools"
    r"friendly (?:cooperation|exchange|cooperative) (?:cit(?:y|ies)|relations(?:hip)?)|"
    # "established friendly province-region relations", "has established friendly relations
    # with provinces ... including Akita": Chinese news's words for friendship ties
    # not "business-friendly", "investor friendly": friendly to someone, no friendship
    r"(?<!-)(?<!business )(?<!investor )(?<!investment )(?<!eco )(?<!age )(?<!climate )"
    r"(?<!child )(?<!family )friendly "
    r"(?:city|province|provincial|state|region|prefecture|county)"
    r"(?:-(?:city|province|state|region|prefecture|county))? (?:relations(?:hip)?|ties|"
    r"agreements?)|"
    r"\bestablish(?:ed|es|ing)? friendly (?:relations(?:hip)?|ties) with\b",
    "mou": r"memorand(?:um|a|ums) of (?:understanding|cooperation|agreement)|\bmou?s?\b|\bLoIs?\b|"
    rf"{_COOPERATION_INSTRUMENT}|"
    r"\bmemorand(?:um|a|ums) (?:between|with|(?:was|were) (?:signed|inked))|"
    r"\b(?:co-?operation|framework|collaboration|chamber) memorand(?:um|a|ums)\b|"
    r"letters? of intent|(?:cooperation|framework|partnership|strategic|collaboration|twinning|"
    r"exchange) agreements?|(?:co-?operation|collaboration|framework) protocols?|"
    r"(?:sign|signs|signed|signing|ink|inked) (?:[\w-]+ ){0,3}"
    r"(?:agreements?|charters?|memorand(?:um|a|ums)|accords?|pacts?|protocols?|"
    r"(?:joint|cooperation|friendship) declarations?|declarations? of (?:intent|friendship))|"
    r"(?:sign|signs|signed|signing|ink|inked) (?:a|an|the) cooperation deal|"
    r"\bagreements? (?:was |were )?(?:signed|inked)|\bagreements? between",
    "trade_deal": r"trade (?:deals?|agreements?|contracts?)|\bdeals?\b|contracts?|purchase|"
    # "signed 14 commercial agreements worth", "signed package and charter agreements valued
    # at": deals; not "an agreement worth $3 million to upgrade", nor the towns' "research
    # agreements worth ..."
    r"(?:sign(?:ed|s)?|ink(?:ed|s)?|seal(?:ed|s)?|conclude[ds]?) (?:(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|several|\d+) )?"
    r"(?:(?:commercial|business|sales?|supply|equipment|export|import|purchase|package|charter|"
    r"distribution|investment|procurement)(?: and | ))*agreements (?:worth|valued at)|"
    r"shipments?|procurement|investment agreements?|export orders?|supply agreements?|"
    r"orders (?:worth|valued at|totall?ing)|"  # "firms from A and B signed orders worth $3m"
    r"transactions? (?:worth|valued at|totall?ing|amounting to)(?:[^.;]|\.\d){0,60}? "
    r"(?:between|by) (?:the )?(?:entrepreneurs|businesses|companies|firms|enterprises|traders|"
    r"exporters|importers|business people)",
    "cooperation": r"co-?operat(?!ives?\b)\w*|co-?operative (?:agreements?|relations(?:hips?)?|"
    r"ties|projects?|programm?es?|ventures?|efforts?|framework|arrangements?|partnerships?)|"
    r"collaborat\w*|partnership|work(?:ing)? together|"
    # not "joint ventures": firms' business, no tie of the towns
    r"joint(?:ly)? (?!ventures?\b)\w+|exchanges? (?:programs?|between)|ties between|"
    r"relationship between|"
    r"(?:student|youth|pupil|school|teacher|cultural|sports?|staff)s? exchanges?(?! students?)|"
    rf"{_NAMED_PROGRAMME}",
}
COOPERATION_INSTRUMENT = re.compile(_COOPERATION_INSTRUMENT, re.I)
NAMED_PROGRAMME = re.compile(_NAMED_PROGRAMME, re.I)
MEMORANDUM = re.compile(r"memorand|\bmou|letters? of intent|\bLoIs?\b", re.I)
BARE_DEAL = re.compile(r"deals?", re.I)
KIND_REGEX = {kind: re.compile(p, re.I) for kind, p in KIND_PATTERNS.items()}
TWINNING_KINDS = frozenset({"sister_city", "friendship_city"})
# The kinds of a tie that lasts, and so may be cut (not a visit or a deal).
LASTING_KINDS = TWINNING_KINDS | {"mou", "cooperation"}
# In the order to test them: "Friendship Province" before the "Province" of a sister province.
TWINNING_KINDS_FIRST = ("friendship_city", "sister_city")
# "signed a sister-city agreement", "signs Friendship City agreement": the agreement is the tie.
TWINNING = re.compile(rf"{KIND_PATTERNS['sister_city']}|{KIND_PATTERNS['friendship_city']}", re.I)
# "Diagne is expected in La Rochelle", "the delegation is due in Timaru": a visit to come.
AWAITED_IN = re.compile(r"(?:is|are) (?:expected|due) in", re.I)
# "the mayor has been invited to Sherbrooke": a visit to come too.
INVITED = re.compile(r"(?:been|was|were|is|are) invited to\b", re.I)
VISIT_REGEX = re.compile(
    r"\bdelegat(?:ion|ions|es)\b|\bvisit(?:s|ed|ing)?\b|\btrip (?:to|in)\b|\btour (?:of|in|to)\b|"
    r"\battend(?:ed|s|ing)?\b|"
    r"\bt(?:ook|akes?|aking) part in\b|\bparticipat(?:ed|es|ing) in\b|"
    r"\btravel(?:s|l?ed|l?ing)? to\b|\barrived in\b|\bsp[ae]nt? (?:\w+ ){1,4}in\b|"
    rf"\b{AWAITED_IN.pattern}\b|"  # "Diagne is expected in La Rochelle in September"
    rf"\b{INVITED.pattern}(?=\s+(?-i:[A-Z]))|"  # "... has been invited to Sherbrooke"
    r"\b(?:trade|business|economic|investment|commercial|official|government) missions?\b"
    r"(?!\s+in\b)",  # "Quebec's government mission in Munich" is an office
    re.I,
)
# "a sister city in China", "several partner cities": a partner the sentence does not name.
_COUNT = r"(?:a|an|one|several|many|some|other|few|\d+|two|three)"
UNNAMED_PARTNER = re.compile(
    rf"\b(?:has|have|had)\s+(?:had\s+)?(?:{_COUNT}\s+(?:[\w-]+\s+){{0,2}}[\w-]+\s*(?:and|,)\s+)?"
    rf"{_COUNT}\s+(?:[\w-]+\s+)?$",
    re.I,
)  # "has 38 sister cities and 67 friendly cities" too
# A kind's words that end on the relationship's noun already: "partnership agreement".
LINK_NOUN_ENDS = re.compile(r"(?:agreement|relationship|pact|accord|charter|treaty)s?$", re.I)
# "has had a sister-city agreement with X", "has a twinning with the Italian city of Perugia",
# "has one twinning, with Alençon": a relationship, so a partner, not a count of cities.
LINK_NOUN_AFTER = re.compile(
    r"[\s-]+(?:agreement|relationship|partnership|pact|accord|ties|link|bond|arrangement)s?\b|"
    r",?\s+with\s+(?:the\s+)?(?-i:[A-Z])",
    re.I,
)
_NAME = r"(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)*"  # capitalised words
# "has 37 sister cities, including Montpellier and Lodz", "has four partner cities: A, B, C
# and D", "has two sister cities in Korea: A and B", and "has four partner cities:" with the
# names in the next sentence: counted, then named.
NAMED_AFTER = re.compile(
    r",?\s+(?:including|among them|such as|notably|like|namely)\b|"
    # ", Lublin and Rzeszów", ", Kanazawa in Japan and Neuss in Germany"
    rf",\s+{_NAME}(?:\s+in\s+(?:the\s+)?{_NAME})?\s*(?:,|and\b)|"
    rf"{IN_NAMED_PLACE}"
    r"(?:\s*(?::|\s[-–—]\s)\s*(?!(?:The|A|An|And|But)\b)(?-i:[A-Z])|\s*:\s*$)",
    re.I,
)
# "has twinning agreements with 9 other towns": partners counted, not named.
COUNTED_PARTNERS_AFTER = re.compile(
    r"(?:[\s-]+(?:agreements?|relationships?|partnerships?|pacts?|ties|links|relations))?\s+with\s+"
    r"(?:more than |over |about |some |nearly |almost )?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|numerous|"
    r"dozens of|other|various)\s+(?:[\w-]+\s+){0,2}?(?:cities|towns|municipalities|places|"
    r"partners|regions|provinces|states|communities)\b"
    # "13 cities and districts around the world", "20 towns in 12 countries"
    r"(?:\s+and\s+(?:districts|counties|regions|provinces|states|municipalities|towns))?"
    r"(?:\s+(?:around|across|of|in) the (?:world|globe)|\s+worldwide|\s+abroad|\s+overseas|"
    r"\s+in\s+(?:\d+|[a-z]+)\s+countries)?",
    re.I,
)
# "... relations with more than 20 cities": a total gathered over the years, ties in place.
RUNNING_TOTAL = re.compile(
    r"(?:[\s-]+(?:agreements?|relationships?|partnerships?|ties|links|relations))?\s+with\s+"
    r"(?:more than|over|nearly|almost|some)\s+(?:\d+|a dozen|[a-z]+ty|ten|eleven|twelve)\b",
    re.I,
)
# "a conference aimed at promoting ties between A and B": the event's aim, not a partnership.
EVENT_AIM = re.compile(
    r"\b(?:conference|forum|summit|expo|fair|meeting|event|campaign)s?\b.{0,40}"
    r"\b(?:aimed at|designed to|meant to|to) (?:promot|boost|strengthen|deepen|foster)\w*\b"
    r".{0,40}$",
    re.I,
)
# The instrument a twinning word names itself: "a sister-city agreement", "twinning charter".
INSTRUMENT_AFTER = re.compile(
    r"[\s-]*(?:agreements?|pacts?|accords?|charters?|treaty|treaties|protocols?|memorand\w*|"
    r"declarations?)\b",
    re.I,
)
# "an MoU committing the two cities to a twinning" (not "Lyon remains committed to the twinning")
COMMITTING = (
    r"commit(?:s|ted|ting)? (?:the two|both) (?:cities|towns|sides|parties|municipalities|"
    r"regions|provinces|states) to"
)
STEP_TOWARDS = re.compile(
    r"\b(?:towards?|steps? to|to (?:become|establish|form|create|forge|pursue)|"
    r"paving the way (?:to|for)|with a view to|aim(?:s|ed|ing)? (?:at|to)|lead(?:s|ing)? to|"
    rf"precursor to|prelude to|{COMMITTING})\b"
    r"(?:\s+(?:becoming|establishing|forming|creating|"
    r"the (?:establishment|formation|creation) of))?"
    r"(?:\s+(?:a|an|the|formal|full|future|eventual|official))*\s*$",
    re.I,
)
# "sign a transport agreement, discuss sister-city status": the twinning is another matter.
ANOTHER_ACT = re.compile(r"[,;]|\b(?:discuss|consider|explor|plan|hope|propos|seek|aim|talk)", re.I)
BARE_AGREEMENT = re.compile(
    r"(?:sign\w*|ink\w*) (?:an? |the )?(?:agreement|accord|pact|charter)|"
    r"agreements? (?:was |were )?(?:signed|inked)",
    re.I,
)
WITH_WHICH = re.compile(r"\bwith (?:which|whom)\b", re.I)
# "signed an agreement on tourism", "a charter of culture", "... on Tuesday to build a centre":
# an agreement about something of its own (said before the clause's next comma).
OBJECT_AFTER = re.compile(
    rf"[^.;,]*?\b(?:on|of|for|to|covering)\s+(?!(?:{WEEKDAY}|the same day)\b)(?-i:[a-z])",
    re.I,
)
DEFINITE_AGREEMENT = re.compile(
    r"(?:sign\w*|ink\w*|seal\w*) the (?:agreement|pact|accord|charter)", re.I
)
# "re-signed the Saint-Louis charter": the pair's own again (not "signed the Tours Charter on
# heritage", "re-signed the Bremen Pact on water").
RESIGNED_NAMED = re.compile(
    r"sign\w* the (?-i:[A-Z])[\w'’-]*(?: (?-i:[A-Z])[\w'’-]*)* (?:agreement|pact|accord|charter)"
    rf"(?! (?:on|of|for) (?!(?:co-?operation|friendship|twinning|partnership|{WEEKDAY})\b))",
    re.I,
)  # "... agreement of cooperation", "... charter on Friday" are still the pair's own
EVENT_NOUN = re.compile(r"\s*(?:conference|forum|summit|meeting|expo|fair|week|dialogue)")


# "a Memorandum of Understanding on twinning", "an agreement for sister-city relations": an
# instrument whose subject is the twinning.
ON_TWINNING = re.compile(
    r"(?:\s+of\s+understanding)?\s+(?:on|for)\s+(?:the\s+)?(?:twinning|(?:sister|twin)[\s-]"
    r"(?:cit|town)|friendship[\s-](?:cit|town))",
    re.I,
)


def twinning_memorandum(matches: dict[str, re.Match]) -> None:
    """ "signed a memorandum of understanding and tied sisterhood connections": the memorandum
    is the twinning itself, so only the relationship is recorded, unless the twinning is an
    instrument of its own ("a sister-city agreement and a memorandum on trade") or the
    memorandum only leads to it ("a letter of intent to become sister cities")."""
    mou = matches.get("mou")
    twinning = matches.get("sister_city") or matches.get("friendship_city")
    if mou is None or twinning is None:
        return
    if ON_TWINNING.match(mou.string, mou.end()):
        del matches["mou"]  # "became twin towns after signing a Memorandum on twinning"
        return
    instrument = INSTRUMENT_AFTER.match(twinning.string, twinning.end())
    words_end = instrument.end() if instrument else twinning.end()
    if twinning.start() <= mou.start() < words_end:
        del matches["mou"]  # "the friendship agreement between them": the words of one thing
    elif twinning.start() < mou.start() and _twin_s_own(mou, twinning):
        del matches["mou"]  # "its sister city is Marquette, with which it signed an agreement"
    elif twinning.start() < mou.start() or leads_to_twinning(twinning):
        return  # "Lutsk, its partner city, under an agreement signed on Monday": two things
    elif not instrument and not ANOTHER_ACT.search(twinning.string, mou.end(), twinning.start()):
        del matches["mou"]


def _twin_s_own(mou: re.Match, twinning: re.Match) -> bool:
    """ "Its sister city is Marquette, with which it signed an agreement in 1992", "twin towns
    include A and B, with which agreements were signed in 2003 and 2010": a bare agreement
    signed with the twin in a relative clause is the twinning's own."""
    between = mou.string[twinning.end() : mou.start()]
    bare = BARE_AGREEMENT.fullmatch(mou.group()) and not OBJECT_AFTER.match(mou.string, mou.end())
    return bool(bare) and bool(WITH_WHICH.search(between))


def leads_to_twinning(twinning: re.Match) -> bool:
    """ "a step towards a sister city partnership", "an MoU to become friendship cities": the
    relationship is only in prospect."""
    return bool(STEP_TOWARDS.search(twinning.string, 0, twinning.start()))


def restates_agreement(mou: re.Match) -> bool:
    """ "signed the agreement", "re-signed the Lyon charter", "the agreement between them": an
    agreement already reported."""
    before = mou.string[max(0, mou.start() - 4) : mou.start()].lower()
    return (
        bool(DEFINITE_AGREEMENT.fullmatch(mou.group()))
        or (before == "the " and mou.group().lower().startswith("agreement"))
        or (before.endswith("re-") and bool(RESIGNED_NAMED.match(mou.string, mou.start())))
    )


def one_agreement(matches: dict[str, re.Match]) -> None:
    """One agreement is one kind: "signed investment agreements" is a trade deal, and the
    "deal" of a sentence that reports a signed memorandum is that memorandum."""
    mou, trade = matches.get("mou"), matches.get("trade_deal")
    if not (mou and trade):
        return
    explicit = MEMORANDUM.search(mou.group())
    if mou.start() < trade.end() and trade.start() < mou.end() and not explicit:
        del matches["mou"]
    elif BARE_DEAL.fullmatch(trade.group()):
        del matches["trade_deal"]


# A trade deal's words that stay an agreement between the parties once it has no value (a
# contract, a purchase or an order is business between companies).
TRADE_AGREEMENT = re.compile(r"\btrade (?:deals?|agreements?)\b", re.I)
# A value stated in words the money reader may not know the currency of ("worth CFA 1.9 billion").
STATED_VALUE = re.compile(
    r"\b(?:worth|valued at|totall?ing|amounting to)\s+(?:(?:[A-Z]{2,4}|[^\w\s])\s?\d|\d[\d.,]*\s*"
    r"(?:million|billion|trillion|thousand|crore|lakh|mn|bn)\b)"
)


def valued_deal(matches: dict[str, re.Match], text: str) -> None:
    """A trade deal is a commercial deal with a stated value. Without one, the agreement is a
    memorandum like any other ("signed a trade agreement"), and a contract, purchase or order
    is no link of the cities'."""
    trade = matches.get("trade_deal")
    if trade is None or find_money(text) or STATED_VALUE.search(text):
        return
    del matches["trade_deal"]
    if "mou" not in matches and TRADE_AGREEMENT.fullmatch(trade.group()):
        matches["mou"] = trade


def inside_name(match: re.Match, names: list[tuple[int, int]]) -> bool:
    """ "Friendship Cities Cooperation Forum" names an event; it reports no link."""
    return any(a <= match.start() < b and b - a > len(match.group()) + 4 for a, b in names)


def modifies_event(match: re.Match, kind: str) -> bool:
    """ "an investment cooperation conference", "eight trade agreements" (not an MOU)."""
    before = match.string[max(0, match.start() - 30) : match.start()]
    if kind in TWINNING_KINDS or kind == "mou":
        counted = COUNTED_PARTNERS_AFTER.match(match.string, match.end())
        if counted:  # "twinned with four cities", unless named next: "... - Rennes, Bad Homburg"
            return not NAMED_AFTER.match(match.string, counted.end())
    if kind in TWINNING_KINDS and UNNAMED_PARTNER.search(before):
        after = match.end()
        return not (
            LINK_NOUN_AFTER.match(match.string, after)
            or NAMED_AFTER.match(match.string, after)
            or LINK_NOUN_ENDS.search(match.group())  # "has had a partnership agreement"
        )
    if kind == "cooperation" and EVENT_AIM.search(match.string[: match.start()]):
        return True
    if kind == "mou" and "trade" in match.group().lower():  # "a trade memorandum" is one
        return not (MEMORANDUM.search(match.group()) or COOPERATION_INSTRUMENT.match(match.group()))
    if kind == "mou" and any(  # the twinning words read with what follows them
        t.end() <= match.end() for t in TWINNING.finditer(match.string, match.start())
    ):
        return not re.search(r"\b(?:renew\w*|new|revised|updated)\b", match.group(), re.I)
    after = match.string[match.end() : match.end() + 12].lower()
    return kind == "cooperation" and bool(EVENT_NOUN.match(after))
