"""The occupation record the matcher and the advisor share."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class TechnologySkill(BaseModel):
    """A tool or technology O*NET reports for an occupation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    category: str
    hot: bool  # O*NET "Hot Technology": frequently named in job postings
    in_demand: bool  # O*NET "In Demand": among the most requested for this occupation


class Occupation(BaseModel):
    """One O*NET-SOC occupation with the parts the advisor uses."""

    model_config = ConfigDict(extra="forbid")

    code: str
    title: str
    description: str
    alternate_titles: list[str]
    reported_titles: list[str]
    technology_skills: list[TechnologySkill]
    tasks: list[str]
