"""Partnership kinds: the words that report each kind, and one kind per agreement."""

from __future__ import annotations

import re

KIND_PATTERNS = {
    "sister_city": r"sister[- ]?(?:cit(?:y|ies)|towns?|states?|provinces?|prefectures?|"
    r"relationship|"
    r"ties|partnership)|sisterhood|twin(?:ned|ning)?[- ](?:towns?|cit(?:y|ies))|twinning|twinned|"
    r"jumelage|partner (?:towns?|cit(?:y|ies))",
    "friendship_city": r"\bfriendship[- ]cit(?:y|ies)|friendly[- ]cit(?:y|ies)|"
    r"friendship (?:relations(?:hip)?|ties|agreement)",
    "mou": r"memorand(?:um|a|ums) of (?:understanding|cooperation|agreement)|\bmou?s?\b|"
    r"letters? of intent|(?:cooperation|framework|partnership|strategic|collaboration|twinning|"
    r"exchange) agreements?|(?:sign|signs|signed|signing|ink|inked) (?:[\w-]+ ){0,3}"
    r"(?:agreements?|charters?)|agreements? (?:was |were )?(?:signed|inked)",
    "trade_deal": r"trade (?:deals?|agreements?|contracts?)|\bdeals?\b|contracts?|purchase|"
    r"shipments?|procurement|investment agreements?|export orders?|supply agreements?",
    "cooperation": r"cooperat\w*|co-operat\w*|collaborat\w*|partnership|work(?:ing)? together|"
    r"joint(?:ly)? \w+|exchanges? (?:programs?|between)|ties between|relationship between",
}
MEMORANDUM = re.compile(r"memorand|\bmou|letters? of intent", re.I)
BARE_DEAL = re.compile(r"deals?", re.I)
KIND_REGEX = {kind: re.compile(p, re.I) for kind, p in KIND_PATTERNS.items()}


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
