"""Follow-ups after the results, read by their wording (advisor/requests.py).

The phrasings are varied on purpose: each kind is checked with wordings other than the
ones the conversation personas use, and with near misses that must not be read as it.
"""

from __future__ import annotations

import pytest

from advisor.requests import (
    CourseAspect,
    FollowUpRequest,
    follow_up_request,
    names_a_time,
    points_at_results,
)


@pytest.mark.parametrize(
    "text",
    [
        "can you text me about these on friday",
        "ping me again in a couple of days",
        "could you get back to me next week about this?",
        "pls message me tomorrow, busy now",
        "check in with me in 2 weeks",
    ],
)
def test_asking_to_be_contacted_at_a_time_is_a_reminder(text: str) -> None:
    assert follow_up_request(text) == FollowUpRequest("set_reminder")


@pytest.mark.parametrize(
    "text",
    [
        "will unemployment pay for any of this",
        "can I get financial aid?",
        "does my employer cover it usually",
        "are any of these paid by the government",
        "is there a grant or a voucher for these",
        "wioa?",
    ],
)
def test_who_pays_is_a_funding_question(text: str) -> None:
    assert follow_up_request(text) == FollowUpRequest("ask_funding")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("is #3 actually about bookkeeping?", "bookkeeping"),
        ("do any of these cover QuickBooks", "QuickBooks"),
        ("are those even related to welding", "welding"),
        ("does the second one teach pivot tables?", "pivot tables"),
    ],
)
def test_asking_what_the_shown_courses_are_about(text: str, topic: str) -> None:
    assert follow_up_request(text) == FollowUpRequest("ask_topic", topic=topic)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("do you even have anything on forklifts?", "forklifts"),
        ("got anything for phlebotomy", "phlebotomy"),
        ("is there anything about cake decorating at all", "cake decorating"),
        ("u got courses on excel?", "excel"),
    ],
)
def test_asking_what_the_catalog_has(text: str, topic: str) -> None:
    assert follow_up_request(text) == FollowUpRequest("ask_coverage", topic=topic)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("anything nearer?", None),
        ("these are too far, any closer to Paterson", "Paterson"),
        ("any schools near Dallas instead", "Dallas"),
    ],
)
def test_asking_for_something_closer(text: str, place: str | None) -> None:
    assert follow_up_request(text) == FollowUpRequest("ask_nearer", place=place)


@pytest.mark.parametrize(
    "text",
    [
        "what skills do I still need?",
        "ok and what else would i have to learn for the job",
        "what am i missing to get hired",
        "what should I study next after these",
        # The goal restated while asking about the cards is not a new goal.
        "to become a welder, do these courses have everything or is something missing?",
    ],
)
def test_asking_what_is_still_missing_is_the_skills_question(text: str) -> None:
    assert follow_up_request(text) == FollowUpRequest("ask_skills")


def test_a_new_role_named_without_the_cards_is_left_to_the_classifier() -> None:
    assert follow_up_request("what would i need to learn to become a paramedic?") is None


def test_each_subject_of_a_which_one_question_is_kept() -> None:
    request = follow_up_request("which course does payroll and which one covers quickbooks?")
    assert request == FollowUpRequest("ask_topic", topic="payroll", more_topics=("quickbooks",))


@pytest.mark.parametrize(
    ("text", "topic"),
    [("so nothing for beekeeping?", "beekeeping"), ("no courses on welding then", "welding")],
)
def test_nothing_for_a_topic_asks_what_the_catalog_has(text: str, topic: str) -> None:
    assert follow_up_request(text) == FollowUpRequest("ask_coverage", topic=topic)


@pytest.mark.parametrize(
    "text",
    [
        "is there anything for beginners?",  # a level: the refinement's reader
        "do you have anything free",  # a constraint: a change of the budget
        "what do i need to learn to become a welder",  # a new goal: the classifier's
        "remind me",  # no time said: the reminder action asks when
        "I'd rather be close to home",
        "",
        "<script>alert(1)</script>",
    ],
)
def test_other_messages_are_left_to_the_classifier(text: str) -> None:
    assert follow_up_request(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The four questions in wordings unlike the classifier's examples.
        ("r these even worth the time or is it all on youtube for free", "ask_worth"),
        ("will spending my saturdays on #2 actually make a difference", "ask_worth"),
        ("vale la pena el segundo?", "ask_worth"),
        ("are the folks behind #1 a real school or some random site", "ask_provider"),
        ("how are the reviews on the last one", "ask_provider"),
        ("is this place legit", "ask_provider"),
        ("what does a payroll specialist need to be good at day to day", "ask_skills"),
        ("ok so whats left to learn after these", "ask_skills"),
        (
            "i feel weak in budgeting, anything here on that gap? which skills am i lacking",
            "ask_skills",
        ),
        ("cual es mejor para mi, el primero o el segundo?", "compare"),
        # Kinds a fourth blind set showed, in other words than its own.
        ("will hiring managers even look at this cert or is it just a piece of paper", "ask_worth"),
        ("is a $3 bump per hour enough, trying to figure out if the math adds up", "ask_worth"),
        ("do they pay you more after the card?", "ask_worth"),
        ("that trucking academy in laredo, any good?", "ask_provider"),
        ("the first one or udemy vs coursera which is easier", "compare"),
        ("what's the difference between these two python ones", "compare"),
        ("why is #2 even on here, it's in dallas", "why_this"),
        ("send those 3 to my email pls", "save_shortlist"),
        ("got more similar to the first one?", "more_results"),
        ("not the excel one, the others look ok", "not_interested"),
        ("none of them. tried online before and quit", "not_interested"),
        ("para trabajar de electricista que cosas me faltan?", "ask_skills"),
        ("if i pass the cna will hospitals hire me with no experience", "ask_worth"),
        ("if i do the welding cert is my pay going up or nah", "ask_worth"),
        # Kinds a fifth blind set showed, in other words than its own.
        ("how much could i earn after the coding one, i make 15 an hour now", "ask_worth"),
        ("my tio says those online certs no sirven para nada, es cierto?", "ask_worth"),
        ("honestly do clinics care about this or only about experience", "ask_worth"),
        ("what if the school goes out of business halfway through", "ask_provider"),
        ("coursera any good or is it all outdated stuff", "ask_provider"),
        ("can you line them up side by side, cost and weeks", "compare"),
        ("udemy one vs the edx one, which is better for a total beginner", "compare"),
        ("i get like 30 min a day on my lunch break, is that even enough", "ask_course"),
        ("what else am i missing for a bookkeeper job", "ask_skills"),
        ("which one of these actually teaches payroll", "ask_topic"),
        ("does any of the 3 cover sql or is it all theory", "ask_topic"),
        # ...and a sixth.
        ("how many skills am i missing skill wise to become a paralegal", "ask_skills"),
        ("what from retail carries over to the hr stuff", "ask_skills"),
        ("is there coding in the data one?", "ask_topic"),
        ("is a coursera cert gonna mean anything to a recruiter or is it just a pdf", "ask_worth"),
        ("2k for the welding program, does that even pay back", "ask_worth"),
        ("do offices actually hire people with the card 2 certificate", "ask_worth"),
        ("do employers even respect udemy", "ask_provider"),
        ("i heard they had layoffs, will they still be around next year?", "ask_provider"),
        ("cual es mejor el 2 o el 3 para empezar", "compare"),
        ("how come all three are self paced when i said live classes", "why_this"),
        ("is there someone i can call instead", "human_handoff"),
    ],
)
def test_the_learners_own_questions_are_read(text: str, kind: str) -> None:
    request = follow_up_request(text)
    assert request is not None and request.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "can i keep up with #3 while working doubles",
        "my kids are home after 3, is the first one doable",
        "r the classes live or recorded",
        "do i ever need to show up somewhere for #2",
        "how many hrs a week does the second one take",
        "what happens if i miss a week, can i pause",
    ],
)
def test_does_it_fit_my_life_is_read(text: str) -> None:
    assert follow_up_request(text) == FollowUpRequest("ask_course", aspect="fit")


def test_a_time_is_named_or_not() -> None:
    assert names_a_time("in 3 days")
    assert names_a_time("next week")
    assert not names_a_time("whenever you like")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the coursera one is a hard no", "not_interested"),
        ("not feeling #3 at all", "not_interested"),
        ("is the state college one accredited? work only pays for those", "ask_provider"),
        ("which one is quicker to finish, 1 or 2?", "compare"),
        ("what do i still gotta learn for this", "ask_skills"),
        ("what skills r they hiring for these days", "ask_skills"),
    ],
)
def test_more_of_the_learners_own_requests_are_read(text: str, kind: str) -> None:
    request = follow_up_request(text)
    assert request is not None and request.kind == kind


def test_a_time_said_with_this_does_not_point_at_the_courses() -> None:
    assert not points_at_results("any good tacos around here this weekend")
    assert points_at_results("is this one online")


def test_which_card_covers_a_topic_is_a_topic_check() -> None:
    assert follow_up_request("which one does the payroll stuff?") == FollowUpRequest(
        "ask_topic", topic="payroll"
    )
    assert follow_up_request("which of these covers pivot tables") == FollowUpRequest(
        "ask_topic", topic="pivot tables"
    )
    worth = follow_up_request("will #2 give me something to point to when i apply?")
    assert worth is not None and worth.kind == "ask_worth"


@pytest.mark.parametrize(
    "text",
    ["nah none of these are for me, thanks", "none of them look good tbh", "drop all three"],
)
def test_turning_down_every_card_at_once(text: str) -> None:
    assert follow_up_request(text) == FollowUpRequest("not_interested")


def test_a_request_to_do_the_paperwork_is_not_a_funding_question() -> None:
    assert follow_up_request("can you help me fill out my FAFSA") is None
    assert follow_up_request("does FAFSA cover any of these?") == FollowUpRequest("ask_funding")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # skills: any short subject, and "the gap"
        ("so what do line cooks really need to know to run a kitchen", "ask_skills"),
        ("i know excel already, is sql the gap?", "ask_skills"),
        # worth: what it leads to
        ("if i finish #1 will i actually be able to get clients", "ask_worth"),
        ("do i need a degree too or is the cert enough?", "ask_worth"),
        # provider: a name that sounds made up, in Spanish
        ("is coursera a real school or just a website?", "ask_provider"),
        ("son confiables estos cursos?", "ask_provider"),
        # compare: which one, whatever the verb, and "x vs y"
        ("which one lands me a job sooner", "compare"),
        ("2nd vs 3rd, what do you think?", "compare"),
        # why this one, in other words
        ("how come the spanish course showed up, i never asked for that", "why_this"),
        ("why did u pick the udemy one", "why_this"),
        # a person, the list
        ("can i speak with an actual advisor about this", "human_handoff"),
        ("could you text me the links so i have them", "save_shortlist"),
    ],
)
def test_requests_in_other_words(text: str, kind: str) -> None:
    request = follow_up_request(text)
    assert request is not None and request.kind == kind, request


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("would the 2nd one work on a ship with spotty wifi?", "fit"),
        ("when will i be done with #1 if i start in january", "length"),
        ("how much of the plumbing course is hands on?", "practice"),
    ],
)
def test_course_questions_in_other_words(text: str, aspect: CourseAspect) -> None:
    assert follow_up_request(text) == FollowUpRequest("ask_course", aspect=aspect)


def test_a_subject_checked_on_a_card_named_by_its_subject() -> None:
    request = follow_up_request("does the python one cover pandas or just basics?")
    assert request == FollowUpRequest("ask_topic", topic="pandas")


@pytest.mark.parametrize(
    "text",
    [
        "can you help me with my homework for the excel class",
        "ok forget welding, im thinking about electrician instead. what would that take?",
        "can i talk to people who took it?",
    ],
)
def test_not_a_request_about_the_cards(text: str) -> None:
    request = follow_up_request(text)
    assert request is None or request.kind not in {"ask_course", "human_handoff"}, request


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("i only have sundays and like 4 hrs, which of them could i actually manage", "fit"),
        ("my contract starts in june, which of these finishes in time", "length"),
        ("can i speed it up if i do 20 hrs a week?", "length"),
        ("with the 2nd one do i get an actual state license or a certificate?", "licence"),
        ("my free time is sundays, is #1 recorded?", "fit"),
    ],
)
def test_what_a_question_about_the_cards_asks(text: str, aspect: CourseAspect) -> None:
    request = follow_up_request(text)
    assert request == FollowUpRequest("ask_course", aspect=aspect)


@pytest.mark.parametrize(
    "text",
    [
        "can you help my daughter with her math homework real quick",
        "how do i fill in the i-9 my new job gave me",
        "pls take out the online ones, i need a classroom",
        "u got anything cheaper",
    ],
)
def test_tasks_and_refinements_are_not_questions_about_the_cards(text: str) -> None:
    request = follow_up_request(text)
    assert request is None or request.kind != "ask_course"


def test_a_reason_after_the_subject_is_not_part_of_it() -> None:
    request = follow_up_request("which of these 2 covers payroll taxes because my boss asked")
    assert request == FollowUpRequest("ask_topic", topic="payroll taxes")


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("only got my phone, no laptop, does the second one work", "device"),
        ("are these mostly videos? reading a lot is hard for me", "fit"),
        ("will #1 finish before summer", "length"),
        ("cuantos meses dura el primero?", "length"),
        ("what does the certificate say at the end, the school or coursera?", "licence"),
        ("does the cna one need a ged?", "level"),
        ("when does the next cohort start for #2", "schedule"),
    ],
)
def test_a_fifth_sets_course_questions_ask_their_aspect(text: str, aspect: CourseAspect) -> None:
    assert follow_up_request(text) == FollowUpRequest("ask_course", aspect=aspect)


def test_a_wage_in_the_news_is_not_a_worth_question() -> None:
    request = follow_up_request("whats minimum wage in texas rn")
    assert request is None or request.kind != "ask_worth"


@pytest.mark.parametrize(
    ("text", "kind", "aspect"),
    [
        ("why'd u put the coursera one first", "why_this", None),
        ("is that ibm cert actually from ibm or a reseller", "ask_provider", None),
        ("value for money on the nursing one?", "ask_worth", None),
        ("card 2 or card 3 for a total beginner", "compare", None),
        ("quiero hablar con una persona", "human_handoff", None),
        ("does the payroll one cover w-2s and 1099s both?", "ask_topic", None),
        ("¿me dan diploma al final del de enfermería?", "ask_course", "licence"),
        ("i move around a lot for work, which one can i take with me", "ask_course", "fit"),
    ],
)
def test_an_eighth_rounds_follow_ups_are_read_as_their_kind(
    text: str, kind: str, aspect: CourseAspect | None
) -> None:
    request = follow_up_request(text)
    assert request is not None and (request.kind, request.aspect) == (kind, aspect)


def test_sign_language_is_a_subject_not_the_language_taught_in() -> None:
    from advisor.requests import course_question

    assert course_question("is the first one american or british sign language?") != "language"
    assert course_question("is the first one taught in spanish?") == "language"


@pytest.mark.parametrize(
    ("text", "kind", "aspect"),
    [
        ("prior knowledge needed for #2?", "ask_course", "level"),
        ("is the first one math heavy? i hated algebra", "ask_course", "level"),
        ("what would i still need after the 2nd one to be a shift lead", "ask_skills", None),
        ("wich one teaches payroll", "ask_topic", None),
        ("what's the difference in content between card 1 and card 3?", "compare", None),
        ("do dental offices even care about a certificate like that?", "ask_worth", None),
        ("how long till i could get hired after the google one", "ask_worth", None),
        ("only 12 reviews and 5 stars? kinda sus", "ask_provider", None),
        (
            "do they have an actual campus or are they online only? want to know they exist",
            "ask_provider",
            None,
        ),
        ("has anybody complained about the provider of card 3", "ask_provider", None),
        ("¿quién respalda el primer curso?", "ask_provider", None),
        ("can i do it in 20 minute chunks on my lunch break?", "ask_course", "fit"),
    ],
)
def test_a_ninth_rounds_follow_ups_are_read_as_their_kind(
    text: str, kind: str, aspect: CourseAspect | None
) -> None:
    request = follow_up_request(text)
    assert request is not None and (request.kind, request.aspect) == (kind, aspect)


@pytest.mark.parametrize(
    ("text", "kind", "aspect", "place"),
    [
        ("se puede hacer desde el celular?", "ask_course", "device", None),
        ("can i stop halfway and come back later if work gets crazy", "ask_course", "fit", None),
        ("am i too old to start this", "ask_worth", None, None),
        ("so theres nothing in ohio?", "ask_nearer", None, "ohio"),
        ("how much math does the statistics part assume?", "ask_course", "level", None),
    ],
)
def test_follow_ups_from_the_tenth_personas_are_read(
    text: str, kind: str, aspect: CourseAspect | None, place: str | None
) -> None:
    request = follow_up_request(text)
    assert request is not None and (request.kind, request.aspect, request.place) == (
        kind,
        aspect,
        place,
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The tenth blind set of follow-up questions, as learners typed them.
        ("so excel isnt enough?", "ask_skills"),
        ("i know excel pretty well, what else do i actually need to learn", "ask_skills"),
        ("can u get a job with just a certificate no degree", "ask_worth"),
        ("how much do data analysts make after doing one of these", "ask_worth"),
        ("be honest is the first one good value for the price", "ask_worth"),
        ("¿de verdad sirve alguno de estos para conseguir trabajo?", "ask_worth"),
        (
            "if i spend 500 bucks on this is anyone going to hire me over a 22 yr old",
            "ask_worth",
        ),
        ("how do i know these are decent and kept up to date", "ask_provider"),
        ("meh none of these really grab me", "not_interested"),
        ("can i use workforce money for a farrier school", "ask_funding"),
    ],
)
def test_follow_ups_in_the_learners_words(text: str, kind: str) -> None:
    request = follow_up_request(text)
    assert request is not None and request.kind == kind


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("¿cuál de los tres enseña SQL?", "SQL"),
        ("does any of them do dashboards. my boss keeps asking", "dashboards"),
        ("do i need to know sql for these or do they teach it", "sql"),
    ],
)
def test_whether_the_cards_teach_a_subject(text: str, topic: str) -> None:
    request = follow_up_request(text)
    assert request is not None and request.kind == "ask_topic" and request.topic == topic


@pytest.mark.parametrize(
    "text", ["do any of them do payment plans", "can you get me something cheaper"]
)
def test_payment_plans_and_other_courses_are_not_subjects(text: str) -> None:
    request = follow_up_request(text)
    assert request is None or request.kind != "ask_topic"


def test_an_old_chromebook_asks_about_the_device() -> None:
    request = follow_up_request("my laptop is super old and slow, chromebook actually. can i do it")
    assert request is not None and request.aspect == "device"


@pytest.mark.parametrize(
    ("text", "kind", "aspect"),
    [
        # The eleventh blind set of follow-up questions, as learners typed them.
        ("how much do entry level data analysts make", "ask_worth", None),
        (
            "ok but realistically will any of these get me hired?? i dont want to waste my $",
            "ask_worth",
            None,
        ),
        (
            "is the certifcate from #1 recognized by employers or is it just a pdf",
            "ask_course",
            "licence",
        ),
        ("can i put it on linkedin?", "ask_course", "licence"),
        ("if u had to pick one which one", "compare", None),
        ("por qué me recomiendas el primero?", "why_this", None),
        ("no me convence ninguno, la verdad", "not_interested", None),
        (
            "can u email me these 3 so i can look later, on my lunch break rn",
            "save_shortlist",
            None,
        ),
        (
            "5 hrs a week is really more like 3 some weeks with the kids... is that ok or will i "
            "fall behind",
            "ask_course",
            "fit",
        ),
    ],
)
def test_follow_ups_of_the_eleventh_set_are_read(
    text: str, kind: str, aspect: CourseAspect | None
) -> None:
    request = follow_up_request(text)
    assert request is not None and (request.kind, request.aspect) == (kind, aspect)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("does the google one have python in it or is it just spreadsheets", ("python",)),
        (
            "¿el curso 1 enseña power bi o tableau? en mi trabajo usan power bi",
            ("power bi", "tableau"),
        ),
        ("does the 2nd one cover tableau or power bi?", ("tableau", "power bi")),
    ],
)
def test_each_subject_asked_about_is_checked(text: str, topics: tuple[str, ...]) -> None:
    request = follow_up_request(text)
    assert request is not None and request.kind == "ask_topic"
    assert (request.topic, *request.more_topics) == topics


@pytest.mark.parametrize(
    "text",
    [
        "are there free ones",
        "actually thinking maybe project management instead? what do u have for that",
    ],
)
def test_other_courses_asked_for_are_not_questions_about_these(text: str) -> None:
    assert follow_up_request(text) is None


def test_is_there_anything_for_a_subject_asked_in_spanish_checks_the_catalog() -> None:
    request = follow_up_request("hay algo para escribir emails profesionales?")
    assert request is not None and request.kind == "ask_coverage"
    assert request.topic == "escribir emails profesionales"
