"""The personas of eval/personas.yml against the running assistant, held to committed bars.

The bars in eval/conversation_bars.json are what the assistant achieved when they were
last set; a change that makes fewer personas reach recommendations, or makes them meet
more repeated questions, fallbacks or loops, fails here. Raise the bars as the
assistant improves (``python -m bench conversations`` prints the current figures).
"""

from __future__ import annotations

import pytest

from bench.conversation_report import bars, missed_bars, overall
from bench.persona_driver import play_all
from bench.persona_file import SLOTS, copied_phrases, load_personas
from tests.stack import Stack

MIN_PERSONAS = 40


def test_personas_are_many_varied_and_in_their_own_words() -> None:
    personas = load_personas()
    assert len(personas) >= MIN_PERSONAS
    assert copied_phrases(personas) == [], "a persona repeats a training example word for word"
    styles = {p.opening_style for p in personas}
    assert {"several_answers", "question", "greeting"} <= styles
    assert sum(p.out_of_catalog for p in personas) >= 3
    for persona in personas:
        assert set(persona.script.answers) == set(SLOTS)


def test_bars_name_figures_the_benchmarks_report() -> None:
    from bench.learner_questions import summarise
    from bench.openings import summarise as summarise_openings
    from bench.persona_eval import figures

    reported = {
        "conversation": overall([]),
        "relevance": figures([]),
        "questions": summarise([]),
        "questions_second_set": summarise([]),
        "questions_third_set": summarise([]),
        "questions_fourth_set": summarise([]),
        "questions_fifth_set": summarise([]),
        "questions_sixth_set": summarise([]),
        "questions_seventh_set": summarise([]),
        "questions_eighth_set": summarise([]),
        "questions_ninth_set": summarise([]),
        "questions_tenth_set": summarise([]),
        "questions_eleventh_set": summarise([]),
        "questions_twelfth_set": summarise([]),
        "questions_thirteenth_set": summarise([]),
        "openings": summarise_openings([]),
        "openings_second_set": summarise_openings([]),
        "openings_third_set": summarise_openings([]),
        "openings_fourth_set": summarise_openings([]),
        "openings_fifth_set": summarise_openings([]),
        "openings_sixth_set": summarise_openings([]),
        "openings_seventh_set": summarise_openings([]),
        "openings_eighth_set": summarise_openings([]),
        "openings_ninth_set": summarise_openings([]),
        "openings_tenth_set": summarise_openings([]),
        "openings_eleventh_set": summarise_openings([]),
    }
    for kind, limits in bars().items():
        for name in limits:
            assert name.startswith(("min_", "max_")), name
            assert name.removeprefix("min_").removeprefix("max_") in reported[kind], name


@pytest.mark.slow
@pytest.mark.e2e
def test_personas_reach_recommendations_at_least_as_well_as_before(stack: Stack) -> None:
    runs = play_all(stack.rasa_url, stack.rasa_token, load_personas())
    figures = overall(runs)
    assert figures["errors"] == 0, [r.stopped for r in runs if r.stopped.startswith("error")]
    missed = missed_bars(figures, bars()["conversation"])
    assert not missed, f"{missed}; all figures: {figures}"


@pytest.mark.slow
def test_persona_recommendations_are_judged_at_least_as_relevant_as_before() -> None:
    from bench.persona_eval import evaluate

    figures = evaluate(load_personas())["profile"]
    missed = missed_bars(figures, bars()["relevance"])
    assert not missed, f"{missed}; all figures: {figures}"
