"""Money in funding sentences: amounts, valuations, round names and investors' cue phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
    "thousand": 1e3,
    "k": 1e3,
}
_CURRENCY = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "usd": "USD",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "rupees": "INR",
    "eur": "EUR",
    "gbp": "GBP",
    "chf": "CHF",
    "sgd": "SGD",
    "₦": "NGN",
    "¥": "JPY",
    "ksh": "KES",
    "r": "ZAR",
}
# ISO codes written before an amount: "CHF 40m", "NOK 80m", "SEK 1.2bn".
ISO_CODES: tuple[str, ...] = (
    "INR", "USD", "EUR", "GBP", "CHF", "SGD", "NOK", "SEK", "DKK", "JPY", "CNY", "AUD", "CAD", "HKD",
    "NZD", "ZAR", "BRL", "PLN", "KES", "NGN", "EGP", "AED", "SAR", "IDR",
)  # fmt: skip
ISO_CODE_ALTERNATION = "|".join(ISO_CODES)
_CURRENCY.update({code.lower(): code for code in ISO_CODES})
# The letters before a dollar sign name the dollar: "S$12m", "HK$ 3 billion", "US$5m".
_DOLLAR_PREFIX = {
    "us": "USD",
    "s": "SGD",
    "sg": "SGD",
    "a": "AUD",
    "au": "AUD",
    "c": "CAD",
    "ca": "CAD",
    "hk": "HKD",
    "nz": "NZD",
}
# "$6 billion", "US$ 1.5bn", "$600B", "€20m". Example: "raised $6 billion" -> 6000000000 USD.
# "₹4 crore", "Rs 2 crore", "Rs. 50 lakh", "S$12m": rupees and other dollars too.
MONEY_RE = re.compile(
    rf"(?:\b(?P<pre>(?-i:US)\s?|(?-i:SG|S|AU|A|CA|C|HK|NZ)))?(?P<cur>[$€£₹₦¥]|\bKSh|\bRs\.?|\bR(?=\d{{1,4}}(?:[.,]\d+)?\s?(?:million|billion|bn|m)\b)|\b(?-i:{ISO_CODE_ALTERNATION})(?=\s?\d))\s?(?P<num>\d{{1,4}}(?:[.,]\d{{1,3}})*)\s*"
    r"(?:-(?=(?:trillion|billion|million)\b))?(?P<scale>trillion|billion|million|thousand|crores?|lakhs?|bn|tn|mln|mn|cr|[bmkt])?\b"
    r"|(?P<num2>\d{1,4}(?:\.\d{1,3})?)\s+(?P<scale2>trillion|billion|million|crores?|lakhs?)\s+"
    r"(?P<cur2>dollars|euros|pounds|rupees)\b",
    re.IGNORECASE,
)
# A money expression right after these words is a valuation, not the amount raised.
# Example: "that would value the company at around $40 billion", "a post-money valuation of $24 billion".
VALUATION_BEFORE_RE = re.compile(
    r"(?:valu(?:e|es|ed|ing|ation)|market (?:cap|capitali[sz]ation)|worth)\b[^$€£.;]{0,40}$", re.IGNORECASE
)
# Example: "in a Series B round", "early-stage fundraising", "seed funding".
# "at a $3 billion valuation": the valuation word follows.
VALUATION_AFTER_RE = re.compile(r"^\s*(?:post-money\s+|pre-money\s+)?valuation\b", re.IGNORECASE)
ROUND_RE = re.compile(
    r"\b((?:pre-)?series\s+[a-h](?:\d|-\d)?|pre-seed|seed|early-stage|early stage|late-stage|angel|growth|bridge|mezzanine)\b",
    re.IGNORECASE,
)
# Investors follow these words. Example: "led by Bay Capital", "from Oak Ventures and Pine Partners".
INVESTOR_CUE_RE = re.compile(
    r"\b(?:led by|co-led by|from|backed by|with participation from|including)\s", re.IGNORECASE
)
LEAD_CUE_RE = re.compile(r"\b(?:led by|co-led by|from)\s", re.IGNORECASE)


# A money expression right after these words is a running total, not this round's amount.
# Example: "extending its Series B to $54 million", "bringing its total funding to $90 million".
TOTAL_BEFORE_RE = re.compile(
    r"\b(?:extend(?:s|ed|ing)?|bring(?:s|ing)?|brought|tak(?:es|ing)|took|push(?:es|ed|ing)?|total(?:s|ling|ing)?)\s+"
    r"(?:[\w-]+\s+){0,5}?to\s+(?:about\s+|around\s+|nearly\s+|more than\s+|over\s+)?$|"
    r"\b(?:a\s+total\s+of|in\s+total|to\s+date)\s+(?:of\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Money:
    start: int
    end: int
    amount: float
    currency: str
    valuation: bool
    total: bool = False
    span: bool = False  # "$1.5-2 million": a range, no single amount


def find_money(text: str) -> list[Money]:
    found: list[Money] = []
    for match in MONEY_RE.finditer(text):
        number = match.group("num") or match.group("num2")
        scale = (match.group("scale") or match.group("scale2") or "").lower()
        currency = _CURRENCY[(match.group("cur") or match.group("cur2") or "$").lower()]
        prefix = (match.group("pre") or "").strip().lower()
        if currency == "USD" and prefix:
            currency = _DOLLAR_PREFIX.get(prefix, "USD")
        if number.count(",") and "." not in number:
            value = float(number.replace(",", ""))
        else:
            value = float(number.replace(",", ""))
        value *= _SCALE.get(scale, 1.0)
        valuation = bool(VALUATION_BEFORE_RE.search(text[max(0, match.start() - 60) : match.start()]))
        valuation = valuation or bool(VALUATION_AFTER_RE.match(text[match.end() : match.end() + 24]))
        total = not valuation and bool(
            TOTAL_BEFORE_RE.search(text[max(0, match.start() - 60) : match.start()])
        )
        span = bool(re.match(r"\s?(?:-|–|to)\s?(?:[$€£₹]\s?)?\d", text[match.end() : match.end() + 6]))
        found.append(Money(match.start(), match.end(), value, currency, valuation, total, span))
    return found


def round_name(text: str) -> str | None:
    match = ROUND_RE.search(text)
    if not match:
        return None
    name = match.group(1)
    if name.lower().startswith("pre-series"):
        return "pre-Series" + name[10:]  # "pre-Series A"
    return name[0].upper() + name[1:] if name.lower().startswith("series") else name.lower()
