"""Texas Workforce Commission Eligible Training Provider List (03.20.2024).

Vocational programmes, many taught on a campus: contact hours, weeks, delivery method,
required cost, credential and O*NET occupations. Read from the committed CSV that
``index.ingest.twc_extract`` derives from the state's workbook without contact data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from index.ingest.language import detect_language
from index.ingest.parsing import (
    Range,
    clean_text,
    derive_weekly_hours,
    parse_number,
)
from index.ingest.providers import classify_provider
from index.ingest.twc_extract import CSV_NAME
from index.ingest.urls import is_site_root, with_scheme
from index.schema import Cost, Course, CredentialType, LeadsTo, Mode, Pace, ProviderType, Source

FILE_NAME = CSV_NAME

_MODES = {"In-person": Mode.IN_PERSON, "Hybrid": Mode.BLENDED, "Distance Education": Mode.ONLINE}
_CREDENTIALS = {
    "Industry recognized certificate or certification": CredentialType.PROGRAM_CERTIFICATE,
    "Community college certificate of completion": CredentialType.CERTIFICATE_OF_COMPLETION,
    "Certificate of completion of an apprenticeship": CredentialType.CERTIFICATE_OF_COMPLETION,
    "Associates Degree": CredentialType.DEGREE,
    "Baccalaureate degree": CredentialType.DEGREE,
    "No credential - employment only": CredentialType.NONE,
}
_PROVIDER_TYPES = {
    "Higher Ed -majority of credentials awarded are associates degrees": ProviderType.COLLEGE,
    "Higher Ed -majority of credentials awarded are Community college certificate of "
    "completion": ProviderType.COLLEGE,
    "Higher Ed -majority of credentials awarded are baccalaureate or higher degrees": (
        ProviderType.UNIVERSITY
    ),
    "Private for-profit": ProviderType.TRAINING_PROVIDER,
    "Private non-profit": ProviderType.TRAINING_PROVIDER,
    "National Apprenticeship": ProviderType.TRAINING_PROVIDER,
}
_COST_PARTS = ("Required Cost: Tuition & Fees", "Required Cost: Books & Supplies")
_COST_RAW = (
    *_COST_PARTS,
    "(Description) Required Cost: Tuition & Fees",
    "(Description) Required Cost: Books & Supplies",
    "Optional Cost",
    "(Description) Optional Cost",
    "(Out Of District) Cost: Tuition & Fees",
)
_ONET_COLUMNS = tuple(f"Occupation Code (ONET {n})" for n in (1, 2, 3))
_ONET = re.compile(r"(\d{2})(\d{4})(\d{2})")
# A link is a bare host or host/path ('www.tvcc.edu', 'www.x.org/YouthBuild'): no spaces, no '@'.
_BARE_LINK = re.compile(r"[\w-]+(?:\.[\w-]+)+(?:/\S*)?")


def _url(text: str | None) -> str | None:
    """An http(s) link as given, a bare host with the scheme added; page titles, e-mail
    addresses and malformed schemes ('http:www…') are not links: null."""
    if not text:
        return None
    if text.startswith(("http://", "https://")):
        return text if " " not in text else None
    return with_scheme(text) if _BARE_LINK.fullmatch(text) else None


def _positive(text: str) -> float | None:
    """Contact hours and weeks: 0 and 'ERROR' mean not reported."""
    value = parse_number(text)
    return value if value else None


def _cost(row: Mapping[str, str]) -> Cost:
    """Required cost = tuition & fees + books & supplies; optional costs are not required."""
    parts = [parse_number(row[name]) for name in _COST_PARTS]
    amount = None if any(p is None for p in parts) else sum(p for p in parts if p is not None)
    raw = "; ".join(f"{name}={row[name].strip()}" for name in _COST_RAW if row[name].strip())
    return Cost(
        amount=amount,
        currency="USD" if amount is not None else None,
        is_free=(amount == 0) if amount is not None else None,
        raw=raw or None,
    )


def _name_case(name: str | None) -> str | None:
    return name.title() if name and name.isupper() else name


def _location(row: Mapping[str, str]) -> str | None:
    """'Houston, Harris County, TX': the shape of the NJ records, so one filter reads both.

    Names typed in capitals ('ARLINGTON') are written in title case like the others.
    """
    city = _name_case(clean_text(row["Campus City"]))
    county = _name_case(clean_text(row["Campus County"]))
    state = clean_text(row["Campus State"])
    parts = [city, f"{county} County" if county else None, state.upper() if state else None]
    return ", ".join(p for p in parts if p) or None


def _occupations(row: Mapping[str, str]) -> list[str]:
    """'47211100' -> '47-2111.00' (O*NET-SOC), in the list's order, without repeats."""
    codes: list[str] = []
    for column in _ONET_COLUMNS:
        match = _ONET.fullmatch(row[column].strip())
        if match:
            code = f"{match.group(1)}-{match.group(2)}.{match.group(3)}"
            if code not in codes:
                codes.append(code)
    return codes


def to_course(row: Mapping[str, str]) -> Course:
    """Map one CSV row; raises ``ValueError`` (pydantic's included) when it is unusable."""
    provider = clean_text(row["ProviderName"])
    hours_raw = row["Length: Contact Hours"].strip()
    weeks_raw = row["Length: Weeks"].strip()
    hours = _positive(hours_raw)
    weeks = _positive(weeks_raw)
    weekly = (
        derive_weekly_hours(Range(hours, hours), Range(weeks, weeks)) if hours and weeks else None
    )
    mode = _MODES.get(row["Delivery Method"].strip())
    outcome = clean_text(row["Program Outcome"])
    credential_name = clean_text(row["Associted Credential Name"])
    licensed = outcome == "Government license"
    url = _url(clean_text(row["Program URL"]))
    programme = clean_text(row["Program Name"]) or ""
    description = clean_text(row["Program Description"], max_chars=3000)
    return Course(
        id=f"twc_etpl:{row['Program ID'].strip()}",
        source=Source.TWC_ETPL,
        url=url,
        url_is_provider_site=is_site_root(url) if url else False,
        title=programme,
        provider=provider,
        provider_type=classify_provider(provider)
        or _PROVIDER_TYPES.get(row["Institution Type"].strip()),
        description=description,
        total_hours_min=hours,
        total_hours_max=hours,
        total_hours_raw=f"{hours_raw} contact hours" if hours else None,
        hours_per_week_min=weekly.low if weekly else None,
        hours_per_week_max=weekly.high if weekly else None,
        hours_per_week_raw=f"{hours_raw} contact hours / {weeks_raw} weeks" if weekly else None,
        hours_per_week_derived=weekly is not None,
        duration_weeks_min=weeks,
        duration_weeks_max=weeks,
        duration_raw=f"{weeks_raw} weeks" if weeks else None,
        mode=mode,
        # Classroom and hybrid programmes run to the provider's timetable.
        pace=Pace.SCHEDULED if mode in (Mode.IN_PERSON, Mode.BLENDED) else None,
        location=_location(row),
        language=detect_language(f"{programme}. {description or ''}"),
        language_detected=True,
        cost=_cost(row),
        credential_type=_CREDENTIALS.get(outcome or ""),
        credential_raw=" — ".join(p for p in (outcome, credential_name) if p) or None,
        leads_to=LeadsTo(
            licence=(credential_name or outcome) if licensed else None,
            industry_credential=(
                credential_name
                if outcome == "Industry recognized certificate or certification"
                else None
            ),
            degree_credit=True
            if outcome in ("Associates Degree", "Baccalaureate degree")
            else None,
        ),
        occupation_codes=_occupations(row),
        industry_backed=(
            True
            if outcome in ("Government license", "Industry recognized certificate or certification")
            else None
        ),
    )
