"""Every tunable of the recommendation pipeline, in one place.

The figures were chosen on the development judgments (/work/shared/eval) and on the
personas, never on single example queries; docs/search-quality.md records what each
one was measured at.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AdvisorWeights:
    """How the advisor scores, floors and pages its recommendations."""

    dense: float = 0.85  # cosine of the goal's topic to the course text
    lexical: float = 0.15  # BM25F of the topic, scaled by its best score in the catalog
    popularity: float = 0.03  # log-scaled enrolments: a gentle prior, not a vote
    other_language_penalty: float = 0.1  # a course in another language than the goal's
    # Relevance floor on the cosine of the goal's bare topic ("payroll") to the course:
    # below it a course does not serve the goal, whatever fills the page. Calibrated on
    # the 561 judged dev pairs: at 0.35 it keeps 92% of grade >= 2 and drops 83% of
    # grade 0 (0.30: 96% / 75%; 0.40: 84% / 92%). The goal sentence's cosine is not
    # used for this: its filler words lift every course (0.40 dropped only 79%).
    relevance_floor: float = 0.35
    # Browsing floor: courses between it and the relevance floor (same agreement test)
    # are listed after every relevant course that fits, and only when the relevant ones
    # fill the first page, so they never reach the page the advisor recommends from.
    browse_floor: float = 0.30
    # The agreement test: the course's BM25F for the topic, as a share of the best in the
    # catalog, must reach this (it names the topic's words, weighted by field)...
    agreement_share: float = 0.25
    # ...and the words it names carry this share of the topic's IDF mass ("funeral
    # service": naming only "service" is not agreement; without it, when no course names
    # the rare word, the best partial match scaled to 1 and customer-service courses
    # passed). At 0.3: dev unchanged (0.861 / 0.857), personas success@3 0.822 -> 0.844,
    # precision@3 0.667 -> 0.694; 0.35 and 0.4 cost dev (0.4: 0.854) for nothing more;
    # 0.5 emptied five more first pages.
    coverage_share: float = 0.3
    # ...unless the topic's cosine alone is this high (paraphrase: "UX" ~ "user experience").
    meaning_alone_floor: float = 0.5
    # ...raised to the closest course's cosine minus this gap (0 switches it off).
    meaning_alone_gap: float = 0.2
    # A course not naming the topic's rarest word (of any subject it joins: "Linux and
    # shell scripting") must reach this BM25F share instead, or the meaning-alone floor:
    # naming the common word of a two-word goal is not serving it ("Phlebotomy
    # Technician" for a pharmacy technician, "Truck Model" for truck dispatching).
    # At 0.45: personas (63) precision@3 0.662 -> 0.690, grade-0 0.086 -> 0.062,
    # success@3 unchanged; dev three sources 0.859 unchanged, whole 0.861 -> 0.860.
    # 0 switches it off.
    unnamed_lexical_floor: float = 0.45
    # A course naming only part of the topic's words (of every subject it joins) must
    # reach this topic cosine: "Case Studies in Macro Economics" names "macro" of "excel
    # macros" at 0.38. At 0.4: personas (63) precision@3 0.682 -> 0.698, grade-0 0.060
    # -> 0.040; dev three sources 0.859 -> 0.860, whole 0.860 -> 0.857 (0.38: no change
    # either way). 0 switches it off.
    partial_meaning_floor: float = 0.4
    # Place: when the learner has not said where they are (no town, no in-person mode),
    # a course taught on site may be one they cannot attend; it stays relevant but ranks
    # below courses anyone can take by this much.
    place_unknown_penalty: float = 0.1  # dev whole catalog 0.827 -> 0.845, three unchanged
    # Level (profile.level, or a level word in the goal): a soft preference among
    # relevant courses; most listings state no level and stay where they are.
    level_match_bonus: float = 0.04  # the course states the level asked for
    level_mismatch_penalty: float = 0.06  # it states a level two steps away (beginner/advanced)
    level_near_penalty: float = 0.02  # it states the neighbouring level
    # Background: a course nearer what the learner already knows (background, known
    # skills, current role) than the goal's topic is pushed down by this share of the gap.
    # Off: 0.3-1.0 left dev unchanged or cost 0.003 (floor 0.30), so it buys nothing yet.
    known_push_down: float = 0.0
    # A course nearer what the learner already is than the goal by this much of cosine,
    # whose title does not name the goal, teaches what they have: not relevant (a CNA
    # going for LPN is not shown a nurse-aide programme). 0 switches it off.
    already_held_margin: float = 0.1
    # O*NET tasks of the goal occupation (when the goal names one) mixed into the
    # sentence's vector with this share.
    task_expansion: float = 0.0
    task_count: int = 5
    # Constraints the provider leaves unstated: each one costs this much of the score,
    # instead of putting every known fit of a tier before them. Off: the courses known
    # to fit come first, as learners were promised (a free-only learner must not meet a
    # course whose price is not stated above one known to be free). Measured at 0.03 on
    # 81 personas, re-judged: precision@3 0.689 -> 0.772, success@3 0.840 -> 0.852 (the
    # ASL learner saw an ASL course of unstated price before "Sign Language Science").
    unknown_penalty: float = 0.0
    # The title's coverage of the topic's IDF mass, added to the score with this weight.
    title: float = 0.0
    # On-topic tier: a relevant course whose title names this share of the topic's IDF
    # mass ("Dental Assistant" for "dental assistant"; not "Child Care Development
    # Certificate", whose description names "assistant") comes before relevant courses
    # that only mention the topic, within the same constraint standing. 0 switches it off.
    on_topic_title_share: float = 0.6
    # A title-only record whose title does not name the topic is not relevant at all
    # (unless its meaning alone is very close): it had only its title to show relevance.
    # On since the coverage share (0.3) and the job-hunt framing: personas grade-0 0.054
    # -> 0.045, precision@3 0.712 -> 0.718, dev three sources 0.857 -> 0.859 (whole
    # unchanged); a massage-therapy learner is no longer shown a physical-therapy aide
    # programme whose one-line description is a CIP title, but gets the massage
    # programmes that break only the location. Naming the goal's rarest word also counts
    # (ranking.py), so "Dental Radiography" stays for a would-be dental assistant.
    thin_must_name: bool = True
    # ...or be this close in meaning: a one-line record ("OSHA | Industrial Safety
    # Technology/Technician") sits near any goal that shares one generic word with it
    # ("emergency medical technician": 0.55), where a described course would not.
    # 0.5 (the meaning-alone floor) -> 0.6: personas tuned / blind5 / blind6 / blind7
    # success@3 0.840 / 0.731 / 0.846 / 0.692 -> 0.840 / 0.769 / 0.846 / 0.692, grade-0
    # 0.037 / 0.049 / 0.028 / 0.038 -> 0.037 / 0.051 / 0.014 / 0.021; dev whole 0.857
    # unchanged, three sources 0.860 -> 0.858. 0.65 cost the tuned personas 0.013.
    thin_meaning_floor: float = 0.6
    # A described record is on topic without naming it when the topic's cosine reaches
    # this (0 = every described relevant record is). Off: 0.4 / 0.45 / 0.5 cost dev
    # whole-catalog nDCG@10 0.861 -> 0.854 / 0.839 / 0.831 for persona precision@3
    # 0.692 -> 0.705 / 0.734 / 0.750 (with more unjudged courses shown).
    on_topic_meaning: float = 0.0
    # A course for the other side of the desk (teaching a subject, when the learner wants
    # to learn it; learning it, when they want to teach it) is not relevant.
    teaching_audience: bool = True
    # Courses in another language than the learner's come after every other relevant one.
    foreign_last: bool = True
    # Known fits before every course with an unstated value, the tiers applying within
    # each (True); or the tiers first, each with its known fits first (False). Tiers
    # first: a programme that names the topic but leaves its weekly hours unstated (said
    # on its card) comes before a known fit that only touches the topic. Personas:
    # success@3 0.711 -> 0.800, grade-0 share 0.093 -> 0.056; dev unchanged.
    known_fits_first: bool = False
    nearest_topics: int = 4  # topics offered when the catalog has nothing on the goal
    max_offers: int = 3  # relevant courses shown that break only the binding constraint
