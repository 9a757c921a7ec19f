"""Money amounts in news text: values in the currency's unit, ISO codes, no false alarms."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facts.shapes import ArticleText, Money
from ingest.money import find_money


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("30.2 million U.S. dollars", 30_200_000, "USD"),
        ("US$20 billion", 20_000_000_000, "USD"),
        ("$5m", 5_000_000, "USD"),
        ("$7B", 7_000_000_000, "USD"),
        ("$1.5-billion", 1_500_000_000, "USD"),
        ("NZ$1.2 million", 1_200_000, "NZD"),
        ("RMB 5 billion", 5_000_000_000, "CNY"),
        ("5 billion yuan", 5_000_000_000, "CNY"),
        ("€3m", 3_000_000, "EUR"),
        ("EUR 3 million", 3_000_000, "EUR"),
        ("£2.5bn", 2_500_000_000, "GBP"),
        ("Rs 500 crore", 5_000_000_000, "INR"),
        ("₹1,200 crore", 12_000_000_000, "INR"),
        ("10 lakh rupees", 1_000_000, "INR"),
        ("₹1 lakh crore", 10**12, "INR"),
        ("Tk 45 crore", 450_000_000, "BDT"),  # Bangladesh's taka
        ("Tk. 2.5 billion", 2_500_000_000, "BDT"),
        ("140 million Turkish lira", 140_000_000, "TRY"),  # and "TL 140 million" in Turkey
        ("TL 140 million", 140_000_000, "TRY"),
        ("22 million Georgian lari", 22_000_000, "GEL"),
        ("¥3 billion", 3_000_000_000, "JPY"),
        ("A$400 million", 400_000_000, "AUD"),
        ("C$ 2 billion", 2_000_000_000, "CAD"),
        ("HK$300,000", 300_000, "HKD"),
        ("S$1.5bn", 1_500_000_000, "SGD"),
        ("R 40 million", 40_000_000, "ZAR"),
        ("KSh 2 billion", 2_000_000_000, "KES"),
        ("N10 billion", 10_000_000_000, "NGN"),
        ("2.5 trillion won", 2_500_000_000_000, "KRW"),
        ("5 billion Australian dollars", 5_000_000_000, "AUD"),
        ("12 million euros", 12_000_000, "EUR"),
        ("5 million USD", 5_000_000, "USD"),
        ("TT$12 million", 12_000_000, "TTD"),
        ("BD4.5m", 4_500_000, "BHD"),
        ("QR 20 million", 20_000_000, "QAR"),
        ("1.4 billion Rwandan francs", 1_400_000_000, "RWF"),
        ("900 million ariary", 900_000_000, "MGA"),
        ("8 million Jamaican dollars", 8_000_000, "JMD"),
        ("2.1 billion CFA francs", 2_100_000_000, "XOF"),
        ("CFA 600 million", 600_000_000, "XOF"),
        ("450 million FCFA", 450_000_000, "XOF"),
        ("42 billion kip", 42_000_000_000, "LAK"),
        ("147 million meticais", 147_000_000, "MZN"),
        ("18 million Libyan dinars", 18_000_000, "LYD"),
    ],
)
def test_amounts_are_read_in_the_currency_unit(text, value, currency):
    sentence = f"The deal, worth {text}, was signed on Friday."
    [mention] = find_money(sentence)
    assert mention.money == Money(value, currency)
    assert mention.surface == text
    assert sentence[mention.start : mention.end] == text


def test_a_sign_and_a_name_make_one_amount():
    [mention] = find_money("an investment of RMB 5 billion yuan")
    assert mention.money == Money(5e9, "CNY")


def test_cfa_francs_in_a_text_about_central_africa_are_its_own():
    text = "Firms from Douala and Marseille signed contracts worth 2 billion CFA francs."
    assert [m.money.currency for m in find_money(text)] == ["XAF"]
    assert [m.money.currency for m in find_money("XOF 3 million, paid in Douala")] == ["XOF"]
    text = "Lomé and Cotonou traders signed deals worth CFA 2 billion, said Chad Johnson."
    assert [m.money.currency for m in find_money(text)] == ["XOF"]


def test_yen_sign_means_yuan_in_a_text_about_yuan():
    text = "Contracts worth ¥3 billion were signed, adding to 5 billion yuan last year."
    assert [m.money.currency for m in find_money(text)] == ["CNY", "CNY"]


def test_an_amount_and_its_conversion_are_both_found():
    text = "a 500 million yuan (about $70 million) industrial park"
    assert [m.money for m in find_money(text)] == [Money(5e8, "CNY"), Money(7e7, "USD")]


def test_decimal_values_are_exact():
    assert find_money("$30.2 million")[0].money.to_json() == {"value": 30200000, "currency": "USD"}


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the cities signed 12 agreements.",
        "Investment rose 35 percent, or 35%, from 2022.",
        "He said 4,321 foreign ventures have been set up in Shanghai.",
        "Call +1 408 555 2019 or (021) 6321 4567 for details.",
        "They ordered 500 pounds of beef and 3 won, 2 lost.",
        "Workers wore N95 masks on route R2 near gate N 4.",
        "The 2.5 million residents of the city welcomed 300 delegates.",
        "The SR 71 flew over gate KD 3 and route RO 12.",
        "Section Tk. 5 of the agreement names Tk 3 as its annex.",
        "The TL 5 bus runs to the harbour.",
    ],
)
def test_numbers_that_are_not_money_are_ignored(text):
    assert find_money(text) == []


@given(st.text())
def test_never_raises_and_spans_are_inside_the_text(text):
    for mention in find_money(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.surface
        assert mention.money.value >= 0


@given(st.text(alphabet="0123456789 ,.$€£¥₹RNmbkMBKSh-yuandolrsUS", max_size=40))
def test_never_raises_on_money_like_noise(text):
    for mention in find_money(text):
        assert text[mention.start : mention.end] == mention.surface


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("Sh 2 billion", 2_000_000_000, "KES"),
        ("GEL 5 million", 5_000_000, "GEL"),
        ("R$ 3 million", 3_000_000, "BRL"),
        ("$48.5mn", 48_500_000, "USD"),
        ("80 million zloty", 80_000_000, "PLN"),
    ],
)
def test_more_currencies(text, value, currency):
    assert [m.money for m in find_money(text)] == [Money(value, currency)]


def test_bare_sh_is_no_shilling():
    assert find_money("Sh 5 was written on the sign") == []


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Fishers from Antofagasta and Busan signed contracts worth 900 million pesos.", "CLP"),
        ("Traders from Gujranwala and Solingen signed contracts worth 600 million rupees.", "PKR"),
        ("Firms from Sialkot and Tuttlingen signed contracts worth Rs 85 crore.", "PKR"),
        ("Firms from Tamale and Aachen signed contracts worth GH¢ 4.2 million.", "GHS"),
        ("Firms from Kisumu and Durban signed deals worth 300 million shillings.", "KES"),
        # the text says whose pesos, whichever town comes first
        ("Firms from Puebla and Iloilo signed deals worth 20 million Philippine pesos.", "PHP"),
    ],
)
def test_a_currency_name_countries_share_is_the_deal_s_own_country_s(extractor, text, currency):
    facts = extractor(ArticleText(text=text, published="2024-05-02"))
    deals = [p for p in facts.partnerships if p.kind == "trade_deal"]
    assert [p.amount.currency for p in deals] == [currency]
