"""How sure a reported link is (new, existing, proposed, ended or refused) and the year it began."""

from __future__ import annotations

import re
from itertools import pairwise

from ingest.dates import (
    LATELY,
    WEEKDAY,
    YEAR,
    YearMention,
    after_publication,
    published_year,
    years_in,
)
from ingest.kinds import COMMITTING, INVITED, TWINNING
from ingest.written import CAPITALISED_WORDS, IN_NAMED_PLACE

# Refusals: the link was never made ("voted down", "shelved the proposal").
REFUSAL = re.compile(
    r"\b(?:declin(?:ed|es)|refus(?:ed|es)|reject(?:ed|s)?|turn(?:ed|s) down|no plans?|"
    r"not (?:to )?(?:sign|pursue|formali[sz]e|establish|renew|twin|proceed)|"
    # "we have no partnership with Ostrava" (not "has no formal ties with the city", said of a
    # visit)
    r"(?:have|has|had) no (?:[\w-]+ )?(?:partnership|agreement|twinning) with\b"
    r"(?![^.;]*\b(?:yet|but|since|any ?more|any longer|now)\b)|"
    # "The Municipal Council does not approve the conclusion of a friendship agreement" (not
    # "does not approve the project", nor residents who "do not support the twinning")
    r"(?:does|do|did) not (?:approve|endorse|ratify) (?:the |a |an |its |their )?"
    r"(?:[\w-]+ ){0,4}?(?:twinning|agreement|partnership|memorandum)|"
    # "decided not to enter into a sister city relationship", not "did not enter into force"
    r"not to enter into (?:an? |the )?(?:[\w-]+ ){0,3}?(?:relationship|partnership|twinning|"
    r"agreement|pact|ties)|"
    r"(?:is|are|was|were) not (?:an? )?(?:sister|twin|partner|friendship)[\s-]|"
    r"never (?:signed|formali[sz]ed)|cancell?ed|called off|withdr[ae]w(?:n|s)?|"
    # "when a businessman proposed to twin Abomey with Kolomyia, our councillors voted against it"
    r"propos\w*\b[^.;]{0,160}?\bvot(?:ed|es)\b[^.;]{0,40}\bagainst it\b|"
    r"vot(?:ed|es|ing) (?:down|no)|vot(?:ed|es)\b[^.;]{0,40}\bagainst (?:(?:a|the) "
    r"(?:proposal|plan|motion|bid|idea)|(?:establish|form|sign|creat|adopt|pursu|renew|"
    r"formali[sz])\w*)|"
    # "The council voted 25 to 14 against a friendship agreement" (not "two councillors voted
    # against the twinning", which passed)
    r"(?<!councillors )(?<!councilors )(?<!members )(?<!deputies )vot(?:ed|es)\b[^.;]{0,40}"
    r"\bagainst (?:a|the) (?:[\w-]+ ){0,2}?(?:agreement|twinning|partnership)"
    r"(?![^.;]*\b(?:but|passed|approved|adopted|carried)\b)|"
    # "ruled out a sister city agreement" (not "ruled out any tax rise, then signed ...")
    r"rul(?:ed|es|ing) out (?:(?:a|an|any|the) )?(?:[\w-]+ ){0,2}?(?:twinning|sister|friendship|"
    r"partnership|agreement|memorandum|links?|ties|proposal|plan|idea)|"
    r"shelv(?:ed|es)|scrap(?:ped|s)|abandon(?:ed|s)|dropp(?:ed) (?:the|its|a) "
    r"(?:plan|proposal|bid|idea))\b",
    re.I,
)
_LINK_NOUN = (
    r"(?:(?:relationship|partnership|twinning|agreement|arrangement|pact|relation|friendship|"
    r"co-?operation|memorandum|accord|treaty|charter)s?|ties|links)\b"
)
# What may stand between an ending verb and the link it ends ("dropped [the long-standing]
# friendship agreement"), not a preposition ("the visit ended [with] an agreement").
_PREPOSITIONS = (
    r"with|by|on|in|at|after|before|up|for|to|of|from|through|via|under|as|and|or|into|over|"
    r"about|between|among|against"
)
_GAP = rf"(?:\s+(?!(?:{_PREPOSITIONS})\b)[\w’'-]+){{0,4}}?\s+"
# ... nor a plan ("scrapped plans for a twinning" is a refusal).
_OBJECT = (
    r"(?:\s+(?!(?:plans?|proposals?|bids?|ideas?|talks|offers?|invitations?|negotiations?|"
    rf"drafts?|proposed|planned|potential|future|new|{_PREPOSITIONS})\b)[\w’'-]+){{0,4}}?\s+"
)
# "voted to", "resolved to", "adopted the motion by three groups to": a body's decision to end
# a link.
_DECIDED_TO = (
    r"(?:(?:vot|decid|agre|mov|opt|resolv)(?:ed|es|s) (?:[\w-]+ ){0,3}?|"
    r"(?:adopted|approved|passed|carried) (?:a|the) (?:[\w-]+ ){0,2}?(?:motion|resolution)\b"
    r"[^.;]{0,60}? )to (?:\w+ly )?"
)
# "voted unanimously at its meeting on Monday, March 7 to suspend": the decision's when and how
# may stand between it and an ending that is nothing else (not "to cut the twinning budget").
_DECIDED_LONG_TO = (
    r"(?:vot|decid|resolv)(?:ed|es|s) (?:[\w-]+,? ){4,10}?to (?:suspend|terminate|sever|end)"
)
_END_BASE = (
    r"end|suspend|terminate|sever|dissolve|revoke|scrap|discard|abandon|cancel|annul|rescind|"
    r"freeze|cut|break off|tear up|pull out of|withdraw from|quit"
)
# "put its agreements with X on hold", "put the twinning on ice".
_ON_HOLD = (
    rf"put(?:s|ting)?{_OBJECT}{_LINK_NOUN}(?:\s+with\s+[^.;]{{1,80}}?)?\s+on\s+(?:hold|ice)\b"
)
# The participles of a tie cut: "It was suspended", "signed in 2008, suspended in 2017", "the
# twinning with X was suspended".
_CUT = (
    r"(?:ended|suspended|terminated|dissolved|revoked|scrapped|cancell?ed|annull?ed|rescinded|"
    r"frozen)"
)
# A link reported cut by someone: "scrapped the friendship agreement", "voted to end the
# partnership", "froze relations", "the withdrawal from the agreement", "..., ending its
# cooperation agreement with X".
ENDED_ACTIVE = re.compile(
    rf"\b(?:(?:end|suspend|terminat|sever|dissolv|revok|discard|abandon|cancell?|annull?|"
    rf"rescind)(?:ed|es|s|ing)|scrap(?:ped|s)|froze|(?:has|have|had) frozen|freezes|cut|cuts|"
    rf"broke off|breaks off|tore up|tears up|wound up|winds up|pull(?:ed|s) out of|"
    rf"withdr(?:ew|aws) from|quits?|"
    rf"{_DECIDED_TO}(?:{_END_BASE})|{_DECIDED_LONG_TO}|(?:termination|suspension|"
    rf"scrapping|cancell?ation|dissolution|annulment) of|withdrawal from)"
    # "suspends the effect of the twinning agreement"
    rf"(?:\s+the\s+(?:effect|validity|application|implementation)\s+of)?{_OBJECT}{_LINK_NOUN}|"
    rf"\b{_DECIDED_TO}conclude (?:the|its|their|our) (?:[\w-]+ ){{0,3}}?"
    rf"(?:relationship|partnership|twinning|ties)s?\b(?! (?:agreement|accord|pact|treaty))|"
    rf"\b(?:{_DECIDED_TO})?{_ON_HOLD}|"
    # "Council resolved that the friendship agreement with Galle be formally terminated", "...,
    # seconded by X, that the twinning be formally ended": a decision (not "proposed that ... be
    # terminated", "demanded that ...", "a proposal that ...")
    rf"(?<!proposed )(?<!proposes )(?<!proposal )(?<!demanded )(?<!demands )(?<!asked )"
    rf"(?<!urged )(?<!suggested )(?<!requested )(?<!insisted )\bthat\b[^.;]{{0,100}}?"
    rf"(?<!should )(?<!must )(?<!would )(?<!could )(?<!might )(?<!may )\bbe\s+"
    rf"(?:\w+ly\s+)?(?:{_CUT}|put on (?:hold|ice))",
    re.I,
)  # "resolved to conclude the friendship city relationship"; not "concluded an agreement" nor
# "concluded their sister city relationship in 1959" (signed it); "decided to put its cooperation
# agreements with X on hold"
# A link reported over: "the twinning with X was suspended", "the agreement lapsed", "the
# partnership with X, formalised in 2011, was suspended", "... with X, a town near Y, signed in
# 2007, was terminated", "the agreement signed with X in 2008 has simply been allowed to lapse",
# "the twinning with X, signed in 1979, which simply lapsed after 1991", "the twinning with X,
# signed in 1994, was never ratified and was dissolved in 2019".
ENDED_PASSIVE = re.compile(
    # "the agreement (Madeira) signed in 2008 with ..."
    rf"\b{_LINK_NOUN}(?:\s+(?:(?:[A-Z][\w'’-]+\s+){{0,2}}(?:signed|concluded)\s+"
    rf"(?:in\s+(?:19|20)\d\d\s+)?)?"
    rf"(?:with|between|of)\s+"
    rf"[^.;,]{{1,60}}?)?(?:(?:\s*,[^.;,]{{1,60}}){{1,2}},)?"
    rf"(?:,?\s+which)?"
    # "..., was never ratified by the Greek side and was dissolved", "..., dates from 1996 but
    # has been frozen since 2014": a predicate before it
    rf"(?:\s+(?:(?:was|were|is|are)\s+(?!not\b)|(?:has|have) not been\s+|dat(?:es|ed)\s+)"
    rf"[^.;,]{{1,50}}?\s+(?:and|but))?"
    rf"\s+(?:(?:was|were|is|are|remains?|(?:has|have|had)\s+(?:\w+ly\s+)?been)\s+"
    rf"(?:(?:\w+ly|hereby)\s+)?"  # "is hereby suspended": a council's decision
    rf"(?:{_CUT}|severed|discarded|abandoned|cut|wound up|put on (?:hold|ice)|"
    rf"allowed to (?:lapse|expire)|declared (?:inactive|void|null and void|dormant))|"
    rf"(?:\w+ly\s+)?(?:ended|lapsed|expired|collapsed)"
    rf"(?=\s*(?:[.,;]|$|(?:in|after|when|last|this|on|at|because|amid)\b)))\b",
    re.I,
)  # "the agreement ended months of talks" ends the talks, not the agreement
# "friendship agreement signed in 2008, suspended by the council in 2017": a tie's signing and
# its ending as two participles, as a list's row gives them.
ENDED_AFTER_SIGNING = re.compile(
    rf"\b{_LINK_NOUN}\s+(?:signed|concluded)\s+in\s+(?:19|20)\d\d,\s+(?:\w+ly\s+)?"
    rf"(?:{_CUT}|lapsed|expired)"
    # said of the tie, not "signed in 2005, ended decades of mistrust"
    r"(?=\s*(?:[.,;]|$)|\s+(?:by|in|on|at|after|because|amid|over|following|since)\b)",
    re.I,
)
# An ending that did not happen (yet): "refused to end", "may suspend", "calls for the
# scrapping of"; the link is still in place.
NOT_ENDED = re.compile(
    r"\b(?:not|never|no|refus\w*|declin\w*|against|reject\w*|oppos\w*|will|would|could|may|"
    r"might|shall|plans?|planning|propos\w*|calls?|called|calling|urg\w*|consider\w*|"
    r"threat\w*|whether|if|to|debat\w*|review\w*)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# Any talk of ending a link ("may suspend ties", "calls to scrap the twinning"): it is in place.
ENDING = re.compile(
    rf"\b(?:(?:{_END_BASE}|end(?:ed|s|ing)|suspend(?:ed|s|ing)|terminat(?:ed|es|ing)|"
    rf"sever(?:ed|s|ing)|dissolv(?:ed|es|ing)|revok(?:ed|es|ing)|scrap(?:ped|ping|s)|"
    rf"discard(?:ed|ing|s)|freez(?:es|ing)|froze|cancell?(?:ed|ing|s)|withdr(?:ew|awing) from|"
    rf"(?:termination|suspension|scrapping|cancell?ation|dissolution) of|withdrawal from)"
    rf"{_GAP}{_LINK_NOUN}|cut(?:s|ting)? (?:all |its |their )?(?:ties|links)|{_ON_HOLD})",
    re.I,
)
PROPOSED = re.compile(
    r"\b(?:want(?:s|ed)?|wish(?:es)?|hope[sd]?|hoping|look(?:s|ing)? (?:to|forward)|seek(?:s|ing)?|"
    r"plan(?:s|ned|ning)? to|plan(?:s|ning)? (?:a|an)\b|plans for|intend(?:s|ed)?|"
    # "the intention of both cities to conclude", "undertake to prepare a twinning agreement",
    # "the foundation for a future twinning"
    r"intentions? (?:of (?:[\w-]+ ){1,3}?)?to (?:conclude|sign|establish|create|form|become|twin|"
    r"formali[sz]e|enter)|undertak(?:e|es|ing) to|"
    # the instrument itself to be prepared, or a link's words right after (not "to prepare the
    # ground for", "... the signing")
    r"to prepare (?:a|an|the)(?= (?:[\w-]+ ){0,3}?"
    r"(?:agreement|memorandum|charter|protocol|twinning)s?\b| $)|"
    r"(?:a|the) future (?:twinning|sister|friendship|partnership)|"
    r"propos(?:e|ed|al)|eager|would like|will|would|could|"
    r"(?-i:may|might)|aim(?:s|ed)? (?:to|at)|explore|exploring|discuss(?:ed|es|ing)?|"
    r"consider(?:s|ed|ing)?|potential|draft|expect(?:s|ed)?|to establish|to become|"
    r"(?:due|set|scheduled|slated) to|invit(?:ed|es) (?:[\w.'’-]+ ){1,3}?to|"
    r"invit(?:ed|es|ing) (?:a|an|the)|"
    r"invitations? to|"
    r"eye[sd]?|eyeing|mull(?:s|ed|ing)?|weigh(?:s|ing)|in talks|negotiat(?:e|es|ing)|keen|"
    r"(?:being|under) negotiat\w*|"
    r"pursu(?:e|es|ing)|push(?:es|ing)? for|bid (?:to|for)|moot(?:s|ed)?|envisag(?:e|es|ed|ing)|"
    r"prepar(?:es|ing) to|(?:is|are|was|were)\s+(?:now\s+|also\s+|still\s+)?preparing|"
    r"yet to|"
    r"talks|['’]s next|(?:its|their) next|upcoming|forthcoming|"
    r"offer(?:s|ed|ing)? to|promis(?:e|es|ed|ing) to|pledg(?:e|es|ed|ing) to|willing to|"
    r"(?<!as )planned|agree[ds]? to (?!(?:the|a|an|this|that|its|their|terms)\b)[a-z]+|"
    r"authori[sz](?:e|es|ed|ing) (?:[\w.-]+ ){0,5}?to (?:sign|enter|negotiate|pursue)|"
    r"vot(?:e|es|ed|ing) (?:[\w-]+ ){0,4}?to (?:twin|establish|become|form|pursue|seek|"
    r"explore|start|begin))\b",  # not "voted to sign": the council's decision is the signing
    re.I,
)
# "..., and arrived there on Monday", "who had accepted ..., toured": the visit took place.
VISIT_DONE = re.compile(
    r"\b(?:arrived|spent|toured|visited|opened|met|signed|held|attended|returned)\b|"
    r"\blast (?:year|month|week)\b",
    re.I,
)
# "accepted an invitation from Mr. Teh to lead a Gyeongsangnam-do delegation": a visit to come,
# as "the mayor has been invited to Sherbrooke" (`INVITED`) is.
INVITED_TO = re.compile(
    r"\binvit(?:ations?|ed|es)\b[^;]{0,50}?\bto (?:(?:lead|visit|send|join|travel|come)\b[^;]*)?$",
    re.I,
)
# "A Lulea delegation, including the mayor, is invited to Pohang": the visitors are invited.
INVITED_SUBJECT = re.compile(
    r"[\w-]+(?: [\w-]+){0,3}?(?:\s*,[^,;.]{1,100},)?\s+"
    r"(?:is|are|has been|have been) invited to\s+(?-i:[A-Z])",
    re.I,
)  # not "has been invited to the opening": an event of the visit
# The relationship an agreement is a step towards: "a first step towards a twinning", "with a
# view to becoming sister cities", "the intention is to make them sister cities".
GOAL = re.compile(
    r"\b(?:steps? (?:to|toward|towards)|with (?:a|the) (?:view|aim|goal|hope|intention) "
    r"(?:to|of)|pav(?:e|es|ed|ing) the way (?:to|for|towards?)|prelude to|precursor to|"
    r"(?:intention|aim|goal|objective|purpose|idea|ambition|hope) (?:is|was|being) to|"
    r"towards? (?:becoming|establishing|forming|formal|full|an?\b|"
    r"the (?:establishment|formation|creation) of)|"
    rf"lead(?:s|ing)? to|{COMMITTING} (?:a|an|the|formal|full)\b)\b",
    re.I,
)
# A time still to come: "next spring", "later this year", "in the coming months".
FUTURE = re.compile(
    rf"(?<!the )\b(?:next (?:week|month|year|spring|summer|autumn|fall|winter|{WEEKDAY}|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"later this (?:week|month|year)|in the coming "
    r"(?:days|weeks|months|years)|(?:is|are) (?:due|set|scheduled|slated) to)\b",
    re.I,
)
# "in spring 2026", "early 2026", "in May 2026": a year after publication is still to come.
FUTURE_YEAR_CUE = re.compile(
    r"\b(?:in|during|early|mid|late|spring|summer|autumn|fall|winter|january|february|march|"
    r"april|may|june|july|august|september|october|november|december)[\s-]*$",
    re.I,
)
_IN_COUNTRY = r"(?: in (?:the )?(?-i:[A-Z])[\w'’-]*(?: (?-i:[A-Z])[\w'’-]*)*)?"
EXISTING = re.compile(
    r"\b(?:since \d{4}|have been|has been|had been|long-?standing|established in \d{4}|"
    r"signed in \d{4}|twinned in \d{4}|\d+ years ago|for (?:more than |over )?\d+ years|"
    r"anniversary(?! of (?:the |its |their )?(?:founding|foundation|birth|death|liberation|"
    r"independence|(?:city|town)\b(?!['’])))|"  # not the town's own anniversary
    r"mark(?:s|ed|ing)? \d+ years|\d+ years as|one of the first|existing|began|"
    r"\d+ years of (?:[\w-]+ ){0,2}?(?:twinning|partnership|friendship|ties|cooperation|"
    r"sisterhood|relations|links)|"
    r"has grown|have grown|houses|has had|dates? from|dates? back to|dating (?:back )?(?:from|to)|"
    # "Our twinning with X goes back to 1975" (not "Our plan for a twinning ... goes back to")
    r"^(?![^.;]*\b(?:plan|idea|proposal|dream|talk)s?\b)[^.;]*?\bgo(?:es)? back to (?:19|20)\d\d|"
    r"^\W*there (?:is|was|are|were) (?:also )?an? |"  # "There is also a cooperation agreement"
    r"(?:has|have) (?:a|an) (?:(?!(?:new|draft|proposed|planned|plan|possible|potential|for)\b)"
    r"[\w-]+ ){0,3}?(?:agreement|relationship|partnership|pact|twinning|friendship)"
    r"(?![^.;]*\b(?:will|would|to be)\b)|"
    r"(?:is|are|remains?) (?!now\b)(?:a |one of the )?(?:sister|twin|friendship|partner)[\s-]"
    r"(?:cit(?:y|ies)|towns?|states?|provinces?)\b|"
    r"(?:is|are|remains?|stays?) (?:also |still |all |both )?twinned|"
    rf"(?:sister|twin|partner|friendship) (?:cities|towns|municipalities){_IN_COUNTRY} include|"
    rf"(?<!new )(?<!newest )(?<!latest )\bpartners{_IN_COUNTRY} (?:are|include)\b|"
    r"(?<!new )(?<!newest )(?<!latest )(?:partnerships|relationships|ties|links) are with\b|"
    # "has long had Nordic friendship towns in Tromsø and Oulu"
    r"(?<!will )(?<!would )(?<!could )(?<!to )\b(?:has|have|had) (?:(?:long|also|already) )?"
    r"(?:had )?(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|"
    r"many|numerous|other|more|foreign|domestic|international|(?-i:[A-Z])[a-z]+) ){0,3}"
    r"(?:sister|twin|partner|"
    r"friendship)[\s-](?:cit(?:y|ies)|towns?|municipalit(?:y|ies))\b|"
    r"(?:sister|twin|partner|friendship)[\s-](?:cities|towns) of (?:[\w'’.-]+ ){0,3}?[\w'’.-]+"
    r"(?:,(?:(?! and )[^,;]){1,40},)? (?:are|include)\b|"
    r"(?:has|have|(?<!to )(?<!will )(?:maintains|enjoys)) (?:already |also |long )?(?:had )?"
    r"(?:(?:sister[\s-]"
    r"(?:city|state|province)|"
    r"twinning|partnership|friendship|formal|official) )?(?:ties|links|relations|relationships|"
    r"partnerships|agreements)|"
    r"['’]s (?:(?!(?:new|newest|latest|first|proposed|potential|future|prospective)\b)[\w-]+ )"
    r"{0,3}?(?:sister|twin|partner|friendship)[\s-](?:cities|towns|states|provinces)|"
    r"already (?:[\w-]+ ){0,2}?(?:sister|twin|twinned|partner|friendship)|already (?:ha[sd]|have|"
    r"enjoys?|shares?|maintains?) (?:(?!(?:plans?|proposals?|bids?|hopes?|ideas?|new|no)\b)"
    r"[\w-]+ ){0,3}?(?:ties|links|relations|relationships|"
    r"partnerships|agreements?|sister|twin|partner|friendship)|renew(?:s|ed|ing)? (?:the|their|"
    r"its|our|his|her|a|an|this|that)|renew(?:s|ed|ing)? (?:(?!(?:interest|calls?|hopes?|"
    r"efforts?|push|talks?|in|on|for|of|to|with)\b)[\w-]+ ){0,2}?(?:ties|links|"
    r"relations|agreement|pact|twinning|partnership|charter|memorandum|accord|friendship)|"
    r"renewal of|extension of (?:the|its|their) (?:[\w-]+ ){0,3}?(?:agreement|partnership|"
    r"twinning|memorandum|accord|pact|charter)|renewed (?:[\w-]+ )?(?:agreement|charter|"
    r"pact|memorandum|partnership|twinning|accord|treaty)|re-sign(?:s|ed|ing)?|"
    r"reaffirm(?:s|ed|ing)?|reconfirm(?:s|ed|ing)?|(?:reviv|reactivat|continu)(?:e|es|ed|ing) "
    r"(?:the|their|its|our)|"
    r"extend(?:s|ed|ing)? (?:the|their|its|a similar|an earlier) (?:[\w-]+ ){0,2}?"
    r"(?:agreement|pact|partnership|memorandum|twinning|accord)|"
    # "Saskatchewan's own twinning with Jilin is not affected", "the twinning between A and B
    # remains": a tie the sentence says how it stands
    r"(?:['’]s|\bthe) (?:own |long |old )?(?:twinning|partnership|friendship|relationship|ties) "
    r"(?:with|between)\b[^.;]{1,60}?\b(?:remains?|continues?|stays?|(?:is|are) (?:not affected|"
    r"unaffected|still|active|alive|intact))\b(?! (?:suspended|frozen|on hold|in limbo|"
    r"dormant|stalled|inactive|closed|cancell?ed|ended|under|unsigned|a (?:plan|proposal|draft)|"
    r"to be)\b))\b",
    re.I,
)
# "sister cities since yesterday", "twinned since Thursday": a tie begun in the reported week.
SINCE_LATELY = re.compile(
    r"\b(?:cities|towns|municipalities|regions|provinces|partners|twinned|twins) since "
    rf"(?:{LATELY}|(?:last )?{WEEKDAY})\b(?!['’])",
    re.I,
)  # not "friends since Thursday's dinner", nor "since yesterday's ceremony marked 50 years"
# "the memorandum is the first agreement between them", "Graz is Lyon's first partner": new.
FIRST_AGREEMENT = re.compile(
    r"\b(?:is|are|marks?|becomes?|became) (?:the|their|its|\w+['’]s) first (?:[\w-]+ ){0,3}?"
    r"(?:agreement|memorandum|pact|deal|accord|treaty|partners?|partnership)\b",
    re.I,
)
# "signed on Monday", "sign a pact": the act happened, whatever the agreement will do later
# (not "once signed", "to be signed").
SIGNED = re.compile(r"\b(?:signed|signs|sign|inked|inks|sealed|established|formali[sz]ed)\b", re.I)
NOT_YET = re.compile(
    r"\b(?:to|will|would|could|may|might|shall|not|hopes?|wants?|once|when|if|until|unless)"
    r"(?:\s+be)?\s+$",
    re.I,
)
# "no official contact since 2019", "inactive since 2019": when it lapsed, not when it began.
LAPSED = re.compile(
    r"\b(?:no|not|never|inactive|dormant|without|silent|lapsed)\b[^.;]{0,40}$", re.I
)
# A past tense verb of the event, for "signed a friendship agreement in 2019".
PAST_EVENT = re.compile(
    r"\b(?:signed|became|followed|established|inked|sealed|formali[sz]ed|twinned|agreed|"
    r"launched|set up|approved|ratified|entered|forged|struck|"
    r"led|visited|hosted|met|arrived|travell?ed|ran|held|organi[sz]ed|exchanged|opened|funded|"
    r"(?:(?:sister|twin|friendship|partner)[\s-](?:cit(?:y|ies)|towns?)|partners?) "
    r"(?:was|were))\b",  # "its first friendship city was Kumamoto, in 1979"
    re.I,
)
# How far before a year its past-tense verb may stand (characters): near, or across the
# agreement's own long object ("signed a memorandum of understanding on cooperation with
# Ibaraki Prefecture of Japan in 2019"), which no comma, clause word or other verb breaks.
PAST_EVENT_NEAR = 80
PAST_EVENT_REACH = 120
LONG_OBJECT_BREAK = re.compile(
    r"[,;]|\b(?:to|that|where|when|after|before|since|built|hit|born|\w+ed)\b", re.I
)
# A date of the sentence's own event: "signed ... on Monday".
OWN_DATE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|yesterday|this week)\b", re.I
)


LAST_YEAR = re.compile(r"last year", re.I)  # the one relative year that may date a link's start
# "in 2019", "on 5 May 2019", "in early 2019": a year that dates an act, not "its 1980 uprising".
DATING = re.compile(
    r"\b(?:in|on|during|between|from)\s+(?:(?:early|late|mid)[\s-]+)?(?:[\w.]+\s+)?"
    r"(?:[0-3]?\d,?\s+)?$",
    re.I,
)


# "(sister city, 1991)", "(friendship city since 2003)" ending a roll's row: its tie's year.
DATED_KIND = re.compile(
    r"\((?:sister|twin|partner|friendship)[\w\s-]{0,20}?(?:,\s*|\s+since\s+)"
    r"(?P<year>(?:19|20)\d\d)\b[^()]*\)\s*$",
    re.I,
)


# "the 1990 sister city agreement", "Perth's 1985 twinning": a year naming its link.
YEAR_NAMED_LINK = re.compile(
    r"\b(?:the|their|its|our|a|an|(?-i:[A-Z])[\w.-]*['’]s)\s+(?P<year>(?:19|20)\d\d)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:agreement|twinning|pact|memorandum|charter|accord|partnership|"
    r"friendship|treaty)\b",
    re.I,
)


def _named_by_past_year(text: str, start: int, published: str | None) -> bool:
    """Whether the trigger at `start` names its link by a year before the article's: "the
    1990 twinning agreement", in a sentence that reports no other link of this week ("The
    1999 agreement between A and B inspired Tuesday's memorandum between A and C")."""
    reported = published_year(published)
    if reported is None:
        return False
    named = next(
        (
            m
            for m in YEAR_NAMED_LINK.finditer(text, max(0, start - 60), start + 60)
            if m.end("year") < start < m.end() and int(m.group("year")) < reported
        ),
        None,
    )
    if named is None:
        return False
    links = re.finditer(rf"\b{_LINK_NOUN}", text, re.I)
    other = any(not named.start() <= link.start() < named.end() for link in links)
    return not (other and OWN_DATE.search(text))


def _past_year(text: str, published: str | None) -> bool:
    """A year well before publication ("signed in 2019" in a 2025 article), or "last year",
    dates the event."""
    reported = published_year(published)
    if reported is None:
        return False
    return any(
        (
            y.how == "explicit"
            and y.year < reported - 1
            and DATING.search(text, max(0, y.start - 25), y.start)
            and _past_event_at(text, y.start, y.end)
        )
        or (y.how == "relative" and y.year == reported - 1 and _dated_last_year(text, y))
        for y in years_in(text, published)
    )


def _dated_last_year(text: str, year: YearMention) -> bool:
    """ "signed last year", "Last year, A and B held ...": "last year" dates the act the
    clause reports, not a noun it follows ("follows a visit to X last year by a delegation")."""
    if not LAST_YEAR.fullmatch(text, year.start, year.end):
        return False
    if OWN_DATE.search(text):
        return False  # "signed on Monday, following a visit last year": the act is this week's
    if not text[: year.start].strip():  # "Last year, ..." leads the sentence
        return _past_event_at(text, year.start, year.end)
    return _past_event_at(text, year.start, year.start - 60)


def _past_event_at(text: str, start: int, end: int) -> bool:
    """Whether a past-tense event word dates the year at `start`: near it and not across a
    relative pronoun ("signed ... with Kaohsiung, whose port was hit by explosions in 2014");
    farther than PAST_EVENT_NEAR characters before it, only across the agreement's own long
    object up to its partner ("signed a memorandum of understanding on cooperation with Ibaraki
    Prefecture of Japan in 2019"), not across a comma or another verb ("... to revive exchanges
    that stopped during the pandemic in 2020"), nor where the sentence dates the signing itself
    ("signed ... with Hue on Monday to honour the relics of the Tet Offensive in 1968")."""
    for m in PAST_EVENT.finditer(text, max(0, start - PAST_EVENT_REACH), end + 60):
        gap = text[min(m.end(), start) : max(m.start(), start)]
        if RELATIVE_PRONOUN.search(gap):
            continue
        if len(gap) <= PAST_EVENT_NEAR:
            return True
        plain = " with " in gap and not LONG_OBJECT_BREAK.search(gap)
        if plain and start > m.end() and not OWN_DATE.search(text):
            return True
    return False


def _dated_kind(text: str, published: str | None) -> bool:
    """ "Macon – Hekinan (sister city, 1991)": a tie's kind and its year in brackets, the
    year before the article's."""
    reported = published_year(published)
    return reported is not None and any(
        int(m.group("year")) < reported for m in DATED_KIND.finditer(text)
    )


def _future(text: str, published: str | None) -> bool:
    """ "next spring", "later this year", "in spring 2026" in a 2025 article, or "from
    September 6-11, 2017" in one of May 2017."""
    if FUTURE.search(text):
        return True
    reported = published_year(published)
    return any(
        after_publication(text, y, published)
        and (y.year == reported or FUTURE_YEAR_CUE.search(text[: y.start]))
        for y in years_in(text, published)
    )


# ", which ...,", ", of which ...,", ", who ...,", and an apposition naming a tie: ", twin
# cities since 1975,". A clause opened by a preposition that names a tie itself ("Bremen, of
# which it has been a sister city since 1996,") is the tie's own statement.
_NO_TIE_WORDS = (
    r"(?![^,;]*\b(?:sister|twin|partner|friend|memorand|agreement|accord|pact|charter|"
    r"signed)\w*)"
)
RELATIVE_CLAUSE = re.compile(
    rf",\s+(?:(?:which|who|whose)\b|(?:of|in|at|from|to)\s+which\b{_NO_TIE_WORDS}|"
    r"(?:(?:long-?(?:time|standing)|official) )?"
    r"(?:sister|twin|partner|friendship)[\s-](?:cit(?:y|ies)|towns?|states?|provinces?)\b)"
    r"[^,;]*[,;]",
    re.I,
)


def relative_clauses(text: str) -> list[tuple[int, int]]:
    """Where the text's relative clauses (and appositions naming a tie) are."""
    return [m.span() for m in RELATIVE_CLAUSE.finditer(text)]


def _blank_relatives(
    text: str, keep: tuple[int, int] | None, only: re.Pattern | None = None
) -> str:
    """The text with its relative clauses (but `keep`, and only those `only` finds in, when
    given) blanked out, offsets unchanged: "the twinning, which dates to 1962, was suspended"
    reads as "the twinning was suspended"."""
    for a, b in relative_clauses(text):
        if (a, b) != keep and (only is None or only.search(text, a, b)):
            text = text[:a] + " " * (b - a) + text[b:]
    return text


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


RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# "the Turkish town of", "the port city of": the words that name a place by its kind.
_PLACE_OF = (
    r"(?:the\s+(?:[\w'’-]+\s+){0,3}?(?:town|city|municipality|district|region|province|state|"
    r"county|village|port|capital|commune|prefecture)\s+of\s+)"
)
# "signed in 1984", "established in 1990": a tie's year after a participle.
_SIGNED_IN = r"(?:signed|sealed|established|concluded|formali[sz]ed)"
# ", the provincial capital, has been twinned with Istanbul": an apposition, then the verb of
# the name before it and a partner of its own.
_NOT_SUBJECT_APPOSED = (
    r"(?!\s+(?:the|a|an|its)\s[^,;]{1,60},\s+(?:has|have|had|is|are|will|would|signed|"
    r"agreed)\b[^,;.]*\bwith\s+(?-i:[A-Z]))"
)
# Where one main clause of a sentence ends and the next begins: ", and", ", but", ";".
# Not ", and with Nyirbator since 2007": a partner and its year, the clause's verb unsaid.
COORDINATE_BREAK = re.compile(
    r",\s+(?:and|but|while|whereas)\s+"
    rf"(?!with\s+(?:the\s+[\w\s]{{0,30}}?\bof\s+)?{CAPITALISED_WORDS}"
    r"\s+(?:since|from|in)\s+(?:19|20)\d\d)"
    # nor "..., and Ravenna in Italy, a partnership that ...": one more member of a list (but
    # "..., while Lahore, the provincial capital, has been twinned ...": a subject of its own)
    rf"(?!{CAPITALISED_WORDS}(?:\s+in\s+{CAPITALISED_WORDS})?(?:,{_NOT_SUBJECT_APPOSED}|\.?$))"
    # nor "..., and with the Turkish town of Emirdag, since 2003" or "..., and with Saitama,
    # signed in 1984" (but "..., and with the city of Lyon, it runs a tram": a clause of its
    # own, and "..., and with Kalmar." is left alone)
    rf"(?!with\s+{_PLACE_OF}?{CAPITALISED_WORDS}(?:,?\s+in\s+{CAPITALISED_WORDS})?"
    rf",?\s+(?:since|from|{_SIGNED_IN}\s+in|"
    r"dating\s+(?:from|back\s+to))\s+(?:19|20)\d\d)"
    # nor "..., and with Quezon City, both in Metro Manila": the last partner, located
    rf"(?!with\s+{_PLACE_OF}?{CAPITALISED_WORDS},\s+(?:both|all)\s+in\b)"
    r"|;\s+",
    re.I,
)
# "has had a tie with A since 1991 and signed an agreement with B in 2004": a second act of
# the clause's subject, which dates its own tie.
NEXT_SIGNING = re.compile(r"\s+and\s+(?=(?:signed|inked|sealed|concluded)\s)", re.I)
NEXT_ACT = re.compile(r"\s+and\s+(?:will|would|is|are)\s+", re.I)  # "... and will report"


# "has four sister cities: ...", "partner towns in Slovakia: ...": a colon opening partners.
PARTNERS_LIST = re.compile(
    r"\b(?:cit(?:y|ies)|towns?|partners|municipalities|regions|provinces|states|prefectures)"
    rf"{IN_NAMED_PLACE}"
    r"\s*(?:are|include)?\s*:",
    re.I,
)

# "The others are A and B", "The other five include ...": the rest of the partners the text
# has been counting, ties in place listed as "Its other partners are ..." lists them.
OTHERS_ARE = re.compile(
    r"^\W*The\s+(?P<link>others|(?:other|remaining)\s+(?:two|three|four|five|six|seven|eight|"
    r"nine|ten|\d{1,2}))\s+(?:are|include)\s+"
    # names next, not "The others are expected tomorrow", "The others are volunteers from X"
    r"(?=(?:the\s+)?[A-Z]|the\s+(?:[\w-]+\s+){0,2}?(?:sister|twin|partner|friendship|cities|"
    r"towns)\b)"
)


def coordinate_breaks(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """The breaks between main clauses (", and", "; "), not the semicolons of a list of
    partners a colon opens: "has four sister cities: Suncheon (2014); Seo-gu (2018); and
    Tagaytay (2011)" (but "Note: ...; ..." breaks)."""
    breaks = list(COORDINATE_BREAK.finditer(text, start, len(text) if end is None else end))
    if not any(m.group().startswith(";") for m in breaks):
        return breaks  # most sentences: no list to look for
    listing = PARTNERS_LIST.search(text)
    opens = listing.end() if listing else len(text)
    return [m for m in breaks if not (m.group().startswith(";") and opens <= m.start())]


def main_clause_at(text: str, start: int) -> tuple[int, int]:
    """The main clause holding `start`: "X and Y are twinned, [the pact signed today is new]"."""
    begin, end = 0, len(text)
    for m in coordinate_breaks(text):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= start:
            end = m.start()
            break
    return begin, end


# "named A and B the most active sister cities", "an award for the best twinning": a tie
# praised is one in place.
ACCOLADE = re.compile(
    r"\b(?:most|best|oldest|longest|strongest|outstanding|exemplary)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:sister|twin|friendship|partner)[\s-]*(?:cit(?:y|ies)|towns?|partnerships?|"
    r"relationships?|programs?|programmes?)|twinnings?)\b",
    re.I,
)
# "the 30th anniversary of their twinning", "will celebrate 50 years as sister cities" (past or
# to come): the link is there already.
ANNIVERSARY_OF = re.compile(
    r"\b(?:anniversary of|\d{1,3} years (?:as|of)) (?:[\w'’-]+ ){0,3}$", re.I
)
# "Kobe, its sister city,", "from their partner town", "Zomba's twin town": a tie the place
# already has...
POSSESSED_TIE = re.compile(
    r"\b(?:its|their|our|(?-i:[A-Z])[\w.-]*['’]s) (?:(?!(?:new|newest|latest|first|proposed|"
    r"potential|future|prospective|next|possible|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th))\b)[\w-]+ ){0,2}?(?:sister|twin|partner|friendship)[\s-]"
    r"(?:cit(?:y|ies)|towns?|states?|provinces?)\b",
    re.I,
)
# ...unless the sentence makes it one: "an agreement making Kobe its sister city".
MADE_INTO = re.compile(
    r"\b(?:make|makes|made|making|become|becomes|became|becoming|as|name[sd]?|naming|"
    r"declared?|declaring)\b[^,.;]{0,30}$",
    re.I,
)


def _possessed_tie(text: str) -> bool:
    return any(not MADE_INTO.search(text, 0, m.start()) for m in POSSESSED_TIE.finditer(text))


def _stated_status(text: str, published: str | None) -> str | None:
    """What the words of `text` say of a link, if anything."""
    if SINCE_LATELY.search(text):
        return "new"  # "have been sister cities since yesterday": begun at the reported event
    if EXISTING.search(text) or _past_year(text, published) or _dated_kind(text, published):
        return "existing"
    if _signed(text) or FIRST_AGREEMENT.search(text):
        return "new"
    if _possessed_tie(text):  # after a signing: "signed with Kobe, its third sister city"
        return "existing"
    if PROPOSED.search(text) or _future(text, published):
        return "proposed"
    if ACCOLADE.search(text):  # "named A and B the most active sister cities"
        return "existing"
    if OTHERS_ARE.match(text):  # "The others are A and B": the rest of its ties
        return "existing"
    return None


# "signed a twinning agreement with X in 2008, but that link produced little and was formally
# ended last September": the next clause ends the tie it points back to (not "but the agreement
# with Y was suspended": another's).
ENDED_AFTER_BUT = re.compile(
    r",\s+but\s+(?:(?:(?:that|this|the|its)\s+(?:[\w-]+\s+)?(?:link|tie|twinning|agreement|"
    r"partnership|relationship|friendship|pact)|it)\b(?:(?!\bwith\b)[^.;]){0,80}?"
    r"\b(?:was|were|has been|had been)\s+(?:\w+ly\s+)?"
    r"(?:ended|suspended|terminated|scrapped|frozen|cancell?ed|dissolved|"
    r"revoked|allowed to lapse)|"
    # "..., but the council suspended it in 2012" (not "but the festival committee cancelled it")
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:council|assembly|government|city|town|municipality|mayor|"
    r"authorities|administration|province|state|side)\s+(?:\w+ly\s+)?(?:ended|suspended|"
    r"terminated|scrapped|froze|cancell?ed|dissolved|revoked)\s+it)\b",
    re.I,
)


def _ended(text: str, start: int) -> bool:
    """Whether the trigger's clause reports its link cut, not merely debated: "[Lyon scrapped]
    its twinning", "the twinning [was scrapped]" ("signed a pact after the pandemic suspended
    the ferry links" ends something else)."""
    inside = clause_at(text, start)
    begin, end = inside or main_clause_at(text, start)
    if inside is None and ENDED_AFTER_BUT.match(text, end):
        return True
    text = _blank_relatives(text, inside)
    acts = [m for m in ENDED_ACTIVE.finditer(text, begin, end) if m.start() <= start]
    acts += [m for m in ENDED_PASSIVE.finditer(text, begin, end) if start < m.end()]
    acts += [m for m in ENDED_AFTER_SIGNING.finditer(text, begin, end) if start < m.end()]
    return any(
        not NOT_ENDED.search(text[begin : m.start()])
        and not NEARLY.search(m.group())
        and not TAKEN_BACK.search(text, m.end(), end)
        and _same_clause(text, start, m.start())
        for m in acts
    )


# "was nearly suspended", "was suspended briefly but restored months later": no end after all.
NEARLY = re.compile(r"\b(?:nearly|almost)\b", re.I)
TAKEN_BACK = re.compile(
    r"\b(?<!not )(?<!not been )(?<!never )(?<!never been )"
    r"(?:restored|resumed|reinstated|revived|lifted|reversed|remains? in force)\b",
    re.I,
)


# What an aside must speak of to end its antecedent's tie, and what makes it another tie's or
# takes the ending back.
OWN_TIE = re.compile(
    r"\b(?:twinning|partnership|relationship|friendship|ties|agreement|sister|twin)\b", re.I
)
OTHER_TIE = re.compile(r"\bwith\b|\b(?:resum|restor|reinstat|reviv|renew)", re.I)


def ended_aside(text: str, after: int) -> bool:
    """Whether the relative clause opening at the first comma after `after` reports its
    antecedent's link cut: "Kaliningrad, whose partnership was suspended in 2022, Turku"."""
    comma = text.find(",", after)
    inside = next(((a, b) for a, b in relative_clauses(text) if a == comma), None)
    if comma < 0 or inside is None:
        return False
    aside = text[inside[0] : inside[1]]
    if not OWN_TIE.search(aside) or OTHER_TIE.search(aside):
        return False  # "whose ferry links were cut", "whose twinning with Moscow was suspended"
    return _ended(text, inside[0] + 1) or _ended(text, inside[1] - 1)


def _ending_talk(text: str, start: int) -> bool:
    """Talk of ending the trigger's link, which is so in place ("may suspend ties with its
    sister city"); not an ending after it ("signed a pact after floods cut the rail links")."""
    begin, end = clause_at(text, start) or (0, len(text))
    return any(
        m.start() <= start and _same_clause(text, start, m.start())
        for m in ENDING.finditer(text, begin, end)
    )


def _same_clause(text: str, start: int, at: int) -> bool:
    """Whether `at` is in no relative clause but the one holding `start`, if any."""
    return clause_at(text, at) in (None, clause_at(text, start))


# "refused to end", "voted against ending": refusing an ending keeps the link.
ENDING_NEXT = re.compile(rf"\s*(?:to\s+)?(?:{_END_BASE}|ending|the (?:scrapping|ending))\b", re.I)


def _refusals(text: str) -> list[re.Match]:
    """The refusals of a text; refusing to end a link ("refused to cut ties") keeps it."""
    return [m for m in REFUSAL.finditer(text) if not ENDING_NEXT.match(text, m.end())]


def _refused(clause: str) -> bool:
    """Whether the clause refuses a link."""
    return bool(_refusals(clause))


# A link a clause reports of its own: "which signed a memorandum in 2015".
OWN_LINK = re.compile(
    rf"\b(?:signed|inked|sealed|agreed|concluded|established|entered)\b[^,;]*?\b{_LINK_NOUN}", re.I
)
# Wishes for a link already there: "agreed to renew", "hopes to revive its twinning".
RENEWING = re.compile(r"\b(?:renew|reaffirm|reconfirm|extend|revive|reactivate|continue)\b", re.I)


def _wished(text: str, start: int, published: str | None) -> bool:
    """A wish or plan just before the trigger ("plan to sign an agreement") that no signing
    since answers ("after months of talks, they signed") and no past year dates ("led them to
    become sister cities in 1985")."""
    before = text[max(0, start - 40) : start]
    wishes = list(PROPOSED.finditer(before))
    if not wishes or _signed(before[wishes[-1].end() :]):
        return False
    if RENEWING.search(before, wishes[-1].start()):
        return False  # "agreed to renew its twinning": the link is in place
    reported = published_year(published)
    return reported is None or not any(
        y.how == "explicit" and y.year < reported - 1 and start < y.start <= start + 40
        for y in years_in(text, published)
    )


def _goal(text: str, start: int) -> bool:
    """The trigger names what its main clause aims at: "the first step towards a twinning"."""
    begin, _ = main_clause_at(text, start)
    goals = list(GOAL.finditer(text, begin, start))
    return bool(goals) and not _signed(text[goals[-1].end() : start])


# "decided not to enter into a twinning; instead, they signed a memorandum": what comes after
# the contrast is not refused.
CONTRAST = re.compile(r";|\bbut\b|\binstead\b", re.I)


def _refusal_set_aside(text: str, start: int) -> bool:
    """Whether a contrast stands between the last refusal before `start` and `start`, and
    nothing after it refuses again ("...; but the plan ... was also rejected")."""
    refusals = list(REFUSAL.finditer(text, 0, start))
    contrast = CONTRAST.search(text, refusals[-1].end(), start) if refusals else None
    return contrast is not None and not REFUSAL.search(text, contrast.end())


# "It was suspended in 2014 when ...": a sentence that opens on the link it ends.
IT_ENDED = re.compile(
    rf"\s*It\s+(?:(?:was|has been|had been)\s+(?:\w+ly\s+)?{_CUT}\b|"
    # "It lapsed in 2021 without a single joint project."
    r"(?:\w+ly\s+)?(?:lapsed|expired)(?=\s*[.,;]|\s+(?:in|after|when|without|because|amid)\b))|"
    # "When that interest disappeared, the partnership died." (not "The founder of the
    # partnership died")
    r"\s*(?:When [^,.;]{1,60},\s*)?(?:[Ii]t|[Tt]he (?:partnership|twinning|agreement|"
    r"relationship|friendship|tie))\s+(?:\w+ly\s+)?(?:died|fizzled out|petered out)\b"
)


# "... cancelled the agreement, then reinstated it", "the agreement with the bus operator":
# an ending undone (not "and never revived", but "was not revived until 2005"), or of another
# party's agreement.
UNDONE = re.compile(
    r"(?:(?<!never )(?<!not )(?<!not been )|(?=\w+\s+until\b))"
    r"\b(?:reinstat|restor|resum|reviv|reactivat|lift|renew|extend)\w*",
    re.I,
)
WITH_ANOTHER = re.compile(rf"\b{_LINK_NOUN}\s+with\b", re.I)


def ends_a_link(text: str, right_after: bool) -> bool:
    """Whether a sentence that names no other place reports a link cut ("In 2018 the council
    cancelled the agreement"; "It was suspended in 2014" `right_after` the tie's sentence,
    where "it" can be nothing else): the link of a sentence before."""
    if UNDONE.search(text) or WITH_ANOTHER.search(text):
        return False
    if IT_ENDED.match(text):
        return right_after
    found = [*ENDED_ACTIVE.finditer(text), *ENDED_PASSIVE.finditer(text)]
    return any(not NOT_ENDED.search(text[: m.start()]) for m in found)


# "Councillors declined to take the proposal any further": the proposal the sentence before
# reported was refused (not "declined to comment on the proposal", "rejected the plan to raise
# taxes", "the idea that ...", "the offer from X", "rejected the plan but it passed").
PROPOSAL_REFUSED = re.compile(
    r"\b(?:declined|rejected|turned down|voted down|shelved|threw out)\s+"
    r"(?:(?:to take|to pursue|to consider|to accept)\s+)?(?:the|this|that) "
    r"(?:proposal|offer|idea|plan|motion|suggestion|bid)\b"
    r"(?!\s+(?:to|for|of|that|from|about)\b)(?![^.;]*\b(?:but|passed|approved)\b)",
    re.I,
)


# What a refusal turns down when it is something new: "has turned down a proposal to ...".
ANOTHER_PROPOSAL = re.compile(
    r"[^.;,]{0,40}?\b(?:an?|another) (?:[\w-]+ )?(?:(?:proposal|offer|request|plan|bid|idea|"
    rf"invitation|approach)\b|{_LINK_NOUN}\s+with\b)",
    re.I,
)  # "voted against establishing a sister-city relationship with Iringa" too


def _refusal_of_another_link(text: str, start: int) -> bool:
    """Every refusal of the sentence comes in a later main clause that turns down something
    new: "will renew its twinning with A, but has turned down a proposal to open talks with a
    city in China", "ratified the twinning with A, but rejected a proposal to sign a friendship
    agreement with B" (not "signed a twinning, but the council rejected it / the idea")."""
    _, end = main_clause_at(text, start)
    return all(m.start() >= end and ANOTHER_PROPOSAL.match(text, m.end()) for m in _refusals(text))


def refuses_another_link(text: str, start: int) -> bool:
    """Whether the sentence refuses a link other than the trigger's, in a later clause."""
    return _refused(_own_clause(text, start)) and _refusal_of_another_link(text, start)


def link_status(text: str, start: int, published: str | None = None) -> str | None:
    """new, existing, proposed or ended for a trigger at `start`; None when the text refuses it.

    The trigger's own main clause speaks first; the sentence only when that clause is silent.
    """
    clause = _own_clause(text, start)
    if _ended(text, start):
        return "ended"
    begin, end = main_clause_at(text, start)
    refused = _refused(clause)
    another = refused and _refusal_of_another_link(text, start)
    if refused and not (another or _refusal_set_aside(text, start)):
        return "proposed" if re.search(r"discuss|consider|explor", clause, re.I) else None
    if _ending_talk(text, start):
        return "existing"  # "may suspend ties with X": the link is in place until then
    if ANNIVERSARY_OF.search(text, max(0, start - 40), start):
        return "existing"  # "will mark the 30th anniversary of their twinning": it is in place
    if _named_by_past_year(text, start, published):
        return "existing"  # "the 1990 sister city agreement between Perth and Kobe"
    if _signed_that_day(text, start):
        return "new"  # "signed a friendship agreement on Tuesday, ... asking for it since 2010"
    if LAUNCHED.search(text, begin, start):
        return "new"  # "launched "Living Heritage", a joint programme that will send ..."
    if SETS_UP.search(text, begin, start) and not (
        PROPOSED.search(text, begin, start) or UNSIGNED.search(text, begin, start)
    ):
        return "new"  # "the memorandum also sets up "X", a joint programme that will ..."
    if _wished(text, start, published) or _goal(text, start):
        return "proposed"  # "plan to sign an agreement", "a first step towards a twinning"
    if TALKED_OF_SINCE.match(text, start, end) and SIGNED_BEFORE.search(text, 0, start):
        return "new"  # "signed a twinning charter that had been discussed since 2008"
    if IN_PREPARATION.match(text, start, end):
        return "proposed"  # "the twinning had been in preparation since 2014": not yet a tie
    if TIE_BODY.match(text, start):
        return "existing"  # "the Seattle–Pécs Sister City Association held its meeting"
    own = _stated_status(_own_clause(text[begin:end], start - begin), published)
    sentence = text[:end] if another else text  # the refused link's clause is its own
    # "... approved a twinning with X; the city opened an office there in 2019": a semicolon
    # closes what the sentence says of the link
    sentence = sentence[: _semicolon_after(sentence, start)]
    # "Perth and Kobe, which signed a memorandum in 2015, became sister cities": that clause
    # says nothing of when the twinning began ("the twinning, which dates to 1962," does)
    sentence = _blank_relatives(sentence, clause_at(text, start), only=OWN_LINK)
    return own or _stated_status(sentence, published) or "new"


# "Sister City Association", "Twinning Committee": a body that keeps a tie, which is in place.
TIE_BODY = re.compile(
    r"(?:sister|twin|friendship)[\s-]?(?:cit(?:y|ies)|towns?|ning)\s+"
    r"(?:association|committee|society|club|foundation|commission)\b",
    re.I,
)


# "...; that was in 2016", "...; the agreement was signed in 2016": a part that goes on about
# the link before the semicolon.
BACK_TO_THE_LINK = re.compile(rf";\s*(?:it|that|this|they|the\s+(?:[\w-]+\s+)?{_LINK_NOUN})", re.I)


def _semicolon_after(text: str, start: int) -> int:
    """Where what the text says of the link at `start` ends: at a semicolon, unless the next
    part speaks of the link again (the text's end if none)."""
    found = text.find(";", start)
    while found >= 0 and BACK_TO_THE_LINK.match(text, found):
        found = text.find(";", found + 1)
    return len(text) if found < 0 else found


_DAY = rf"(?:on\s+)?{WEEKDAY}|{LATELY}"
# "signed a friendship agreement on Tuesday", "on Tuesday signed a memorandum": the article's
# own event, whatever the rest of the sentence recalls of the years before it.
SIGNING_VERB = re.compile(r"(?:signed|inked|sealed)\b", re.I)
SIGNED_BEFORE = re.compile(r"\b(?:signed|inked|sealed)\s+(?:[\w-]+\s+){0,4}$", re.I)
DAY_BEFORE = re.compile(rf"\b(?:{_DAY})\s+$", re.I)
DAY_AFTER = re.compile(  # no year between, nor right after ("on a Tuesday in 1991")
    rf"[a-z\s-]{{0,45}}?\s(?:{_DAY})\b(?!['’])(?![^,;.]{{0,15}}\b(?:19|20)\d\d)", re.I
)


# "signed a friendship agreement on Tuesday, renewing the ties ...", "... on the anniversary".
RENEWED_ANYWHERE = re.compile(
    r"\b(?:renew|re-?sign|reaffirm|reconfirm|extend|reviv|reactivat|continu)\w*|\banniversary\b",
    re.I,
)


def _signed_that_day(text: str, start: int) -> bool:
    """Whether the trigger's signing is dated to a day of the week of its report (a renewed
    tie is not: "signed a friendship agreement on Tuesday, renewing the ties of 2005"; the
    renewed charter is)."""
    if TWINNING.match(text, start) and RENEWED_ANYWHERE.search(text):
        return False  # the tie renewed; the text signed that day is new all the same
    signed = SIGNING_VERB.match(text, start) or SIGNED_BEFORE.search(
        text, max(0, start - 60), start
    )
    if signed is None:
        return False
    day_before = DAY_BEFORE.search(text, max(0, signed.start() - 20), signed.start())
    return bool(day_before or DAY_AFTER.match(text, start))


# "a twinning charter that had been discussed on and off since 2008": the talks' start.
TALKED_OF_SINCE = re.compile(
    r"[^,;.]{0,30}?\b(?:that|which) (?:had|has|have) been (?:discussed|negotiated|debated|"
    r"talked about|planned|prepared)\b[^,;.]{0,30}?\bsince (?:19|20)\d\d\b",
    re.I,
)
IN_PREPARATION = re.compile(
    r"[^,;.]{0,30}?\b(?:is|are|was|were|has been|have been|had been) (?:in|under) preparation\b",
    re.I,
)  # right after the link's own words (not "Heidelberg, its sister city, is in preparation")


# "the two cities launched "X", a joint programme that will ...": started, whatever it will do.
_FIRST = r"(?:(?:first|new|pilot)\s+)?"
_PROGRAMME_AFTER = (
    rf"\s+(?:(?:the|a|an|their|its)\s+)?{_FIRST}(?:(?:[\"“][^\"”]{{1,60}}[\"”]|"
    r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,5}),?\s+(?:(?:the|a|an)\s+)?"
    rf"{_FIRST})?$"
)  # "launched the Hanze Heritage Lab, a joint programme" too
LAUNCHED = re.compile(
    rf"(?<!be )(?<!been )\b(?:launched|inaugurated|unveiled|kicked off){_PROGRAMME_AFTER}", re.I
)  # the programme itself launched: not "unveiled plans for a joint programme"
# "the charter launches a first joint programme", "the memorandum also sets up "X", a joint
# programme": what a signed text does, unless the text is still a plan ("the agreement they
# will sign creates ...", "the draft charter launches ...").
SETS_UP = re.compile(rf"\b(?:launches|sets up|creates){_PROGRAMME_AFTER}", re.I)
UNSIGNED = re.compile(r"\b(?:draft|negotiat\w*|if|expected to)\b", re.I)
# A visit reported as background to the article's event: "a month ago", "last year's visit".
EARLIER_VISIT = re.compile(
    r"\b(?:(?:\d+|a|an|one|two|three|four|five|six|several|few|some) (?:months?|years?|"
    r"decades?) ago|(?:previous|earlier|prior|last year['’]s|past) (?:visits?|trips?|missions?)|"
    r"(?:once|previously|already) visited)\b",
    re.I,
)


# "is on a three-day visit", "are visiting": the visit the text reports, going on.
ONGOING_VISIT = re.compile(
    r"\b(?:is|are) (?:currently |now )?(?:on|paying|making) (?:a|an|their|his|her|its) "
    r"(?:[\w-]+ ){0,3}?visit\b|\b(?:is|are) (?:currently |now )?visiting\b",
    re.I,
)
# "a delegation from Lyon will travel to Porto", "the mayor is due to arrive": still to come.
WILL_GO = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due|set|scheduled|slated|expected|going) to|plans? to|"
    r"intends? to)\s+(?:\w+\s+)?(?:travel|visit|arrive|come|go|head|lead|tour|fly|attend|"
    r"leave for|depart for)\b",
    re.I,
)
# "The charter will be signed again in Krems in October, when a delegation from Colmar travels
# to Austria": a visit in a "when" clause of a main clause still to come is still to come.
WHEN_AFTER_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due|set|scheduled|expected) to)\b[^.;]{0,120}?,?\s+when\s+"
    r"[^.;,]{0,80}$",
    re.I,
)
# ... unless its own verb is in the past: "when a delegation travelled", "when it went" (not
# "led by", "accompanied by").
PAST_VISIT = re.compile(
    r"[^.;,]{0,60}?\b(?:\w+ed|went|came|flew|led|took|paid|met|was|were|last)\b(?!\s+by\b)"
)
# "The mayor's visit to Lyon is scheduled for June": a visit with a date still to come.
SCHEDULED = re.compile(
    r"\b(?:is|are|has been|have been) (?:scheduled|planned|slated|set|pencilled|penciled) "
    r"(?:for|in)\b",
    re.I,
)
# "A delegation from Omsk is expected in Kostanay in November": guests awaited at a place (not
# "is expected in court", nor a visit of which a clause said more, "which ended on Monday,").
EXPECTED_IN = re.compile(
    r"(?:(?!\b(?:which|who|whose|where)\b)[^;])*?\b(?:is|are) (?:expected|due) (?:in|at) "
    r"(?=[A-Z]|the (?:[A-Z]|region\b|city\b|town\b|province\b))"
)
RELATIVE_PRONOUN = re.compile(r"\b(?:which|who|whose)\b", re.I)
# "Contacts began in 2019, when a team from Beira spent a week in Tanga": the year the clause
# after "when" happened in.
WHEN_DATED = re.compile(
    r"\b(?:in|since) (?P<year>(?:19|20)\d\d), when\b(?:(?!,\s+(?:but|and|yet|while)\b)[^;.])*$",
    re.I,
)  # not across ", but on Monday a delegation arrived"


def _earlier_visit(text: str, start: int, published: str | None) -> bool:
    """ "visited Lyon a month ago", "his 2013 visit", "visited Lyon last year": a visit before
    the reported event (not a year of another clause or a link's start, "twinned in 1990")."""
    earlier = EARLIER_VISIT.search(text, max(0, start - 60), start + 60)
    if earlier and not (
        earlier.group().lower().startswith("already") and ONGOING_VISIT.search(text)
    ):
        return True  # not "is on a visit to Lyon and has already visited a school": this one
    reported = published_year(published)
    dated = WHEN_DATED.search(text, max(0, start - 120), start)
    if dated and reported is not None and int(dated.group("year")) < reported:
        return True
    return reported is not None and any(
        (y.how == "explicit" or LAST_YEAR.fullmatch(text, y.start, y.end))
        and y.year < reported
        and abs(y.start - start) <= 60
        and clause_at(text, y.start) == clause_at(text, start)
        and not RELATIVE_PRONOUN.search(text, min(start, y.start), max(start, y.start))
        and not START_CUE.search(text[: y.start])
        for y in years_in(text, published)
    )


def visit_status(text: str, start: int, published: str | None = None) -> str | None:
    """new, existing or proposed for a visit trigger at `start`; None when it was refused."""
    if REFUSAL.search(text[max(0, start - 60) : start + 60]):
        return None
    before = text[max(0, start - 40) : start]
    # "next year" far from the visit dates another plan ("announced an office next year"), as
    # does one in the next clause ("visited Jeju on Monday, and will report next Thursday").
    clause_end = _clause_end(text, start, start + 80)
    near = text[max(0, start - 60) : clause_end]
    if (
        PROPOSED.search(before)
        or (
            INVITED_TO.search(text, max(0, start - 90), start)
            or INVITED.match(text, start)
            or INVITED_SUBJECT.match(text, start)
        )
        and not _invitation_taken_up(text, start, published)
        or WILL_GO.search(text, start, start + 60)
        or SCHEDULED.search(text, start, clause_end)
        or WHEN_AFTER_FUTURE.search(text, max(0, start - 200), start)
        and not PAST_VISIT.match(text, start)
        or EXPECTED_IN.match(text, start, clause_end)
        or _future(near, published)
    ):
        return "proposed"
    return "existing" if _earlier_visit(text, start, published) else "new"


def _invitation_taken_up(text: str, start: int, published: str | None) -> bool:
    """ "was invited to Graz in 2015 and toured ...", "last year accepted an invitation ...":
    the visit was made."""
    reported = published_year(published)
    past = reported is not None and any(
        y.how == "explicit" and y.year < reported for y in years_in(text, published)
    )
    return past or bool(VISIT_DONE.search(text, max(0, start - 90)))


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause that starts at `start` ends, at the latest `end`: "visited Jilin, and
    a youth exchange is scheduled for August" (the schedule is the exchange's)."""
    breaks = coordinate_breaks(text, start, end)
    found = breaks[0] if breaks else NEXT_ACT.search(text, start, end)
    return found.start() if found else end


def _signed(text: str) -> bool:
    return any(not NOT_YET.search(text[: m.start()]) for m in SIGNED.finditer(text))


def link_year(
    text: str,
    status: str,
    published: str | None,
    start: int | None = None,
    within: tuple[int, int] | None = None,
) -> int | None:
    """The year a link began: the earliest stated start for existing or ended ones, else the
    event's; none for a proposal. Given the trigger's `start`, a year of another main clause
    that reports an event of its own ("..., and it signed a pact with Y in 2004") is not its.
    Given the part of the sentence that reports the link (`within`), only years said there
    count, though the year an anniversary falls in may be said before ("2022 marks the 10th
    anniversary of A's tie, and the 30th of B's")."""
    ranges = [m.span() for m in YEAR_RANGE.finditer(text)]
    begin, end = within or (0, len(text))
    mentions = [
        y
        for y in years_in(text, published)
        if not (y.how == "since" and _lapsed(text, y.start))
        and (start is None or within is not None or not _other_event(text, start, y))
        and not any(a <= y.start < b for a, b in ranges)
        and begin < y.end <= end
    ]
    reported = published_year(published)
    if status in {"existing", "ended"}:
        starts = [y for y in _start_mentions(mentions) if not _ending_year(text, y, reported)]
        if status == "existing":  # "signed last year" (an ended link's "last year" ends it)
            starts += [y for y in mentions if _dated_last_year(text, y)]
        if start is not None and within is None:  # "... since 1991 and signed ... in 2004"
            act_begin, act_end = _act_at(text, start)
            own = [y for y in starts if act_begin <= y.start < act_end]
            starts = own or starts
        return min(y.year for y in starts) if starts else None
    if status == "new":  # happened in the reported event: a year near publication
        recent = [
            y.year
            for y in mentions
            if (y.how in {"explicit", "relative"} or y.how == "month" and _done_in(text, y))
            and (reported is None or reported - 1 <= y.year <= reported)
        ]
        return recent[0] if recent else reported
    return None


# "Kagoshima (1974)", "Houston, Texas (since 1983)", "Bryansk (signed in 1999)", "Ulsan – 1997",
# "Toshima in Tokyo in 2006", "Guangxi Zhuang Autonomous Region of China (since 2008)": a listed
# partner's own year.
MEMBER_YEAR = re.compile(
    r"(?:(?! and )[^;()\d]){0,60}?(?:\(\s*(?:since\s+|est\.?\s+|signed\s+(?:in\s+)?)?"
    r"(?P<own>(?:19|20)\d\d)\s*\)|"
    r"\s[–—-]\s*(?P<dashed>(?:19|20)\d\d)\b)|"
    r"[^;()\d,]{0,40}?"  # past a locating comma only: ", in the province of Trento", ", Japan"
    r"(?:,\s+(?:(?:in|near)\s+[^,;()\d]{1,40}|(?:the\s+)?"
    r"[A-Z][\w'-]+(?:\s+(?:of\s+)?[A-Z][\w'-]+){0,3}))?,?\s*"
    # ", with which it has been linked since 1946"
    r"(?:with\s+which\s+(?:it|they|the\s+\w+)\s+(?:has|have|had)\s+been\s+[a-z]+\s+)?"
    rf"(?:{_SIGNED_IN}\s+)?"  # ", signed in 1990"
    r"\b(?:in|since)\s+(?P<dated>(?:19|20)\d\d)\b"  # "Rovereto, in the province of Trento, since"
)


def member_years(text: str, starts: list[int]) -> list[int | None] | None:
    """The year each partner listed at `starts` is given on its own: "Kagoshima (1974),
    Houston (1983) and Ulsan (1997)", or "since 1989 and 2001, respectively"; None when the
    list gives no partner a year of its own."""
    found: list[int | None] = list(_respective_years(text, starts))
    rest = starts[len(found) :]  # "..., and Ravenna, a partnership of the 1980s": after them
    match = None
    for start, end in pairwise([*rest, len(text)]):
        match = MEMBER_YEAR.match(text, start, end)
        found.append(int(match["own"] or match["dashed"] or match["dated"]) if match else None)
    if _list_since(text, starts, found, match):  # "with A, B and C since 1947"
        return [found[-1]] * len(found)
    return found if any(found) else None


# "Sønderborg in Denmark and ": the last member joined by a bare "and" (not ", and with",
# "as well as", "and, more recently,", "and a friend of").
LIST_AND = re.compile(
    rf"{CAPITALISED_WORDS}(?:(?:\s+in|,)\s+{CAPITALISED_WORDS},?)?\s+and\s+"
)  # "Birmingham, England, and "


def _list_since(
    text: str, starts: list[int], found: list[int | None], last: re.Match | None
) -> bool:
    """Whether the one year of a list is its last member's "since" after the list ("with A, B
    and C since 1947"), the date of every member; not one added ("..., and with C since 2009",
    "..., and Sydney since 1980")."""
    if last is None or not last["dated"] or any(found[:-1]):
        return False
    since = text[: last.start("dated")].rstrip().lower().endswith("since")
    return since and LIST_AND.fullmatch(text, starts[-2], starts[-1]) is not None


def _respective_years(text: str, starts: list[int]) -> list[int]:
    """ "A and B, with which agreements were signed in 2003 and 2010 respectively": the years
    of the partners listed before "respectively", in order; [] when they do not add up."""
    match = RESPECTIVELY.search(text, starts[0]) if starts else None
    before = [s for s in starts if match and s < match.start()]
    if match is None or len(before) < 2:
        return []
    years = [int(m.group()) for m in YEAR.finditer(text, before[-1], match.start())]
    return years if len(years) == len(before) else []


# "between 1981 and 1985", "from 2005 to 2007", "2005-07": a span, not a start.
YEAR_RANGE = re.compile(
    r"\b(?:between|from)\s+(?:[A-Za-z]+\.?\s+)?(?:19|20)\d\d\s*(?:and|to|until|till|through|-|–)"
    r"\s*(?:[A-Za-z]+\.?\s+)?(?:19|20)\d\d\b|\b(?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)\d\d|\d\d)\b"
    r"(?![-/]\d)",
    re.I,
)


def _act_at(text: str, start: int) -> tuple[int, int]:
    """The part of the main clause at `start` that reports one act: "[has had a tie with A since
    1991] and [signed an agreement with B in 2004]"."""
    begin, end = main_clause_at(text, start)
    for m in NEXT_SIGNING.finditer(text, begin, end):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= start:
            return begin, m.start()
    return begin, end


def _other_event(text: str, start: int, year: YearMention) -> bool:
    """Whether `year` sits in another main clause than `start`, beside an act of its own."""
    begin, end = main_clause_at(text, year.start)
    return not begin <= start < end and bool(PAST_EVENT.search(text, begin, end))


def _done_in(text: str, month: YearMention) -> bool:
    """ "signed in December": a month that dates a past act (not "the next fair is in May")."""
    return bool(PAST_EVENT.search(text, max(0, month.start - 50), month.start))


def _start_mentions(mentions: list[YearMention]) -> list[YearMention]:
    """Years that may be a start: "since 1994", "in 1998", "2022 marks the 30th anniversary"
    (the anniversary, not the year it falls in)."""
    anniversaries = [y for y in mentions if y.how == "anniversary"]
    return [
        y
        for y in mentions
        if y.how == "anniversary"
        or y.how in {"since", "explicit"}
        and not any(a.start <= y.start and y.end <= a.end for a in anniversaries)
    ]


# "signed in 1998", "dating from 1998": a year given as the start, even next to its ending.
START_CUE = re.compile(
    r"\b(?:signed|agreed|established|twinned|founded|formed|began|inked|dat(?:es|ed|ing)"
    r"(?: back)? (?:to|from))\b[^.;,]{0,20}$",
    re.I,
)


def _ending_year(text: str, year: YearMention, reported: int | None) -> bool:
    """Whether a year dates a link's ending ("suspended ties in 2022"), not its start ("ended
    the 2009 agreement")."""
    endings = [m.start() for m in ENDING.finditer(text)]
    endings += [m.end() for m in ENDED_PASSIVE.finditer(text)]  # "was suspended [in 2022]"
    if not endings or year.how != "explicit" or START_CUE.search(text[: year.start]):
        return False
    if any(m.start("year") == year.start for m in YEAR_NAMED_LINK.finditer(text)):
        return False  # "terminated the 2009 cooperation agreement": the agreement's own year
    begin, _ = main_clause_at(text, year.start)
    recent = reported is not None and year.year >= reported - 1
    return recent or any(begin <= at < year.start for at in endings)


def _lapsed(text: str, start: int) -> bool:
    return bool(LAPSED.search(text[max(0, start - 50) : start]))
