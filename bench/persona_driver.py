"""``python -m bench conversations``: every persona talks to the assistant, end to end.

Each persona of ``eval/personas.yml`` speaks over Rasa's REST channel the way that
person would. The driver is adaptive rather than a fixed list of lines: after every
bot turn it reads the conversation tracker through Rasa's HTTP API to learn which
question is open (``requested_slot``) and answers *that* question with the persona's
answer for it, so a reordered interview or a question skipped because the opening
message already answered it does not derail the script. It stops at the first course
cards, sends the persona's follow-ups, and records what went wrong on the way:
questions asked again after being answered, fallbacks, out-of-scope refusals and
"didn't catch that" replies to in-scope messages, and loops (a turn cap).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import bot_replies
from bench.persona_file import SLOTS, Persona, load_personas
from bench.rasa_target import rasa_parser, with_rasa
from bot.gateway import RasaGateway, RasaUnavailableError
from bot.gateway_sync import BlockingGateway

TURN_CAP = 25  # learner messages before the first cards; beyond this it is a loop
# What a learner says when every question they were asked is answered and nothing comes,
# in turn (people rephrase rather than repeat themselves).
NUDGES = (
    "so what courses would you suggest for me?",
    "ok can you show me the courses now",
    "results please",
)


@dataclass
class Turn:
    """One learner message and what the bot did with it."""

    sent: str
    answering: str | None  # the slot the learner meant to answer, if any
    requested_before: str | None
    requested_after: str | None
    replies: list[str]
    kinds: list[str]  # repair replies (bench.bot_replies.KINDS)
    course_ids: list[str]
    nothing_found: bool = False  # the bot said it has no course for this learner
    offer_ids: list[str] = field(default_factory=list)  # shown as breaking one constraint
    repeated: bool = False  # the bot asked again the question this message answered
    ms: float = 0.0


@dataclass
class FollowUp:
    """A message after the results and the bot's reply to it."""

    sent: str
    replies: list[str]
    kinds: list[str]
    course_ids: list[str]
    offer_ids: list[str] = field(default_factory=list)


@dataclass
class PersonaRun:
    """One persona's whole conversation, and the figures drawn from it."""

    persona_id: str
    opening_style: str
    sender: str
    out_of_catalog: bool = False  # the honest answer is "nothing on that"
    reached_recommendations: bool = False  # course cards came, fitting or offered
    first_results_only_offers: bool = False  # none fit: only courses breaking one limit
    turns_to_first_recommendations: int | None = None
    repeated_questions: int = 0
    asked_what_opening_said: int = 0  # questions whose answer was in the first message
    fallbacks: int = 0
    out_of_scope: int = 0
    not_understood: int = 0
    nudges: int = 0
    nothing_found_replies: int = 0  # "I couldn't find any course on …" and the like
    stopped: str = ""  # recommendations | nothing_found | turn_cap | error: …
    courses_shown: list[str] = field(default_factory=list)
    offers_shown: list[str] = field(default_factory=list)
    slots_at_recommendations: dict[str, Any] = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)
    after_results: list[FollowUp] = field(default_factory=list)

    def count(self, kinds: list[str]) -> None:
        """Add a turn's repair replies to the totals."""
        self.fallbacks += kinds.count("fallback")
        self.out_of_scope += kinds.count("out_of_scope")
        self.not_understood += kinds.count("not_understood")


def _filled(slots: dict[str, Any]) -> dict[str, Any]:
    return {name: slots.get(name) for name in SLOTS if slots.get(name) is not None}


def _next_slot(requested: str | None, slots: dict[str, Any]) -> str | None:
    """The question to answer: the open one, else the goal until it is known."""
    if requested in SLOTS:
        return requested
    if slots.get("goal") is None:
        return "goal"
    return None


class Conversation:
    """One persona talking until the first recommendations (or the cap), then following up."""

    def __init__(self, rasa: BlockingGateway, persona: Persona, turn_cap: int = TURN_CAP) -> None:
        self.rasa = rasa
        self.persona = persona
        self.turn_cap = turn_cap
        self.run = PersonaRun(
            persona_id=persona.id,
            opening_style=persona.opening_style,
            out_of_catalog=persona.out_of_catalog,
            sender=f"persona-{persona.id}-{uuid.uuid4().hex[:8]}",
        )
        self.attempts: dict[str, int] = {}
        self.answered: set[str] = set()

    def _turn(self, text: str, answering: str | None, requested: str | None) -> Turn:
        started = time.perf_counter()
        messages = self.rasa.turn(self.run.sender, text)
        ms = (time.perf_counter() - started) * 1000
        said = bot_replies.texts(messages)
        slots = self.rasa.tracker(self.run.sender, events=False).slots
        after = slots.get("requested_slot")
        turn = Turn(
            sent=text,
            answering=answering,
            requested_before=requested,
            requested_after=after,
            replies=said,
            kinds=bot_replies.kinds_of(said),
            course_ids=bot_replies.course_ids(messages),
            offer_ids=bot_replies.course_ids(messages, offers=True),
            ms=round(ms, 1),
        )
        turn.nothing_found = bot_replies.says_nothing_found(said)
        results = bool(turn.course_ids or turn.offer_ids)
        turn.repeated = after is not None and after in self.answered and not results
        if answering is not None:
            self.answered.add(answering)
        if turn.repeated:
            self.run.repeated_questions += 1
        if after in self.persona.opening_covers and after not in self.answered:
            self.run.asked_what_opening_said += 1
        self.run.count(turn.kinds)
        self.run.turns.append(turn)
        self._last_messages = messages
        self._slots = slots
        return turn

    def _variants(self, slot: str) -> list[str]:
        """The persona's ways to answer; for the goal, then their goal and its bare topic,
        which is how people retry when a goal is not taken."""
        variants = list(self.persona.script.answers[slot])
        if slot == "goal":
            for extra in (self.persona.goal_in_own_words, self.persona.constraints.goal_topic):
                if extra not in variants:
                    variants.append(extra)
        return variants

    def _answer(self, slot: str) -> str:
        variants = self._variants(slot)
        attempt = self.attempts.get(slot, 0)
        self.attempts[slot] = attempt + 1
        if attempt < len(variants):
            return variants[attempt]
        # Out of ways to say it: press the bot's skip button when offered, as people do.
        if bot_replies.has_skip_button(self._last_messages):
            return "/skip"
        return variants[-1]

    def _nudge(self) -> str:
        """No question open and no courses: ask for them, and every other time say the
        goal again (the bot may have misread it; people restate rather than wait)."""
        restated = (self.persona.goal_in_own_words, self.persona.constraints.goal_topic)
        if self.run.nudges % 2 == 1:
            return restated[(self.run.nudges // 2) % len(restated)]
        return NUDGES[(self.run.nudges // 2) % len(NUDGES)]

    def interview(self) -> None:
        """From the opening message to the first course cards, or the turn cap."""
        turn = self._turn(self.persona.script.opening, None, None)
        while not (turn.course_ids or turn.offer_ids):
            if len(self.run.turns) >= self.turn_cap:
                self.run.stopped = "turn_cap"
                return
            requested = self._slots.get("requested_slot")
            slot = _next_slot(requested, self._slots)
            if turn.nothing_found:
                # An honest "nothing": the person restates their goal once (the bot may
                # have misread it), and takes a second "nothing" as the answer.
                self.run.nothing_found_replies += 1
                if self.run.nothing_found_replies > 1:
                    self.run.stopped = "nothing_found"
                    return
                turn = self._turn(self.persona.goal_in_own_words, "goal", requested)
                continue
            if slot is None:
                turn = self._turn(self._nudge(), None, requested)
                self.run.nudges += 1
            else:
                turn = self._turn(self._answer(slot), slot, requested)
        self.run.reached_recommendations = True
        self.run.first_results_only_offers = not turn.course_ids
        self.run.turns_to_first_recommendations = len(self.run.turns)
        self.run.stopped = "recommendations"
        self.run.slots_at_recommendations = _filled(self._slots)
        self._shown(turn.course_ids, turn.offer_ids)

    def _shown(self, ids: list[str], offers: list[str]) -> None:
        for course_id in ids:
            if course_id not in self.run.courses_shown:
                self.run.courses_shown.append(course_id)
        for course_id in offers:
            if course_id not in self.run.offers_shown:
                self.run.offers_shown.append(course_id)

    def follow_up(self) -> None:
        """The persona's messages after seeing results (sent even when none came)."""
        for text in self.persona.script.after_results:
            messages = self.rasa.turn(self.run.sender, text)
            said = bot_replies.texts(messages)
            reply = FollowUp(
                sent=text,
                replies=said,
                kinds=bot_replies.kinds_of(said),
                course_ids=bot_replies.course_ids(messages),
                offer_ids=bot_replies.course_ids(messages, offers=True),
            )
            self.run.count(reply.kinds)
            self._shown(reply.course_ids, reply.offer_ids)
            self.run.after_results.append(reply)

    def play(self) -> PersonaRun:
        """The whole conversation; Rasa failing is recorded, not raised."""
        try:
            self.interview()
            self.follow_up()
        except RasaUnavailableError as error:
            self.run.stopped = f"error: {type(error).__name__}: {error}"
        return self.run


def play_all(
    url: str, token: str, personas: list[Persona], turn_cap: int = TURN_CAP
) -> list[PersonaRun]:
    """Every persona in turn against the Rasa at ``url`` (one at a time: 2 shared cores)."""
    with BlockingGateway(RasaGateway(url, token=token)) as rasa:
        return [Conversation(rasa, persona, turn_cap).play() for persona in personas]


def transcript(run: PersonaRun) -> str:
    """The conversation as text: what the learner said, which question was open, the replies."""
    lines = [f"=== {run.persona_id} ({run.stopped})"]
    for turn in run.turns:
        mark = " [REPEATED]" if turn.repeated else ""
        lines.append(f"> {turn.sent}   (answering {turn.answering}; open: {turn.requested_before})")
        lines += [f"  < {text}" for text in turn.replies]
        lines.append(
            f"    open now: {turn.requested_after}{mark} {turn.kinds or ''} {turn.course_ids or ''}"
        )
    for follow in run.after_results:
        lines.append(f"> {follow.sent}")
        lines += [f"  < {text}" for text in follow.replies]
    return "\n".join(lines)


def as_dicts(runs: list[PersonaRun]) -> list[dict[str, Any]]:
    """The runs as JSON-ready dictionaries."""
    return [asdict(run) for run in runs]


def main(*, quick: bool = False, argv: list[str] | None = None) -> dict[str, Any]:
    """Play the personas against ``--url`` or a fresh embedded deployment; report."""
    from bench.conversation_report import RESULTS_FILE, summarise, write

    parser = rasa_parser("python -m bench conversations")
    parser.add_argument("--persona", action="append", help="only these persona ids")
    parser.add_argument("--file", type=Path, default=None, help="another persona file")
    parser.add_argument("--turn-cap", type=int, default=TURN_CAP)
    parser.add_argument("--transcripts", action="store_true", help="print every exchange")
    args = parser.parse_args(argv or [])
    personas = load_personas(args.file) if args.file else load_personas()
    if args.persona:
        personas = [p for p in personas if p.id in set(args.persona)]
    if quick:
        personas = personas[:5]
    runs = with_rasa(
        args.url,
        args.token,
        lambda url, token: play_all(url, token, personas, args.turn_cap),
        "personas",
    )
    if args.transcripts:
        for run in runs:
            print(transcript(run))
    partial = quick or bool(args.persona) or args.file is not None
    return write(summarise(runs), RESULTS_FILE, quick=partial)
