"""New Jersey Eligible Training Provider List: clock hours, full cost, licences, location.

The ETPL has no course pages, so ``url`` is the provider's own website when it
is listed (``url_is_provider_site``) and null otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping

from index.ingest.language import detect_language
from index.ingest.parsing import (
    Range,
    clean_text,
    derive_weekly_hours,
    parse_duration_weeks,
    parse_number,
    parse_yes_no,
)
from index.ingest.providers import classify_provider
from index.schema import Cost, Course, CredentialType, LeadsTo, Mode, Pace, ProviderType, Source

FILE_NAME = "nj_etpl_programs.csv"

_COST_PARTS = ("tuition", "fees", "books_materials_cost", "supplies_tools_cost", "other_costs")
_DEGREES = {
    "Associate's Degree",
    "Bachelor's Degree",
    "Master's Degree",
    "First Professional Degree/Award",
    "Post-Baccalaureate(below Master's)",
}


def _credential(awarded: str | None) -> CredentialType | None:
    if not awarded:
        return None
    if awarded == "Certificate of Completion":
        return CredentialType.CERTIFICATE_OF_COMPLETION
    if awarded in _DEGREES:
        return CredentialType.DEGREE
    if "Certificate" in awarded:
        return CredentialType.PROGRAM_CERTIFICATE
    return None


def _mode(row: Mapping[str, str]) -> Mode:
    """The state's online-programme list and hybrid mentions decide; otherwise on site.

    Programmes on the ETPL are delivered at the provider's listed site unless the
    state lists them as online or their text mentions a hybrid format.
    """
    if parse_yes_no(row["in_d4ad_online_program_list"]):
        return Mode.ONLINE
    if parse_yes_no(row["mentions_hybrid"]):
        return Mode.BLENDED
    return Mode.IN_PERSON


def _cost(row: Mapping[str, str]) -> Cost:
    """The stated total; when it is 0 but parts are not, the parts' sum (the total is a typo)."""
    total = parse_number(row["total_cost"])
    parts = [parse_number(row[name]) for name in _COST_PARTS]
    parts_sum = sum(p for p in parts if p is not None)
    amount = parts_sum if (total == 0 and parts_sum > 0) else total
    raw = f"total_cost={row['total_cost']}; " + ", ".join(f"{n}={row[n]}" for n in _COST_PARTS)
    return Cost(
        amount=amount,
        currency="USD" if amount is not None else None,
        is_free=(amount == 0) if amount is not None else None,
        raw=raw,
    )


def _location(row: Mapping[str, str]) -> str | None:
    city, county, state = (clean_text(row[k]) for k in ("city", "county", "state"))
    parts = [city, f"{county} County" if county else None, state]
    return ", ".join(p for p in parts if p) or None


def _provider_url(website: str | None) -> str | None:
    """A bare host ('www.atlantic.edu') gets the scheme every browser would assume."""
    if not website:
        return None
    return website if website.startswith(("http://", "https://")) else f"http://{website}"


def to_course(row: Mapping[str, str]) -> Course:
    """Map one CSV row; raises ``ValueError`` (pydantic's included) when it is unusable."""
    provider = clean_text(row["provider_name"])
    website = _provider_url(clean_text(row["provider_website"]))
    hours = parse_number(row["total_clock_hours"])
    calendar = clean_text(row["calendar_length"])
    duration = parse_duration_weeks(calendar)
    credits = parse_number(row["credits"])
    awarded = clean_text(row["degree_awarded"])
    licence = clean_text(row["license_awarded"]) if parse_yes_no(row["leads_to_license"]) else None
    industry_credential = clean_text(row["industry_credential"])
    description = " ".join(
        part
        for part in (
            clean_text(row["description"], max_chars=3000),
            clean_text(row["features_description"], max_chars=1000),
        )
        if part
    )
    mode = _mode(row)
    # 0 clock hours is the list's placeholder for "not reported".
    weekly = derive_weekly_hours(Range(hours, hours), duration) if hours and duration else None
    return Course(
        id=f"nj_etpl:{row['program_id'].strip()}",
        source=Source.NJ_ETPL,
        url=website,
        url_is_provider_site=website is not None,
        title=clean_text(row["official_name"]) or "",
        provider=provider,
        provider_type=classify_provider(provider)
        or (ProviderType.TRAINING_PROVIDER if provider else None),
        description=description or None,
        subject=None,
        total_hours_min=hours if hours else None,
        total_hours_max=hours if hours else None,
        total_hours_raw=f"{row['total_clock_hours'].strip()} clock hours" if hours else None,
        hours_per_week_min=weekly.low if weekly else None,
        hours_per_week_max=weekly.high if weekly else None,
        hours_per_week_raw=(
            f"{row['total_clock_hours'].strip()} clock hours / {calendar}" if weekly else None
        ),
        hours_per_week_derived=weekly is not None,
        duration_weeks_min=duration.low if duration else None,
        duration_weeks_max=duration.high if duration else None,
        duration_raw=calendar,
        mode=mode,
        # Classroom programmes run to the provider's timetable.
        pace=Pace.SCHEDULED if mode is not Mode.ONLINE else None,
        location=_location(row),
        language=detect_language(description),
        language_detected=True,
        evening_or_weekend=parse_yes_no(row["provider_offers_evening_courses"]),
        cost=_cost(row),
        credential_type=_credential(awarded),
        credential_raw=awarded,
        leads_to=LeadsTo(
            licence=licence,
            industry_credential=industry_credential,
            degree_credit=(credits > 0) if credits is not None else None,
            credits=credits,
        ),
        accreditation=clean_text(row["accreditation"]),
        industry_backed=True if (industry_credential or licence) else None,
    )
