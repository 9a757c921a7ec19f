"""Titles of officials in news text: full, abbreviated ("Gov.", "Cllr") and with portfolios.

Also the role phrases they head ("mayor of Dunedin", "minister of Trade, Industry and Tourism")
and the text of a role as written.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ingest.resolve import Mention
from ingest.sentences import entities
from ingest.written import joined_by_hyphen

# A town's mayor in the words of its country, as English news keeps them: a German or
# Austrian, Dutch or Flemish, Walloon, Italian, Slovak or Czech, Romanian or Moldovan, Croatian or
# Serbian, Norwegian, Danish and Finnish mayor (not "župan" nor "kmet": surnames too).
LOCAL_MAYORS = (
    "bürgermeister", "oberbürgermeister", "burgemeester", "bourgmestre", "sindaco", "primátor",
    "primator", "primar", "gradonačelnik", "ordfører", "borgmester", "pormestari",
)  # fmt: skip
TITLE_WORDS = frozenset(
    [
        "mayor",
        "governor",
        "president",
        "minister",
        "secretary",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "chairperson",
        "manager",
        "officer",
        "ceo",
        "cfo",
        "coo",
        "cto",
        "executive",
        "commissioner",
        "councillor",
        "councilor",
        "ambassador",
        "consul",
        "head",
        "chief",
        "leader",
        "deputy",
        "vice",
        "representative",
        "delegate",
        "founder",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "member",
        "premier",
        "alderman",
        "prefect",
        "marshal",  # a Polish voivodeship's head: "Marshal of the Voivodeship X"
        "magistrate",
        "envoy",
        "dean",
        "professor",
        "chancellor",
        "rector",
        "administrator",
        "coordinator",
        "general",
        "lord",
        "senator",
        "mp",
        "legislator",
        "speaker",
        "principal",
        "provost",
        "counterpart",
        "cathaoirleach",  # the chair of an Irish council
        "mec",  # a South African province's minister ("MEC for Finance")
        "regent",  # Indonesia's bupati, in English
        "bupati",
        "walikota",
        "burgomaster",
        "akim",  # a town's or a region's head in Kazakhstan
        "hokim",  # ... in Uzbekistan
        "voivode",  # a Polish province's governor
        # local titles English news keeps: Spanish and Portuguese mayors, a Polish town's
        # mayor, an Uzbek governor, an Arab governor, a Turkish district governor, a Bhutanese
        # district's head
        "alcalde",
        "alcaldesa",
        "intendente",
        "prefeito",
        "prefeita",
        "burmistrz",
        *LOCAL_MAYORS,
        "khokim",
        "wali",
        "kaymakam",
        "dzongdag",
        "selectman",
        "attorney",
        "treasurer",
        "editor",
        "tem",  # "Mayor Pro Tem Linda Ortiz" (with "pro" a modifier)
    ]
)
NAME_LIKE_TITLES = frozenset({"akim", "wali"})  # "Akim Mensah", "Wali Khan": names too
# Abbreviated titles of news style ("Gov. Kathy Hochul", "Coun. Ann Lee", "Cllr Tom Hart").
TITLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "coun": "councillor",
    "cllr": "councillor", "clr": "councillor", "amb": "ambassador", "ald": "alderman",
    "dep": "deputy", "supt": "superintendent", "lt": "lieutenant",
}  # fmt: skip
# Only "Cllr" goes without a dot: a bare "Sen" or "Rep" is a name ("Amartya Sen").
TITLE_WORDS = TITLE_WORDS | {f"{a}." for a in TITLE_ABBREVIATIONS} | {"cllr", "clr"}
# Nouns of a place standing before a title ("the city councillor", "the state governor").
PLACE_KINDS = frozenset({"city", "town", "county", "state", "province"})
# Adjectives of a government a title may open with: "Municipal President".
GOVERNMENT_ADJECTIVES = frozenset({"municipal", "provincial", "prefectural", "metropolitan"})
# Words that qualify a title but are none alone ("Acting Governor", "interim director").
# "Acting Mayor", "Tianjin Party Secretary": words a title takes before it.
TITLE_MODIFIERS = frozenset({"acting", "interim", "former", "managing", "co", "ex", "party", "pro"})
# Titles written short with a dot that the model's tokenizer cuts off it ("Hon", "."), so that
# the parser ends a sentence there: "Chief Minister Hon. Sunil Jayasekara said". Not "Eng.",
# which is England's too ("Reading, Eng.").
DOTTED_TITLES = frozenset(
    {"Hon", "Amb", "Ald", "Coun", "Dep", "Supt", "Ing", "Lic", "Arq", "Dra", "Sra", "Mgr"}
    | {"Hj", "Hjh", "Smt", "Tmt"}
)
# Courtesy titles, no part of a name: "Mr. Eric Lemaire", "H.E. Ali Musa", "Cllr Tom Hart".
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "hon", "eng", "rev", "h.e", "hj"}
    | {"honourable", "honorable"}  # "the Premier, Honourable Clement Kikolo"
    | {"cllr", "councillor", "councilor", "cr"}  # "the Lord Mayor of Leeds, Councillor Ann Lee"
    | {"datuk", "dato", "datin", "tun", "haji", "hajah", "hjh", "ratu", "alhaji", "alhaja"}
    | {"hajia", "hajiya"}  # Nigerian: "Hajia Rukayat Yusuf"
    | {"mag", "dra", "lic", "ing", "mgr", "arq", "ir", "sra", "bc"}  # degrees: "Ing."
    | {"yab", "yb", "ybhg", "yabhg"}  # Malaysian: "YAB Datuk Seri ..."
    | {"shri", "smt", "shrimati", "thiru", "tmt"}  # Indian: "Chief Minister Shri A. Rao"
    | {"pr", "dasho"}  # French "Pr" (professeur), Bhutanese "Dasho"
    | {"madam", "madame", "mme", "sayyid", "elhadj"}  # "Madam Wang Li", "Elhadj Ibrahima Camara"
    | {"kgosi", "kgosigadi"}  # a Tswana chief: "the traditional leader, Kgosi Thabo Mosinyi"
)
# Honorifics of two words whose first may be a surname alone: "Tan Sri Azman Hashim", "Tan Wei".
HONORIFIC_PAIRS = frozenset(
    {("tan", "sri"), ("puan", "sri"), ("datuk", "seri"), ("dato", "seri"), ("dato", "sri")}
    | {("datuk", "sri"), ("datuk", "patinggi"), ("datuk", "wira")}
    | {("his", "worship"), ("her", "worship"), ("his", "excellency"), ("her", "excellency")}
    # military ranks before the name of an official ("the Governor, Major General X"): the
    # office is the role, and neither word is a place
    | {("major", "general"), ("brigadier", "general"), ("lieutenant", "general")}
    | {("lieutenant", "colonel"), ("rear", "admiral"), ("vice", "admiral"), ("air", "marshal")}
)  # "His Worship the Mayor": Sri Lankan and South African mayors


def is_title(token) -> bool:
    """A title word, singular or plural ("mayor", "councillors"); a title that is also a given
    name only in lower case, after a capitalised word or before "of" ("Almaty Akim X", "Akim of
    Almaty X", not "Akim Mensah")."""
    if token.lower_ in NAME_LIKE_TITLES and token.is_title:
        doc, i = token.doc, token.i
        before = doc[i - 1] if i > 0 else None
        if i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            return True
        return before is not None and (before.is_title or before.lower_ in {"the", "of"})
    if token.lower_ in TITLE_WORDS:
        return True
    return token.tag_ in {"NNS", "NNPS"} and token.lemma_.lower() in TITLE_WORDS


def _is_honorific(token) -> bool:
    word = token.lower_.rstrip(".'’")
    if word in HONORIFICS:
        return True
    doc, i = token.doc, token.i
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    before = doc[i - 1].lower_ if i > 0 else ""
    return (word, after) in HONORIFIC_PAIRS or (before, word) in HONORIFIC_PAIRS


def after_honorifics(doc: Doc, start: int) -> int:
    """The first token after the courtesy titles opening at `start` ("Mr. Eric Lemaire")."""
    i = start
    while i < len(doc) - 1 and _is_honorific(doc[i]):
        i += 2 if doc[i + 1].text == "." else 1
    return i


def before_honorifics(doc: Doc, end: int) -> int:
    """Where the courtesy titles ending right before `end` begin ("..., Prof. Ada Obi")."""
    i = end
    while i > 0:
        if doc[i - 1].text == "." and i > 1 and _is_honorific(doc[i - 2]):
            i -= 2
        elif _is_honorific(doc[i - 1]):
            i -= 1
        else:
            break
    return i


def title_start(doc: Doc, end: int) -> int:
    """Where the run of title words ending before `end` starts ("Deputy Mayor", "Coun .")."""
    start = end
    while start > 0:
        token = doc[start - 1]
        if is_title(token) or start < end and token.lower_ in TITLE_MODIFIERS:
            start -= 1
        elif token.text == "." and start > 1 and doc[start - 2].lower_ in TITLE_ABBREVIATIONS:
            start -= 2  # "Coun. Ann Lee": the tokenizer splits some abbreviations from the dot
        elif (
            start > 1
            and start < end
            and joined_by_hyphen(doc, start - 1)
            and (is_title(doc[start - 2]) or doc[start - 2].lower_ in TITLE_MODIFIERS)
        ):
            start -= 1  # "Director-General", "co-chair"
        else:
            break
    return start


def singular(token) -> str:
    """A word as written, a plural title in the singular ("councillors" -> "councillor")."""
    plural = token.tag_ in {"NNS", "NNPS"} and is_title(token)
    return token.lemma_.lower() if plural else token.text


def role_words(span: Span) -> str:
    """A title as written, abbreviations spelled out and in the singular: "Gov." -> "governor"."""
    text = ""
    for token in span:
        if token.text == ".":
            text += token.whitespace_  # "Lt. Gov." -> "lieutenant governor"
            continue
        word = singular(token).lower().rstrip(".")
        text += TITLE_ABBREVIATIONS.get(word, word) + token.whitespace_
    return " ".join(text.split())


def portfolio_start(doc: Doc, start: int, mentions: list[Mention]) -> int:
    """ "Industries Minister X", "Gujarat industries minister X": the portfolio is the role's."""
    qualifier = start
    while qualifier > 0 and start - qualifier < 2:
        token = doc[qualifier - 1]
        named = (
            not token.ent_type_
            or token.ent_type_ == "ORG"
            and token.ent_iob_ == "B"
            and (token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I")
        )  # "Party Secretary": a one-word organisation may name the title's body
        shaped = token.is_title or (token.is_upper and token.is_alpha and len(token) > 1)
        noun = token.pos_ in {"NOUN", "PROPN"} or token.lower_ in GOVERNMENT_ADJECTIVES
        capitalised = shaped and noun and named  # "SMC chairman", "Municipal President"
        if token.pos_ != "NOUN" and not capitalised and token.ent_type_ != "NORP":
            break
        opening = token.is_sent_start and doc[token.i + 1].is_lower  # "County council chairman"
        if token.lower_ in PLACE_KINDS and (token.is_lower or opening):
            break  # "city councillor", "state trade minister": the place is said apart
        qualifier -= 1
    if any(m.span.end == qualifier for m in mentions):
        return qualifier  # "Gujarat industries minister": the place comes first
    if all(t.is_title for t in doc[qualifier:start]) and doc[start].is_title:
        return qualifier  # "Industries Minister", "French Ambassador": part of the title
    if all(t.dep_ == "compound" and t.head.i >= start for t in doc[qualifier:start]):
        return qualifier  # "Education minister": a portfolio compounded with the title
    return start


OWNER_WORDS = frozenset({"its", "their", "the", "his", "her", "our", "fellow"})


def _capitalised_list(words: Span) -> bool:
    """ "Industry and Tourism": capitalised words and their conjunctions only."""
    return len(words) > 0 and all(t.is_title or t.lower_ in {"and", "&", ",", "of"} for t in words)


def title_before(doc: Doc, comma: int) -> Span | None:
    """The role phrase closed by the comma before a name: "the mayor of Santos, ..."."""
    start, titled = comma, False
    while start > 0 and comma - start < 14:
        token = doc[start - 1]
        if start > 1 and joined_by_hyphen(doc, start - 1):
            start -= 1  # "the Director-General of Trade, ..."
            continue
        if token.text == "," and not titled and _capitalised_list(doc[start:comma]):
            start -= 1  # "the Minister of Trade, Industry and Tourism, ..."
            continue
        if titled and token.lower_ in TITLE_MODIFIERS:
            start -= 1  # "its managing director, ..." ("managing" may be read as a verb)
            continue
        if token.is_punct or token.is_space or token.pos_ in {"VERB", "AUX"}:
            break
        if token.ent_type_ == "PERSON" or titled and token.pos_ in {"ADP", "CCONJ", "SCONJ"}:
            break  # "Teixeira and the mayor of Santos, ...", "headed by its mayor, ..."
        titled = titled or is_title(token)
        start -= 1
    phrase = doc[start:comma]
    titles = [t.i for t in phrase if is_title(t) or t.lower_ in TITLE_MODIFIERS]
    if not titles or titles[0] == start and not any(t.pos_ == "ADP" for t in phrase):
        return None  # a bare "Mayor, ..." opens nothing; "Mayor of Lund, ..." does
    owner = doc[start : titles[0]]
    owned = all(
        t.lower_ in OWNER_WORDS
        or t.ent_type_
        or t.lower_ in {"'s", "’s"} | PLACE_KINDS
        or t.is_title
        or t.pos_ == "ADJ"  # "the regional governor of La Libertad, ..."
        for t in owner
    )
    return doc[titles[0] : comma] if owned else None


# A role phrase's commas only list a portfolio ("minister of Trade, Industry and Tourism").
ROLE_STOP = frozenset({"of", "at", "for", "with", "in", "from", ".", "who", "which", ";"})
# Titles held at a post abroad: "consul general in Houston" names the post, not where one is.
POSTED_TITLES = frozenset({"consul", "ambassador", "envoy", "attaché", "attache"})


def role_after(doc: Doc, start: int) -> Span | None:
    """The role after "NAME, ": title words up to the clause's end."""
    end = start
    while end < len(doc) and not _ends_role(doc[end]) and end - start < 25:
        joined = (
            doc[end].lower_ == "and"
            and end + 1 < len(doc)
            and _and_joins_role(doc[start:end], doc[end + 1])
        )
        if doc[end].lower_ in {"who", "which", "and"} and end > start + 1 and not joined:
            break  # but "president and CEO of ..." is one role
        end += 1
    phrase = doc[start:end]  # one person holds "mayor", not "members"
    return phrase if any(t.lower_ in TITLE_WORDS for t in _role_head_words(phrase)) else None


def _ends_role(token) -> bool:
    if token.text in {",", ";", "(", "\n"} or "\n" in token.text:
        return True
    if token.text == ".":  # "No. 5 District" goes on; a sentence's end does not
        return not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].like_num)
    return False


def _and_joins_role(before: Span, after) -> bool:
    """ "president and CEO", "trade and investment director": one role, not two clauses."""
    if after.lower_ in TITLE_WORDS:
        return True
    return not any(is_title(t) for t in before) and after.is_lower and after.pos_ in {"NOUN", "ADJ"}


def _role_head_words(phrase: Span) -> Span:
    """The words of a role phrase before its first preposition ("unit head" of "unit head at")."""
    verbs = {"ADP", "VERB", "AUX"}  # "managing director" is no verb
    ends = (t.i for t in phrase if t.pos_ in verbs and t.lower_ not in TITLE_MODIFIERS)
    end = next(ends, phrase.end)
    return phrase.doc[phrase.start : min(end, phrase.start + 8)]


def role_text(phrase: Span, mentions: list[Mention], country_of) -> str:
    """The role as written, without its owner or place: "the city's mayor of ..." -> "mayor"."""
    title = next((t.i for t in phrase if is_title(t)), phrase.end)
    owner = [t.i for t in phrase[:4] if t.lower_ in {"'s", "’s"} and t.i < title]
    if owner:  # "Medellín's secretary of mobility": the place is not part of the role
        phrase = phrase.doc[owner[0] + 1 : phrase.end]
    words, i = [], phrase.start
    while i < phrase.end:
        token = phrase.doc[i]
        body = _organisation_after(token) if words else None
        if body is not None:  # "chairman of the Energy Committee of Novosibirsk": its body's
            words += [t.text_with_ws for t in phrase.doc[i : body.end]]
            i = body.end
            continue
        stops = token.lower_ in ROLE_STOP and not _portfolio_follows(token, mentions, country_of)
        posted = (  # "consul general in Houston" (a place), not "in charge of"
            token.lower_ == "in"
            and any(w.strip().lower() in POSTED_TITLES for w in words)
            and token.i + 1 < len(token.doc)
            and (
                token.doc[token.i + 1].ent_type_ == "GPE"
                or any(m.span.start == token.i + 1 for m in mentions)
            )
        )
        if stops and words and not posted:  # "consul general in Houston" is the post
            break
        if not (token.lower_ in {"the", "a", "an"} and not words):
            words.append(singular(token) + token.whitespace_)
        i += 1
    return " ".join("".join(words).split())


def _organisation_after(preposition) -> Span | None:
    """The organisation right after "of" or "at" ("of the UB City Mayor's Office", "at Davao
    Investment Promotions Center"): part of the role as the text words it."""
    if preposition.lower_ not in {"of", "at"}:
        return None
    doc, start = preposition.doc, preposition.i + 1
    starts = {start, start + 1} if start < len(doc) and doc[start].lower_ == "the" else {start}
    body = next((e for e in entities(doc) if e.label_ == "ORG" and e.start in starts), None)
    if body is None or any(t.is_punct for t in body):
        return None
    return doc[start : body.end]


def _portfolio_follows(preposition, mentions: list[Mention], country_of) -> bool:
    """ "minister of Ecology", "secretary of mobility", "ambassador to Iraq": part of the role.

    A place (the role's own, given apart), an organisation or "the ..." ends the role.
    """
    doc = preposition.doc
    if preposition.lower_ not in {"of", "for", "to"} or preposition.i + 1 >= len(doc):
        return False
    word = doc[preposition.i + 1]
    if any(m.span.start == word.i for m in mentions):
        return False
    if word.ent_type_:  # a country ("president of Iraq"), not a town the gazetteer lacks
        ent = next((e for e in entities(doc) if e.start <= word.i < e.end), None)
        names = {word.text, re.sub(r"^the ", "", ent.text) if ent else ""}
        return any(country_of(name) for name in names)
    following = doc[word.i + 1] if word.i + 1 < len(doc) else None
    described = word.pos_ == "ADJ" and following is not None and following.pos_ == "NOUN"
    return word.pos_ in {"NOUN", "PROPN"} or described  # "vice mayor for economic affairs"
