"""Refine after the results: a new goal, another level, what the learner already knows."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.goal import target_of, understand_goal
from actions.recommend import present, refinement
from actions.shown import shown_courses
from advisor.formatting import join_words
from advisor.query import topic_of
from advisor.refine import parse_refinement

LEVELS = ("beginner", "intermediate", "advanced")
LEVEL_WORDS = {
    "beginner": "more introductory courses",
    "intermediate": "intermediate courses",
    "advanced": "advanced courses",
}


def next_level(current: str | None, shift: str) -> str:
    """One step up or down from the level asked for so far (none yet: beginner)."""
    index = LEVELS.index(current) if current in LEVELS else 0
    step = 1 if shift == "up" else -1
    return LEVELS[min(max(index + step, 0), len(LEVELS) - 1)]


ASK_WHAT_TO_CHANGE = (
    'What would you like instead? You can say a new topic ("I want UX research"), '
    '"more advanced", "easier", "I already know Excel", or "like #2 but cheaper".'
)


class ActionRefineGoal(Action):
    """Change the goal, the level or what to leave out, keep every other answer, search again."""

    def name(self) -> str:
        return "action_refine_goal"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        shown = shown_courses(tracker)
        wanted = parse_refinement(text, len(shown))
        if not wanted:
            dispatcher.utter_message(text=ASK_WHAT_TO_CHANGE)
            return []
        profile = slots.profile_from(tracker)
        events: list[EventType] = []
        changes: list[str] = []
        if wanted.new_goal:
            goal_events, _ = understand_goal(wanted.new_goal)
            events += goal_events
            target = target_of(wanted.new_goal)
            profile = profile.model_copy(update={"goal": target})
            changes.append(f"your goal is now “{topic_of(target)[0] or target}”")
        if wanted.known:
            known = [*profile.known_skills, *wanted.known]
            background = "; ".join(filter(None, [profile.background, *wanted.known]))
            profile = profile.model_copy(update={"known_skills": known, "background": background})
            events += [SlotSet(slots.KNOWN_SKILLS, known), SlotSet(slots.BACKGROUND, background)]
            changes.append(f"you already know {join_words(wanted.known)}")
        if wanted.level:
            level = next_level(profile.level, wanted.level)
            profile = profile.model_copy(update={"level": level})
            events.append(SlotSet(slots.LEVEL, level))
            changes.append(LEVEL_WORDS[level])
        if (wanted.level == "up" or wanted.already_seen) and shown and not wanted.new_goal:
            excluded = list(dict.fromkeys([*profile.excluded_ids, *(s.course.id for s in shown)]))
            profile = profile.model_copy(update={"excluded_ids": excluded})
            events.append(SlotSet(slots.EXCLUDED_IDS, excluded))
            changes.append("leaving out the ones you've seen")
        if wanted.constraint:
            basis = [s.course for s in shown if s.position == wanted.like_position] or [
                s.course for s in shown
            ]
            profile, sentence, constraint_events = refinement(wanted.constraint, profile, basis)
            events += constraint_events
            changes.append(sentence.rstrip(".").lower())
        intro = f"Changed: {'; '.join(changes)}. Everything else you told me stays the same."
        return events + present(dispatcher, tracker, profile, intro=intro)
