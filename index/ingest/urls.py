"""Compare course links across sources without changing the links themselves.

The catalog keeps each URL byte for byte (judgments are keyed by it); only the key
used to recognise the same course in two listings is normalised.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def url_key(url: str) -> str:
    """'https://www.coursera.org/learn/x/?specialization=y#top' -> 'coursera.org/learn/x'.

    Scheme, 'www.', letter case, a trailing slash, the query and the fragment do not
    change which course a platform page shows (Coursera's '?specialization=' only says
    from where it was reached), so they are dropped from the key.
    """
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/').lower()}"


def is_site_root(url: str) -> bool:
    """True for a link to a site's home page ('https://www.simplilearn.com/'), not a course."""
    return urlsplit(url.strip()).path.strip("/") == ""


def with_scheme(website: str | None) -> str | None:
    """A bare host ('www.atlantic.edu') gets the scheme every browser would assume."""
    if not website:
        return None
    return website if website.startswith(("http://", "https://")) else f"http://{website}"
