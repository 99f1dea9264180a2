"""Free text as the answer parsers want it: plain, lower-case, numbers as digits.

Answers arrive from a web chat and Telegram with HTML entities, pasted markup,
typographic dashes and quotes, and numbers spelled out ("ten hours"). Every parser
starts from this one cleaned form, so a rule written once holds for all of them.
"""

from __future__ import annotations

import html
import re

# A reply to a one-line question is short; anything longer is a paste, not an answer,
# and scanning it for numbers would find figures the learner never meant as one.
MAX_ANSWER_CHARS = 1000

_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", flags=re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]{0,500}>")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_QUOTES = re.compile(r"[\u2018\u2019\u201b\u2032`´]")
_SPACE = re.compile(r"\s+")

# Number words below twenty (also how answers reads "the last two", "compare one and three").
NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
HUNDRED = 100
THOUSAND = 1000

_UNIT_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_TENS_WORDS = "|".join(_TENS)
_SEP = r"[\s-]+"
_BELOW_100 = rf"(?:(?:{_TENS_WORDS})(?:{_SEP}(?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
_BELOW_1000 = (
    rf"(?:(?:{_UNIT_WORDS}){_SEP}hundred(?:{_SEP}(?:and{_SEP})?{_BELOW_100})?|{_BELOW_100})"
)
_NUMBER_PHRASE = re.compile(
    rf"\b(?:{_BELOW_1000}{_SEP}thousand(?:{_SEP}(?:and{_SEP})?{_BELOW_1000})?|{_BELOW_1000})\b"
)
# Idioms that stand for a number; "a few" is deliberately absent: it names no figure.
_IDIOMS = (
    (re.compile(r"\bhalf a dozen\b"), "six"),
    (re.compile(r"\b(?:a )?dozen\b"), "twelve"),
    (re.compile(r"\b(?:a )?couple(?: of)?\b"), "two"),
    (re.compile(r"\ba (hundred|thousand)\b"), r"one \1"),
    (re.compile(r"\btwice\b"), "two times"),
    (re.compile(r"\bonce\b"), "one time"),
    (re.compile(r"\bthrice\b"), "three times"),
)


def tidy(text: object) -> str | None:
    """The text as the learner meant it: markup removed, dashes, quotes and spaces made
    plain, case kept; None when there is nothing usable (or far too much)."""
    if not isinstance(text, str) or len(text) > MAX_ANSWER_CHARS:
        return None
    text = _SCRIPT.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _TAG.sub(" ", text)  # markup that was entity-escaped in the source
    text = _DASHES.sub("-", text)
    text = _QUOTES.sub("'", text)
    text = _SPACE.sub(" ", text).strip()
    return text or None


# Spanish words for the interview's answers, read as their English equivalents by every
# parser of an answer ("Presencial", "5 horas por semana", "1000 dólares", "no tengo
# prisa"). Whole words only; none is an English word with another meaning.
_SPANISH_ANSWER_WORDS = [
    # Before the units they count: "dos horas cada noche", "tres noches por semana".
    *(
        (rf"\b{word}\b(?=\s+(?:horas?|noches|d[ií]as|tardes|ma[nñ]anas|semanas|meses))", str(n))
        for n, word in enumerate(
            ("dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"), start=2
        )
    ),
    (r"\b(?:de )?lunes a viernes\b", "mon-fri"),
    (r"\b(?:de )?lunes a jueves\b", "mon-thu"),
    (r"\b(?:presencial(?:es)?|en persona)\b", "in person"),
    (r"\b(?:en l[ií]nea|a distancia)\b", "online"),
    (r"\b(?:h[ií]brid[oa]s?|mixt[oa]s?|semipresencial(?:es)?)\b", "hybrid"),
    (
        r"\b(?:me da igual|me es igual|cualquiera|no me importa|no importa|lo que sea(?: mejor)?|"
        r"como sea|da lo mismo)\b",
        "no preference",
    ),
    # Before "horario fijo": "sin horarios fijos" is the opposite of a fixed schedule.
    (r"\bsin horarios?(?: fij[oa]s?)?\b", "no fixed schedule"),
    (r"\b(?:con horario(?: fijo)?|horario fijo)\b", "fixed schedule"),
    (r"\bhasta(?=\s+\$?\d)", "up to"),
    (r"\b(?:no hay fecha|sin fecha(?: l[ií]mite)?|no tengo fecha)\b", "no deadline"),
    (r"\bd[oó]lares\b", "dollars"),
    (r"(?<=\d)\s+mil\b", "000"),  # "como 10 mil"
    (r"\b(?:como|unos|unas|aproximadamente|alrededor de)(?=\s+\$?\d)", "about"),
    (r"\b(?:ahorrad[oa]s?|guardad[oa]s?)\b", "saved"),  # "tengo como 3000 ahorrado"
    # "la licencia del estado": the state's licence is an industry credential.
    (r"\b(?:la )?licencia (?:del estado|estatal)\b", "state license"),
    (r"\b(?:gratis|gratuit[oa]s?)\b", "free"),
    (r"\bhoras?\b", "hours"),
    (r"\b(?:por semana|a la semana|semanales|cada semana)\b", "a week"),
    (
        r"\b(?:cada noche|por noche|cada d[ií]a|al d[ií]a|por d[ií]a|diarias|todos los d[ií]as)\b",
        "a day",
    ),
    (r"\b(?:no tengo prisa|sin prisa|no hay prisa|no tengo apuro)\b", "no rush"),
    (r"\b(?:lo m[aá]s (?:pronto|r[aá]pido) posible|cuanto antes|lo antes posible)\b", "asap"),
    (r"\bmeses\b", "months"),
    (r"\bsemanas\b", "weeks"),
    (r"\ba[nñ]os\b", "years"),
    (r"\b(?:un|1) a[nñ]o\b", "1 year"),
    (r"\bnoches\b", "nights"),
    (r"\bma[nñ]anas\b", "mornings"),
    (r"(?<=\d )d[ií]as\b", "days"),
    (r"\b(?:a mi (?:propio )?ritmo|a mi tiempo|cuando (?:yo )?pueda)\b", "at my own pace"),
    (r"\b(?:fines de semana)\b", "weekends"),
]
_SPANISH_ANSWERS = [(re.compile(p, re.IGNORECASE), english) for p, english in _SPANISH_ANSWER_WORDS]


def clean(text: object) -> str | None:
    """Plain lower-case text, or None when there is nothing usable (or far too much).
    Spanish answer words are given in English (``_SPANISH_ANSWER_WORDS``)."""
    tidied = tidy(text)
    if not tidied:
        return None
    lowered = tidied.lower()
    for pattern, english in _SPANISH_ANSWERS:
        lowered = pattern.sub(english, lowered)
    return lowered


def _phrase_value(phrase: str) -> int:
    total = 0
    current = 0
    for word in re.findall(r"[a-z]+", phrase):
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * HUNDRED
        elif word == "thousand":
            total += (current or 1) * THOUSAND
            current = 0
    return total + current


def words_to_numbers(text: str) -> str:
    """'ten hours' -> '10 hours', 'three hundred' -> '300', 'twice' -> '2 times'.

    Separate numbers stay separate: 'two and three' is '2 and 3', never 5.
    """
    for pattern, replacement in _IDIOMS:
        text = pattern.sub(replacement, text)
    return _NUMBER_PHRASE.sub(lambda m: str(_phrase_value(m.group(0))), text)


def words(text: str) -> list[str]:
    """Word tokens (letters of any script, with an apostrophe part: "don't")."""
    return re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)
