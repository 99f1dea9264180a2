"""Goal -> occupation: 'I want to become a data analyst' -> Data Scientists / BI Analysts.

Two signals, because each fails alone. Title phrases (from O*NET's occupation,
reported and alternate titles) are precise but miss paraphrases ('get into data
analytics'); embeddings catch paraphrases but drift on short goals. A title
phrase found in the goal earns a bonus on top of the semantic similarity.

The learner's *current* role ('I'm an accountant and …') is cut from the goal
first, so the matcher looks for where they want to go, not where they are.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from index.occupations.model import Occupation, TechnologySkill
from index.text import STOPWORDS, stem, tokenize

Encode = Callable[[list[str]], npt.NDArray[np.float32]]

TITLE_BONUS = 0.25  # a multi-word title phrase in the goal outweighs a small semantic edge
SINGLE_WORD_BONUS = 0.1  # one-word titles ('Teacher') are weaker evidence
# Alternate titles are many and loose ('Data Analyst' is listed under six occupations),
# so similarity to the official title breaks their ties.
OFFICIAL_TITLE_WEIGHT = 0.3
GENERIC_SKILL_SHARE = 0.2  # tools used by more occupations than this say little about one
MIN_SCORE = 0.65  # below this the goal is about a skill or topic, not an occupation
MAX_PHRASE_TOKENS = 6
MATCH_CACHE_SIZE = 1024  # goals remembered (a few KB each)

_CURRENT_ROLE = re.compile(
    r"\b(?:i'?m|i am|i work as|working as|currently(?: an?)?|as an? (?=\w+ (?:who|and)))"
    r"\s+(?:an?\s+|the\s+)?(?P<role>[\w\s/&-]{2,60}?)(?=\s*(?:,|\.|;| and | but | who | looking |"
    r" wanting | trying | interested |$))",
    flags=re.IGNORECASE,
)

# "moving from retail into IT support": the role before "into/to" is where they are now.
_FROM_ROLE = re.compile(
    r"\bfrom\s+(?:an?\s+|the\s+|my\s+)?(?P<role>[\w\s/&-]{2,40}?)\s+(?=(?:into|to)\b)",
    flags=re.IGNORECASE,
)


@dataclass(frozen=True)
class OccupationMatch:
    """A candidate occupation for a goal, with how it was recognised."""

    occupation: Occupation
    score: float
    matched_title: str | None  # the O*NET title found in the goal, if any


def split_current_role(goal: str) -> tuple[str, str | None]:
    """Cut the learner's current role out of the goal.

    "I'm an accountant and want data analytics" -> ("and want data analytics", "accountant").
    """
    match = _CURRENT_ROLE.search(goal) or _FROM_ROLE.search(goal)
    if match is None:
        return goal, None
    remainder = (goal[: match.start()] + " " + goal[match.end() :]).strip()
    # Nothing left means the sentence only named a role ('I am a nurse'): keep it as the goal.
    if not [t for t in tokenize(remainder) if t not in STOPWORDS]:
        return goal, None
    return remainder, match.group("role").strip()


def _phrase_key(text: str) -> tuple[str, ...]:
    return tuple(stem(token) for token in tokenize(text))


class OccupationMatcher:
    """Ranks O*NET occupations for a free-text goal."""

    def __init__(
        self,
        occupations: Sequence[Occupation],
        encode: Encode,
        title_vectors: npt.NDArray[np.float32],
        title_owner: npt.NDArray[np.int32],
    ) -> None:
        self.occupations = list(occupations)
        self._encode = encode
        self._title_vectors = title_vectors
        self._title_owner = title_owner = np.asarray(title_owner)
        # titles_of() lists the official title first, so each owner's first row is it.
        first_rows = np.flatnonzero(np.r_[True, title_owner[1:] != title_owner[:-1]])
        self._official_rows = first_rows
        # Each occupation's titles are one contiguous run, in occupation order, so the best
        # title per occupation is one ``maximum.reduceat`` over the runs (``maximum.at``
        # over ~61k titles cost ~35 ms a goal).
        self._runs_in_order = len(first_rows) == len(self.occupations) and bool(
            np.array_equal(title_owner[first_rows], np.arange(len(self.occupations)))
        )
        self._matches: dict[tuple[str, int], list[OccupationMatch]] = {}
        self._phrases: dict[tuple[str, ...], set[int]] = {}
        for position, occupation in enumerate(self.occupations):
            for title in self.titles_of(occupation):
                key = _phrase_key(title)
                if key and len(key) <= MAX_PHRASE_TOKENS:
                    self._phrases.setdefault(key, set()).add(position)
        # How many occupations use each tool: Excel is everywhere and says little.
        self._skill_frequency = Counter(
            skill.name.lower() for o in self.occupations for skill in o.technology_skills
        )

    @staticmethod
    def titles_of(occupation: Occupation) -> list[str]:
        """The titles the matcher embeds and looks for: official, reported, alternate."""
        seen = dict.fromkeys(
            [occupation.title, *occupation.reported_titles, *occupation.alternate_titles]
        )
        return list(seen)

    def key_skills(self, occupation: Occupation, limit: int = 8) -> list[TechnologySkill]:
        """The occupation's most telling tools: in demand or hot, and specific to the role."""
        total = len(self.occupations)

        specific = [
            skill
            for skill in occupation.technology_skills
            if self._skill_frequency[skill.name.lower()] <= GENERIC_SKILL_SHARE * total
        ]
        flagged = [skill for skill in specific if skill.hot or skill.in_demand]

        def weight(skill: TechnologySkill) -> tuple[int, float]:
            # Demand first; among equals, the tools shared with more roles are the
            # mainstream ones worth learning (Tableau before a niche vendor's suite).
            return (
                2 * skill.in_demand + skill.hot,
                math.log(self._skill_frequency[skill.name.lower()]),
            )

        return sorted(flagged or specific, key=weight, reverse=True)[:limit]

    @classmethod
    def title_table(cls, occupations: Sequence[Occupation]) -> tuple[list[str], list[int]]:
        """Every title with the index of the occupation it belongs to (for embedding)."""
        titles: list[str] = []
        owners: list[int] = []
        for position, occupation in enumerate(occupations):
            for title in cls.titles_of(occupation):
                titles.append(title)
                owners.append(position)
        return titles, owners

    def _title_hits(self, goal: str) -> dict[int, tuple[int, str]]:
        """Occupations whose title phrase appears in the goal -> (phrase length, phrase)."""
        tokens = tokenize(goal)
        keys = [stem(t) for t in tokens]
        hits: dict[int, tuple[int, str]] = {}
        for size in range(MAX_PHRASE_TOKENS, 0, -1):
            for start in range(len(keys) - size + 1):
                key = tuple(keys[start : start + size])
                if size == 1 and key[0] in STOPWORDS:
                    continue
                for position in self._phrases.get(key, ()):
                    if position not in hits:
                        hits[position] = (size, " ".join(tokens[start : start + size]))
        return hits

    @staticmethod
    def focus_of(goal: str) -> str:
        """What is embedded for a goal: its content words without the current role.

        "I want to become a data analyst" -> "data analyst". Public so a caller can embed
        it together with its other query texts in one model call.
        """
        target, _ = split_current_role(goal)
        return " ".join(t for t in tokenize(target) if t not in STOPWORDS)

    def match(
        self,
        goal: str,
        limit: int = 3,
        *,
        vector: npt.NDArray[np.float32] | None = None,
    ) -> list[OccupationMatch]:
        """Best occupations for the goal, strongest first; empty when none is convincing.

        ``vector`` is the embedding of ``focus_of(goal)`` when the caller already has it.
        Matches are remembered per goal focus: every page and refinement of one
        conversation asks again for the same goal.
        """
        focus = self.focus_of(goal)
        if not focus:
            return []
        key = (focus, limit)
        if key not in self._matches:
            if len(self._matches) >= MATCH_CACHE_SIZE:
                self._matches.pop(next(iter(self._matches)))
            self._matches[key] = self._match(focus, limit, vector)
        return list(self._matches[key])

    def clear_cache(self) -> None:
        """Forget remembered matches (benchmarks time the matching every time)."""
        self._matches.clear()

    def _match(
        self, focus: str, limit: int, vector: npt.NDArray[np.float32] | None
    ) -> list[OccupationMatch]:
        query = self._encode([focus])[0] if vector is None else vector.reshape(-1)
        similarities = self._title_vectors @ query
        if self._runs_in_order:
            best = np.maximum.reduceat(similarities, self._official_rows)
        else:
            best = np.full(len(self.occupations), -1.0, dtype=np.float32)
            np.maximum.at(best, self._title_owner, similarities)
        scores = best.astype(np.float64)
        scores += OFFICIAL_TITLE_WEIGHT * similarities[self._official_rows]
        hits = self._title_hits(focus)
        # One word of a longer goal is weak evidence: "engineer" in "ML engineer" is not
        # the rail-yard "Engineer", nor "administrator" in "Salesforce administrator" an
        # administrative services manager. A one-word title counts when it is at least
        # half of what the goal names ("licensed electrician", "CNA").
        words = len(focus.split())
        hits = {p: hit for p, hit in hits.items() if hit[0] > 1 or 2 * hit[0] >= words}
        for position, (size, _) in hits.items():
            scores[position] += TITLE_BONUS if size > 1 else SINGLE_WORD_BONUS
        order = np.argsort(-scores)[:limit]
        return [
            OccupationMatch(
                occupation=self.occupations[i],
                score=float(scores[i]),
                matched_title=hits[i][1] if i in hits else None,
            )
            for i in order
            if scores[i] >= MIN_SCORE
        ]
