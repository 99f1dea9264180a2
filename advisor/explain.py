"""The content half of "why this course": what in the course itself serves the goal.

Each clause is checked against the course's own title, skill tags, outcomes and
description, so two courses never get the same reason unless they share the fact:
which words of the goal's topic the course names (and where), which of the goal
occupation's tools it teaches, how it relates to what the learner already knows, its
level, and the credential and quality signals the provider states. A course that names
nothing of the goal is never said to "match your goal".
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.formatting import join_words, plural
from advisor.profile import LearnerProfile
from advisor.query import split_role, topic_of
from index.schema import Course, Level, ProviderType
from index.text import STOPWORDS, stem, tokenize

MAX_WHY_SKILLS = 3
MIN_TOPIC_SHARE = 0.5  # name the topic only when the course names more than half its words
_LEVEL_WORDS = {
    Level.BEGINNER: "beginner level",
    Level.INTERMEDIATE: "intermediate level",
    Level.ADVANCED: "advanced level",
}


def goal_topic(profile: LearnerProfile) -> str:
    """The goal's topic as the search used it ('payroll' for '… free courses on payroll')."""
    goal = profile.goal or profile.background or ""
    if not goal:
        return ""
    target, _ = split_role(goal)
    return topic_of(target)[0]


def _stems(text: str) -> set[str]:
    return {stem(token) for token in tokenize(text) if token not in STOPWORDS}


def topic_clause(course: Course, topic: str) -> str:
    """'its title names payroll' / 'it covers Six Sigma and process improvement'."""
    words = [token for token in tokenize(topic) if token not in STOPWORDS]
    if not words:
        return ""
    wanted = [stem(word) for word in words]
    title = _stems(course.title)
    tags = _stems(" ".join(course.skills + ([course.subject] if course.subject else [])))
    body = _stems(" ".join([course.description or "", *course.learning_outcomes]))
    found = [w for w in wanted if w in title or w in tags or w in body]
    if len(found) <= MIN_TOPIC_SHARE * len(wanted):  # half a two-word topic says little
        return ""
    if all(w in title for w in wanted):
        return f"its title names {topic}"
    if all(w in title or w in tags for w in wanted):
        return f"it lists {topic} among its skills and title"
    if not any(w in title or w in tags for w in wanted) and not _repeated(course, wanted):
        # Named once, only in the description, is a mention, not coverage: a childcare
        # certificate whose description ends with a dental assistants' phone line does
        # not "cover dental assistant".
        named = [word for word, key in zip(words, wanted, strict=True) if key in found]
        return f"its description mentions {join_words(named)}"
    if len(found) == len(wanted):
        return f"it covers {topic}"
    named = [word for word, key in zip(words, wanted, strict=True) if key in found]
    return f"it covers {join_words(named)} from your goal"


def _repeated(course: Course, wanted: list[str]) -> bool:
    """Whether the description and outcomes name some topic word more than once."""
    text = " ".join([course.description or "", *course.learning_outcomes])
    counts: dict[str, int] = {}
    for token in tokenize(text):
        key = stem(token)
        counts[key] = counts.get(key, 0) + 1
    return any(counts.get(w, 0) > 1 for w in wanted)


def skills_clause(lacking: Sequence[str], profile: LearnerProfile, occupation: str | None) -> str:
    """'it teaches SQL and Tableau, tools Data Analysts use, which you don't have yet'."""
    if not lacking:
        return ""
    named = join_words(list(lacking[:MAX_WHY_SKILLS]))
    whose = f", tools {occupation} use" if occupation else ""
    new = " which you don't have yet" if (profile.known_skills or profile.background) else ""
    return f"it teaches {named}{whose}{new}"


def background_clause(course: Course, profile: LearnerProfile) -> str:
    """How the course stands to what the learner knows: builds on it, or starts from zero."""
    known = " ".join([profile.background or "", *profile.known_skills])
    _, role = split_role(profile.goal or "")
    known = f"{known} {role or ''}".strip()
    text = _stems(
        " ".join(
            [course.title, *course.skills, course.description or "", *course.learning_outcomes]
        )
    )
    shared = [
        token
        for token in dict.fromkeys(tokenize(known))
        if token not in STOPWORDS and stem(token) in text
    ]
    if shared and course.level in {Level.INTERMEDIATE, Level.ADVANCED}:
        return (
            f"it builds on your {join_words(shared[:2])} background at {_LEVEL_WORDS[course.level]}"
        )
    if shared:
        return f"it connects to your {join_words(shared[:2])} background"
    if course.level in _LEVEL_WORDS:
        return _LEVEL_WORDS[course.level]
    return ""


def standing_clause(course: Course) -> str:
    """The strongest credential or quality signal the provider states, if any."""
    if course.leads_to.licence:
        return f"it leads to the {course.leads_to.licence} licence"
    if course.industry_backed and course.provider:
        return f"it is backed by {course.provider}"
    if course.provider_type is ProviderType.UNIVERSITY and course.provider:
        return f"it is taught by {course.provider}"
    if course.rating is not None and course.reviews:
        return f"learners rate it {course.rating:.1f}/5 ({plural(course.reviews, 'review')})"
    return ""
