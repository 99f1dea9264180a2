"""One record schema for every course, whatever its source.

Field names follow the elements of the EU Council Recommendation on
micro-credentials (2022), the Australian National Microcredentials Framework
and Credential Engine's CTDL where they overlap: learning outcomes, volume of
learning (hours), mode, credential type and what it leads to, provider and
quality assurance. A value the source does not give stays ``None``; parsed
numbers keep their raw source text beside them so every figure can be traced.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Source(StrEnum):
    """Where a record came from."""

    COURSERA = "coursera"
    EDX = "edx"
    UDEMY = "udemy"
    NJ_ETPL = "nj_etpl"
    # One listing of four platforms (Coursera, FutureLearn, Udacity, Simplilearn), c. 2024.
    MULTI_PROVIDER = "multi_provider"
    TWC_ETPL = "twc_etpl"
    PLURALSIGHT = "pluralsight"
    ALISON = "alison"


class Mode(StrEnum):
    """How the learning is delivered (EU: 'form of participation')."""

    ONLINE = "online"
    IN_PERSON = "in_person"
    BLENDED = "blended"


class Pace(StrEnum):
    """Whether the learner sets the schedule."""

    SELF_PACED = "self_paced"
    SCHEDULED = "scheduled"


class Level(StrEnum):
    """Normalised difficulty; sources use many words for the same thing."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
    ALL_LEVELS = "all_levels"


class ProviderType(StrEnum):
    """Kind of organisation that issues the credential."""

    UNIVERSITY = "university"
    COMPANY = "company"
    COLLEGE = "college"
    TRAINING_PROVIDER = "training_provider"
    PLATFORM_INSTRUCTOR = "platform_instructor"
    OTHER = "other"


class CredentialType(StrEnum):
    """What the learner receives on completion (CTDL credential classes, simplified)."""

    COURSE_CERTIFICATE = "course_certificate"
    SPECIALIZATION = "specialization"
    PROFESSIONAL_CERTIFICATE = "professional_certificate"
    GUIDED_PROJECT = "guided_project"
    PROGRAM_CERTIFICATE = "program_certificate"
    CERTIFICATE_OF_COMPLETION = "certificate_of_completion"
    DEGREE = "degree"
    NONE = "none"


class Cost(BaseModel):
    """What the learner pays. ``amount`` is the price of the course itself."""

    model_config = ConfigDict(extra="forbid")

    amount: float | None = Field(default=None, ge=0)
    currency: str | None = None
    is_free: bool | None = None
    certificate_fee: float | None = Field(default=None, ge=0)
    raw: str | None = None


class LeadsTo(BaseModel):
    """What the credential counts toward beyond itself (stackability, recognition)."""

    model_config = ConfigDict(extra="forbid")

    licence: str | None = None
    industry_credential: str | None = None
    degree_credit: bool | None = None
    credits: float | None = Field(default=None, ge=0)


class Course(BaseModel):
    """A micro-credential or short course as the advisor reasons about it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=3)
    source: Source
    url: str | None
    url_is_provider_site: bool = False
    title: str = Field(min_length=2)
    # The source's own title, kept only when ``title`` was derived from it by a rule
    # (Alison's lower-case slugs, see data/courses/SOURCES.md).
    title_raw: str | None = None
    provider: str | None
    provider_type: ProviderType | None = None
    description: str | None = None
    learning_outcomes: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    subject: str | None = None
    level: Level | None = None

    # Total learning time. A stated figure has min == max; a figure derived from
    # ranges (2-4 h/week x 6 weeks) keeps both ends so filters can be conservative.
    total_hours_min: float | None = Field(default=None, ge=0)
    total_hours_max: float | None = Field(default=None, gt=0)
    total_hours_raw: str | None = None
    hours_per_week_min: float | None = Field(default=None, gt=0)
    hours_per_week_max: float | None = Field(default=None, gt=0)
    hours_per_week_raw: str | None = None
    # True when the weekly figure is total hours / calendar weeks rather than stated by
    # the source (scheduled programmes list both but not their weekly load): an average.
    hours_per_week_derived: bool = False
    duration_weeks_min: float | None = Field(default=None, gt=0)
    duration_weeks_max: float | None = Field(default=None, gt=0)
    duration_raw: str | None = None

    mode: Mode | None = None
    pace: Pace | None = None
    location: str | None = None
    language: str | None = None
    # True when the source does not state the language and it was detected from
    # the text (see index/ingest/language.py); False when the source states it.
    language_detected: bool = False
    evening_or_weekend: bool | None = None

    cost: Cost = Field(default_factory=Cost)
    credential_type: CredentialType | None = None
    credential_raw: str | None = None
    leads_to: LeadsTo = Field(default_factory=LeadsTo)
    accreditation: str | None = None
    # O*NET-SOC codes ('47-2111.00') the source links the programme to.
    occupation_codes: list[str] = Field(default_factory=list)

    rating: float | None = Field(default=None, ge=0, le=5)
    reviews: int | None = Field(default=None, ge=0)
    enrolments: int | None = Field(default=None, ge=0)
    industry_backed: bool | None = None

    # Fields filled from another source when the same course was listed twice: field name
    # -> source value. Empty when every value came from ``source`` itself.
    provenance: dict[str, Source] = Field(default_factory=dict)

    @field_validator("title", "provider", "description", mode="before")
    @classmethod
    def _strip_blank(cls, value: object) -> object:
        """Blank strings mean 'not stated', never an empty value."""
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    @model_validator(mode="after")
    def _ranges_ordered(self) -> Course:
        """A range whose low end exceeds its high end is a parsing defect."""
        for low, high in (
            (self.total_hours_min, self.total_hours_max),
            (self.hours_per_week_min, self.hours_per_week_max),
            (self.duration_weeks_min, self.duration_weeks_max),
        ):
            if low is not None and high is not None and low > high:
                raise ValueError(f"range out of order: {low} > {high}")
        return self

    @model_validator(mode="after")
    def _derived_needs_a_figure(self) -> Course:
        """A weekly load marked as derived must exist."""
        if self.hours_per_week_derived and self.hours_per_week_max is None:
            raise ValueError("hours_per_week_derived without a weekly figure")
        return self

    @field_validator("url")
    @classmethod
    def _absolute_http_url(cls, value: str | None) -> str | None:
        """Keep the URL byte for byte (judgments are keyed by it) but refuse non-links."""
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError(f"not an absolute http(s) URL: {value!r}")
        return value
