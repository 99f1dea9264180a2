"""Free-text answers: the phrasings learners really type, and input that must not break us."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from advisor.answers import (
    EVENING_HOURS,
    WEEKEND_DAY_HOURS,
    Budget,
    detect_changed_field,
    looks_like_noise,
    no_time_limit,
    parse_budget,
    parse_course_refs,
    parse_credit,
    parse_deadline_weeks,
    parse_hours_per_week,
    parse_mode,
    parse_pace,
    parse_yes_no,
    refs_by_name,
)
from advisor.normalise import clean, words_to_numbers

HUGE = "5 hours a week " * 700  # 10,500 characters
BAD_INPUT = [
    "",
    "   ",
    "\n\t",
    "🙂🙂",
    "!!!???",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "a" * 10_000,
    HUGE,
    "\x00\x01\x02",
    "unas cinco horas",
    "日本語で答えます",
    "مرحبا",
    "DROP TABLE users; --",
    "%s %d {0} ${x}",
]
PARSERS: list[Callable[[str], object]] = [
    parse_hours_per_week,
    parse_deadline_weeks,
    parse_budget,
    parse_mode,
    parse_pace,
    parse_credit,
    parse_yes_no,
    detect_changed_field,
]


@pytest.mark.parametrize("text", BAD_INPUT)
@pytest.mark.parametrize("parser", PARSERS, ids=lambda parser: parser.__name__)
def test_bad_input_never_raises_and_finds_no_answer(
    parser: Callable[[str], object], text: str
) -> None:
    result = parser(text)
    # Spanish "unas cinco horas" may legitimately be understood one day; nothing else may.
    if text != "unas cinco horas":
        assert result is None


@pytest.mark.parametrize("text", BAD_INPUT)
def test_course_refs_and_noise_never_raise(text: str) -> None:
    assert parse_course_refs(text, 5) == []
    assert isinstance(looks_like_noise(text), bool)


@pytest.mark.parametrize("value", [None, 5, 3.2, ["5 hours"], b"5 hours"])
def test_non_strings_are_no_answer(value: object) -> None:
    for parser in PARSERS:
        assert parser(value) is None  # type: ignore[arg-type]
    assert looks_like_noise(value) is True  # type: ignore[arg-type]
    assert parse_course_refs(value, 3) == []  # type: ignore[arg-type]


# --- hours per week ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("about 5h", 5.0),
        ("5", 5.0),
        ("5 hours", 5.0),
        ("ten hours", 10.0),
        ("Ten hours.", 10.0),
        ("twenty five hours", 25.0),
        ("two evenings a week", 2 * EVENING_HOURS),
        ("a couple of evenings a week", 2 * EVENING_HOURS),
        ("one evening a week", EVENING_HOURS),
        ("12 evenings", 12.0),  # more evenings than a week has: the hours, in evenings
        ("an hour a day", 7.0),
        ("an hour a night", 7.0),
        ("every night for an hour", 7.0),
        ("30 minutes a day", 3.5),
        ("half an hour a day", 3.5),
        ("an hour and a half a day", 10.5),
        ("1h30 per day", 10.5),
        ("3-4 hours", 3.0),
        ("3–4 hours", 3.0),
        ("3 to 4 hours a week", 3.0),
        ("2 or 3 hours per week", 2.0),
        ("weekends only", 2 * WEEKEND_DAY_HOURS),
        ("only on saturdays", WEEKEND_DAY_HOURS),
        ("4 hours on weekends", 4.0),
        ("2 hours a day on weekends", 4.0),
        ("1 hour on weekdays", 5.0),
        ("an hour, three evenings a week", 3.0),
        ("twice a week for 2 hours", 4.0),
        ("20 hours a month", 4.6),
        ("maybe 6 hours a week", 6.0),
        ("5 hrs/week", 5.0),
        ("around 10 hrs", 10.0),
        ("I can do about 6", 6.0),
        ("I work 40 hours so only 5 hours for study", 5.0),
        ("<b>5 hours</b>", 5.0),
        ("5 hours &amp; no more", 5.0),
        ("5 hours a week on weekdays", 5.0),
        ("5/week", 5.0),
        ("5 a day", 35.0),
    ],
)
def test_hours_per_week(text: str, hours: float) -> None:
    assert parse_hours_per_week(text) == pytest.approx(hours)


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "zero",
        "-5",
        "100 hours",
        "12 hours a day",
        "a few hours",
        "not much",
        "I have 2 kids",
        "depends on the week",
        "evenings",
        "3 days a week",
    ],
)
def test_hours_without_a_usable_figure(text: str) -> None:
    assert parse_hours_per_week(text) is None


# --- deadline ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("within 3 months", 13.0),
        ("3 months", 13.0),
        ("in about six months", 26.0),
        ("6 weeks", 6.0),
        ("six weeks", 6.0),
        ("I'd like to finish in 12 weeks", 12.0),
        ("a year", 52.0),
        ("within 1 year", 52.0),
        ("two years", 104.0),
        ("half a year", 26.0),
        ("a year and a half", 78.0),
        ("in a month", 4.3),
        ("a fortnight", 2.0),
        ("10 days", 1.4),
        ("3-6 months", 13.0),
        ("5 hours a week for 6 weeks", 6.0),
        ("an hour a day for a month", 4.3),
    ],
)
def test_deadline_weeks(text: str, weeks: float) -> None:
    assert parse_deadline_weeks(text) == pytest.approx(weeks)


@pytest.mark.parametrize(
    "text",
    ["no rush", "No deadline", "whenever", "no hurry at all", "not in a rush", "no", "nope"],
)
def test_no_deadline(text: str) -> None:
    assert parse_deadline_weeks(text) == "none"


@pytest.mark.parametrize(
    "text",
    ["8", "asap", "next month", "soon", "200 years", "in june i moved"],
)
def test_ambiguous_deadline_is_none(text: str) -> None:
    assert parse_deadline_weeks(text) is None


# --- budget -----------------------------------------------------------------------


def _amount(value: float, currency: str | None) -> Budget:
    return Budget(max_amount=value, currency=currency, free_only=False, unlimited=False)


FREE = Budget(max_amount=None, currency=None, free_only=True, unlimited=False)
UNLIMITED = Budget(max_amount=None, currency=None, free_only=False, unlimited=True)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("under 300 dollars", _amount(300, "USD")),
        ("$300", _amount(300, "USD")),
        ("300 bucks", _amount(300, "USD")),
        ("about 250 usd", _amount(250, "USD")),
        ("US$ 50", _amount(50, "USD")),
        ("three hundred dollars", _amount(300, "USD")),
        ("$1,500", _amount(1500, "USD")),
        ("£200", _amount(200, "GBP")),
        ("a hundred pounds", _amount(100, "GBP")),
        ("200 euros", _amount(200, "EUR")),
        ("€200", _amount(200, "EUR")),
        ("500", _amount(500, None)),
        ("up to 500", _amount(500, None)),
        ("between 200 and 300", _amount(200, None)),
        ("300$", _amount(300, "USD")),
        ("300€", _amount(300, "EUR")),
        ("$200-$300", _amount(200, "USD")),
        ("1.5k", _amount(1500, None)),
        ("2k max", _amount(2000, None)),
        ("nothing, it has to be free", FREE),
        ("free only", FREE),
        ("only free courses please", FREE),
        ("I can't afford anything", FREE),
        ("0", FREE),
        ("no limit", UNLIMITED),
        ("money is no object", UNLIMITED),
        ("doesn't matter", UNLIMITED),
        ("my employer pays", UNLIMITED),
    ],
)
def test_budget(text: str, budget: Budget) -> None:
    assert parse_budget(text) == budget


@pytest.mark.parametrize(
    "text",
    [
        "a few hundred",
        "I have 2 kids",
        "£",
        "1000000",
        "I'm free on weekends",
        "free or paid doesn't matter",
        "fraud 5",
    ],
)
def test_budget_without_a_usable_answer(text: str) -> None:
    assert parse_budget(text) is None


# --- mode, pace, credit, yes/no ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("online", "online"),
        ("Remote", "online"),
        ("from home", "online"),
        ("I prefer studying at home", "online"),
        ("not in person", "online"),
        ("I'd rather be in a classroom", "in_person"),
        ("in person", "in_person"),
        ("In-person classes near me", "in_person"),
        ("face to face", "in_person"),
        ("on campus", "in_person"),
        ("I don't want online", "in_person"),
        ("a mix", "blended"),
        ("hybrid", "blended"),
        ("blended", "blended"),
        ("a bit of both", "blended"),
        ("no preference", "any"),
        ("either", "any"),
        ("don't mind", "any"),
        ("any", "any"),
        ("online or in person", "any"),
    ],
)
def test_mode(text: str, mode: str) -> None:
    assert parse_mode(text) == mode


@pytest.mark.parametrize(
    ("text", "pace"),
    [
        ("my own pace", "self_paced"),
        ("self-paced", "self_paced"),
        ("flexible", "self_paced"),
        ("on my own schedule", "self_paced"),
        ("whenever I can", "self_paced"),
        ("no deadlines please", "self_paced"),
        ("fixed schedule", "scheduled"),
        ("with a class", "scheduled"),
        ("live sessions", "scheduled"),
        ("deadlines keep me going", "scheduled"),
        ("I like structure", "scheduled"),
        ("not self-paced", "scheduled"),
        ("no preference", "any"),
        ("either is fine", "any"),
    ],
)
def test_pace(text: str, pace: str) -> None:
    assert parse_pace(text) == pace


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("credit toward a degree", "degree_credit"),
        ("college credit", "degree_credit"),
        ("I want it to count towards a qualification", "degree_credit"),
        ("a certificate that counts toward my degree", "degree_credit"),
        ("industry certification", "industry"),
        ("a professional credential", "industry"),
        ("a licence", "industry"),
        ("I want to get CompTIA certified", "industry"),
        ("both", "either"),
        ("either", "either"),
        ("doesn't matter", "no"),
        ("no", "no"),
        ("not important", "no"),
        ("just the skills", "no"),
        ("no credit needed", "no"),
        ("no cert needed", "no"),
        ("certificate not required", "no"),
    ],
)
def test_credit(text: str, credit: str) -> None:
    assert parse_credit(text) == credit


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("yes", True),
        ("Yeah sure", True),
        ("ok", True),
        ("correct", True),
        ("that's right", True),
        ("go ahead", True),
        ("👍", True),
        ("sí", True),
        ("no", False),
        ("nope", False),
        ("no thanks", False),
        ("not really", False),
        ("that's not right", False),
        ("not sure", None),
        ("maybe", None),
        ("yes and no", None),
        ("I don't know", None),
    ],
)
def test_yes_no(text: str, answer: bool | None) -> None:
    assert parse_yes_no(text) is answer


# --- course references ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("#2", [2]),
        ("tell me about #4", [4]),
        ("the second one", [2]),
        ("compare 1 and 3", [1, 3]),
        ("compare 3 and 1", [3, 1]),
        ("first and third", [1, 3]),
        ("1 vs 4", [1, 4]),
        ("compare two and three", [2, 3]),
        ("number one", [1]),
        ("the 3rd", [3]),
        ("the last one", [5]),
        ("second to last", [4]),
        ("the first two", [1, 2]),
        ("2, 3 and 2", [2, 3]),
        ("compare 1 and 7", [1]),
        ("the one that takes 5 weeks", []),
        ("the $300 one", []),
        ("compare two courses", []),
        ("show me more", []),
    ],
)
def test_course_refs(text: str, refs: list[int]) -> None:
    assert parse_course_refs(text, 5) == refs


def test_course_refs_need_something_shown() -> None:
    assert parse_course_refs("compare 1 and 2", 0) == []
    assert parse_course_refs("the last one", 1) == [1]


# --- corrections ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("actually my budget is 500", "budget"),
        ("make it cheaper", "budget"),
        ("change my hours to 3", "hours_per_week"),
        ("I can only do 2 evenings a week", "hours_per_week"),
        ("I need to finish within 2 months", "deadline_weeks"),
        ("my deadline changed", "deadline_weeks"),
        ("make it online", "mode"),
        ("I meant in person", "mode"),
        ("I'd prefer self-paced", "pace"),
        ("I need college credit", "credit"),
        ("I live in Newark now", "location"),
        ("my goal is now cybersecurity", "goal"),
        ("I want to become a nurse instead", "goal"),
        ("I have 10 years of experience", "background"),
        ("I have a degree in biology", "background"),
    ],
)
def test_detect_changed_field(text: str, field: str) -> None:
    assert detect_changed_field(text) == field


@pytest.mark.parametrize("text", ["hmm", "ok", "change it", "🙂"])
def test_unclear_correction(text: str) -> None:
    assert detect_changed_field(text) is None


# --- noise ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "   ", "🙂🙂", "!!!", "...", "<br><br>", "<script>alert(1)</script>", "🙂" * 5000]
)
def test_noise(text: str) -> None:
    assert looks_like_noise(text)


@pytest.mark.parametrize("text", ["5", "$300", "hola", "日本語", "ok", "a" * 10_000])
def test_not_noise(text: str) -> None:
    assert not looks_like_noise(text)


# --- shared normalisation -----------------------------------------------------------


def test_clean_strips_markup_and_refuses_pastes() -> None:
    assert clean("<p>Five&nbsp;hours</p>") == "five hours"
    assert clean("3\u20134 hours") == "3-4 hours"
    assert clean("x" * 10_000) is None


def test_number_words_stay_separate() -> None:
    assert words_to_numbers("two and three") == "2 and 3"
    assert words_to_numbers("three hundred and fifty") == "350"
    assert words_to_numbers("one thousand five hundred") == "1500"
    assert words_to_numbers("often") == "often"


@pytest.mark.parametrize(
    ("text", "pace"),
    [
        ("fixed class times r fine", "any"),
        ("a live class would be ok too", "any"),
        ("scheduled is fine", "any"),
        ("self", "self_paced"),
        ("on my time", "self_paced"),
        ("live class only", "scheduled"),
    ],
)
def test_a_pace_said_to_be_acceptable_is_not_a_demand(text: str, pace: str) -> None:
    assert parse_pace(text) == pace


def test_a_figure_the_employer_pays_is_the_budget_and_spanish_free_is_free() -> None:
    assert parse_budget("1200 company pays") == Budget(1200.0, None, False, False)
    assert parse_budget("my employer pays") == Budget(None, None, False, True)
    assert parse_budget("gratis") == Budget(None, None, True, False)


def test_a_credential_that_is_a_plus_is_not_required() -> None:
    assert parse_credit("a certificate is a plus not a must") == "no"
    assert parse_credit("optional, skills matter more") == "no"


def test_hours_in_spanish_are_hours() -> None:
    assert parse_hours_per_week("3 horas a la semana") == 3.0


@pytest.mark.parametrize("text", ["6, 2 nights a week", "3 days a week", "two evenings a week"])
def test_sessions_at_a_rate_are_not_a_deadline(text: str) -> None:
    assert parse_deadline_weeks(text) is None


@pytest.mark.parametrize("text", ["ccna itself", "the cpc exam", "pmp"])
def test_a_certification_named_in_lower_case_is_an_industry_credential(text: str) -> None:
    assert parse_credit(text) == "industry"


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("before next summer", 28.1),  # 21 June
        ("by the fall enrollment period", 41.4),  # 22 September
        ("gotta be done by march", 12.1),  # 1 March
        ("by xmas if possible", 2.7),
    ],
)
def test_a_deadline_named_by_season_month_or_holiday_counts_from_today(
    text: str, weeks: float
) -> None:
    assert parse_deadline_weeks(text, date(2026, 12, 6)) == weeks


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("2500 or less if there's any aid", 2500.0),
        ("5k maybe, or whatever the grant covers", 5000.0),
        ("idk like 12k? loans maybe", 12000.0),
        ("can't spend more than 650", 650.0),
    ],
)
def test_a_hedged_budget_figure_is_the_budget(text: str, amount: float) -> None:
    budget = parse_budget(text)
    assert budget is not None and budget.max_amount == amount and not budget.free_only


@pytest.mark.parametrize(
    ("text", "hours"), [("6 during nap time", 6.0), ("25ish, between jobs", 25.0)]
)
def test_a_hedged_hours_figure_is_the_weekly_hours(text: str, hours: float) -> None:
    assert parse_hours_per_week(text) == hours


def test_answers_that_mix_a_figure_or_a_refusal_with_an_aside() -> None:
    assert parse_hours_per_week("full time 35") == 35.0  # "full time" is not the figure
    assert no_time_limit("honestly it varies week to week")
    assert no_time_limit("whenever i get time")
    assert parse_deadline_weeks("nope, no hurry since i'm retired") == "none"
    assert parse_deadline_weeks("nah - whenever") == "none"
    assert parse_pace("weekends if possible") == "any"
    assert parse_pace("self paced, at night") == "self_paced"


def test_a_card_is_named_by_its_platform_or_provider() -> None:
    names = ["udemy Jane Smith", "edx Harvard University", "coursera Google"]
    assert refs_by_name("the udemy one is a hard no", names) == [1]
    assert refs_by_name("is the harvard course legit", names) == [2]
    assert refs_by_name("the first one", names) == []


@pytest.mark.parametrize(
    ("said", "hours"),
    [
        ("tue thu evenings 2 hrs each", 4.0),
        ("mon wed fri, 1.5 hrs", 4.5),
        ("2 hours a day mon-fri", 10.0),
        ("mon and wed, 6 hrs total", 6.0),
        ("5ish hrs a week", 5.0),
    ],
)
def test_hours_said_once_come_back_on_each_day_named(said: str, hours: float) -> None:
    assert parse_hours_per_week(said) == hours


def test_a_figure_with_ish_is_the_budget() -> None:
    budget = parse_budget("budget 800ish")
    assert budget is not None and budget.max_amount == 800


@pytest.mark.parametrize(
    ("answer", "hours"),
    [
        ("weekends only, like 5 hrs sat + 4 hrs sun", 9.0),
        ("4 hours on saturday and 3 on sunday", 7.0),
        ("maybe 2 hrs a night mon-thu", 8.0),
        ("puedo estudiar dos horas cada noche de lunes a viernes", 10.0),
        ("tres noches por semana, dos horas cada noche", 6.0),
        ("the 120-hour program, i can do 8 hrs a week", 8.0),
        ("40 hr course right?", None),
    ],
)
def test_hours_said_day_by_day_or_beside_a_course_length(answer: str, hours: float | None) -> None:
    assert parse_hours_per_week(answer) == hours


@pytest.mark.parametrize(
    ("answer", "pace"),
    [
        ("self paced, my weeks are all over the place around month-end deadlines", "self_paced"),
        ("with due dates pls, i need someone keeping me on track", "scheduled"),
        ("con horario fijo, en la tarde", "scheduled"),
        ("no se, lo que sea mejor", "any"),
    ],
)
def test_pace_as_learners_give_it(answer: str, pace: str) -> None:
    assert parse_pace(answer) == pace


@pytest.mark.parametrize("answer", ["None whatsoever.", "no hay fecha", "sin fecha limite"])
def test_no_deadline_as_learners_say_it(answer: str) -> None:
    assert parse_deadline_weeks(answer) == "none"


@pytest.mark.parametrize(
    ("answer", "amount"),
    [
        ("hasta 1500", 1500.0),
        ("me and my mom can do like 6000", 6000.0),
        ("less than what the college charges... maybe 300", 300.0),
    ],
)
def test_budgets_as_learners_give_them(answer: str, amount: float) -> None:
    budget = parse_budget(answer)
    assert budget is not None and budget.max_amount == amount


@pytest.mark.parametrize(
    ("answer", "weeks"),
    [
        ("asap, like this week if possible", 1.0),
        ("need it by next week", 2.0),
        ("remind me next week", None),
        ("2 hours a week, next week is busy", None),
    ],
)
def test_this_week_and_next_week_as_deadlines(answer: str, weeks: float | None) -> None:
    assert parse_deadline_weeks(answer) == weeks


def test_the_hours_after_but_are_the_learners_own() -> None:
    assert parse_hours_per_week("i drive like 40 hrs but i can do 12 on studying easy") == 12.0
    assert parse_hours_per_week("i work 50 hours but can give 6 hours a week") == 6.0
    assert parse_hours_per_week("5 hours but maybe 3 on busy weeks") == 5.0


@pytest.mark.parametrize(
    ("answer", "hours"),
    [
        ("6 maybe, after 10pm", 6.0),
        ("i could do 20 if its days since i work nights", 20.0),
        ("maybe 12? i work 3 12s so depends on the week", 12.0),
        ("after 6pm", None),
    ],
)
def test_the_figure_a_learner_offers_around_their_work(answer: str, hours: float | None) -> None:
    assert parse_hours_per_week(answer) == hours


@pytest.mark.parametrize("answer", ["nabcep", "nclex"])
def test_a_credential_named_by_its_initials_in_lower_case(answer: str) -> None:
    assert parse_credit(answer) == "industry"


@pytest.mark.parametrize(
    ("said", "hours"),
    [("can do weekends, 2 days 8 hrs each", 16.0), ("4 nights x 2 hrs", 8.0)],
)
def test_days_counted_with_hours_each_multiply(said: str, hours: float) -> None:
    assert parse_hours_per_week(said) == hours


def test_the_learners_own_schedule_stops_before_what_they_want() -> None:
    assert parse_pace("my schedule is all over the place so self-paced only") == "self_paced"


def test_cannot_go_to_campus_means_online() -> None:
    assert parse_mode("i cant go to campus") == "online"


@pytest.mark.parametrize(
    ("said", "amount"),
    [
        ("we set aside about 1500 for this", 1500.0),
        ("tengo como 3000 ahorrado. si hay ayuda del gobierno mejor", 3000.0),
        ("como 10 mil? si hay plan de pago o ayuda mejor", 10000.0),
        ("i have the GI bill but it doesnt cover everything. out of pocket maybe 3k", 3000.0),
    ],
)
def test_money_set_aside_or_out_of_pocket_is_the_budget(said: str, amount: float) -> None:
    budget = parse_budget(said)
    assert budget is not None and budget.max_amount == amount


def test_ten_plus_hours_is_ten() -> None:
    assert parse_hours_per_week("10+, i'll make time") == 10.0


def test_the_states_licence_is_an_industry_credential() -> None:
    assert parse_credit("la licencia del estado") == "industry"


def test_no_set_date_is_no_deadline() -> None:
    assert parse_deadline_weeks("no set date") == parse_deadline_weeks("no deadline")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("in person would be nice... nah online, i cant leave the floor", "online"),
        ("online... actually no, in person", "in_person"),
        ("online or in person, either", "any"),
    ],
)
def test_the_mode_said_last_wins_when_the_learner_changes_their_mind(text: str, mode: str) -> None:
    assert parse_mode(text) == mode


@pytest.mark.parametrize("text", ["None set", "nothing set yet", "none yet"])
def test_no_deadline_set_is_no_deadline(text: str) -> None:
    assert parse_deadline_weeks(text) == "none"
