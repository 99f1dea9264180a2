"""Goals as people type them, around the topic: the topic searched is the subject alone.

Written as learners put goals in a chat or on a Q&A site (a question, an age, a boss, a
trailing "where do I start?"), not in the assistant's own phrasing. The pipeline is the
one the actions use: the target of the goal (actions.goal.target_of), then the query.
"""

from __future__ import annotations

import pytest

from actions.goal import target_of
from advisor.profile import LearnerProfile
from advisor.query import build_query


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        ("I'm 35 and thinking about becoming a paralegal, where should I start?", "paralegal"),
        ("How can I become a certified medical assistant in New Jersey?", "medical assistant"),
        (
            "I'm a nurse and want to get into health informatics, any suggestions?",
            "health informatics",
        ),
        ("Which certification is best for a beginner in cloud computing?", "cloud computing"),
        ("my boss wants me to learn power bi", "power bi"),
        ("my aunt is a nurse and says i should get phlebotomy", "phlebotomy"),
        ("could anyone recommend a good power bi course", "power bi"),
        ("if i get my servsafe i can get promoted", "servsafe"),
        ("want to switch from retail manager to a career in data analytics", "data analytics"),
        ("trying to get out of teaching and into instructional design", "instructional design"),
        ("plumbing school in the dallas area", "plumbing"),
        ("quiero estudiar para ser asistente medica", "medical assistant"),
        ("flebotomia en laredo tx cuanto cuesta", "phlebotomy"),
        ("quickest honest way to get my ccna", "ccna"),
        ("could a bank teller switch to cybersecurity", "cybersecurity"),
        ("market my salon on instagram instead of paying someone", "marketing on instagram"),
        ("get qualified to teach adult literacy", "teach adult literacy"),
        ("a deep learning course that counts for grad credit", "deep learning"),
        ("the 20 hours i need to apply for the ccna exam", "ccna"),
        ("learn quickbooks online for my cleaning business", "quickbooks online"),
        ("I need to learn QuickBooks for my small business", "QuickBooks"),
        ("how to start a career in cybersecurity with no experience", "cybersecurity"),
        ("can I become a electrician without going back to school", "electrician"),
        (
            "Thinking of switching careers into UX design after 10 years in retail, what do I "
            "need?",
            "UX (user experience) design",
        ),
        ("what is the fastest way to get a CDL license", "CDL (commercial driver's license)"),
        (
            "Help me find a course in digital marketing, I'm a small business owner",
            "digital marketing",
        ),
        ("I keep hearing about machine learning, where do I begin?", "machine learning"),
        ("need OSHA 30 for my construction job", "OSHA 30"),
        (
            "interested in becoming a pharmacy tech, are there programs near Dallas?",
            "pharmacy tech",
        ),
        ("good beginner course for graphic design?", "graphic design"),
        ("want a real bootcamp to become a web dev", "web dev"),
        ("I need a certificate to work as a pharmacy tech", "pharmacy tech"),
        (
            "better charts for grant reports, we're a nonprofit with no money",
            "charts for grant reports",
        ),
        # A purpose after the topic, an aim of the learner's own, a second aim.
        ("sql to automate the monthly numbers", "sql"),
        (
            "I want to get my CDL and work for a freight company",
            "CDL (commercial driver's license)",
        ),
        ("photoshop so I can grow my etsy shop", "photoshop"),
        ("a welding certificate while I keep my day job", "welding"),
        # Whose role, how much, how real.
        ("become my company's safety officer", "safety officer"),
        ("enough python to automate reports", "python"),
        ("how do I get started as a barber", "barber"),
        ("I want to be a proper electrician", "electrician"),
        ("I want to get into real estate", "real estate"),
        ("instagram ads for my bakery", "instagram ads"),
        # Idioms and Spanish subject words, as the catalog writes them.
        ("I'd like to keep my own books", "bookkeeping"),
        ("quiero estudiar contabilidad", "accounting"),
        ("necesito aprender computacion para mi trabajo", "computers"),
        # Questions around the goal, who asked for it, trailing clauses, the town.
        ("is there any way to learn bookkeeping for free", "bookkeeping"),
        ("are there classes in trenton to become a medical assistant?", "medical assistant"),
        ("my supervisor says i need to get my forklift card", "forklift card"),
        ("how does someone become a pharmacy tech", "pharmacy tech"),
        ("data analysis, my job is all spreadsheets now", "data analysis"),
        ("phlebotomy classes near camden nj", "phlebotomy"),
        ("powerpoint class maybe", "powerpoint"),
        ("do my own payroll", "payroll"),
        ("wanting the AWS SAA cert", "AWS Solutions Architect Associate"),
        ("wanting to get my CCNA", "CCNA"),
        ("aiming for the PMP", "PMP"),
        ("going for my comptia a+ cert", "comptia a+"),
        ("after the Security+ this spring", "Security+"),
        ("improve my english for get a better job", "english (English as a second language)"),
        ("python for getting my first job", "python"),
        ("learn the computer so i can email my grandkids", "digital literacy"),
        ("get better with my phone and the internet", "digital literacy"),
        ("basic computer skills", "digital literacy"),
        ("learn python on my laptop", "python on my laptop"),
        ("computer science", "computer science"),
        ("hey how do i get into cyber security", "cyber security"),
        ("want to switch careers - how do i become a paralegal", "paralegal"),
        ("quiero ser electricista pero no se donde empezar", "electrician"),
        ("phlebotomy over summer break", "phlebotomy"),
        ("econ classes online", "economics"),
        ("something with healthcare that pays better than retail", "healthcare"),
        ("spanish for my patients", "spanish"),
        ("quickbooks training for accountants", "quickbooks"),
    ],
)
def test_the_topic_is_the_subject_alone(goal: str, topic: str) -> None:
    assert build_query(LearnerProfile(goal=target_of(goal)), None).topic == topic
