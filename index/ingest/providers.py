"""Classify a provider by its name, only where the name says it plainly."""

from __future__ import annotations

import re

from index.schema import ProviderType

_UNIVERSITY = re.compile(
    r"\b(university|universit[àäéy]|universidad|universitat|universidade|école|ecole|"
    r"polytechnic|institute of technology|college london|school of|eth zurich|epfl|"
    r"mit\b|massachusetts institute)",
    flags=re.IGNORECASE,
)
_COLLEGE = re.compile(r"\b(community college|county college|college)\b", flags=re.IGNORECASE)

# Organisations in these catalogs that are employers rather than schools. Their
# certificates count as industry-backed evidence of value.
INDUSTRY_PROVIDERS = frozenset(
    {
        "google",
        "google cloud",
        "ibm",
        "meta",
        "microsoft",
        "amazon web services",
        "aws",
        "salesforce",
        "intuit",
        "atlassian",
        "adobe",
        "sas",
        "cisco",
        "deeplearning.ai",
        "linux foundation",
        "the linux foundation",
        "isc2",
        "pmi",
        "project management institute",
        "autodesk",
        "unity",
        "tableau learning partner",
        "splunk inc.",
        "mongodb inc.",
        "vmware",
        "oracle",
        "red hat",
        "databricks",
        "amazon",
        "goldman sachs",
        "google career certificates",
    }
)


def is_industry_provider(name: str | None) -> bool:
    """True for the employers listed above (case-insensitive exact name)."""
    return name is not None and name.strip().lower() in INDUSTRY_PROVIDERS


def classify_provider(name: str | None) -> ProviderType | None:
    """University / college / company from the name; None when the name does not say."""
    if not name:
        return None
    if is_industry_provider(name):
        return ProviderType.COMPANY
    if _UNIVERSITY.search(name):
        return ProviderType.UNIVERSITY
    if _COLLEGE.search(name):
        return ProviderType.COLLEGE
    return None
