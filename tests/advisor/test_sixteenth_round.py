"""Readings fixed on the sixteenth blind round: first messages, goals and follow-ups written
by people who had seen neither the code nor the earlier sets, in their own words."""

from __future__ import annotations

import pytest

from actions.goal import target_of
from advisor.answers import parse_budget, parse_credit, parse_hours_per_week, parse_pace
from advisor.extract import find_statements
from advisor.profile import LearnerProfile
from advisor.query import build_query
from advisor.refine import parse_refinement
from advisor.requests import follow_up_request

PLACES = frozenset({"newark", "houston", "san antonio", "tx", "nj"})


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        # Whose work it serves, the asker's age, an aside and a doubt are not the subject.
        ("learn bookkeeping for my wife's bakery", "bookkeeping"),
        ("hubspot for my bakery's customer list and emails", "hubspot"),
        ("market my salon on instagram instead of paying someone", "marketing on instagram"),
        ("can i become a tax preparer at my age", "tax preparer"),
        ("lol this is kinda random but is it too late to learn coding at 45", "coding"),
        ("my dad keeps saying i should learn welding instead of going to college", "welding"),
        ("clases de cosmetology", "cosmetology"),
        ("do u guys have anything free for learning excel", "excel"),
        ("I'd like to learn photography just for fun, nothing serious", "photography"),
        ("PPL, single engine. mostly for fun", "PPL single engine"),
        ("ux design bootcamp recs", "ux (user experience) design"),
        ("want to pivot to ux", "ux (user experience)"),
        ("make the jump to data science", "data science"),
        ("is medical coding still worth it with ai", "medical coding"),
        ("get into IT with my GI bill", "IT (information technology)"),
        ("quiero sacar la certificación de radiología dental", "dental radiography"),
    ],
)
def test_the_topic_leaves_out_who_it_is_for_and_how_it_is_asked(goal: str, topic: str) -> None:
    assert build_query(LearnerProfile(goal=target_of(goal)), None).topic == topic


@pytest.mark.parametrize(
    "said",
    [
        "PMP. employer paying.",
        "He's paying for it",
        "my job said they'd cover tuition",
        "my boss paga todo",
    ],
)
def test_someone_else_paying_is_no_budget_limit(said: str) -> None:
    budget = parse_budget(said)
    assert budget is not None and budget.unlimited


def test_asking_whether_the_advisor_is_free_is_not_a_budget() -> None:
    assert parse_budget("is this free to use?") is None
    budget = parse_budget("free please")
    assert budget is not None and budget.free_only


def test_a_stated_cap_beats_money_being_no_issue() -> None:
    said = "i get paid 38 an hour so money isnt the issue, up to 3k is fine"
    assert find_statements(said, PLACES).answers["budget"] == "up to 3k is fine"


@pytest.mark.parametrize(
    "opening",
    [
        "good morning!! how are you today ☀️",
        "hi i'm not sure what i want to do yet honestly",
        "hay algo mas barato o gratis?",
        "8 horas mas o menos",
    ],
)
def test_small_talk_and_no_goal_yet_state_no_goal(opening: str) -> None:
    assert "goal" not in find_statements(opening, PLACES).answers


@pytest.mark.parametrize(
    "opening",
    [
        "thanks in advance for the help!",
        "vale la pena pagar por el #1 o mejor aprendo con youtube",
    ],
)
def test_words_that_are_also_towns_are_not_places(opening: str) -> None:
    assert "location" not in find_statements(opening, PLACES).answers


def test_a_state_code_said_in_capitals_still_counts() -> None:
    assert find_statements("Metairie, LA", PLACES).answers["location"] == "Metairie, LA"


def test_no_fixed_schedule_in_spanish_is_self_paced() -> None:
    assert parse_pace("sin horarios fijos porfa") == "self_paced"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("vale la pena pagar por el #1 o mejor aprendo con youtube", "ask_worth"),
        ("like realistically whats the roi on #2", "ask_worth"),
        ("cuantas semanas dura el de google más o menos", "ask_course"),
        ("is excel enough or am i gonna need python for analyst jobs", "ask_skills"),
    ],
)
def test_follow_ups_in_the_learners_words(text: str, kind: str) -> None:
    request = follow_up_request(text)
    assert request is not None and request.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "lol unrelated but how long do i boil eggs for",  # off the subject, said so
        "any free ones that are decent",  # other courses: a refinement
        "#3 says in person?? only show me stuff i can do from home",
    ],
)
def test_not_a_question_about_the_cards(text: str) -> None:
    assert follow_up_request(text) is None


def test_close_enough_asks_about_distance_not_skills() -> None:
    request = follow_up_request("is pharr close enough? i dont have a car")
    assert request is None or request.kind != "ask_skills"


def test_only_from_home_asks_for_online_courses() -> None:
    said = "#3 says in person?? only show me stuff i can do from home"
    assert parse_refinement(said, 3).constraint == "only_online"


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        ("quiero volver a ser maestra aqui en new jersey", "teacher"),
        ("busco ser profesor de ingles", "teacher of English"),
    ],
)
def test_a_goal_said_in_spanish_is_searched_in_the_catalogs_words(goal: str, topic: str) -> None:
    assert build_query(LearnerProfile(goal=target_of(goal)), None).topic == topic


@pytest.mark.parametrize(
    ("said", "amount"),
    [("Around $1,000.", 1000.0), ("6k i been saving", 6000.0), ("500.", 500.0)],
)
def test_budgets_said_with_a_full_stop_or_an_aside(said: str, amount: float) -> None:
    budget = parse_budget(said)
    assert budget is not None and budget.max_amount == amount


@pytest.mark.parametrize(
    ("said", "hours"),
    [
        ("4 maybe 5, resort life", 4.0),
        ("10 during the school year, more in summer", 10.0),
    ],
)
def test_hours_said_with_a_range_or_a_season(said: str, hours: float) -> None:
    assert parse_hours_per_week(said) == hours


@pytest.mark.parametrize(
    "said",
    [
        "nremt",
        "aws",
        "A+ at least",
        "something like apco if thats a thing",
        "something recognizable on a resume, like google or ibm",
        "necesito el certificado del estado para poder trabajar",
    ],
)
def test_a_credential_or_its_issuer_named_is_an_industry_credential(said: str) -> None:
    assert parse_credit(said) == "industry"


@pytest.mark.parametrize(
    ("said", "credit"),
    [
        ("just for me, no certificate", "no"),
        ("no certificate", "no"),
        ("I want to learn google sheets", None),  # a product to learn, not a credential
    ],
)
def test_no_certificate_is_none_wanted(said: str, credit: str | None) -> None:
    assert parse_credit(said) == credit


def test_what_the_first_message_of_a_persona_said_is_read() -> None:
    """The thirteenth personas through Rasa were asked again what their opening had said."""
    teacher = find_statements(
        "Want to move into data analytics. I'd like to be job ready in roughly 6 months",
        PLACES,
    ).answers
    assert teacher["deadline_weeks"] == "I'd like to be job ready in roughly 6 months"
    pharmacy = find_statements(
        "what do i need to become a pharmacy tech in texas?? my store said theyll pay", PLACES
    ).answers
    assert pharmacy["budget"] == "my store said theyll pay"
    assert "pharmacy tech" in pharmacy["goal"] and "pay" not in pharmacy["goal"]


@pytest.mark.parametrize(
    "said",
    [
        "I've got the experience hours but not the 35 hours of education",
        "just need the 35 hrs of education",
    ],
)
def test_hours_a_credential_asks_for_are_not_hours_a_week(said: str) -> None:
    assert parse_hours_per_week(said) is None


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        ("the security team lead said if i get sec+ theres a spot for me", "Security+"),
        ("boss said if i get Security+ they'd consider me for a junior analyst spot", "Security+"),
        (
            "GM told me if I get some kind of hospitality management certification I'd have a "
            "good shot at assistant FOM",
            "hospitality management",
        ),
    ],
)
def test_what_someone_said_would_earn_a_place_is_the_goal(goal: str, topic: str) -> None:
    assert build_query(LearnerProfile(goal=target_of(goal)), None).topic == topic


def test_a_payer_and_whatever_name_no_goal() -> None:
    opening = (
        "so im on the help desk at a hospital, been here 2 yrs and have my A+. the security "
        "team lead said if i get sec+ theres a spot for me, and my job will reimburse "
        "whatever training. i can do around 8 hrs a week on top of work. what should i take"
    )
    answers = find_statements(opening, PLACES).answers
    assert "sec+" in answers["goal"] and "reimburse" not in answers["goal"]
    assert answers["budget"] == "my job will reimburse whatever training"
    assert "goal" not in find_statements("whatever works, online or in person", PLACES).answers
