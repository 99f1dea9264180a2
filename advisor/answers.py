"""Free-text answers -> values the advisor can act on, or None when there is no answer.

Learners answer in their own words ("two evenings a week", "under 300 dollars",
"I'd rather be in a classroom"). Each parser recognises the phrasings real people
use and returns None rather than guess: a None makes the bot ask again, a wrong
guess silently filters out the right course. None of these functions raises,
whatever the input (empty, huge, emoji, HTML, another language).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from advisor.acronyms import EXPANSIONS
from advisor.normalise import MAX_ANSWER_CHARS, NUMBER_WORDS, clean, words, words_to_numbers

# --- time -------------------------------------------------------------------------

# An evening after work or family time yields about two focused hours; learners who
# say "two evenings" rarely mean more, and over-estimating their time recommends
# courses they cannot finish.
EVENING_HOURS = 2.0
# A weekend day has other claims on it (errands, family, rest); three hours is what a
# learner who says "weekends" can reliably give to study on each of the two days.
WEEKEND_DAY_HOURS = 3.0
MAX_WEEKLY_HOURS = 80.0  # beyond a full-time job plus overtime: a typo, not a plan
DAYS_PER_WEEK = 7
WEEKDAYS_PER_WEEK = 5
WEEKEND_DAYS = 2
MINUTES_PER_HOUR = 60
WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
WEEKS_PER_MONTH = WEEKS_PER_YEAR / MONTHS_PER_YEAR
MAX_DEADLINE_WEEKS = 10 * WEEKS_PER_YEAR  # ten years out is not a deadline
WEEK_DECIMALS = 1
HOUR_DECIMALS = 1

# --- money ------------------------------------------------------------------------

MAX_BUDGET = 100_000.0  # more than any course in the catalog costs: a typo, not a budget
THOUSAND = 1000

_NUM = r"\d+(?:\.\d+)?"
_RANGE_SEP = r"\s*(?:-|to|or|and)\s*"

Mode = Literal["online", "in_person", "blended", "any"]
PaceChoice = Literal["self_paced", "scheduled", "any"]
Credit = Literal["degree_credit", "industry", "either", "no"]
ChangedField = Literal[
    "budget",
    "hours_per_week",
    "deadline_weeks",
    "mode",
    "pace",
    "credit",
    "location",
    "goal",
    "background",
]


def _prepared(text: str) -> str | None:
    """Cleaned text with number words as digits and thousands separators removed."""
    cleaned = clean(text)
    if cleaned is None:
        return None
    cleaned = words_to_numbers(cleaned)
    cleaned = re.sub(r"(?<=\d)\s*-?ish\b", "", cleaned)  # "1000ish", "5-ish hrs"
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", cleaned)


def _only_fillers(text: str, fillers: frozenset[str]) -> bool:
    """True when every word left in ``text`` is filler ('about', 'maybe', 'I can do')."""
    return all(word in fillers for word in words(text))


def _remove(text: str, match: re.Match[str]) -> str:
    return text[: match.start()] + " " + text[match.end() :]


# "30, im not working", "10 while kids are at school", "as many as it takes, 20": a
# lone figure with an aside. The aside explains the figure; it does not change it.
# Hedged too: "idk like 15k? fafsa maybe", "3000 or less if there's help", "30ish, laid
# off", "8 during naptime lol", "cant spend more than 800".
_RANGE_SAID = re.compile(r"(\d+(?:\.\d+)?)\s*(?:maybe|or|to|-)\s*\d+(?:\.\d+)?\b")
_ASIDE_FIGURE = re.compile(
    r"^(?:(?:idk|um+|hmm+|so|well|ok|okay|honestly)[,.]?\s+)?(?:about |around |maybe |roughly |"
    r"like |prob(?:ably)? |approx\w* |(?:can'?t|cannot) (?:spend|pay|do) (?:more than |over )?|"
    r"(?:no|not) more than |up to |under |less than |at most )?(?P<first>\d+(?:\.\d+)?)\s*"
    r"(?:ish\b|\?|$|\bor (?:less|under|lower|below|so)\b|\bmaybe\b|\btops\b|\bmax\b|"
    r"\bduring\b|\bafter\b|\bbefore\b|\blol\b|"
    r",|;|-|\(|\bwhile\b|\bsince\b|\bbecause\b|\bcos\b|\bas\b|\bbut\b|\bwhen\b|\bif\b)"
    r"|[,;-]\s*(?:about |around |maybe |roughly )?(?P<last>\d+(?:\.\d+)?)[.!\s]*$"
)
_ANY_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _aside_figure(text: str) -> float | None:
    """The one figure of an answer that adds an aside to it, else None. A range counts as
    its low end ("4 maybe 5, resort life")."""
    text = _RANGE_SAID.sub(r"\1", text)
    if len(_ANY_NUMBER.findall(text)) != 1:
        return None
    match = _ASIDE_FIGURE.search(text)
    if match is None:
        return None
    return float(match.group("first") or match.group("last"))


# ----------------------------------------------------------------------------------
# Hours per week
# ----------------------------------------------------------------------------------

_HOUR_FILLERS = frozenset(
    """about around roughly approximately approx maybe perhaps probably possibly like say
    only just at least most max maximum up to no more than less under over per i i'd i'll
    i'm can could can't cannot do have has got spare give manage put in realistically
    honestly ok okay well so yeah yes um uh er hmm or guess think would total a an the
    of my me for it that's that is free time study studying learning spend really
    lets let's something ish tops""".split()
)
# When in the year the figure holds: "10 during the school year, more in summer".
_SEASON = re.compile(
    r"\b(?:during|in|over|for) (?:the )?(?:school year|semester|summer|winter|fall|spring|"
    r"season|off ?season)\b|\bschool year\b"
)
_HALF_PHRASES = (
    (re.compile(r"\b(?:an?|1) (hours?|hrs?) and a half\b"), r"1.5 \1"),
    (re.compile(rf"\b({_NUM}) and a half (hours?|hrs?)\b"), r"\1.5 \2"),
    (re.compile(rf"\b({_NUM}) (hours?|hrs?) and a half\b"), r"\1.5 \2"),
    (re.compile(r"\b(?:a )?half (?:an )?(?:hour|hr)\b"), "0.5 hours"),
    (re.compile(r"\b(?:an?|1) (hours?|hrs?|h)\b"), r"1 \1"),
    (re.compile(r"\b(\d+)h(\d{1,2})\b"), r"\1 hours \2 minutes"),
)
_COUNT_KINDS_SESSION = ("evening", "night", "morning", "afternoon")
_COUNT = re.compile(
    rf"\b(?P<count>{_NUM}|an?|one)\s+(?P<kind>evenings?|nights?|mornings?|afternoons?|days?"
    r"|times?|sessions?|weekdays?)\s+(?:a|per|each|every|in a|/)\s*(?:week|wk)\b"
    # "2 nights", "three evenings": sessions are counted per week when no period is said.
    rf"|\b(?P<sessions>{_NUM})\s+(?P<session_kind>evenings|nights|mornings|afternoons)\b"
    r"(?!\s+(?:a|per|each|every)\s+(?:month|year))"
    # "weekends, 2 days 8 hrs each": days counted, with hours for each of them.
    rf"|\b(?P<days>{_NUM})\s+days\b(?=[^,.;]*\b(?:hours?|hrs?|h)\s+each\b)"
)
# Units that make a figure something other than hours ("20 dollars", "3 months").
_OTHER_UNITS = re.compile(
    r"[$€£¥₹]|\b(?:dollars?|bucks|usd|euros?|pounds?|k|grand|weeks?|months?|years?|days?|"
    r"%|percent|courses?|people)\b"
)
# Days of the week by name, as people abbreviate them ("mon wed fri", "tues/thurs").
_NAMED_DAY = re.compile(
    r"\b(?:mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)s?\b"
)
_DAY_NAMES = {"mo": 1, "tu": 2, "we": 3, "th": 4, "fr": 5, "sa": 6, "su": 7}
_DAY_RANGE = re.compile(r"\b[a-z]{3,9}\s*(?:-|to|through|thru|till|until)\s*[a-z]{3,9}\b")
_DAY_WORD = _NAMED_DAY.pattern.removeprefix(r"\b(?:").removesuffix(r")s?\b")
_NAMED_DAY_SPAN = re.compile(
    rf"\b(?P<first>{_DAY_WORD})s?\s*(?:-|to|through|thru|till|until)\s*(?P<last>{_DAY_WORD})s?\b"
)
_TOTAL = re.compile(r"\b(?:total|in all|altogether|combined)\b")
_EVERY_EVENING = re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?:evening|night)\b")
_WEEKNIGHTS = re.compile(r"\b(?:weeknights|weekday evenings|every weeknight)\b")
_HOURS = re.compile(
    rf"(?P<low>{_NUM})(?:{_RANGE_SEP}(?P<high>{_NUM}))?\s*(?P<unit>hours?|hrs?|h|horas?)\b"
    rf"(?:\s*(?:and\s*)?(?P<minutes>{_NUM})\s*(?:minutes?|mins?)\b)?"
    rf"|(?P<mlow>{_NUM})(?:{_RANGE_SEP}(?P<mhigh>{_NUM}))?\s*(?:minutes?|mins?)\b"
)
_BARE = re.compile(rf"(?<![\d.])(?P<low>{_NUM})(?:{_RANGE_SEP}(?P<high>{_NUM}))?(?![\d.])")
_WEEKEND = re.compile(r"\b(?:weekends?|saturdays? and sundays?|sat and sun)\b")
_ONE_WEEKEND_DAY = re.compile(r"\b(?:saturdays?|sundays?)\b")
_WEEKDAY = re.compile(r"\b(?:weekdays?|work ?days|monday to friday|mon-fri)\b")
_PER_DAY = re.compile(
    r"\b(?:a|per|each|every|an|/)\s*(?:day|night|evening|morning)\b|\bdaily\b|\bnightly\b"
    r"|/\s*d\b|\b(?:each|every|on|a|per)\s+(?:weekend\s+)?(?:weekday|day)s?\b"
)
_PER_WEEK = re.compile(r"\b(?:a|per|each|every|in a)\s*(?:week|wk)\b|/\s*w(?:ee)?k\b|\bweekly\b")
_PER_MONTH = re.compile(r"\b(?:a|per|each|every)\s*month\b|\bmonthly\b|/\s*mo(?:nth)?\b")
_NEGATIVE = re.compile(r"(?:^|\s)-\s*\d")


def _low(match: re.Match[str], group: str = "low") -> float:
    """A range's lower end: be conservative about a learner's time and money."""
    return float(match.group(group))


def _day_multiplier(text: str) -> float:
    if _WEEKDAY.search(text):
        return WEEKDAYS_PER_WEEK
    if _WEEKEND.search(text):
        return WEEKEND_DAYS
    return DAYS_PER_WEEK


def _period_multiplier(text: str) -> float:
    """How many times a stated amount recurs in a week ('a day' -> 7, 'a month' -> 12/52)."""
    if _PER_WEEK.search(text):  # "5 hours a week on weekdays" is 5, not 25
        return 1.0
    if _PER_DAY.search(text):
        return _day_multiplier(text)
    if _PER_MONTH.search(text):
        return 1 / WEEKS_PER_MONTH
    return 1.0


def _hour_amounts(text: str) -> tuple[list[float], str]:
    """Every stated duration in hours, and the text with them removed."""
    amounts: list[float] = []
    for match in _HOURS.finditer(text):
        if match.group("low") is not None:
            amount = _low(match) + float(match.group("minutes") or 0) / MINUTES_PER_HOUR
        else:
            amount = _low(match, "mlow") / MINUTES_PER_HOUR
        amounts.append(amount)
    return amounts, _HOURS.sub(" ", text)


def _sessions_per_week(text: str) -> tuple[float | None, str | None, str]:
    """'two evenings a week' -> (2, 'evening'); also 'every evening', 'weeknights'."""
    match = _COUNT.search(text)
    if match is not None:
        count_text = match.group("count") or match.group("sessions") or match.group("days")
        count = 1.0 if count_text in {"a", "an", "one"} else float(count_text)
        kind = (match.group("kind") or match.group("session_kind") or "day").rstrip("s")
        return count, kind, _remove(text, match)
    span = _NAMED_DAY_SPAN.search(text)
    if span is not None and not (_TOTAL.search(text) or _PER_WEEK.search(text)):
        # "evenings mon-thu 2.5 hrs", "2 hrs a night mon-thu": the hours come back on each
        # day of the span (not on all seven).
        first, last = (_DAY_NAMES[span.group(end)[:2]] for end in ("first", "last"))
        return float((last - first) % DAYS_PER_WEEK + 1), "day", _remove(text, span)
    named = {_DAY_NAMES[name[:2]] for name in _NAMED_DAY.findall(text)}
    if (
        len(named - {6, 7}) >= 1
        and len(named) >= 2
        and not _TOTAL.search(text)
        and not _PER_WEEK.search(text)
        and not _PER_DAY.search(text)  # "2 hours a day mon-fri": the day multiplier's
        and not _DAY_RANGE.search(text)
    ):
        # "mon wed fri mornings ~3 hrs each", "2 hrs on tues and thurs nights": the hours
        # are said once and come back on each day named.
        return float(len(named)), "day", _NAMED_DAY.sub(" ", text)
    for pattern, count in ((_WEEKNIGHTS, WEEKDAYS_PER_WEEK), (_EVERY_EVENING, DAYS_PER_WEEK)):
        found = pattern.search(text)
        if found is not None:
            return float(count), "evening", _remove(text, found)
    return None, None, text


def counts_sessions(text: str) -> bool:
    """Whether the words count study sessions in a week ("two mornings a week", "3 noches
    por semana", "tue and thu"): the hours said next are per session."""
    prepared = _prepared(text)
    return prepared is not None and _sessions_per_week(prepared)[0] is not None


def _weekly_hours(text: str) -> float | None:
    count, kind, rest = _sessions_per_week(text)
    amounts, rest_without_hours = _hour_amounts(rest)
    if amounts:
        amount = min(amounts)
        if count is not None:
            return amount * count
        return amount * _period_multiplier(rest_without_hours)
    if count is not None and kind in _COUNT_KINDS_SESSION and count > DAYS_PER_WEEK:
        # "10 evenings": no week has ten evenings, so the figure is the hours, given in them.
        return count
    if count is not None:
        return count * EVENING_HOURS if kind in _COUNT_KINDS_SESSION else None
    bare = _BARE.search(rest)
    if bare is not None:
        remainder = _remove(rest, bare)
        multiplier = _period_multiplier(remainder)
        # "5 a week", "5 a day", "5 on weekends": the period says the number is time.
        if multiplier != 1.0 or _PER_WEEK.search(remainder) or _WEEKEND.search(remainder):
            return _low(bare) * multiplier
        if _only_fillers(remainder, _HOUR_FILLERS):
            return _low(bare)
        if not _OTHER_UNITS.search(_SEASON.sub(" ", remainder)):
            return _aside_figure(rest)
        return None
    if _WEEKEND.search(rest):
        return WEEKEND_DAYS * WEEKEND_DAY_HOURS
    if _ONE_WEEKEND_DAY.search(rest):
        return WEEKEND_DAY_HOURS
    return None


_NO_TIME_LIMIT = re.compile(
    r"\bas (?:many|much) as (?:i (?:like|want|need|can)|it takes|needed|necessary|required)\b"
    r"|\bno (?:time )?limit\b|\bunlimited\b|\ball the time (?:in the world|i need)\b"
    r"|\bplenty(?: of time)?\b|\bloads of time\b|\bfull[- ]time\b|\bi'?m retired\b"
    r"|\btime (?:is ?n'?t|is not|isnt) (?:really )?(?:an? )?(?:issue|problem|concern)\b"
    # No fixed amount: no hours filter either ("whenever i have time, no set amount").
    r"|\bno (?:set|fixed|regular) (?:amount|number|hours|schedule)\b|\bit varies\b"
    r"|\bvaries\b|\bwhenever i (?:have|get|find) (?:the |some )?time\b"
)


def no_time_limit(text: str) -> bool:
    """'As many as I like, I'm retired!': the learner sets no limit on weekly hours."""
    prepared = clean(text)
    return prepared is not None and _NO_TIME_LIMIT.search(prepared) is not None


# A course's length said in hours: "75 hr course", "the 120-hour program".
_COURSE_LENGTH = re.compile(
    r"\b\d+\s*-?\s*(?:hours?|hrs?|h)\s+(?:online\s+)?(?:course|class|program|programme|"
    r"training|certificate|certification|pre-?licens\w+)\b"
    # "not the 35 hours of education", "120 hours of coursework": what a credential asks for
    r"|\b\d+\s*-?\s*(?:contact |clock |training )?(?:hours?|hrs?)\s+of\s+(?:education|training|"
    r"coursework|instruction|experience|classes|class time|ce|pdus?|study)\b"
)
# One amount per day named: "6 hrs sat + 6 hrs sun", "4 hours on saturday and 4 on sunday".
_AMOUNT_ON_DAY = re.compile(
    rf"(?P<amount>{_NUM})\s*(?:hours?|hrs?|h)?\s+(?:on\s+)?(?P<day>{_DAY_WORD})s?\b"
)


def _day_by_day_hours(text: str) -> float | None:
    """The sum when each of two or more days gets its own amount; None otherwise."""
    found = list(_AMOUNT_ON_DAY.finditer(text))
    days = {_DAY_NAMES[match.group("day")[:2]] for match in found}
    if len(found) < 2 or len(days) != len(found) or _TOTAL.search(text):
        return None
    return sum(float(match.group("amount")) for match in found)


_DIGIT = re.compile(r"\d")
_CLOCK_TIME = re.compile(
    r"\b(?:after|before|from|until|till|at|by)?\s*\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)"
)
_LEADING_FIGURE = re.compile(
    r"^(?:maybe|like|about|around|prob(?:ably)?|idk|roughly|approx\w*)?\s*(?P<hours>\d+(?:\.\d+)?)"
    r"\+?\s*(?:maybe|ish|or so|\+|plus)?\s*(?:[?,.!;]|$)"
)
_CAN_GIVE = re.compile(
    r"\b(?:can|could) (?:do|give|put in|study|manage|spare)\s+(?:like |about |around |maybe )?"
    r"(?P<hours>\d+(?:\.\d+)?)\b(?!\s*(?:weeks?|months?|days?|%|dollars|\$))"
)


def _study_time_after_but(after: str) -> float | None:
    """The hours said after "but", when they are the learner's own: "… but i can do 15".

    Only a figure counts: "… but an hour here and there" is too vague to override what
    came before."""
    if not _DIGIT.search(after):
        return None
    found = _CAN_GIVE.search(after)
    if found is not None and not _HOURS.search(after):
        return float(found.group("hours"))
    return _weekly_hours(after) if _HOURS.search(after) else None


def parse_hours_per_week(text: str) -> float | None:
    """Weekly study hours: 'about 5h' -> 5, 'an hour a day' -> 7, '3-4 hours' -> 3.

    Ranges take their lower end and evenings/weekend days count as EVENING_HOURS /
    WEEKEND_DAY_HOURS, so the estimate never promises time the learner may not have.
    """
    prepared = _prepared(text)
    if prepared is None or _NEGATIVE.search(prepared):
        return None
    prepared = re.sub(r"\b(?:full|part)[- ]?time\b,?", " ", prepared).strip()  # "full time 40"
    for pattern, replacement in _HALF_PHRASES:
        prepared = pattern.sub(replacement, prepared)
    if _COURSE_LENGTH.search(prepared) and not _PER_WEEK.search(prepared):
        return None  # "75 hr course right?": the course's length, not the learner's week
    prepared = _CLOCK_TIME.sub(" ", prepared)  # "8 maybe, after 9pm"
    hours = _day_by_day_hours(prepared)
    if hours is None and not _HOURS.search(prepared):
        # "i could do 25 if its days", "maybe 15? i work 3 12s": the figure the learner
        # offers, said first or after "can do".
        offered = _CAN_GIVE.search(prepared) or _LEADING_FIGURE.match(prepared)
        hours = float(offered.group("hours")) if offered else None
    if hours is None:
        # "i drive like 40 hrs but i can do 15 on studying": what follows "but" is the time
        # the learner has.
        _, but, after = prepared.partition(" but ")
        hours = _study_time_after_but(after) if but else None
    if hours is None:
        hours = _weekly_hours(prepared)
    if hours is None or not 0 < hours <= MAX_WEEKLY_HOURS:
        return None
    return round(hours, HOUR_DECIMALS)


# ----------------------------------------------------------------------------------
# Deadline
# ----------------------------------------------------------------------------------

_NO_DEADLINE = re.compile(
    r"\bno\s+(?:real\s+|particular\s+|specific\s+|fixed\s+|set\s+|hard\s+|firm\s+|strict\s+)?"
    r"(?:rush|hurry|deadline|time\s*limit|timeline|time\s*frame|timeframe|pressure|end date|"
    r"date)"
    r"|\bwhenever\b|\bnot in (?:a|any) (?:rush|hurry)\b|\bopen[- ]ended\b|\btake my time\b"
    r"|\bin my own time\b|\bany ?time\b|\bdon'?t have (?:a|any) deadline|\bno deadlines?\b"
    r"|\bdoes(?:n'?t| not) matter\b|\bnot urgent\b|\bno date\b"
    r"|\b(?:not|zero|no|0) (?:in )?(?:a |any )?(?:hurry|rush)\b|\bin no (?:hurry|rush)\b"
    r"|^none(?: whatsoever| at all| really)?[.!\s]*$"
)
_NO_DEADLINE_WHOLE = re.compile(
    r"^(?:no|nope|nah|none|none really|not really|n/a|na|not at all|no idea|dunno)[.!\s]*$"
    r"|^(?:none|nope|nah|no deadline)\s*[,;:-]"  # "none, im retired"
    r"|^(?:none|nope|nah)\s+(?:at my age|really|lol|tbh|honestly|for now|set|yet|given)\b"
    r"|^(?:nothing|not)\s+set\b"  # "None set", "nothing set yet"
)
_DURATION = re.compile(
    rf"(?P<low>{_NUM})(?:{_RANGE_SEP}(?P<high>{_NUM}))?\s*"
    r"(?P<unit>days?|weeks?|wks?|months?|mos?|years?|yrs?)\b"
    # "3 days a week" is a rate, not a length.
    r"(?!\s*(?:a|an|per|each|every|/)\s*(?:week|wk|month|year)\b)"
)
_AFTER_NO_RATE = "".join(
    f"(?<!{unit} )"
    for unit in (
        *("hour", "hours", "hr", "hrs", "h", "minutes", "times", "mins"),
        # "2 nights a week", "3 days a week": sessions at a rate, not a length.
        *("night", "nights", "evening", "evenings", "day", "days", "session", "sessions"),
        *("class", "classes", "morning", "mornings", "shift", "shifts"),
    )
)
_DEADLINE_PHRASES = (
    (re.compile(r"\b(?:a|1) (year|yr) and a half\b"), "78 weeks"),
    (re.compile(r"\bhalf (?:a|1) (?:year|yr)\b"), "26 weeks"),
    (re.compile(r"\b(?:a|1) (month|mo) and a half\b"), "1.5 months"),
    (re.compile(rf"\b({_NUM}) and a half (weeks?|months?|years?)\b"), r"\1.5 \2"),
    (re.compile(r"\ba fortnight\b"), "2 weeks"),
    # "forklift cert asap, like this week if possible", "need it by next week"
    (
        re.compile(r"\b(?:by|within|before|like|asap,?|until|end of) (?:the end of )?this week\b"),
        "1 week",
    ),
    (re.compile(r"\b(?:by|within|before|until) (?:the end of )?next week\b"), "2 weeks"),
    # "a month" is a length, but "5 hours a week" is a rate: leave rates alone.
    (re.compile(rf"{_AFTER_NO_RATE}\b(?:an?|one) (day|week|month|year)s?\b"), r"1 \1"),
)
_UNIT_WEEKS = {
    "d": 1 / DAYS_PER_WEEK,
    "w": 1.0,
    "m": WEEKS_PER_MONTH,
    "y": float(WEEKS_PER_YEAR),
}


# A date named by the season, the month or the holiday: "before next summer", "by the
# fall budget review", "by march", "by christmas". Measured from today to the day the
# season or month starts (for "before" and "by": never later than the learner meant).
_SEASON_STARTS = {"spring": (3, 20), "summer": (6, 21), "fall": (9, 22), "autumn": (9, 22),
                  "winter": (12, 21), "christmas": (12, 25), "xmas": (12, 25),
                  "new year": (12, 31), "the new year": (12, 31),
                  "end of the year": (12, 31), "the end of the year": (12, 31),
                  "year end": (12, 31), "year's end": (12, 31)}  # fmt: skip
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_CALENDAR = re.compile(
    r"\b(?:by|before|until|till|til|in time for|ahead of|end of|the end of)\s+"
    r"(?:the\s+)?(?:next\s+|this\s+|coming\s+)?(?P<when>spring|summer|fall|autumn|winter|"
    r"christmas|xmas|(?:the )?new year|(?:the )?end of the year|year'?s? end|"
    + "|".join(_MONTHS)
    + r")\b"
)


def _weeks_until(when: str, today: date) -> float | None:
    """Weeks from ``today`` to the next start of the season, holiday or month named."""
    if when in _SEASON_STARTS:
        month, day = _SEASON_STARTS[when]
    else:
        month, day = _MONTHS.index(when) + 1, 1
    target = date(today.year, month, day)
    if target <= today + timedelta(days=6):
        target = date(today.year + 1, month, day)
    return round((target - today).days / DAYS_PER_WEEK, WEEK_DECIMALS)


def parse_deadline_weeks(text: str, today: date | None = None) -> float | Literal["none"] | None:
    """Weeks until the learner wants to finish: 'within 3 months' -> 13.0, 'before next
    summer' -> the weeks from ``today`` (default: the real today) to 21 June.

    Returns the string "none" for 'no rush' / 'no deadline', and None when the answer
    names no length (a bare '8' has no unit).
    """
    prepared = _prepared(text)
    if prepared is None:
        return None
    for pattern, replacement in _DEADLINE_PHRASES:
        prepared = pattern.sub(replacement, prepared)
    match = _DURATION.search(prepared)
    if match is not None and not _NEGATIVE.search(prepared):
        weeks = _low(match) * _UNIT_WEEKS[match.group("unit")[0]]
        if 0 < weeks <= MAX_DEADLINE_WEEKS:
            return round(weeks, WEEK_DECIMALS)
        return None
    if _NO_DEADLINE.search(prepared) or _NO_DEADLINE_WHOLE.match(prepared):
        return "none"
    if (named := _CALENDAR.search(prepared)) and not _NEGATIVE.search(prepared):
        return _weeks_until(named.group("when").removeprefix("the "), today or date.today())
    return None


# ----------------------------------------------------------------------------------
# Budget
# ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Budget:
    """What the learner will spend. ``max_amount`` is None for 'free only' and 'no limit'."""

    max_amount: float | None
    currency: str | None
    free_only: bool
    unlimited: bool


_CURRENCY_SYMBOLS = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "c$": "CAD",
    "cad": "CAD",
    "a$": "AUD",
    "aud": "AUD",
    "£": "GBP",
    "gbp": "GBP",
    "€": "EUR",
    "eur": "EUR",
    "₹": "INR",
    "inr": "INR",
}
_CURRENCY_WORDS = {
    "canadian dollar": "CAD",
    "australian dollar": "AUD",
    "us dollar": "USD",
    "dollar": "USD",
    "buck": "USD",
    "usd": "USD",
    "pound": "GBP",
    "quid": "GBP",
    "gbp": "GBP",
    "euro": "EUR",
    "eur": "EUR",
    "rupee": "INR",
    "inr": "INR",
    "cad": "CAD",
    "aud": "AUD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
}
_PREFIX = "|".join(re.escape(s) for s in sorted(_CURRENCY_SYMBOLS, key=len, reverse=True))
_SUFFIX = "|".join(re.escape(w) for w in sorted(_CURRENCY_WORDS, key=len, reverse=True))
_MONEY = re.compile(
    rf"(?:(?<![a-z])(?P<pre>{_PREFIX})\s*)?(?<![\d.])(?P<low>{_NUM})(?!\d|\.\d)"
    rf"(?:{_RANGE_SEP}(?:{_PREFIX})?\s*(?P<high>{_NUM}))?"
    rf"(?:\s*(?P<post>{_SUFFIX})s?(?![a-z]))?"
)
# A figure with these is time, not money ("5 hours", "3 months").
_TIME_UNITS = re.compile(
    r"\b(?:hours?|hrs?|h|minutes?|mins?|days?|weeks?|months?|years?|evenings?|nights?)\b"
)
_THOUSANDS = re.compile(rf"\b({_NUM})\s?(?:k|grand)\b")
_BUDGET_FILLERS = frozenset(
    """under below less than up to max maximum about around roughly approximately at most
    no more i i'd i'll i'm can could spend pay afford budget is my of maybe a total per
    course the for it each or so ok okay well like only just tops have got around is
    probably willing would be fine happy to invest between got saved saving savings spare
    been ive i've
    have company employer work job boss pays paying covers covering reimburses will up gives
    give giving me us for training courses reimburse manager supervisor hospital school union
    department dept county state they it firm agency clinic""".split()
)
# Free time, not free courses: "mornings are free", "i'm usually free on weekends".
_FREE_TIME = re.compile(
    r"\b(?:mornings?|evenings?|nights?|weekends?|afternoons?|days?|saturdays?|sundays?|"
    r"schedule|calendar|i|i'?m|im)\s+(?:are|is|am|'m)?\s*(?:usually |mostly |pretty |totally )?"
    r"free\b"
    # "is this free to use?": a question about the advisor, not a budget.
    r"|\b(?:is|are) (?:this|you|credwise|the (?:app|bot|chat|service|site))(?: \w+)? free\b"
    r"(?: to use)?|\bfree to use\b"
)
_FREE = re.compile(
    r"(?<!week )(?<!day )(?<!days )(?<!weekends )(?<!evenings )(?<!mornings )(?<!nights )"
    r"(?<!hours )(?<!hrs )(?<!time )"
    r"\bfree\b(?!\s*(?:time|on|in|at|during|evenings?|weekends?|mornings?|nights?|periods?|"
    r"to (?:study|learn)|a week|per week|each week|every week|hours?)\b)"
    r"|\bnothing\b|\bzero\b|\bno money\b|\bcannot (?:afford|pay)"
    r"|\bcan'?t (?:afford|pay|spend)(?!\s+(?:(?:more than|over|above|much|a lot)\b|\$?\s*\d))"
    r"|\bunable to pay\b|\bbroke\b|\bnot (?:pay|spend)(?:ing)? anything\b|\bno cost\b"
    r"|\bwithout paying\b|\bdon'?t want to pay\b|\bno fees?\b|\bnot paying\b"
    r"|\bgratis\b|\bgratuit[oa]s?\b|\bsin costo\b"
)
_UNLIMITED = re.compile(
    r"\bno (?:limit|cap|max(?:imum)?|ceiling|budget (?:limit|constraint|restriction)s?)\b"
    r"|\bunlimited\b|\bmoney is no (?:object|issue|problem)\b|\bdoes(?:n'?t| not) matter\b"
    r"|\b(?:cost|price|money) (?:do(?:es)?n'?t|do(?:es)? not) matter\b"
    r"|\bdon'?t care\b|\bany (?:price|amount|cost)\b|\bwhatever it (?:costs|takes)\b"
    r"|\b(?:not|isn'?t|is ?nt) (?:really )?(?:an? )?(?:big |real |huge |major )?(?:issue|problem|"
    r"concern|constraint|object)\b|\b(?:price|cost) is no\b"
    r"|\bsky'?s the limit\b|\b(?:employer|company|work) (?:pays|is paying|will pay)\b"
    # "my job pays for it", "employer reimburses", "the hospital covers it"; not "my job
    # pays 15 an hour".
    r"|\b(?<!does my )(?<!does the )(?<!does your )(?<!will my )(?<!would my )(?<!can my )"
    r"(?<!do )(?:employer|company|work|job|firm|boss|hospital|agency|union|gi bill)s? "
    r"(?:(?:pays|is paying|will pay)(?= for\b| all\b| everything\b| it all\b|\s*[,.;:)!]|$)|"
    r"covers?|is covering|will cover|reimburses?|will reimburse|is reimbursing)\b"
    # "PMP. employer paying.", "He's paying for it", "they'd cover tuition", "my boss paga
    # todo"
    r"|\b(?:employer|company|work|job|boss|owner)s? paying\b"
    r"|\b(?:he|she|they)(?:'s|'re| is| are) (?:paying|covering) (?:for )?(?:it|everything|all|"
    r"the (?:course|class|classes|tuition|cost|costs|training))\b"
    r"|\b(?:they|he|she)(?:'d| would|'ll| will) (?:cover|pay for) (?:the |my )?(?:tuition|it|"
    r"everything|costs?|course|class|training)\b"
    # "my store said theyll pay", "with my GI bill"
    r"|\b(?:said|says) (?:they|he|she)(?:'ll|ll| will|'d|d| would) (?:pay|cover)(?: for)?"
    r"(?: it| all| everything)?\s*[.!]*$"
    r"|\b(?:with|using|on|through) (?:my|the) (?:gi bill|post[- ]9/11|voc rehab)\b"
    r"|\bpaga(?:n|r[aá])? (?:todo|el curso|la clase|las clases)\b|\b(?:me )?lo paga(?:n)?\b"
)


def _currency(match: re.Match[str]) -> str | None:
    if match.group("pre"):
        return _CURRENCY_SYMBOLS[match.group("pre")]
    if match.group("post"):
        return _CURRENCY_WORDS[match.group("post")]
    return None


def _amount(text: str) -> tuple[float, str | None] | None:
    """The smallest stated amount, with its currency; a bare number only if it stands alone."""
    found: list[tuple[float, str | None]] = []
    for match in _MONEY.finditer(text):
        currency = _currency(match)
        if currency is not None:
            found.append((_low(match), currency))
        elif _only_fillers(_remove(text, match), _BUDGET_FILLERS):
            found.append((_low(match), None))
        elif not _TIME_UNITS.search(_remove(text, match)) and _aside_figure(text) is not None:
            found.append((_low(match), None))  # "2000, hospital stipend"
    if not found:
        return None
    return min(found, key=lambda pair: pair[0])


# A ceiling said as what the learner will not go beyond.
_CAP = re.compile(
    r"\b(?:loans?|debt|spend(?:ing)?|pay(?:ing)?|borrow(?:ing)?)\s+(?:over|more than|above|"
    r"beyond)\s+(?:like |about |around |maybe )?\$?\s*(?P<cap>\d+(?:\.\d+)?)\b"
    r"(?!\s*(?:hours?|hrs?|weeks?|months?))"
)
# A figure a limit word governs, among words that are not fillers: "firm will cover up to
# 4000", "10000 saved for a bootcamp". Not hours, weeks, years or people.
_LIMITED_AMOUNT = re.compile(
    r"\b(?:up to|under|below|less than|no more than|at most|max(?:imum)?(?: of)?)\s+"
    r"(?:like |about |around |maybe |roughly )?\$?\s*(?P<amount>\d+(?:\.\d+)?)\b"
    r"(?!\s*(?:h\b|hours?|hrs?|weeks?|wks?|months?|years?|yrs?|days?|%|percent|miles?|"
    r"people|students|employees|mins?|minutes?))|"
    r"\b(?P<saved>\d+(?:\.\d+)?)\s+(?:saved|put (?:aside|away)|set aside)\b|"
    # "we set aside about 1500 for this", "out of pocket maybe 3k"
    r"\b(?:set|put) (?:aside|away) (?:like |about |around |maybe |roughly )?\$?\s*"
    r"(?P<aside>\d+(?:\.\d+)?)\b|\bout of pocket (?:like |about |around |maybe |roughly |up to )?"
    r"\$?\s*(?P<pocket>\d+(?:\.\d+)?)\b|"
    # "1500 is my max, payment plan wld help", "600 incl the voucher if possible"
    r"(?:^|[\s$])(?P<capped>\d+(?:\.\d+)?)\s+(?:(?:is|would be)\s+)?(?:my\s+|the\s+)?"
    r"(?:max(?:imum)?|limit|tops|cap|budget|incl\w*|total|all[- ]in)\b|"
    # "me and my dad can do like 8000", "less than what the cc charges... maybe 400"
    r"\b(?:(?:can|could)\s+(?:do|spend|pay|afford|manage|swing|put in)|"
    r"(?:puedo|podr[ií]a|podemos)\s+(?:pagar|gastar|invertir))\s+(?:like |about |around |"
    r"maybe |roughly |up to |unos |como |hasta |m[aá]ximo )?\$?\s*(?P<spend>\d+(?:\.\d+)?)\b"
    r"(?!\s*(?:h\b|hours?|hrs?|weeks?|"
    r"months?|days?|%))|"
    r"(?:^|[.,;]\s*)(?:maybe|like|about|around|roughly)\s+\$?(?P<hedged>\d+(?:\.\d+)?)\s*$"
)


_PREFERRED = re.compile(
    r"\b(?:rather|prefer(?:ably)?|ideally)\b[^.?!]{0,12}?\b(?:spend|pay|stay under|keep it under)"
    r"\s+(?:like |about |around |maybe |only |just |closer to )?\$?(?P<amount>\d+(?:\.\d+)?)\b"
    r"(?!\s*(?:hours?|hrs?|h|weeks?|wks?|months?|days?|minutes?|mins?)\b)",
    re.IGNORECASE,
)


def parse_budget(text: str) -> Budget | None:
    """'under 300 dollars' -> 300 USD, '£200' -> 200 GBP, 'free only', 'no limit'.

    A bare number keeps currency None (the caller decides what to assume), 'a few
    hundred' is None (no figure), and a range keeps its lower end.
    """
    prepared = _prepared(text)
    if prepared is None or _NEGATIVE.search(prepared):
        return None
    prepared = re.sub(r"\b(?:a|one) grand\b", "1 grand", prepared)  # "under a grand"
    prepared = _FREE_TIME.sub(" ", prepared)  # "i work nights so mornings are free"
    prepared = _THOUSANDS.sub(lambda m: f"{float(m.group(1)) * THOUSAND:g}", prepared)
    if (preferred := _PREFERRED.search(prepared)) is not None and (
        0 < float(preferred.group("amount")) <= MAX_BUDGET
    ):
        # "500 is my max but id rather spend like 100": the figure they would rather keep to.
        return Budget(float(preferred.group("amount")), None, free_only=False, unlimited=False)
    if (capped := _CAP.search(prepared)) is not None and float(capped.group("cap")) > 0:
        # "no real budget but i dont want loans over 10k": the cap is the budget.
        return Budget(float(capped.group("cap")), None, free_only=False, unlimited=False)
    amount = _amount(prepared)
    if amount is not None:
        value, currency = amount
        if value == 0:
            return Budget(max_amount=None, currency=currency, free_only=True, unlimited=False)
        if value > MAX_BUDGET:
            return None
        return Budget(max_amount=value, currency=currency, free_only=False, unlimited=False)
    limited = _LIMITED_AMOUNT.search(prepared)
    if limited is not None:
        said = ("amount", "saved", "aside", "pocket", "capped", "spend", "hedged")
        value = float(next(filter(None, limited.group(*said))))
        if 0 < value <= MAX_BUDGET:
            return Budget(max_amount=value, currency=None, free_only=False, unlimited=False)
    free = _FREE.search(prepared) is not None
    unlimited = _UNLIMITED.search(prepared) is not None
    if free and not unlimited:
        return Budget(max_amount=None, currency=None, free_only=True, unlimited=False)
    if unlimited and not free:
        return Budget(max_amount=None, currency=None, free_only=False, unlimited=True)
    return None


# ----------------------------------------------------------------------------------
# Choices: mode, pace, credit, yes/no
# ----------------------------------------------------------------------------------

_NO_PREFERENCE = re.compile(
    r"\bno (?:real |particular )?pref(?:erence)?s?\b|\beither\b|\bdon'?t mind\b"
    r"|\bdo not mind\b|\bdoes(?:n'?t| not) matter\b|\bwhatever\b|\bnot fussed\b"
    r"|\bdon'?t care\b|\b(?:both|all|any) (?:are |is )?(?:fine|ok|okay|good)\b"
    r"|\bany(?:thing)? (?:is |works|will do)|\bno matter\b|\bopen to (?:both|all|any)"
    r"|^(?:any|both|all|anything|any of them)[.!\s]*$|^(?:any|either|both)\s*[,;]"
    r"|\bno (?:strong )?(?:feelings?|opinion|view)s?\b|\bmakes? no (?:diff(?:erence)?|odds)\b"
    r"|\b(?:up to|fine by|all the same to) (?:you|me)\b|\bno biggie\b"
)
_NEGATOR = (
    r"(?:not|no|don'?t want|do not want|never|without|rather not|hate|avoid|nothing|"
    r"can'?t|cannot|can not|unable to|couldn'?t|rather than|instead of|"
    # "a scheduled cohort with a mentor over self paced", "in person over online"
    r"over(?=\s+(?:self[- ]?paced|online|in[- ]person|remote)))"  # "i cant go to campus…"
)

# "classes on zoom" is a mode; "learn office and maybe zoom" names a tool to learn.
_ONLINE = (
    r"(?:online|remote(?:ly)?|from home|at home|virtual(?:ly)?|e-?learning|distance|"
    r"(?:on|over|via|by|thru|through) zoom|zoom (?:class(?:es)?|calls?|sessions?|meetings?))"
)
_IN_PERSON = (
    r"(?:in[- ]person|classroom|class ?room|face[- ]to[- ]face|f2f|on[- ]campus|campus"
    r"|on[- ]?site|physical(?:ly)?|in (?:a )?(?:real )?class|locally|near me|hands[- ]on)"
)
_BLENDED = (
    r"(?:a mix|mixed|mixture|hybrid|blended|combination|bit of both|mix of"
    r"|(?:part|half|some)(?: of it)? online,? (?:and )?(?:part|half|some)"
    r"|(?:part|half|some)(?: of it)? in (?:person|class),? (?:and )?(?:part|half|some))"
)


def _mentions(pattern: str, text: str) -> tuple[bool, bool]:
    """(mentioned positively, mentioned under a negation) for a keyword pattern."""
    negated = re.search(rf"\b{_NEGATOR}\s+(?:\w+\s+){{0,2}}{pattern}", text) is not None
    stripped = re.sub(rf"\b{_NEGATOR}\s+(?:\w+\s+){{0,2}}{pattern}", " ", text)
    return re.search(rf"\b{pattern}", stripped) is not None, negated


# The learner correcting themselves mid-message: "in person would be nice... nah online".
_CHANGE_OF_MIND = re.compile(
    r"(?:\.\.\.|[,.;!]|^)\s*(?:nah|no wait|wait no|actually(?: no)?|scratch that|on second thought|"
    r"nvm|never ?mind|hmm+ no|no no)\b[,.!]?\s*",
    re.IGNORECASE,
)


def parse_mode(text: str) -> Mode | None:
    """Delivery mode: 'from home' -> online, 'in a classroom' -> in_person, 'hybrid' -> blended;
    the last word of a learner who changes their mind: 'in person… nah online' -> online."""
    prepared = clean(text)
    if prepared is None:
        return None
    corrections = list(_CHANGE_OF_MIND.finditer(prepared))
    if corrections and corrections[-1].end() < len(prepared):
        tail = prepared[corrections[-1].end() :]
        if re.search(rf"\b(?:{_BLENDED}|{_ONLINE}|{_IN_PERSON})", tail):
            prepared = tail
    if re.search(rf"\b{_BLENDED}", prepared):
        return "blended"
    online, not_online = _mentions(_ONLINE, prepared)
    in_person, not_in_person = _mentions(_IN_PERSON, prepared)
    if _NO_PREFERENCE.search(prepared) or (online and in_person):
        return "any"
    if (online or not_in_person) and not (in_person or not_online):
        return "online"
    if (in_person or not_online) and not (online or not_in_person):
        return "in_person"
    return None


_SELF_PACED = (
    r"(?:(?:my|your|their) own (?:pace|speed|time|schedule)|self[- ]?paced|flexib(?:le|ility)"
    r"|^self\.?$|\b(?:on )?my time\b"
    r"|whenever (?:i|it)\b|when i can|fit (?:it )?around|on demand|any ?time"
    r"|(?:^|\b)own pace|on my own\b(?! (?:pace|speed|time|schedule))|by myself"
    r"|in my (?:own|spare|free) time|free periods?"
    r"|at my (?:own )?(?:speed|leisure|convenience)|no (?:fixed )?schedule|^slow(?:ly)?\b)"
)
_SCHEDULED = (
    r"(?:fixed (?:class )?(?:schedule|times?|dates?)|(?:a |set |regular )?schedule[sd]?|"
    r"semesters?|(?:day|night|evening|weekend|morning) classes|"
    # "saturday classes": classes on a given day ("tues/thurs nights" may be study time)
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days? classes|"
    r"with (?:a|the) class|class times?"
    r"|live (?:sessions?|class(?:es)?|lectures?|teaching)|instructor[- ]led|cohort|deadlines"
    r"|set times|timetable|structure[d]?|accountab(?:le|ility)|with other (?:students|people)"
    r"|keep(?:s|ing)? me (?:going|on track|motivated|accountable)|due dates"
    r"|teacher[- ]led|in a group|group"
    r"|(?:with|from) (?:a |an |the )?(?:real |live |actual )?(?:teacher|instructor|tutor)s?)"
)


# One pace said to be acceptable, not wanted: "fixed class times r fine", "a live class
# would be ok too" accept scheduled courses without ruling out self-paced ones.
_ACCEPTABLE = re.compile(
    r"\b(?:(?:is|are|r|would be|'d be|also|too)\s+)?(?:fine|ok|okay|good|no problem)"
    r"(?:\s+(?:too|also|as well))?\b"
)
_ONLY = re.compile(r"\b(?:only|prefer\w*|rather|need|must|has to|have to|better)\b")


_REASON = re.compile(r"\s(?:bc|b/c|because|cuz|cause|since)\s.*$")


_LIFE_SCHEDULE = re.compile(
    # "around payroll deadlines": deadlines at work are the learner's life too.
    r"\b(?:payroll|work|job|tax|month[- ]end|quarter[- ]end|my|our)\s+deadlines\b|"
    r"\b(?:my|our|his|her|work|shift|job)\s+(?:work\s+|job\s+|shift\s+)?schedules?\b"
    # up to what follows it: "my schedule is all over the place so self-paced only"
    r"(?:\s+(?:is|changes?|varies|keeps? changing|gets?|rotates?|moves?)\b"
    r"(?:(?!\s(?:so|but|and|bc|because)\s)[^,.;!])*)?"
)


def parse_pace(text: str) -> PaceChoice | None:
    """Pace: 'my own pace' -> self_paced, 'live sessions' -> scheduled, 'either' -> any;
    'fixed times are fine too' -> any (accepted, not asked for)."""
    prepared = clean(text)
    if prepared is None:
        return None
    if _NO_PREFERENCE.search(prepared):
        return "any"
    if (
        _ACCEPTABLE.search(prepared)
        and not _ONLY.search(prepared)
        and re.search(rf"\b{_SCHEDULED}", prepared)
    ):
        return "any"
    # "self paced, my schedule changes every week": the learner's own schedule is their
    # life, not a class timetable.
    prepared = _LIFE_SCHEDULE.sub(" ", prepared)
    # "self paced bc my schedule is chaos": the reason describes a life, not a format.
    asked = _REASON.sub("", prepared)
    if re.search(rf"\b(?:{_SELF_PACED}|{_SCHEDULED})", asked):
        prepared = asked
    self_paced, not_self_paced = _mentions(_SELF_PACED, prepared)
    without_self = re.sub(rf"\b{_SELF_PACED}", " ", prepared)
    scheduled, not_scheduled = _mentions(_SCHEDULED, without_self)
    wants_self = self_paced or not_scheduled
    wants_scheduled = scheduled or not_self_paced
    if wants_self and not wants_scheduled:
        return "self_paced"
    if wants_scheduled and not wants_self:
        return "scheduled"
    if not wants_self and re.search(r"\b(?:evenings?|nights?|weekends?|after work)\b", prepared):
        return "any"  # "evenings if they have it": classes then, or no classes at all
    return None


# A credential turned down in so many words.
_NO_PAPER = (
    r"\bno (?:\w+ )?(?:certs?|certificates?|certifications?|credits?|credentials?|degree|"
    r"licen[cs]es?|papers?)\s+(?:needed|required|necessary|wanted)\b"
    r"|\b(?:certs?|certificates?|certifications?|credits?)\s+(?:not|isn'?t|aren'?t|is not|are not)"
    r"\s+(?:needed|required|necessary|important)\b"
)
_TURNS_DOWN_PAPER = re.compile(_NO_PAPER, re.IGNORECASE)


def turns_down_paper(text: str) -> bool:
    """ "no cert needed", "credits aren't important": no credential is wanted."""
    return _TURNS_DOWN_PAPER.search(text) is not None


_CREDIT_NONE = re.compile(
    r"^(?:no|nope|nah|neither|none|not really|no thanks|not needed)[.!\s]*$"
    r"|\bdoes(?:n'?t| not) matter\b|\bnot (?:important|bothered|needed|necessary|fussed)\b"
    r"|\bdon'?t (?:care|need|mind)\b|\bjust (?:the )?(?:skills|learning|knowledge)\b"
    r"|\bno need\b|\bnot a priority\b|\bunimportant\b|\bwhatever\b"
    r"|\bnot (?:a )?must\b|\bnot (?:required|essential|a requirement)\b|\boptional\b"
    r"|\bnice to have\b|\b(?:just )?a (?:plus|bonus)\b"
    # "just for me, no certificate", "no cert": said as the whole of what is wanted.
    r"|(?:^|[,;]\s*)(?:no|nope|nah)[,\s]+(?:\w+ )?(?:certs?|certificates?|certifications?|credits?|"
    r"credentials?|degree|papers?)(?: (?:please|thanks|pls))?[.!\s]*$"
    r"|\bjust for (?:me|myself|fun|my (?:own )?(?:use|job|work|knowledge))\b"
    rf"|{_NO_PAPER}"  # "no cert needed", "no credit needed", "certificate not required"
)
_LEARN = re.compile(r"\b(?:learn\w*|stud(?:y|ying)|use|using|get better at)\b")
# Who awards credentials learners name when asked what they need ("aws", "nremt").
CREDENTIAL_ISSUERS = frozenset(
    """aws azure comptia cisco ccna google ibm microsoft salesforce oracle pmi shrm nremt
    apco nccer ase osha servsafe ptcb nha aapc ahima nabcep nclex epa nbcot ncca nasm
    ace issa nate hubspot meta tableau""".split()
)
_CREDIT_EITHER = re.compile(r"\bboth\b|\beither\b|\bany of (?:them|those)\b")
_DEGREE = re.compile(
    r"\bdegree|\bcredits?\b|\bqualification|\bdiploma|\bacademic|\bcollege\b|\buniversity\b"
    r"|\btransfer"
)
_INDUSTRY = re.compile(
    r"\bindustry|\bcertification|\bcertified|\bcredential|\blicen[cs]e|\bprofessional cert"
    r"|\bcertificate|\bcerts?\b|\bcard\b|\bexam\b|\bpass the\b|\bprep(?:aration)?\b"
    # "el certificado del estado", "something recognizable on a resume, like google or ibm",
    # "A+ at least", "aws", "nremt": a credential, or who issues one, named.
    r"|\bcertificad[oa]s? del estado\b|\brecogni[sz]\w*|\bon (?:a|my) (?:resume|cv)\b"
    r"|(?<![\w+])(?:a|security|network|linux|cloud|server|data|project|cysa|pentest)\+"
)
_ISSUER = re.compile(rf"\b(?:{'|'.join(sorted(CREDENTIAL_ISSUERS))})\b")
# An answer this short naming an issuer names the credential ("aws", "something like apco
# if thats a thing"); a longer one may name a product to learn ("google sheets for work").
ISSUER_ANSWER_WORDS = 12
# Continuing-education units count toward keeping a licence or a qualification.
_CONTINUING = re.compile(r"\b(?:ceus?|cmes?|pdus?|ces|continuing ed\w*|contact hours)\b")
# A certification named by its acronym ("SHRM-CP", "CPC or CBCS", "ADM 201", "CSWA").
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,6}(?:-[A-Z0-9]{1,4})?(?![\w-])")
SHORT_ANSWER_WORDS = 3
_NOT_CREDENTIALS = frozenset(
    {"I", "OK", "NO", "YES", "USA", "US", "UK", "NJ", "TX", "ASAP", "IT", "TBD", "NVM", "THX"}
)


_CREDENTIAL_SENSE = re.compile(r"\b(?:certif\w*|licen[cs]\w*|exam)\b")


def _looks_like_acronym(token: str) -> bool:
    """'CSWA', 'SHRM-CP', 'ADM 201' name certifications; 'DROP', 'TABLE' are shouted words.

    A certification's initials rarely form a pronounceable word: no vowel before the
    last letter, or a digit or a hyphen in it.
    """
    if token in _NOT_CREDENTIALS:
        return False
    if any(char.isdigit() for char in token) or "-" in token:
        return True
    return re.fullmatch(r"[B-DF-HJ-NP-TV-Z]+[AEIOUY]?", token) is not None


def parse_credit(text: str) -> Credit | None:
    """Recognition wanted: toward a degree, an industry credential, either, or none."""
    prepared = clean(text)
    if prepared is None:
        return None
    if _CREDIT_EITHER.search(prepared):
        return "either"
    if _CREDIT_NONE.search(prepared):
        return "no"
    degree = _DEGREE.search(prepared) is not None or _CONTINUING.search(prepared) is not None
    # A short answer naming a certification in lower case ("ccna itself") names it too.
    short_answer = len(text.split()) <= SHORT_ANSWER_WORDS
    said = text.upper() if short_answer else text
    named = [a for a in _ACRONYM.findall(said) if _looks_like_acronym(a)]
    if short_answer:
        # "nabcep", "nclex": a credential known by its initials, even pronounceable ones.
        named += [w for w in words(prepared) if _CREDENTIAL_SENSE.search(EXPANSIONS.get(w, ""))]
    industry = _INDUSTRY.search(prepared) is not None or bool(named)
    if not industry and len(text.split()) <= ISSUER_ANSWER_WORDS and not _LEARN.search(prepared):
        industry = _ISSUER.search(prepared) is not None
    generic_certificate = re.sub(r"\bcertificates?\b", " ", prepared) == prepared
    if degree and industry:
        # 'a certificate that counts toward my degree' is about degree credit.
        return "either" if generic_certificate else "degree_credit"
    if degree:
        return "degree_credit"
    if industry:
        return "industry"
    return None


_UNSURE = re.compile(
    r"\bnot sure\b|\bunsure\b|\bmaybe\b|\bperhaps\b|\bdon'?t know\b|\bdunno\b|\bidk\b"
    r"|\bno idea\b|\bmight\b"
)
_NEGATED_YES = re.compile(
    r"\b(?:not|isn'?t|is not|that'?s not|doesn'?t look)\s+(?:quite\s+)?"
    r"(?:right|correct|it|good|true|ok|okay|fine)\b"
)
_YES = re.compile(
    r"\b(?:yes|yeah|yea|yep|yup|ya|sure|ok|okay|k|correct|right|true|definitely|absolutely"
    r"|certainly|affirmative|please|perfect|great|sounds good|looks good|go ahead|do it"
    r"|of course|y|si|sí|oui|ja|exactly|indeed|fine|alright|all right)\b|👍|✅|✔"
)
_NO = re.compile(
    r"\b(?:no|nope|nah|nay|not|never|negative|wrong|incorrect|n|non|nein|don'?t|cancel"
    r"|stop)\b|👎|❌|✖"
)


def parse_yes_no(text: str) -> bool | None:
    """True for yes, False for no, None for neither, both or 'not sure'."""
    prepared = clean(text)
    if prepared is None or _UNSURE.search(prepared):
        return None
    if _NEGATED_YES.search(prepared):
        return False
    yes = _YES.search(prepared) is not None
    no = _NO.search(prepared) is not None
    if yes != no:
        return yes
    return None


# ----------------------------------------------------------------------------------
# References to shown courses
# ----------------------------------------------------------------------------------

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    # Spanish, as Spanish-speaking learners refer to the cards ("el primero", "la tercera")
    "primero": 1,
    "primer": 1,
    "primera": 1,
    "segundo": 2,
    "segunda": 2,
    "tercero": 3,
    "tercer": 3,
    "tercera": 3,
}
_CARDINALS = {word: number for word, number in NUMBER_WORDS.items() if 1 <= number <= 10}
_ORDINAL_WORDS = "|".join(_ORDINALS)
_CARDINAL_WORDS = "|".join(_CARDINALS)
_NOT_A_POSITION = (
    r"\s*(?:%|h\b|hrs?\b|hours?\b|mins?\b|minutes?\b|weeks?\b|months?\b|years?\b|days?\b"
    r"|dollars?\b|usd\b|k\b|credits?\b|courses\b|options\b|ones\b|stars?\b|reviews\b)"
)
_REFS = re.compile(
    rf"(?P<second_last>\bsecond(?: to|-to-)? last\b|\bpenultimate\b)"
    rf"|\blast (?P<last_n>{_CARDINAL_WORDS}|\d+)\b(?!{_NOT_A_POSITION})"
    rf"|\b(?:first|top) (?P<first_n>{_CARDINAL_WORDS}|\d+)\b(?!{_NOT_A_POSITION})"
    rf"|(?P<last>\blast\b|\b[uú]ltim[oa]\b)"
    rf"|#\s*(?P<hash>\d+)"
    rf"|\b(?P<ordinal_digit>\d+)(?:st|nd|rd|th)\b"
    rf"|\b(?P<ordinal>{_ORDINAL_WORDS})\b"
    rf"|(?:\b(?:number|no\.?|course|option|item|result|compare|and|or|vs\.?|versus|between)"
    rf"\s+|[,&]\s*)(?P<cardinal>{_CARDINAL_WORDS})\b(?!{_NOT_A_POSITION})"
    rf"|(?<![\d.$£€])\b(?P<digit>\d+)\b(?![.,]\d)(?!{_NOT_A_POSITION})"
)


def _number(token: str) -> int:
    return _CARDINALS[token] if token in _CARDINALS else int(token)


def _positions(match: re.Match[str], shown: int) -> list[int]:
    if match.group("second_last"):
        return [shown - 1]
    if match.group("last_n"):
        count = _number(match.group("last_n"))
        return list(range(max(shown - count + 1, 1), shown + 1))
    if match.group("first_n"):
        return list(range(1, min(_number(match.group("first_n")), shown) + 1))
    if match.group("last"):
        return [shown]
    if match.group("ordinal"):
        return [_ORDINALS[match.group("ordinal")]]
    for group in ("hash", "ordinal_digit", "cardinal", "digit"):
        if match.group(group):
            return [_number(match.group(group))]
    return []


def parse_course_refs(text: str, shown: int) -> list[int]:
    """1-based positions named in 'compare 1 and 3', 'the second one', 'the last one'.

    Positions outside 1..shown are dropped; order is kept and repeats removed.
    """
    prepared = clean(text)
    if prepared is None or shown <= 0:
        return []
    refs: list[int] = []
    for match in _REFS.finditer(prepared):
        for position in _positions(match, shown):
            if 1 <= position <= shown and position not in refs:
                refs.append(position)
    return refs


# "the udemy one", "the harvard course": a card named by its platform or provider.
_NAMED_REF = re.compile(
    r"\bthe ([a-z][\w.&'-]*(?: [a-z][\w.&'-]*)?) (?:one|course|class|program|programme)\b"
)
MAX_CARDS = 10  # positions a learner can name on one page and the pages after it
_NOT_NAMES = frozenset("first second third last top other cheap cheaper free online new".split())


def names_a_card(text: str) -> bool:
    """Whether the words point at one card: "#2", "the first one", "the udemy one"."""
    prepared = clean(text) or ""
    return bool(parse_course_refs(prepared, MAX_CARDS) or _NAMED_REF.search(prepared))


_EVERY_CARD = re.compile(
    r"\b(?:none|all|any|each|every one) of (?:these|them|those|the (?:three|3|courses|options|"
    r"results))\b|\ball (?:three|3|these|those)\b",
    re.IGNORECASE,
)
_NONE_APPEAL = re.compile(
    r"^\W*(?:(?:nah|no|nope|hmm+|honestly)\W+)?none of (?:these|them|those)(?:\s+(?:tbh|honestly|"
    r"really|sorry))?\s*(?:[.!,;]|$)|"
    r"\bnone of (?:these|them|those|the (?:three|3|courses|options|results))\b[^?]{0,25}"
    r"\b(?:for me|interests? me|appeals?|what i(?:'m| am)? (?:want|need|looking for)|"
    r"(?:look|sound)s? (?:good|right|interesting)|right for me|do it for me|grabs? me|"
    r"excites? me|speaks? to me|appeals? to me)|"
    # "ehh these all look boring ngl", "not what i had in mind at all"
    r"\b(?:these|they|them|all of (?:these|them)|the (?:courses|results|options))(?: all)? "
    r"(?:look|seem|sound)s? (?:so |kinda |pretty |really )?(?:boring|lame|meh|dull|bad|terrible|"
    r"useless|off)\b|\bnot (?:at all )?what i (?:had in mind|was (?:looking for|after|"
    r"expecting)|wanted|meant)\b|"
    # "no me convence ninguno, la verdad", "ninguno me gusta"
    r"\bno me (?:convence|convencen|gusta|gustan|sirve|sirven|interesa|interesan) "
    r"(?:ninguno|ninguna|nada)\b|\b(?:ninguno|ninguna) (?:me )?(?:convence|gusta|sirve|"
    r"interesa)\b",
    re.IGNORECASE,
)


def names_every_card(text: str) -> bool:
    """Whether the words point at all the cards at once ("none of these", "all three")."""
    return bool(_EVERY_CARD.search(clean(text) or ""))


def turns_down_every_card(text: str) -> bool:
    """ "nah none of these are for me": every card on screen is turned down at once."""
    return bool(_NONE_APPEAL.search(clean(text) or ""))


def refs_by_name(text: str, names: Sequence[str]) -> list[int]:
    """1-based positions of the cards whose platform or provider the words name;
    ``names[i]`` is what card i+1 is known by ("udemy Jose Portilla", "edx Harvard")."""
    found: list[int] = []
    for match in _NAMED_REF.finditer(text.lower()):
        words = [w for w in match.group(1).split() if w not in _NOT_NAMES and len(w) > 2]
        for position, name in enumerate(names, start=1):
            known = set(re.findall(r"[a-z0-9]+", name.lower()))
            if words and all(word in known for word in words) and position not in found:
                found.append(position)
    return found


# ----------------------------------------------------------------------------------
# Which answer the learner wants to change
# ----------------------------------------------------------------------------------

# Words that name a field outrank words that only suggest one: "I have 10 years of
# experience" is about background although "10 years" looks like a deadline.
_FIELD_NAMES: tuple[tuple[ChangedField, str], ...] = (
    ("budget", r"\bbudget|\bprice|\bcost|\bspend"),
    ("hours_per_week", r"\bhours?\b|\bhrs?\b|\btime per week|\bweekly time"),
    ("deadline_weeks", r"\bdeadline\b|\bfinish (?:by|in|within|before)\b|\btime ?frame"),
    ("mode", r"\bformat\b|\bmode\b|\bdelivery\b"),
    ("pace", r"\bpace\b|\bschedule"),
    ("credit", r"\bcredit|\bcredential|\bcertification|\bqualification|\baccredit"),
    ("location", r"\blocation\b|\bcity\b|\btown\b|\bcounty\b|\bzip\b|\bpostcode\b|\baddress"),
    ("goal", r"\bgoal|\bcareer\b|\baim\b|\bambition"),
    ("background", r"\bbackground\b|\bexperience\b|\bmy (?:current )?job\b|\bi work as\b"),
)
_FIELD_CUES: tuple[tuple[ChangedField, str], ...] = (
    (
        "budget",
        r"[$£€]\s*\d|\b\d+\s*(?:dollars?|euros?|pounds?|bucks|usd|gbp|eur|k)\b|\bcheap|\bafford"
        r"|\bpay\b|\bpaid\b|\bexpensive|\bmoney\b|\bfree\b(?!\s*(?:time|on|in|at|during)\b)",
    ),
    ("hours_per_week", r"\bminutes?\b|\bevenings?\b|\bper week\b|\ba week\b|\bweekends?\b"),
    (
        "deadline_weeks",
        r"\bwithin\b|\b\d+(?:\.\d+)?\s*(?:weeks|months?|years?)\b|\bmonths\b|\bsooner\b"
        r"|\bno rush\b|\bhurry\b|\bby the end\b|\blonger\b",
    ),
    (
        "mode",
        rf"\b(?:{_ONLINE}|{_IN_PERSON}|{_BLENDED})",
    ),
    ("pace", rf"\b{_SELF_PACED}|\blive (?:sessions?|classes)|\bcohort|\bdeadlines\b"),
    ("credit", r"\bdegree\b|\blicen[cs]e|\bcertificate|\bindustry\b|\bcertified\b"),
    (
        "location",
        r"\b(?:i live|i'm based|i am based|living|moved?|moving) (?:in|to|near)\b|\bnear me\b"
        r"|\bnearby\b|\bcloser to\b",
    ),
    (
        "goal",
        r"\bi (?:now )?want to (?:become|be|get into|work|learn|study|move into|switch)"
        r"|\bbecome an?\b|\bswitch(?:ing)? (?:to|into)\b|\bget into\b|\binterested in\b"
        r"|\brather (?:learn|study|do|be)\b",
    ),
    (
        "background",
        r"\bi'?m currently\b|\bi am currently\b|\bi (?:have|hold) an? [\w ]{0,20}degree"
        r"|\bdegree in\b|\bi studied\b|\bi already know\b|\bi worked as\b",
    ),
)


def _earliest(rules: tuple[tuple[ChangedField, str], ...], text: str) -> ChangedField | None:
    best: tuple[int, ChangedField] | None = None
    for field, pattern in rules:
        match = re.search(pattern, text)
        if match is not None and (best is None or match.start() < best[0]):
            best = (match.start(), field)
    return best[1] if best else None


def detect_changed_field(text: str) -> ChangedField | None:
    """Which answer a correction is about: 'actually my budget is 500' -> 'budget'.

    A word naming the field wins over a value hinting at it; among several, the one
    mentioned first. None when nothing points to a field.
    """
    prepared = clean(text)
    if prepared is None:
        return None
    return _earliest(_FIELD_NAMES, prepared) or _earliest(_FIELD_CUES, prepared)


# ----------------------------------------------------------------------------------
# Noise
# ----------------------------------------------------------------------------------


def looks_like_noise(text: str) -> bool:
    """True when there is nothing to read: empty, only symbols or emoji, only markup.

    Digits count as content ('5' answers 'how many hours?'), letters of any script do.
    """
    if not isinstance(text, str):
        return True
    # Long text is not cleaned (clean() refuses it); scanning it raw is enough to see content.
    stripped = text if len(text) > MAX_ANSWER_CHARS else clean(text) or ""
    return not any(char.isalpha() or char.isdigit() for char in stripped)


__all__ = [
    "EVENING_HOURS",
    "WEEKEND_DAY_HOURS",
    "Budget",
    "ChangedField",
    "Credit",
    "Mode",
    "PaceChoice",
    "detect_changed_field",
    "looks_like_noise",
    "no_time_limit",
    "parse_budget",
    "parse_course_refs",
    "parse_credit",
    "parse_deadline_weeks",
    "parse_hours_per_week",
    "parse_mode",
    "parse_pace",
    "parse_yes_no",
]
