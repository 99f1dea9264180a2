"""What the query keeps of a goal: acronyms spelled out, the purpose's own subject,
background clauses and target jobs left out of the searched topic."""

from __future__ import annotations

import pytest

from advisor.acronyms import expand
from advisor.query import purpose_of, topic_of


@pytest.mark.parametrize(
    ("topic", "said", "spelled_out"),
    [
        ("ML engineer", "ML (machine learning) engineer", "machine learning engineer"),
        ("UX research", "UX (user experience) research", "user experience research"),
        ("IT support", "IT (information technology) support", "information technology support"),
        ("get better at it", "get better at it", "get better at it"),  # "it" is a word
        ("Power BI and SQL", "Power BI and SQL", "Power BI and SQL"),  # BI is a name here
        ("machine learning (ML)", "machine learning (ML)", "machine learning (ML)"),
    ],
)
def test_acronyms_gain_their_expansion(topic: str, said: str, spelled_out: str) -> None:
    assert expand(topic) == (said, spelled_out)


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        ("How do I get into UX research with a psych degree?", "UX research"),
        ("Pass CompTIA Security+ and get a SOC analyst job.", "CompTIA Security+"),
        ("learn data analysis with a finance background", "data analysis"),
        (
            "what training do you need to become a funeral director / embalmer in new jersey",
            "funeral director / embalmer",
        ),
        ("where can i learn to be a farrier, shoeing horses", "farrier shoeing horses"),
        ("what does it take to become a dental assistant", "dental assistant"),
    ],
)
def test_background_and_target_job_are_not_the_topic(goal: str, topic: str) -> None:
    assert topic_of(goal)[0] == topic


@pytest.mark.parametrize(
    ("goal", "purpose"),
    [
        ("Learn HubSpot so I can run email marketing for my bakery.", "email marketing"),
        ("Learn SEO and content marketing so I can charge more.", ""),  # no subject
        ("How do I learn SolidWorks to get a CAD drafter job?", ""),
        ("excel", ""),
    ],
)
def test_the_purpose_clause_names_a_subject_only_when_it_has_one(goal: str, purpose: str) -> None:
    assert purpose_of(goal) == purpose


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        ("Land a junior web developer job within a year.", "web developer"),
        ("get hired as a welder by summer", "welder"),
        ("get a job as a data analyst", "data analyst"),
        ("what's the best way for a python backend dev to move into ML engineering?", "ML"),
        ("i need hubspot itself not marketing basics", "hubspot"),
        ("I want Fusion 360 specifically", "Fusion 360"),
        ("Get my New Jersey real estate salesperson licence.", "real estate salesperson"),
        ("trying to get Sec+ and then a SOC job", "Security+"),
        (
            "Is it realistic for a science teacher to switch to designing corporate "
            "e-learning, what would I need to learn",
            "designing corporate e-learning",
        ),
    ],
)
def test_job_hunting_and_emphasis_words_are_not_the_topic(goal: str, topic: str) -> None:
    assert topic_of(goal)[0].startswith(topic)
    assert topic_of(goal)[1] is None  # "not marketing basics" asks for no level


@pytest.mark.parametrize(
    ("topic", "spelled"),
    [
        ("welding aws cert", "welding American Welding Society cert"),
        ("aws solutions architect", "aws solutions architect"),
        ("cda for a dental office", "certified dental assistant for a dental office"),
        ("cda childcare", "cda childcare"),
    ],
)
def test_an_acronym_takes_the_sense_its_goal_points_to(topic: str, spelled: str) -> None:
    assert expand(topic)[1] == spelled


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        ("i need college credits toward an associates in accounting", "accounting"),
        (
            "hospital unit secretary looking at healthcare administration",
            "healthcare administration",
        ),
        ("hola busco un curso de asistente administrativo en linea", "asistente administrativo"),
        ("Me gustaria sacar mi licencia CDL en McAllen TX", "CDL"),
        ("quiero sacar mi licencia de cosmetologia", "cosmetology"),
    ],
)
def test_the_degree_the_looking_and_the_format_are_not_the_topic(goal: str, topic: str) -> None:
    assert topic_of(goal)[0] == topic


def test_a_place_that_ends_a_clause_is_not_the_topic() -> None:
    assert topic_of("welding classes in san antonio, evenings only")[0] == "welding"


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        ("need an intro stats course w/ transferable college credit", "statistics"),
        ("UX design with academic credit", "UX design"),
        ("courses for credit analysts", "credit analysts"),
    ],
)
def test_credit_wanted_is_a_constraint_not_the_topic(goal: str, topic: str) -> None:
    assert topic_of(goal)[0] == topic


def test_who_asks_to_learn_is_not_the_topic() -> None:
    goal = "can a teacher with zero coding experience learn python over summer break for free"
    assert topic_of(goal)[0] == "python"
