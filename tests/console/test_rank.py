"""Ranking a profile through the console: the real index, the real filters, every result checked."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from advisor.profile import LearnerProfile, to_filters
from bot.console.describe import describe_filters, without
from bot.console.personas import PERSONAS
from index.filters import Filters
from index.loader import get_search
from index.schema import Course, Mode

PERSONA_IDS = [persona.id for persona in PERSONAS]


def catalog() -> dict[str, Course]:
    return {course.id: course for course in get_search().courses}


def rank(client: TestClient, profile: dict[str, Any], **extra: Any) -> dict[str, Any]:
    response = client.post("/console/api/rank", json={"profile": profile, **extra})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_personas_are_offered(advisor: TestClient) -> None:
    personas = advisor.get("/console/api/personas").json()["personas"]
    assert [p["id"] for p in personas] == PERSONA_IDS
    accountant = personas[0]["profile"]
    assert accountant == {
        "goal": "get into data analytics",
        "background": "accountant",
        "hours_per_week": 5.0,
        "budget_max": 300.0,
        "mode": "online",
    }


def test_filters_are_described_one_line_per_constraint() -> None:
    profile = LearnerProfile(
        goal="x", hours_per_week=5, deadline_weeks=12, budget_max=300, mode="in_person",
        location="Newark", pace="self_paced",
    )  # fmt: skip
    lines = {line.name: line.text for line in describe_filters(to_filters(profile), profile)}
    assert lines == {
        "modes": "blended or in person",
        "paces": "self-paced",
        "max_cost": "at most $300 (unknown price fails)",
        "max_hours_per_week": "scheduled courses at most 5 h/week (self-paced courses always pass)",
        "max_total_hours": "at most 60 h in total (unknown length fails): 5 h/week × 12 weeks",
        "location": "on-site courses must be in “Newark” or within 30 miles of it "
        "(online courses pass)",
    }
    relaxed = without(to_filters(profile), {"modes", "location", "no_such_filter"})
    assert relaxed.modes == frozenset() and relaxed.location is None
    assert relaxed.max_cost == 300


@pytest.mark.slow
@pytest.mark.parametrize("persona_id", PERSONA_IDS)
def test_every_result_honours_the_personas_filters(advisor: TestClient, persona_id: str) -> None:
    persona = next(p for p in PERSONAS if p.id == persona_id)
    body = rank(advisor, persona.profile.model_dump(mode="json"))
    filters = to_filters(persona.profile)
    assert Filters.model_validate(body["query"]["filters"]) == filters
    assert body["passing"] == get_search().count(filters)
    assert len(body["results"]) <= 10
    assert body["results"] or body["offers"] or body["nothing_on_topic"]
    courses = catalog()
    admissible = get_search().status(filters)
    for result in body["results"]:
        course = courses[result["course_id"]]
        position = get_search().position(course.id)
        assert position is not None and not admissible.violated[position], course.id
        assert filters.accepts(course) == (result["standing"] == "fits")
        assert result["card"]["title"] == course.title
        assert result["card"]["why"]
        assert {"score", "dense", "lexical"} <= result.keys()
    for standing in ("fits", "unknown"):  # known fits first, each part best first
        scores = [r["score"] for r in body["results"] if r["standing"] == standing]
        assert scores == sorted(scores, reverse=True)
    standings = [r["standing"] for r in body["results"]]
    assert standings == sorted(standings, key=lambda s: s != "fits")
    scores = [r["score"] for r in body["results"]]
    assert [r["rank"] for r in body["results"]] == list(range(1, len(scores) + 1))
    assert {line["name"] for line in body["filters"]} == {
        line.name for line in describe_filters(filters)
    }


@pytest.mark.slow
def test_the_accountant_gets_an_occupation_with_flagged_skills(advisor: TestClient) -> None:
    body = rank(advisor, PERSONAS[0].profile.model_dump(mode="json"))
    assert body["occupation"] is not None and body["occupation"]["title"]
    assert body["skills"], "no key skills for the matched occupation"
    for skill in body["skills"]:
        assert isinstance(skill["hot"], bool) and isinstance(skill["in_demand"], bool)
        assert skill["hot"] or skill["in_demand"]
    assert all(course["card"]["mode"] == "Online" for course in body["results"])


@pytest.mark.slow
def test_switching_a_filter_off_reranks_without_it(advisor: TestClient) -> None:
    profile = PERSONAS[2].profile.model_dump(mode="json")  # nurse: in person in Newark
    strict = rank(advisor, profile)
    relaxed = rank(advisor, profile, disabled_filters=["modes", "location"])
    assert relaxed["query"]["id"] != strict["query"]["id"]
    assert "modes" not in relaxed["query"]["filters"]
    assert {line["name"]: line["active"] for line in relaxed["filters"]} == {
        "modes": False,
        "location": False,
    }
    assert relaxed["passing"] > strict["passing"]
    courses = catalog()
    assert all(courses[r["course_id"]].mode is not Mode.ONLINE for r in strict["results"])
    assert any(courses[r["course_id"]].mode is Mode.ONLINE for r in relaxed["results"])


@pytest.mark.slow
def test_a_ranking_comes_back_with_its_labels(advisor: TestClient) -> None:
    profile = PERSONAS[1].profile.model_dump(mode="json")
    body = rank(advisor, profile)
    first = body["results"][0]["label_key"]
    advisor.post(
        "/console/api/labels",
        json={
            "query_text": body["query"]["text"],
            "filters": body["query"]["filters"],
            "ranking": [r["label_key"] for r in body["results"]],
            "course_url": first,
            "grade": 2,
        },
    ).raise_for_status()
    assert rank(advisor, profile)["labels"] == {first: 2}


def test_a_profile_without_goal_or_background_is_refused(advisor: TestClient) -> None:
    response = advisor.post("/console/api/rank", json={"profile": {"hours_per_week": 5}})
    assert response.status_code == 422
    assert "goal" in response.json()["detail"]


def test_unknown_filters_cannot_be_switched_off(advisor: TestClient) -> None:
    response = advisor.post(
        "/console/api/rank", json={"profile": {"goal": "x"}, "disabled_filters": ["colour"]}
    )
    assert response.status_code == 422
    assert "unknown filters: colour" in response.text


@pytest.mark.slow
def test_a_short_page_says_what_binds_and_shows_its_offers(advisor: TestClient) -> None:
    """The console says what the chat says above a short page: how many relevant courses
    fit, the constraint that binds, and the courses that break only it."""
    profile = {
        "goal": "dental assistant",
        "mode": "in_person",
        "location": "Newark, NJ",
        "budget_max": 300,
        "hours_per_week": 10,
    }
    body = rank(advisor, profile)
    assert body["offers"], "a dental assistant programme under $300 in Newark is rare"
    assert body["summary"] and "relevant course" in body["summary"]
    assert body["binding"] is not None or body["binding_pair"] is not None
    named = body["binding"]["field"] if body["binding"] else body["binding_pair"]["fields"][0]
    assert named in {"budget", "hours", "deadline", "mode", "pace", "location"}
