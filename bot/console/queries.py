"""A labelled query's identity: the search text plus the filters it ran under.

The same words under different filters return different courses, so labels must not
be shared between them. The id is a hash of a canonical form (defaults dropped, sets
sorted), so it is stable across processes and across new Filters fields with defaults.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from index.filters import Filters

QUERY_ID_PREFIX = "c"  # console queries, distinct from the development set's d01…
QUERY_ID_HEX = 12


def canonical_filters(filters: Filters) -> dict[str, Any]:
    """The filters as JSON with only non-default fields and sets as sorted lists."""
    raw = filters.model_dump(mode="json", exclude_defaults=True)
    return {
        name: sorted(value) if isinstance(value, list) else value
        for name, value in sorted(raw.items())
    }


def query_id(text: str, filters: Filters) -> str:
    """'c' + 12 hex digits of SHA-256 over the text and canonical filters."""
    canonical = json.dumps(
        {"text": text.strip(), "filters": canonical_filters(filters)},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return QUERY_ID_PREFIX + digest[:QUERY_ID_HEX]
