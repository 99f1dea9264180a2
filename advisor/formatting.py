"""How figures are written to learners, in one place so every message agrees.

The advisor never fills a gap with a guess: a value the catalog lacks is written
as NOT_STATED, so the learner can tell 'free' from 'price unknown'.
"""

from __future__ import annotations

from collections.abc import Sequence

NOT_STATED = "not stated by the provider"
NOT_GIVEN = "not given"
EN_DASH = "\u2013"
WHOLE_TOLERANCE = 0.05  # 12.0 and 12.04 are written "12"; 12.5 keeps its decimal
DECIMALS = 1
HALF_CENT = 0.005  # prices keep their cents ($49.99) unless they are whole
CATALOG_CURRENCY = "USD"  # every price in the catalog is in US dollars

CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "INR": "₹"}


def number(value: float) -> str:
    """12.0 -> '12', 4.75 -> '4.8', 1900 -> '1,900': short, but never a changed figure."""
    if abs(value - round(value)) < WHOLE_TOLERANCE:
        return f"{round(value):,}"
    return f"{value:,.{DECIMALS}f}"


def number_range(low: float | None, high: float | None) -> str | None:
    """'24–36', or one figure when the ends agree or only one is known; None if neither."""
    if low is None:
        return None if high is None else number(high)
    if high is None:
        return number(low)
    if number(low) == number(high):
        return number(high)
    return f"{number(low)}{EN_DASH}{number(high)}"


def money(amount: float, currency: str | None) -> str:
    """'$200', '£49.99', '300 CAD'; an amount without a currency says so."""
    whole = abs(amount - round(amount)) < HALF_CENT
    figure = f"{round(amount):,}" if whole else f"{amount:,.2f}"
    if currency is None:
        return f"{figure} (currency not stated)"
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    return f"{symbol}{figure}" if symbol else f"{figure} {currency.upper()}"


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """['SQL'] -> 'SQL'; ['SQL', 'R', 'Tableau'] -> 'SQL, R and Tableau'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def plural(count: float, singular: str, plural_form: str | None = None) -> str:
    """'1 credit', '3 credits', '1,900 reviews'."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{number(count)} {word}"
