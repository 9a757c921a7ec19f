"""Money amounts in news text: "US$20 billion", "5 billion yuan", "Rs 500 crore", "€3m"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from facts.shapes import Money


@dataclass(frozen=True)
class MoneyMention:
    """An amount of money and where the text states it."""

    start: int
    end: int
    surface: str
    money: Money


# Symbols and codes written before the number, longest first so "NZ$" wins over "$".
PREFIXES = {
    "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "US $": "USD", "USD": "USD", "$": "USD",
    "NZ$": "NZD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
    "S$": "SGD", "SG$": "SGD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "TT$": "TTD",
    "J$": "JMD", "EC$": "XCD", "FJ$": "FJD", "BD": "BHD", "QR": "QAR", "SR": "SAR", "KD": "KWD",
    "RO": "OMR", "JD": "JOD", "CFA": "XOF", "FCFA": "XOF",
    "€": "EUR", "£": "GBP", "₹": "INR", "Rs.": "INR", "Rs": "INR", "₩": "KRW", "₦": "NGN",
    "₱": "PHP", "฿": "THB", "₫": "VND", "₽": "RUB", "₺": "TRY", "RM": "MYR", "Rp": "IDR",
    "KSh": "KES", "Ksh": "KES", "Ksh.": "KES", "Sh": "KES", "Sh.": "KES", "RMB": "CNY",
    "Rmb": "CNY", "Dh": "AED", "Dhs": "AED", "Tk": "BDT", "Tk.": "BDT", "৳": "BDT",
    "¥": "JPY", "￥": "JPY", "R": "ZAR", "N": "NGN", "TL": "TRY", "GH¢": "GHS", "GH₵": "GHS",
    "₵": "GHS",
}  # fmt: skip
ISO_CODES = [
    "EUR", "GBP", "JPY", "CNY", "INR", "AUD", "NZD", "CAD", "HKD", "SGD", "KRW", "ZAR", "NGN",
    "KES", "CHF", "SEK", "NOK", "DKK", "AED", "SAR", "BRL", "MXN", "RUB", "TRY", "THB", "MYR",
    "IDR", "PHP", "VND", "TWD", "PKR", "BDT", "EGP", "ILS", "PLN", "CZK", "HUF", "QAR", "KWD",
    "GEL", "UAH", "RON", "BGN", "KZT", "UZS", "AZN", "AMD", "TZS", "UGX", "GHS", "ETB", "MAD",
    "CLP", "COP", "PEN", "ARS", "LKR", "NPR", "OMR", "BHD", "JOD", "ISK", "TTD", "JMD", "XCD",
    "XOF", "XAF", "BIF", "RWF", "CDF", "MGA", "FJD", "LAK", "VUV", "MZN", "SZL", "GMD", "AOA",
    "LYD", "TND", "DZD", "IQD", "RSD", "MWK", "ZMW", "GNF", "YER",
]  # fmt: skip
# Currency names written after the number; the adjective decides which dollar.
DOLLARS = {
    "u.s.": "USD", "us": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
    "new zealand": "NZD", "nz": "NZD", "hong kong": "HKD", "singapore": "SGD",
    "taiwan": "TWD", "new taiwan": "TWD", "nt": "TWD", "trinidad and tobago": "TTD",
    "tt": "TTD", "jamaican": "JMD", "eastern caribbean": "XCD", "fijian": "FJD",
}  # fmt: skip
SUFFIX_NAMES = {
    "yuan": "CNY", "renminbi": "CNY", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY", "won": "KRW", "rupees": "INR",
    "indian rupees": "INR", "rand": "ZAR", "naira": "NGN", "kenyan shillings": "KES",
    "shillings": "KES", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "reais": "BRL",
    "rubles": "RUB", "roubles": "RUB", "swiss francs": "CHF", "dirhams": "AED",
    "riyals": "SAR", "pesos": "MXN", "philippine pesos": "PHP", "dong": "VND", "lira": "TRY",
    "liras": "TRY", "turkish lira": "TRY", "turkish liras": "TRY", "georgian lari": "GEL",
    "zloty": "PLN", "hryvnias": "UAH", "lari": "GEL", "cedis": "GHS", "dirham": "AED",
    "burundian francs": "BIF", "rwandan francs": "RWF", "congolese francs": "CDF",
    "ariary": "MGA", "bahraini dinars": "BHD", "kuwaiti dinars": "KWD", "jordanian dinars": "JOD",
    "omani rials": "OMR", "qatari riyals": "QAR", "saudi riyals": "SAR", "tenge": "KZT",
    "birr": "ETB", "taka": "BDT", "forints": "HUF", "cfa francs": "XOF", "cfa": "XOF",
    "fcfa": "XOF", "kip": "LAK", "vatu": "VUV", "meticais": "MZN", "metical": "MZN",
    "emalangeni": "SZL", "lilangeni": "SZL", "dalasi": "GMD", "kwanza": "AOA",
    "libyan dinars": "LYD", "tunisian dinars": "TND", "algerian dinars": "DZD",
    "iraqi dinars": "IQD", "serbian dinars": "RSD", "malawian kwacha": "MWK",
    "zambian kwacha": "ZMW", "guinean francs": "GNF", "yemeni rials": "YER", "leones": "SLE",
}  # fmt: skip
# Currency names several countries share, bare: the country of the deal's parties decides.
SHARED_NAMES = {
    "pesos": {"MX": "MXN", "CL": "CLP", "AR": "ARS", "CO": "COP", "PH": "PHP", "UY": "UYU",
              "CU": "CUP", "DO": "DOP"},
    "rupees": {"IN": "INR", "PK": "PKR", "LK": "LKR", "NP": "NPR", "MU": "MUR"},
    "shillings": {"KE": "KES", "UG": "UGX", "TZ": "TZS", "SO": "SOS"},
}  # fmt: skip
SHARED_RUPEES = re.compile(r"Rs\.?\s?\d")  # "Rs" is every rupee's sign
SCALES = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6,
    "billion": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12,
    "trn": 10**12, "crore": 10**7, "crores": 10**7, "cr": 10**7, "lakh": 10**5, "lakhs": 10**5,
    "lakh crore": 10**12, "lac": 10**5,
}  # fmt: skip
# Letters and words that are currencies only next to a real amount ("R 40 million", "N95" no).
AMBIGUOUS = {
    "R", "N", "Sh", "Sh.", "Dh", "PHP", "won", "rand", "dong", "lira", "lari", "BD", "QR", "SR",
    "KD", "RO", "JD", "Tk", "Tk.", "TL", "liras",
}  # fmt: skip


def _alternation(words) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SHORT_SCALES = [w for w in SCALES if len(w) <= 3]
_LONG_SCALES = [w for w in SCALES if len(w) > 3]
_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d|\d)"
_SCALE = (
    rf"(?:\s*-?\s*(?P<scale>(?i:{_alternation(_LONG_SCALES)})"
    rf"|\s?(?:{_alternation(_SHORT_SCALES)}|M|B|K|Mn|Bn))(?![A-Za-z]))?"
)
_NAME = (
    rf"(?:(?P<adj>(?i:{_alternation(DOLLARS)}))\s+)?(?P<dollars>(?i:dollars?))\b"
    rf"|(?P<name>(?i:{_alternation(SUFFIX_NAMES)}))\b(?!\s+of\b)"
    rf"|(?P<code>{_alternation([*ISO_CODES, 'USD', 'RMB'])})\b"
)
MONEY = re.compile(
    rf"(?:(?<![A-Za-z0-9])(?P<prefix>{_alternation([*PREFIXES, *ISO_CODES])})\s?"
    rf"|(?<![\w.,$€£¥₹]))"
    rf"{_NUMBER}{_SCALE}(?:\s+(?:{_NAME}))?"
)
CHINESE_CONTEXT = re.compile(r"\b(?:yuan|RMB|CNY|renminbi)\b", re.I)
# The CFA franc of West Africa (XOF) unless the story is Central Africa's (XAF).
CENTRAL_AFRICAN_CONTEXT = re.compile(
    r"\b(?:Cameroon\w*|Gabon\w*|Chadian|Congo\w*|Central African|Equatorial Guinea\w*|Yaound[ée]|"
    r"Douala|Libreville|N'?Djamena|Brazzaville|Bangui|Malabo|XAF)\b"
)


def _fold(words: str | None) -> str:
    """Lower case with single spaces: the key of the currency tables above.

    Not `places.names.fold`: these are words the money regex matched ("Hong Kong", "crore"),
    not place names, and the tables key some by their dots ("u.s."), which that fold drops.
    """
    return re.sub(r"\s+", " ", (words or "").lower())


def _currency(m: re.Match, text: str) -> str | None:
    """The ISO code of a match: a name after the number wins over a sign before it."""
    prefix = m["prefix"]
    if m["dollars"] and (m["adj"] or not prefix):
        return DOLLARS.get(_fold(m["adj"]), "USD")
    if m["name"]:
        return _west_or_central(SUFFIX_NAMES[_fold(m["name"])], text)
    if m["code"]:
        return "CNY" if m["code"] == "RMB" else m["code"]
    if prefix is None:
        return None
    code = PREFIXES.get(prefix, prefix)
    if prefix in "¥￥" and CHINESE_CONTEXT.search(text):
        return "CNY"  # the same sign is written for the yuan
    return _west_or_central(code, text) if prefix in ("CFA", "FCFA") else code


def _west_or_central(code: str, text: str) -> str:
    """ "CFA francs" are West Africa's unless the text is about Central Africa."""
    return "XAF" if code == "XOF" and CENTRAL_AFRICAN_CONTEXT.search(text) else code


def _plausible(m: re.Match) -> bool:
    """Whether a letter or word that doubles as a currency is used as one here."""
    if m["prefix"] not in AMBIGUOUS and _fold(m["name"]) not in AMBIGUOUS:
        return True
    return m["scale"] is not None or "," in m["number"]


def _value(m: re.Match) -> float:
    """The amount in the currency's unit, computed exactly before turning into a float."""
    number = Decimal(m["number"].replace(",", ""))
    return float(number * SCALES.get(_fold(m["scale"]), 1))


def find_money(text: str) -> list[MoneyMention]:
    """Every amount of money stated in the text, in order."""
    mentions = []
    for m in MONEY.finditer(text):
        currency = _currency(m, text)
        if currency is None or not _plausible(m):
            continue
        money = Money(_value(m), currency)
        mentions.append(MoneyMention(m.start(), m.end(), m.group(), money))
    return mentions


def in_local_currency(mention: MoneyMention, countries) -> Money:
    """The amount in the currency of the first of `countries` whose currency bears the bare
    name written: "850 million pesos" between a Chilean and a Korean town are Chile's."""
    words = mention.surface.lower().split()
    if len(words) > 1 and " ".join(words[-2:]) in SUFFIX_NAMES:
        return mention.money  # "Philippine pesos": the text says whose
    shared = "rupees" if SHARED_RUPEES.match(mention.surface) else words[-1]  # "Rs 85 crore"
    local = SHARED_NAMES.get(shared, {})
    code = next((local[country] for country in countries if country in local), None)
    return replace(mention.money, currency=code) if code else mention.money
