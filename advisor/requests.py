"""What a message after the results asks for, in words the intent classifier may not know.

Learners follow up in their own words: "can you message me about this again in 3
days?", "is there anything the state pays for?", "are any of these actually about
funeral service?", "so do you actually have anything for tattooing?", "anything
closer to Houston?". The classifier, trained on typical phrasings, is often unsure of
these and the learner would be told the question is out of scope. Each kind here is
recognised by its own marked wording (a contact verb with a time, a payer with a pay
verb, "any of these about", "do you have anything on", "closer to"), so a match is a
request of that kind whatever the classifier guessed. Pure functions of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from advisor.answers import names_a_card, names_every_card, turns_down_every_card
from advisor.extract import is_goal_statement
from advisor.normalise import tidy
from advisor.reminders import reminder_time

RequestKind = Literal[
    "set_reminder",
    "ask_funding",
    "ask_topic",
    "ask_coverage",
    "ask_nearer",
    "ask_skills",
    "ask_worth",
    "ask_provider",
    "ask_course",
    "compare",
    "not_interested",
    "why_this",
    "save_shortlist",
    "human_handoff",
    "more_results",
]
# What a question about the courses on screen asks (see ``course_question``).
CourseAspect = Literal[
    "fit",
    "distance",
    "schedule",
    "language",
    "device",
    "level",
    "length",
    "cost",
    "licence",
    "practice",
    "listing",
]

_CONTACT = re.compile(
    r"\b(?:remind|message|text|ping|contact|email|e-mail|write|get back to|check (?:in|back) "
    r"(?:on|with)|follow up with|reach out to|nudge|bring (?:this|it|these) (?:back|up))\b",
    re.IGNORECASE,
)
_PAYER = (
    r"(?:the )?(?:state|government|gov(?:'t)?|unemployment|workforce(?: board)?|wioa|"
    r"one[- ]stop|job cent(?:er|re)|career ?one ?stop|my employer|employer|my job|work|"
    r"someone else|a program(?:me)?|(?:a )?grant|(?:a )?voucher)"
)
_FUNDING = re.compile(
    rf"\b(?:financial aid|fafsa|pell(?: grant)?|wioa|scholarships?|grants?|vouchers?|"
    rf"tuition (?:assistance|reimbursement)|funding|funded|subsidi[sz]\w*|"
    # "can i use workforce money for a farrier school"
    rf"(?:workforce|wioa|state|government|gov(?:'t)?|gi bill|va|unemployment) (?:money|funds?|"
    rf"dollars|benefits?)|"
    rf"{_PAYER}\b[^.?!]{{0,40}}\b(?:pays?|paid|paying|covers?|covered|funds?|sponsors?\w*|"
    rf"reimburses?\w*)|(?:pay|paid|cover\w*|fund\w*)\s+(?:for\s+)?(?:by|through|with|from)\s+"
    rf"{_PAYER})\b",
    re.IGNORECASE,
)
# Doing the learner's paperwork is not a question about paying for the courses:
# "can you help me fill out my FAFSA" is declined, not answered with grants.
_PAPERWORK = re.compile(
    r"\b(?:fill(?:ing)? (?:out|in)|complete|submit|file|write|sign up for) (?:my |the |a |an )?"
    r"(?:fafsa|application|form|paperwork|essay|taxes)\b|\b(?:do|finish|write|take) my "
    r"(?:fafsa|homework|assignment|essay|paper|quiz|exam|test|taxes|application)\b|"
    r"\bhelp (?:me )?with my (?:essay|homework|assignment|paper|taxes)\b|"
    r"\bfill(?:ing)? (?:out |in )?(?:my |the |a |an |this )?(?:w-?4|w-?2|w-?9|1040|i-?9|1099|"
    r"tax forms?)\b|\bhelp (?:me )?with (?:my |his |her |their )?(?:\w+'?s )?(?:algebra|math|"
    r"homework|essay|assignment|science project)\b",
    re.IGNORECASE,
)
_ABOUT = r"(?:actually |really |even |at all |specifically )?"
_TOPIC_VERBS = (
    r"(?:about|on|for|in|related to|covering|teaching|to do with|cover|teach|include|"
    r"deal with|talk about|go into|touch on|mention|show me how to (?:do|write|make|use)?|"
    r"teach me (?:how )?to (?:do|write|make|use)?|help (?:me )?with|go over|explain)"
)
_THESE = (
    r"(?:any|some|one|none|either|all|each|both) of (?:these|those|them|the (?:courses?|ones?|"
    r"results?|classes|programs?|cards?|3|three|2|two))|these|those|they|"
    r"the (?:courses?|ones?|results?)|"
    r"(?:course |number |no\.? )?#?\s?\d|it|this one|that one|the (?:first|second|third|last) one|"
    r"(?:the|that) (?:[\w-]+ ){1,3}(?:one|course|class|program|programme|thing|card)|"
    r"the (?:1st|2nd|3rd|first|second|third|last) (?:card|course|class|program|option)"
)
_TOPIC_CHECK = re.compile(
    rf"\b(?:are|is|do|does|will|would|can)\s+(?:{_THESE})\s+{_ABOUT}{_TOPIC_VERBS}\s+"
    rf"(?P<topic>[^?!.,]{{2,80}})|"
    # "does the google one have python in it or is it just spreadsheets"
    rf"\b(?:do|does)\s+(?:{_THESE})\s+{_ABOUT}(?:have|has)\s+(?!(?:an?|any|the|some|much|many|"
    rf"enough|to|it|them|that|this)\b)(?P<topic7>[\w+# ]{{2,40}}?)\s+in (?:it|them|there)\b|"
    # "which one does the excel stuff?", "which of these covers payroll taxes?"
    rf"\bwh?ich (?:one(?: of (?:these|them|those|the \w+))?|course|card|class|program|"
    rf"of (?:these|them|those|the \w+))(?: \d| three| two)?\s+{_ABOUT}"
    rf"(?:does|do|covers?|"
    rf"teach(?:es)?|"
    rf"has|is about|goes into|deals with)\s+(?:the\s+)?(?P<topic2>[^?!.,]{{2,60}}?)"
    rf"(?:\s+stuff|\s+part|\s+bit)?(?=\s+and\b|[?!.,]|$)|"
    # "is there math in the cybersecurity one??"
    # "¿cuál de los tres enseña SQL?"
    rf"\bcu[aá]l(?:es)? de (?:los|estos|esos|ellos|las|estas)(?: (?:tres|3|dos|2|cursos|"
    rf"clases))? (?:enseñ[ao]n?|cubren?|incluyen?|tienen?|ve[n]?) (?P<topic4>[^?!.,]{{2,60}})|"
    # "¿el curso 1 enseña power bi o tableau?"
    rf"\b(?:el|la) (?:(?:curso|clase|programa|opci[oó]n) #?\d|primer[oa]?|segund[oa]|tercer[oa]?|"
    rf"[uú]ltim[oa]) (?:enseñ[ao]|cubre|incluye|tiene|ve) (?P<topic6>[^?!.,]{{2,60}})|"
    # "does any of them do dashboards", "do these do power bi"
    rf"\b(?:do|does)\s+(?:any|one|either|all|each|both) of (?:these|those|them|the \w+)\s+do\s+"
    rf"(?!(?:an? |any )?(?:payment|financ|discount|military|student|veteran|refund|install)\w*)"
    rf"(?P<topic5>[^?!.,]{{2,60}})|"
    rf"\b(?:is|are) there (?:any )?(?!(?:much|many|a lot|lots|enough|too|more)\b)"
    rf"(?P<topic3>[\w+# ]{{2,30}}?) "
    rf"(?:in|on) (?:the (?:\w+ ){{1,3}}(?:one|course|class|program)|this one|that one|#?\d|"
    rf"card #?\d|these|those|them|it)\b",
    re.IGNORECASE,
)
# Knowing a subject first, or being taught it: "do i need to know sql for these or do they
# teach it".
_KNOW_OR_TAUGHT = re.compile(
    r"\bneed to know (?P<topic>[\w+# ]{2,40}?) (?:already |first )?(?:for|before) "
    r"(?:these|those|them|it|this|the \w+(?: one)?)\b[^?!.]*\b(?:teach|cover)(?:es)? "
    r"(?:it|that|this)\b",
    re.IGNORECASE,
)
_COVERAGE = re.compile(
    rf"\b(?:do|does|did|can|could)?\s*(?:you|u|ya|this|the catalog|your catalog)\s+{_ABOUT}"
    rf"(?:have|got|offer|carry|know (?:of|about)|find|show me)\s+(?:anything|any(?:thing)?"
    rf"(?: \w+)?|something|courses?|classes|programs?|programmes?|training)\s+{_ABOUT}"
    rf"(?:for|on|about|in|related to|with|covering|to do with)\s+(?P<topic>[^?!.]{{2,80}})|"
    rf"^(?:so |ok |and |hey )?(?:got|any)\s+(?:anything|courses?|classes|programs?)\s+"
    rf"(?:for|on|about|in)\s+(?P<topic3>[^?!.]{{2,80}})|"
    rf"^(?:(?:so|ok|okay|and|hmm+|wait)[, ]+)*(?:nothing|no courses?|no classes|no programs?|"
    rf"none)\s+(?:at all\s+)?(?:for|on|about|in)\s+(?P<topic4>[^?!.]{{2,80}})|"
    rf"\b(?:is there|are there)\s+(?:anything|any(?: \w+)?|something)\s+{_ABOUT}"
    rf"(?:for|on|about|related to|covering|to do with)\s+(?P<topic2>[^?!.]{{2,80}})|"
    # "¿hay algo para escribir emails profesionales?"
    rf"\bhay (?:algo|alg[uú]n curso|cursos?|clases?)\s+(?:para|de|sobre)\s+"
    rf"(?P<topic5>[^?!.]{{2,80}})",
    re.IGNORECASE,
)
_NEARER = re.compile(
    r"\b(?:(?:closer|nearer|close|less far)(?:\s+(?:to|from|by)\s+|\b)|near\s+(?:to\s+)?)"
    r"(?P<place>[A-Za-z][A-Za-z .'-]{1,40})?",
    re.IGNORECASE,
)
# "so there's nothing in georgia?": a place asked about, after an empty or far page.
_NOTHING_IN = re.compile(
    r"\b(?:nothing|anything|none|no (?:courses?|classes|programs?|programmes?|schools?|options?))"
    r"\s+(?:in|near|around|out in)\s+(?!person\b|the (?:evening|morning|afternoon)|spanish\b|"
    r"english\b|my\b|your\b|it\b|there\b|here\b)(?P<place>[A-Za-z][A-Za-z .'-]{1,40})",
    re.IGNORECASE,
)
_NEARER_CUE = re.compile(
    r"\b(?:anything|something|any(?:one| ones?| courses?| schools?| programs?)?|one|ones|"
    r"courses?|classes|schools?|programs?|programmes?|options?)\b[^?!.]{0,20}\b"
    r"(?:closer|nearer|near(?:by)?|close (?:to|by)|less far)\b|\b(?:too far|far away|long drive|"
    r"long commute)\b",
    re.IGNORECASE,
)
# "What else do I need to learn?" after the results asks about the goal already given;
# "what do I need to become a nurse?" names a new one and is left to the classifier.
_SKILLS_LEFT = re.compile(
    r"\bwhat (?:(?:else|more|other skills|skills)\s+)?(?:do|would|should|will|must) i "
    r"(?:still |also |actually |really )?(?:need to|have to|gotta|got to) (?:learn|know|study|"
    r"pick up)|"
    # "so excel isnt enough?": a skill the learner has, asked whether it suffices
    r"^\W*(?:(?:so|but|and|wait|hmm+)\W+)?(?!(?:that|it|this|time|money|budget|hours?)\b)"
    r"[a-z+#]+(?: [a-z+#]+)? (?:alone |by itself )?(?:isn'?t|is ?nt|is not|not) enough\b|"
    # "is excel enough or am i gonna need python for analyst jobs"
    r"^\W*(?:(?:so|but|and|wait|hmm+)\W+)?is (?!(?:that|it|this|time|money|budget)\b)"
    r"(?:[a-z+#]+ )?(?!(?:close|near|far|good|long|short|cheap|big|fast|quick|early|soon|old|"
    r"young|high|low)\b)[a-z+#]+ (?:alone |by itself |on its own )?enough\b|"
    r"\b(?:gonna|going to|will i|would i) (?:also |still |even |really )?need [a-z+#]+"
    r"(?: [a-z+#]+)? (?:for|to get|to land)\b|"
    r"\bwhat (?:skills|qualifications) (?:r|are|do|would|will) (?:they|employers|companies|"
    r"people|you)\b|"
    r"\bwhat (?:am i|i'?m|else am i) (?:still )?missing|"
    r"\bwhat (?:else|skills|other skills) (?:do|would|will) i (?:still |also )?need\b|"
    r"\bwhat should i (?:learn|study) (?:after|next)|\bwhat(?:'s| is) (?:still )?missing\b|"
    # "what would i still need after card 1 to actually be a lead teacher"
    r"\bwhat (?:would|do|will) i (?:still |also )?need (?:after|besides|beyond|on top of|"
    r"other than)\b|"
    # "what do I actually need to know to get hired", "what does a PM need to be good at",
    # "what I must learn that I not know", "what's left to learn", "skills gap?"
    r"\bwhat (?:do|does|would|will) (?:i|you|one|some(?:one|body)|(?:a|an|the) \w+(?: \w+)?|"
    r"\w+(?: \w+){0,2}) "
    r"(?:actually |really |still |even )?(?:need|have|got) to (?:know|learn|be good at|"
    r"have|master)\b(?!.*\bbefore\b)|\bwhat i (?:must|need to|have to) learn\b|"
    r"\b(?:what'?s|what is|anything) left to learn\b|\bskills?[- ]gaps?\b|"
    r"\b(?:missing|lacking|lack) (?:any )?(?:skills|stuff|anything)\b|"
    r"\bstill (?:be )?missing\b|\b(?:the|my) (?:skills? )?gap\b|"
    r"\b(?:something|anything|what) (?:is |'s )?missing\b|"
    r"\b(?:i'?m|i am|i feel|i'?m kinda) (?:weak|bad|behind) "
    r"(?:at|in|on)\b|\b(?:skills|what) (?:am i|i'?m) (?:still )?(?:lacking|missing)\b|"
    r"\bwhat (?:do )?(?:employers|companies|hiring managers|recruiters) (?:look|want|"
    r"expect|ask)|\bhabilidades\b|\bqu[eé] me falta\b|\b(?:skills|cosas) me faltan\b|"
    r"\bqu[eé] (?:necesito|debo) aprender\b|\bnecesito saber\b|"
    r"\b(?:more|else|anything) (?:that )?(?:i'?m|im|i am) (?:still )?missing\b|"
    # "am i even ready for this lol i only know excel": whether what they know suffices
    r"\bam i (?:even |really |actually )?(?:ready|qualified|prepared)\b|"
    r"\b(?:i'?d|i would|i'?ll|i will) (?:still )?(?:need|have) to (?:learn|know)\b|"
    # "what from trucking actually carries over to the logistics stuff"
    r"\bcarr(?:y|ies) over\b|\btransferable\b",
    re.IGNORECASE,
)
# "Is it worth it?" in the learner's words: the money, the time, what it leads to.
_WORTH_ASKED = re.compile(
    r"\bworth\b|\bworthwhile\b|\bvale la pena\b|"
    r"\b(?:cost|price) (?:vs\.?|versus|and|or) value\b|"
    r"\bvalue for (?:the |my )?money\b|\bbang for (?:the|my|your) buck\b|"
    r"\bpay (?:off|for itself)\b|\broi\b|"
    r"\breturn on\b|\binvestment\b|\bjustif(?:y|ied|iable)\b|\bwaste (?:of )?(?:my )?"
    r"(?:time|money)\b|\b(?:change|make) (?:anything|a difference)\b|\bkidding myself\b|"
    r"\b(?:get|gets|got|getting|land|landed|help me get) (?:me )?(?:a |the )?(?:job|raise|"
    r"promotion|hired)\b|\bbump (?:up )?(?:my |the )?pay\b|\bpay bump\b|\bpointless\b|"
    r"\bjust (?:learn|watch) (?:it|this|that) on youtube\b|\buseless\b|"
    # "do hotels even care about a hospitality management certificate", "how long till i
    # could land a help desk job"
    r"\b(?:do|does|will|would) (?:\w+ ){1,2}(?:even |really |actually )?(?:care|value) "
    r"(?:about|for) (?:a|an|the|this|that|these|those)\b|"
    r"\b(?:too old|too late|am i too)\b[^?.!]{0,20}\b(?:to|for)\b|"
    r"\bhow long (?:till|until|before|after)\b[^?.!]{0,40}\b(?:job|hired|work|raise|"
    r"promotion)\b|"
    r"\bget out of (?:it|this|that|the)\b|\bnice[- ]to[- ]have\b|\bpoint to when\b|"
    r"\b(?:help|count) (?:me )?when i apply\b|\bwill i (?:\w+ )?be able to (?:get|find|land|"
    r"freelance|work|make|earn|charge|start|quit)\b|\bdo i (?:still |also )?need a degree\b|"
    # "do employers actually care about this certificate", "or is it just paper", "pay me
    # more", "does the math work out", "still gonna want a bachelors"
    r"\b(?:employers?|companies|hiring managers|recruiters|bosses)\b[^?.!]{0,25}\b(?:care|value|"
    r"respect|recogni[sz]e|look at|accept)\b|\bjust (?:a )?(?:piece of )?paper\b|"
    r"\bpay (?:me |us |you )?more\b|\b(?:a |any )?raise\b|\bmore (?:an|per|a) hour\b|"
    r"\bmath (?:works?|add|adds) (?:out|up)\b|\b(?:want|need|require)s? (?:a |my )?"
    r"(?:bachelors?|degree|college degree)\b|\bany different\b|"
    r"\b(?:will|would|do|does) (?:they|employers?|companies|anyone|people|shops|hospitals) "
    r"hire me\b|"
    r"\bpay (?:go(?:es|ing)? up|increase)|\b(?:earn|make) more\b|\bmore money\b|"
    # "what would i make after the pharmacy tech one", "esos certificados no sirven pa nada"
    r"\b(?:what|how much) (?:would|will|could|can|do|does) (?:i|you|one|people) (?:make|earn|"
    r"get paid)\b|\b(?:salary|salaries|paycheck)\b|\bno sirven?\b|\bsirven? (?:de|pa|"
    r"para) (?:algo|nada)\b|\bvalen? (?:algo|la pena)\b|"
    # "is anyone going to hire me over a 22 yr old", "can u get a job with just a certificate",
    # "how much do data analysts make after…", "good value for the price", "¿sirve alguno
    # de estos para conseguir trabajo?"
    r"\b(?:is|are|will) (?:anyone|anybody|employers?|companies|people) (?:going to|gonna|"
    r"actually|really|even) (?:hire|pick|take) me\b|\bhire me over\b|"
    r"\b(?:get|land|find) (?:a |an |the )?(?:\w+ )?job with (?:just|only)\b|"
    r"\b(?:what|how much) (?:would|will|could|can|do|does) (?:\w+ ){1,4}(?:make|earn|get paid)\b|"
    r"\bgood value\b|\bvalue for (?:the )?(?:price|cost|money)\b|"
    r"\bsirv\w*\b[^?.!]{0,40}\b(?:trabajo|empleo|chamba)\b|"
    r"\bconseguir (?:un )?(?:trabajo|empleo)\b|"
    r"\bmean anything\b|\bjust a pdf\b|\bpays? (?:itself )?back\b|\baudit (?:it )?(?:for )?free\b|"
    r"\b(?:clinics?|hospitals?|employers?|companies|shops|offices|firms)\b[^?.!]{0,25}\bhire\b|"
    r"\b(?:hospitals?|clinics?|shops?|contractors?|firms?|schools?|anyone|people)\b[^?.!]{0,25}"
    r"\b(?:care|value|respect|recogni[sz]e|accept)s? (?:about|for)?\b",
    re.IGNORECASE,
)
# "Is the provider any good?": who runs it and whether they are trusted.
_PROVIDER_ASKED = re.compile(
    r"\b(?:resell\w*|middle ?m[ae]n|third[- ]party)\b|\bactually (?:from|by|made by|run by)\b|"
    # "do employers in canada recognize this provider?": the provider's standing.
    r"\b(?:recogni[sz]e|trust|respect|heard of|know)s? (?:this|that|the|these) (?:provider|school|"
    r"company|outfit|institution|college|university|academy|platform|site|website)s?\b|"
    # "do employers respect these platforms or do they laugh at them"
    r"\blaugh at (?:them|these|those|it)\b|"
    r"\b(?:legit|legitimate|reputable|reputation|reputaci[oó]n|trustworthy|scam(?:my)?|"
    r"respected|taken seriously|well[- ]known|credible|reliable|sketchy|shady|"
    r"fly[- ]by[- ]night|reviews?|ratings?|rated|stars?|sus|complain(?:ed|ts?|ing)?)\b|"
    # "do they have a physical campus … just want to know they actually exist", "¿quién
    # respalda el tercer curso? ¿es del gobierno o es privado?"
    r"\b(?:physical|real|actual) (?:campus|location|office|address|building)\b|"
    r"\b(?:actually|really) exists?\b|\bqui[eé]n (?:respalda|ofrece|imparte|est[aá] detr[aá]s)\b|"
    r"\brespald\w+|\bdel gobierno\b|\bes privad[ao]\b|"
    r"\b(?:random|fake|real) (?:site|website|company|school|college|outfit)\b|"
    r"\b(?:who(?:ever)?|what (?:company|school|outfit|place|org\w*)|the (?:outfit|company|"
    r"school|people|folks|guys|org\w*|institution|university|college|provider|place)s?)\b"
    r"[^?.!]{0,25}"
    r"\b(?:runs?|running|behind|offers?|offering|makes?|made|puts? on|teach(?:es|ing)?)\b|"
    r"\b(?:escuela|instituto|academia|universidad)\b[^?.!]{0,30}\b(?:buen[ao]|confiable|"
    r"reconocid[ao])\b|\bconfiables?\b|"
    r"\b(?:es|son) (?:seri[ao]s?|reconocid[ao]s?|leg[ií]tim[ao]s?)\b|"
    r"\bis \w+(?: \w+)? (?:a )?real (?:thing|school|company|place|college|university|business|"
    r"provider)\b|\bnot a (?:real )?(?:school|college|university|company)\b|"
    # "that welding place in pasadena any good?"
    r"\b(?:place|school|college|academy|institute|provider|outfit|company)\b[^?.!]{0,30}"
    r"\bany good\b|\bjob placement\b|"
    # "they shut down mid-semester and she never got her money back", "pluralsight any good?"
    r"\b(?:respect|trust)s? (?:pluralsight|udemy|coursera|edx|alison|udacity|simplilearn|"
    r"futurelearn|them|that (?:school|place|site|company))\b|\blayoffs?\b|\bgot bought\b|"
    r"\b(?:still |even )?be around\b|\bshut (?:down|their doors)\b|\bclosed? down\b|"
    r"\bmoney back\b|\bgo(?:ing|es)? (?:out of "
    r"business|under|bankrupt)\b|^\W*\w+(?: \w+)? any good\b|\boutdated\b|\bout of date\b|"
    # "how do i know these are decent and kept up to date"
    r"\bup[- ]to[- ]date\b|\bhow (?:do|can|would) i (?:know|tell)\b[^?.!]{0,30}\b(?:decent|good|"
    r"legit|real|quality|any good)\b",
    re.IGNORECASE,
)
# One card turned down: "the udemy one is a hard no", "drop #2", "not feeling the first one".
_TURNED_DOWN = re.compile(
    r"\b(?:hard no|not for me|not interested|no thanks|not feeling|pass on|skip|don'?t (?:want|"
    r"like)(?! to (?:waste|spend|lose|pay|throw|risk|fall|be)\b)|remove|drop|get rid of|hide|"
    r"cross off|take off|no way)\b|"
    r"^(?:nah|no|nope)?[, ]*not (?:the|that) \w+(?: \w+)? one\b",
    re.IGNORECASE,
)
_ACCREDITED = re.compile(r"\b(?:accredit\w*|acreditad[ao]s?)\b", re.IGNORECASE)
# Which of two courses: "¿cuál es mejor, el primero o el tercero?", "which one is faster".
_COMPARE_ASKED = re.compile(
    r"\bcu[aá]l (?:es )?(?:mejor|me recomiendas|m[aá]s)\b|"
    # "which would u pick if u were me"
    r"\bwhich (?:one )?(?:would|should|do) (?:u|you|i) (?:pick|choose|go with|take|do)\b|"
    r"\bif (?:u|you) were me\b|"
    r"\bwhich (?:one|of (?:the|these|them|those)(?: two| 2| three| 3)?)\s*(?:is|'s|would be|"
    r"will be)\s+(?:faster|quicker|shorter|better|best|easier|more useful)\b|"
    # "which one gets me working faster", "the 2nd or the 3rd?"
    r"\bwhich (?:one|of (?:the|these|them|those)(?: two| 2| three| 3)?)\b[^?.!]{0,40}\b(?:faster|"
    r"quicker|sooner|better|best|cheaper|easier|more useful)\b|"
    r"\b(?:1st|2nd|3rd|#\d|first|second|third|last)(?: one)? (?:vs\.?|or|versus) (?:the )?"
    r"(?:1st|2nd|3rd|#\d|first|second|third|last)\b|"
    r"\bdifferen(?:ce|t)\b[^?.!]{0,30}?\bbetween (?:the|these|those|them|#?\d|(?:cards?|options?|"
    r"courses?|numbers?) ?#?\d)\b|"
    r"\bwhich (?:is|'s|one'?s|would be|gets? (?:me|you))\b[^?.!]{0,30}\b(?:better|best|faster|"
    r"fastest|quicker|quickest|easier|soonest)\b",
    re.IGNORECASE,
)
# Set side by side, asked without a question: "ok line them up for me: price, how long".
_SIDE_BY_SIDE = re.compile(
    r"\bline (?:them|these|those|em|'em) up\b|\bside[- ]by[- ]side\b|\bcompare (?:them|these|"
    r"those|all|the (?:three|3|two|2))\b|"
    # "card 1 or card 3 for someone who's been a line cook"
    r"^(?:card|option|number|no\.?|course|#) ?\d (?:vs\.?|or|versus) (?:card|option|number|"
    r"no\.?|course|#)? ?\d\b|"
    # "if u had to pick one which one"
    r"\bif (?:u|you) (?:had to|could only|were to|were me and had to) (?:pick|choose|recommend)\b",
    re.IGNORECASE,
)
# Time enough, asked about the learner's own hours: "i got maybe an hour a night … is that
# even enough for any of these".
_TIME_ENOUGH = re.compile(
    r"\b(?:is|would|will|'s) (?:that|it|this) (?:be )?(?:even |really |still )?enough\b|"
    # "i work 50 hr weeks … can i really do any of these on 5 hrs a week"
    r"\bcan i (?:really |actually |realistically |even )?(?:do|finish|manage|handle|keep up with|"
    r"fit)\b[^?.!]{0,30}\b(?:on|with|in) (?:only |just )?(?:\d+|an?|one|two|three|four|five|six)"
    r" (?:hours?|hrs?)\b|"
    r"\b(?:an? hour|\d+ (?:hours?|hrs?))(?: a| per| each)? (?:night|day|week)\b[^?.!]{0,40}"
    r"\benough\b",
    re.IGNORECASE,
)
# Two things set against each other: "google it support vs that cisco thing".
_VERSUS = re.compile(r"\w\s+(?:vs\.?|versus)\s+\w", re.IGNORECASE)
# Which card is best for the learner's device or place is each card's answer, not a table.
_ASKED_OF_EACH = frozenset({"device", "distance"})
# "Why this one?" in the learner's words: "how come the cisco thing is on there".
_WHY_ASKED = re.compile(
    r"\bhow come (?:all|these|they|the (?:three|3|courses|results))\b|"
    r"\bhow come (?:you|u)\b[^?.!]{0,30}\b(?:show\w*|pick\w*|chose|choose|gave|give|"
    r"recommend\w*|suggest\w*)\b|"
    r"\bhow come\b[^?.!]{0,50}\b(?:on there|in there|on (?:the|my|this) list|here|showed? up|"
    r"included|recommended|suggested|picked|chosen)\b|"
    r"\bwhy (?:is|are) (?:#\d|it|this|that|the [\w ]{1,25}?) (?:even |still )?(?:on |in )?"
    r"(?:there|here|on the list|included|recommended|showing|listed)\b|"
    r"\bwhy(?: did|'d| would| do|d) (?:you|u)\b[^?.!]{0,40}\b(?:pick|choose|chose|recommend|"
    r"suggest|show|include|put)\b|\bwhy (?:this|that|the \w+) one\b|"
    # "por qué me recomiendas el primero?"
    r"\bpor ?qu[eé] (?:me )?(?:recomiendas|recomienda|recomendaste|sugieres|elegiste|escogiste|"
    r"pusiste|mostraste|salió|sale)\b",
    re.IGNORECASE,
)
# Whether the paper itself is recognised: "is the certifcate from #1 recognized by
# employers or is it just a pdf" asks about the credential, not the whole course's worth.
_PAPER_RECOGNISED = re.compile(
    r"\b(?:the |this |that |a |its? )?(?:cert\w*|credential|diploma|badge)\b[^?.!]{0,30}"
    r"\b(?:recogni[sz]ed|accepted|valid|official)\b",
    re.IGNORECASE,
)
# Keeping the list: "email me this list", "can you send me those links".
_SAVE_LIST = re.compile(
    r"\b(?:email|e-mail|send|text|save|keep|forward|bookmark)\b(?: (?:me|it to me))?[^.?!]{0,12}"
    r"\b(?:this|the|these|that|my|those)\s+(?:\d\s+|two\s+|three\s+)?(?:list|courses|options|"
    r"links|shortlist|results|ones)\b|\b(?:send|email|text|forward)\s+(?:me\s+)?(?:these|those|"
    r"them|all|this)(?:\s+\d|\s+three|\s+two)?\s+to\s+(?:me|my)\b|"
    # "can u email me these 3 so i can look later"
    r"\b(?:email|e-mail|send|text|forward)\s+(?:me|it to me)\s+(?:these|those|them|all of (?:these|"
    r"them|those)|the (?:list|links|courses))(?:\s+\d|\s+three|\s+two)?\b",
    re.IGNORECASE,
)
# A person, not the assistant: "is there a real person i can talk to".
_PERSON_ASKED = re.compile(
    r"\b(?:talk|speak|chat|meet)\s+(?:to|with)\s+(?:a |an )?(?:real |actual |live )?(?:person|"
    r"human|advisor|adviser|counsel+or|someone|somebody|staff)\b|"
    r"\b(?:real|actual|live) (?:person|human|advisor|adviser|counsel+or)\b[^?.!]{0,20}\b(?:talk|"
    r"speak|chat|call|meet)\b|\b(?:somebody|someone|a person|anyone) (?:i can|to) (?:call|phone|"
    r"talk to|speak to|speak with|talk with)\b|"
    # "hay alguien con quien pueda hablar por telefono?", "quiero hablar con una persona"
    r"\balguien con quien (?:pueda |puedo )?hablar\b|\bhablar con (?:alguien|una persona|un "
    r"(?:asesor|consejero|humano))\b|\bpersona real\b",
    re.IGNORECASE,
)
_SKILL_WORD = re.compile(r"\bskills?(?:[- ]wise)?\b", re.IGNORECASE)
_NEW_ROLE = re.compile(r"\b(?:become|switch to|instead|rather)\b", re.IGNORECASE)
_NEARER_ALONE = re.compile(r"^\s*(?:any(?:thing)?\s+)?(?:closer|nearer)\b", re.IGNORECASE)
_TRAILING = re.compile(
    r"\s+(?:at all|actually|really|then|though|tho|please|pls|instead|or not|maybe|both|"
    r"in (?:the )?catalog|in there|here)$",
    re.IGNORECASE,
)
# Words that name a level or a constraint, not a subject ("anything for beginners?",
# "anything online?"): such a question is a refinement, left to its own reader.
NOT_SUBJECTS = frozenset(
    """beginner beginners newbies starters advanced intermediate experts pros free cheap
    cheaper online remote in person evenings evening weekends weekend nights self paced
    me us people someone like that this it them those these less more shorter quick""".split()
)
# Why the learner asks, after the subject: "excel pivot tables bc my boss keeps asking".
_REASON = re.compile(r"\s+(?:bc|b/c|because|cuz|cause|since|so that|so i|as i)\b.*$", re.IGNORECASE)
_LEADING = re.compile(r"^(?:the topic of |the subject of |a |an |the |some |any )", re.IGNORECASE)
# Two subjects asked about at once: "does #2 cover tableau or power bi?" asks about each.
_EITHER = re.compile(
    r"\s+(?:or|o)\s+(?!just\b|only\b|is\b|do\b|does\b|not\b|no\b|nah\b|what\b)", re.IGNORECASE
)
# An alternative question ("does it teach figma or just theory?") asks about its first part.
_ALTERNATIVE = re.compile(
    r"\s+or\s+(?:just|only|is it|is this|do|does|are|will|would)\b.*$", re.IGNORECASE
)

# A question: a question mark, or a question word first (after "so", "ok", "and", …).
_QUESTION = re.compile(
    r"\?|^(?:(?:so|ok|okay|and|but|also|hmm+|um+|wait|sorry|quick question|be honest|honestly|"
    r"idk|tbh|lol|like|realistically|"
    r"real talk|serious question)[,.!:]?\s+)*"
    r"(?:is|are|was|were|does|do|did|can|could|will|would|should|how|what|which|when|where|"
    r"who|why|whats|what's|hows|how's|isn'?t|aren'?t|doesn'?t|don'?t|any|r|u|cu[aá]l|"
    r"(?:has|have) (?:anyone|anybody|people|you|u)|am i|"
    r"qu[eé]|c[oó]mo|cu[aá]nt[oa]s?|d[oó]nde|hay|vale)\b|"
    # a question asked mid-sentence ("i travel a lot, would that be a problem"), Spanish ¿
    r"\b(?:would|will|could) (?:that|it|this) be\b|"
    # "if i get osha 30 does my boss have to pay me more"
    # "if i put in like 5 hrs a week how many months for card 2"
    r"\bhow (?:many|much|long)\b|"
    r"\bif i (?:get|do|finish|take|pass|complete|spend|pay|put in|invest)\b[^?.!]{0,40}\b"
    r"(?:does|do|will|would|is|are|can)"
    r" [a-z]+\b|\b(?:trying to (?:see|figure out)|"
    r"wondering|not sure) (?:if|whether)\b|"
    r"\b(?:can|could|will|would) (?:i|someone|somebody|"
    r"one|a person|people)\b|¿|\bor (?:is|are|do|does|will|would) (?:it|they|this|that|these)\b|"
    r"[,;.]\s*(?:(?:idk|tbh|honestly|lol|so)\s+)?(?:is|are|does|do|can|could|will|would|should|"
    r"how|what|which|why)\s+[#\w]",
    re.IGNORECASE,
)
# Words that point at the courses on screen.
_RESULTS = re.compile(
    # A question with its subject left out, as in Spanish: "is for speaking or reading?"
    r"^(?:is|are|does|do|can|will)\s+(?:for|in|on|about|good|ok|okay|online|free|hard|easy|"
    r"worth|live|taught|recorded|available)\b|"
    r"#\s?\d|\bwhich (?:one|ones)\b|"
    r"\b(?:(?:number|no\.?|option|course) \d|(?:the )?(?:first|second|third|last|top|"
    r"1st|2nd|3rd) one|this one|that one|these|those|they|them|it|its|this|that|either|"
    r"the (?:\w+ ){1,3}one|the (?:\w+ ){1,3}(?:course|class|program|programme|training)|"
    r"the (?:course|class|classes|program|programme|programs|programmes|one|ones|training|"
    r"school|lessons?|instructor|teacher)s?)\b|"
    r"\b(?:este|esta|estos|estas|esto|hacerlo|el (?:primero|segundo|tercero|[uú]ltimo)|"
    r"(?:el|los) cursos?|(?:la|las) clases?|(?:el|los) programas?|(?:del?|el|la) de [a-záéíóúñ]+|"
    r"(?:el|la) (?:\w+ )?de (?:google|udemy|coursera|edx|alison|ibm|microsoft))\b|\bcard #?\d\b",
    re.IGNORECASE,
)
# A question asking for other courses: a refinement of the search, not about these.
_ASKS_FOR_OTHERS = re.compile(
    r"^(?:(?:so|ok|okay|and|but|hmm+|um+)[,.!]?\s+)*(?:what about|how about|anything|"
    r"something|any (?:(?:free|cheaper|shorter|online|self[- ]paced|other|decent|good) )?"
    r"(?:courses?|classes|programs?|ones?|options?)|(?:is|are) there (?:any|"
    r"anything|something|some|other|more|an? (?:cheaper|shorter|free|online|quicker|faster|"
    r"closer|different|similar|other))|(?:is|are) there (?:free|cheaper|shorter|quicker|online|"
    r"self[- ]paced) (?:ones?|courses?|classes|options?|programs?)|"
    r"(?:do|does|can|could) (?:you|u|ya) (?:have|find|"
    r"show|get(?! (?:an? |the )?(?:\w+ )?job\b| hired\b)|"
    r"filter|narrow|limit)|(?:you|u|ya) got any(?:thing)?|(?:got|have you got) any|"
    r"(?:i|we) (?:need|want|prefer|only(?! have\b| got\b| work\b| get\b))|"
    r"s[oó]lo (?:los|las) (?:que|de)|nada m[aá]s (?:los|las)|(?:hay |tienes |tienen |tiene )?"
    r"(?:algo|alguno|alguna|otros?|otras?) m[aá]s (?:barat|econ[oó]mic|corto|r[aá]pid)\w*)\b",
    re.IGNORECASE,
)
# ... or says so after a comment: "i cant afford 400 rn, something under 100?",
# "these will take forever. smaller courses?"
_OTHERS_AFTER_COMMENT = re.compile(
    r"(?:^|[,.;!?]\s*)(?:(?:maybe|so|or|any)\s+)?(?:something|anything|smaller|shorter|cheaper|"
    r"other|different|quicker)\b(?:\s+\w+){0,2}\s*(?:under|below|less|for less|cheaper|"
    r"shorter|smaller|quicker|\?|$)|"
    r"(?:^|[,.;!?]\s*)(?:got|have you got|do you have|you have)\s+any\b|"
    # "#3 says in person?? only show me stuff i can do from home"
    r"(?:^|[,.;!?]\s*)(?:(?:so|ok|then|pls|please)\s+)?(?:only|just) show (?:me )?(?:the )?"
    r"(?:stuff|ones|courses|classes|things|programs?)\b|"
    # "these r all kinda out of my range tbh, got something lower cost?"
    r"\b(?:got|have|any|anything|something)\b[^?.!]{0,20}\b(?:lower[- ](?:cost|price[d]?)|"
    r"less expensive|more affordable)\b|\bout of (?:my )?(?:price )?range\b",
    re.IGNORECASE,
)


# Taking a kind of course off the list: "can u take out the in person ones".
_REMOVE_A_KIND = re.compile(
    r"\b(?:take out|remove|filter out|get rid of|hide|drop|leave out|cut)\b[^.?!]{0,20}\b(?:in[- ]"
    r"person|online|self[- ]paced|scheduled|paid|expensive|long|live|classroom)\b[^.?!]{0,10}"
    r"\b(?:ones?|courses?|classes|programs?)\b",
    re.IGNORECASE,
)
# More of the kind of one card: "show me more like the 2nd one".
# A card's number, not a quantity: "like 3" in "more like 3 some weeks" is hours.
_CARD_NUMBER = (
    r"#\d|\d\b(?! ?(?:some|a|an|per|each|every|or|hours?|hrs?|h|weeks?|wks?|days?|months?|bucks|"
    r"dollars|k)\b)"
)
_MORE_LIKE = re.compile(
    rf"\bmore (?:like|similar to) (?:the |that |this )?(?:{_CARD_NUMBER}|1st|2nd|3rd|first|second|"
    rf"third|last|one|ones|it|that|this|these|\w+ one)\b|\b(?:others?|more|anything) "
    rf"(?:like|similar to) (?:that|this|it|{_CARD_NUMBER}|the (?:\w+ )?one)\b",
    re.IGNORECASE,
)


def asks_for_others(said: str) -> bool:
    """Whether a message asks for other courses rather than about these."""
    return bool(
        _ASKS_FOR_OTHERS.match(said)
        or _OTHERS_AFTER_COMMENT.search(said)
        or _REMOVE_A_KIND.search(said)
    )


# What a question about the shown courses asks, first match wins: the order puts the
# narrow wordings ("how much python do I need before #1") before the broad ones ("how much").
_ASPECT_PATTERNS: tuple[tuple[CourseAspect, str], ...] = (
    (
        # How far: "is pharr close enough?", "how far is that from point pleasant"
        "distance",
        r"\bhow far\b|\bclose enough\b|\bnear enough\b|\bdistance\b|"
        # "the commute", not "study on my phone during my commute"
        r"(?<!during my )(?<!on my )(?<!during the )(?<!on the )\bcommute\b|"
        r"\bhow (?:close|near)\b|\bfar (?:from|away)\b|\bdrive (?:from|to)\b",
    ),
    (
        # Does it fit my life: shifts, kids, travel, a missed week, live sessions, a
        # place to go, the hours a week it asks.
        "fit",
        r"\bwhich (?:one|ones|of (?:these|them|those))(?: \d| three| two)? (?:can|could) i "
        r"(?:even |actually |realistically )?(?:do|manage|handle|finish|keep up with)\b|\bfit\b|"
        r"\bkeep up\b|\bdoable\b|\bmanageable\b|\brealistic(?:ally)?\b|\bjuggl\w+|"
        r"\b(?:around|with) (?:my |a |the |\d+[- ]?(?:hr|hour)s? )?(?:shifts?|kids|family|"
        r"full[- ]time job|day job|night job|two jobs)\b|\blog ?in at\b|"
        r"\b(?:set|fixed|certain|specific) (?:times?|hours|days)\b|\bmy own (?:speed|pace|time)\b|"
        r"\blive (?:classes|sessions|lectures|zoom|online)\b|\brecorded\b|\bzoom\b|"
        r"\bdeadlines?\b|\bpause\b|\bmiss (?:a|one|some|the odd) (?:weeks?|class(?:es)?|"
        r"days?|sessions?)\b|\btravel\b|\btraveling\b|\btravelling\b|\bin[- ]person\b|"
        r"\b(?:take|bring|do) (?:it |them |this |that |one )?(?:with|w/?) me\b|"
        r"\bmov(?:e|ing) (?:a lot|around|every|often)\b|\brelocat\w+|\bgo (?:anywhere|somewhere|"
        r"(?:in|on)to (?:a |the )?(?:campus|class(?:room)?))\b|\bshow up\b|"
        r"\bhow many (?:hours|hrs|h) (?:a|per|each|every) week\b|"
        r"\b(?:hours|hrs|h) (?:a|per) week (?:does|do|is|will)\b|\btime commitment\b|"
        r"\bworkload\b|\binternet\b|\bwi-?fi\b|\btime (?:difference|zone)s?\b|\bdeployed\b|"
        r"\boffline\b|\bfines de semana\b|\bpuedo hacerlo\b|\bhorario\b|\ben vivo\b|"
        r"\bhora fija\b|\bcuando (?:yo )?quiera\b|\ba mi (?:ritmo|tiempo)\b|"
        # "are these mostly videos or lots of reading", "im dyslexic"
        r"\b(?:mostly|all) (?:videos?|reading|text)\b|\blots of (?:reading|text)\b|"
        r"\bdyslexi\w*|\badhd\b|\bdisabilit\w*|\baccessib\w*|"
        # "could i do it on my lunch breaks, like 30 min chunks?"
        r"\blunch ?breaks?\b|\bstop (?:in the middle|halfway|partway|for a (?:week|while|bit))\b|"
        r"\bcome back (?:to it )?later\b|\btake a break\b|"
        r"\b\d+[- ]?min(?:ute)?s?\b[^?.!]{0,20}\b(?:chunks?|at a time|bits?|"
        r"sessions?|blocks?)\b|\b(?:short|small|little) (?:chunks|bits|bursts|sessions)\b|"
        r"\bbite[- ]sized\b",
    ),
    (
        # Whether it can be done by a date, or faster: "which one finishes in time", "can i
        # finish faster if i go full time?"
        "length",
        r"\bfinish(?:es)? (?:in time|on time|first|sooner|faster|quicker|earlier)\b|"
        r"\b(?:done|finished|complete[d]?) (?:before|by) (?:\w+ )?(?:january|february|march|april|"
        r"may|june|july|august|september|october|november|december|summer|fall|spring|winter|"
        r"christmas|then)\b|\b(?:go|do it|finish it) faster\b|\bspeed (?:it|this) up\b|"
        r"\bfinish(?:es)? (?:before|by) (?:\w+ )?(?:january|february|march|april|may|june|july|"
        r"august|september|october|november|december|summer|fall|spring|winter|christmas)\b",
    ),
    (
        # What the learner comes out with: "do i get the manager certification or just the
        # food handler card?"
        "licence",
        r"\bdo (?:i|you) (?:get|earn|receive) (?:a|an|the|my)\b[^?.!]{0,30}\b(?:cert\w*|card|"
        r"licen[cs]e|credential|diploma)\b|\bwhat does (?:the|my|that) (?:paper|certificate|cert|"
        r"diploma)\b|\b(?:does|will) (?:it|the (?:cert\w*|paper|diploma)) say\b|"
        r"\bme dan (?:un |el |la )?(?:diploma|t[ií]tulo|certificado)\b|"
        # "can i put it on linkedin?"
        r"\b(?:put|add|list|show|post)\b[^?.!]{0,25}\b(?:on|to) (?:my )?(?:linked ?in|resume|"
        r"r[ée]sum[ée]|cv)\b",
    ),
    (
        "level",
        r"\b(?:for (?:total |complete |absolute )?(?:beginners?|newbies?|starters|"
        r"dummies)|prereq\w*|pre-req\w*|need to know|have to know|should i know|"
        r"(?:need|have) (?:any )?(?:experience|background)|(?:experience|background) "
        r"(?:needed|required)|from (?:scratch|zero|nothing)|too (?:hard|advanced|basic|easy)|"
        r"how hard|(?:beginner|intermediate|advanced|entry)[- ]level|"
        r"difficult|(?:need|know) (?:\w+ ){0,3}before|how much \w+ (?:do|would|will) i need|"
        r"prior (?:knowledge|experience)|math[- ]heavy|how much math(?:ematics|s)?|"
        r"(?:does|do|will) (?:it|they|the \w+(?: \w+)?) assume|"
        r"(?:type|typing) (?:fast|speed)|"
        r"(?:do|would|will) i need (?:to (?:know|have|own|buy) )?(?!to\b)\w+ (?:for|to take|"
        r"to do)|(?:do|does|would|will) (?:i|u|you|one) need (?:a |an |my )?(?:high school |hs )?"
        r"(?:diploma|ged|degree)|ged)\b",
    ),
    (
        "length",
        r"\bhow many (?:hours|weeks|months|days)\b|\bhow long\b|\bwhen (?:would|will|could|"
        r"do|can|should) i (?:be )?(?:done|finish\w*|complete\w*|graduat\w*|through)\b|"
        r"\btotal (?:hours|hrs|time)\b|"
        r"\btakes? (?:weeks|months|ages|forever)\b|\bcu[aá]nto (?:dura|tiempo|tarda)\b|"
        r"\bcu[aá]ntas (?:horas|semanas)\b|\bcu[aá]ntos (?:meses|d[ií]as|a[ñn]os)\b|\bdura\b|"
        r"\b\d+\s*(?:training "
        r"|clock |contact |class )?(?:hours|hrs)\b(?! ?(?:a|per|each|every) ?w)",
    ),
    (
        "schedule",
        r"\b(?:nights?|evenings?|mornings?|afternoons?|weekends?|weekdays?|"
        r"saturdays?|sundays?|during the (?:week|day)|class (?:times?|hours|schedule)|"
        r"what times?|what days?|which days?|schedule|after work|around (?:a |my )?"
        r"(?:job|work|shifts?)|(?:full|part)[- ]time|daytime|start dates?|next (?:group|cohort|"
        r"class|session|intake|start)|ma[ñn]anas?|tardes?|noches?)\b|"
        r"\bwhen (?:does|do|is|will) (?:the |it |they |this |that )?(?:next )?(?:\w+ )?"
        r"(?:start|begin|open)\w*|"
        # "can i start the 3rd one in january instead?"
        r"\b(?:start|begin|join)\b[^?.!]{0,25}\b(?:in|on|after|next|this) (?:january|february|"
        r"march|april|may|june|july|august|september|october|november|december|jan|feb|sept?|"
        r"oct|nov|dec|spring|summer|fall|autumn|winter|the new year)\b",
    ),
    (
        "language",
        r"\b(?:english|spanish|espa[ñn]ol|ingl[eé]s|french|portuguese|chinese|"
        r"arabic|(?<!sign )(?<!programming )(?<!coding )language|subtitle[sd]?|captions?|"
        r"captioned|translated|transcripts?)\b",
    ),
    (
        "device",
        r"\b(?:(?:on|in|from|with) (?:my |a )?(?:phone|cell|mobile|tablet|ipad|"
        r"iphone|android|chromebook)|app)\b|\b(?:desde|en) (?:el|mi|un) (?:tel[eé]fono|celular|"
        r"m[oó]vil)\b|\b(?:only|just) (?:have|got) (?:my |a )?(?:phone|"
        r"cell|tablet|ipad|chromebook)\b|\bno (?:laptop|computer|pc)\b|"
        # "my laptop is super old and slow, chromebook actually. can i do the course on that"
        r"\bchromebook\b|\b(?:old|slow|ancient|cheap) (?:laptop|computer|pc)\b|"
        r"\b(?:laptop|computer|pc) is (?:\w+ )?(?:old|slow|ancient)\b|\b(?:don'?t|dont) (?:have|"
        r"own) (?:a )?(?:laptop|computer|pc)\b",
    ),
    (
        "licence",
        r"\bcollege credits?\b|\b(?:will|would|do|does|can) (?:it|they|the credits?|that) "
        r"transfer\b|"
        r"\b(?:licen[cs]e\w*|licensure|count(?:s)? (?:toward|towards|for)|state "
        r"(?:exam|board)|board exam|approved|accredit\w*|recogni[sz]ed)\b",
    ),
    (
        "cost",
        r"\b(?:cheapest|cheaper|how much (?:is|does|do|are|would|will)|cost\w*|"
        r"price\w*|pricey|expensive|fees?|tuition|normal (?:for|price)|a lot (?:for|of money)|"
        r"overpa\w+|rip[- ]?off|too much|afford\w*|free(?! time| hours?| days?| evenings?)|"
        r"pay (?:after|later|for)|paid)\b",
    ),
    (
        "practice",
        r"\b(?:projects?(?! manag\w*| coordinat\w*| plann\w*)|portfolio|labs?|hands[- ]on|"
        r"practical|exercises?|"
        r"real[- ]world|clinicals?|externships?|internships?|simulat\w+|feedback|graded|"
        r"grades?|mentors?|tutors?|(?:real|actual) (?:person|human|teacher|instructor)s? "
        r"(?:who|that|to) (?:looks?|grades?|checks?|reviews?|marks?|gives?|reads?|corrects?))\b",
    ),
    (
        # What is in it, asked without pointing at a course: "are there videos so i can
        # see the hands?", "is there an exam at the end?"
        "listing",
        r"^(?:(?:so|ok|and|but)\s+)?(?:are|is) there (?:any |an? )?(?:videos?|video lessons|"
        r"quiz(?:zes)?|exams?|tests?|assignments?|homework|readings?|live sessions?|final|"
        r"textbooks?|books?|materials?|transcripts?)\b",
    ),
)
_ASPECTS = tuple(
    (aspect, re.compile(pattern, re.IGNORECASE)) for aspect, pattern in _ASPECT_PATTERNS
)


@dataclass(frozen=True)
class FollowUpRequest:
    """One request read from the words: its kind and what it names."""

    kind: RequestKind
    topic: str | None = None  # for ask_topic / ask_coverage: the subject asked about
    # for ask_topic: the other subjects asked about in the same message ("which one does
    # the excel stuff and which one does sql?")
    more_topics: tuple[str, ...] = ()
    place: str | None = None  # for ask_nearer: the town named, if any
    aspect: CourseAspect | None = None  # for ask_course: what is asked about the courses


def _topic(words: str) -> str | None:
    """The subject as the learner named it, without trailing fillers or the reason."""
    topic = _REASON.sub("", _ALTERNATIVE.sub("", words.strip(" ,;:'\"")))
    previous = None
    while previous != topic:
        previous = topic
        topic = _LEADING.sub("", _TRAILING.sub("", topic)).strip(" ,;:'\"")
    if not topic or set(re.findall(r"[a-z]+", topic.lower())) <= NOT_SUBJECTS:
        return None
    return topic


def asks_for_paperwork(text: str) -> bool:
    """Whether the message asks the assistant to do a form or an application
    ("can you help me fill out my FAFSA"): a task it declines, never a goal or a question
    about funding."""
    return bool(_PAPERWORK.search(text))


def names_a_time(text: str) -> bool:
    """Whether the words say when ("in 3 days", "next week", "on Friday")."""
    return reminder_time(text, datetime(2000, 1, 3, 12, tzinfo=UTC)) is not None


def follow_up_request(text: str) -> FollowUpRequest | None:
    """The request a follow-up message makes, or None when it makes none of these."""
    said = tidy(text)
    if not said or asks_for_paperwork(said):
        return None
    if _PERSON_ASKED.search(said):
        return FollowUpRequest("human_handoff")
    if _MORE_LIKE.search(said):
        return FollowUpRequest("more_results")
    if _SAVE_LIST.search(said):
        return FollowUpRequest("save_shortlist")
    if _CONTACT.search(said) and names_a_time(said):
        return FollowUpRequest("set_reminder")
    if _SKILLS_LEFT.search(said) and (
        not _NEW_ROLE.search(said) or points_at_results(said) or _SKILL_WORD.search(said)
    ):
        # "for become bookkeeper what I must learn? the courses cover all?" restates the
        # goal while asking about the cards; "what do I need to become a nurse?" does not.
        return FollowUpRequest("ask_skills")
    if _PAPER_RECOGNISED.search(said) and _QUESTION.search(said):
        return FollowUpRequest("ask_course", aspect="licence")
    if _ACCREDITED.search(said) and _QUESTION.search(said):
        # "is the community college one accredited? my job only reimburses those"
        return FollowUpRequest("ask_provider")
    if _FUNDING.search(said) and not asks_for_paperwork(said):
        return FollowUpRequest("ask_funding")
    if (_TURNED_DOWN.search(said) and (names_a_card(said) or names_every_card(said))) or (
        turns_down_every_card(said)
    ):
        # "the udemy one is a hard no for me", "nah none of these are for me"
        return FollowUpRequest("not_interested")
    if (
        _VERSUS.search(said)
        and not asks_for_others(said)
        and course_question(said) in {None, "listing"}
    ):
        # "google it support vs that cisco thing"; not "how much is hands on vs sitting"
        return FollowUpRequest("compare")
    if _SIDE_BY_SIDE.search(said) and not asks_for_others(said):
        return FollowUpRequest("compare")
    if _TIME_ENOUGH.search(said) and not asks_for_others(said):
        return FollowUpRequest("ask_course", aspect="fit")
    if _QUESTION.search(said) and not asks_for_others(said):
        if _COMPARE_ASKED.search(said):
            if (aspect := course_question(said)) in _ASKED_OF_EACH:
                # "which of these works best if i only study on my phone": each card's answer
                return FollowUpRequest("ask_course", aspect=aspect)
            return FollowUpRequest("compare")
        if _WHY_ASKED.search(said):
            return FollowUpRequest("why_this")
        if _PROVIDER_ASKED.search(said):
            return FollowUpRequest("ask_provider")
        if _WORTH_ASKED.search(said):
            return FollowUpRequest("ask_worth")
    if (taught := _KNOW_OR_TAUGHT.search(said)) and (topic := _topic(taught.group("topic"))):
        # "do i need to know sql for these or do they teach it": whether they teach it.
        return FollowUpRequest("ask_topic", topic=topic)
    if aspect := course_question(said):
        return FollowUpRequest("ask_course", aspect=aspect)
    checked = [
        topic
        for match in _TOPIC_CHECK.finditer(said)
        for words in _EITHER.split(next(filter(None, match.groups()), ""))
        if (topic := _topic(words))
    ]
    if checked:
        return FollowUpRequest("ask_topic", topic=checked[0], more_topics=tuple(checked[1:]))
    covered = _COVERAGE.search(said)
    if covered and (topic := _topic(next(filter(None, covered.groups()), ""))):
        return FollowUpRequest("ask_coverage", topic=topic)
    if nothing_in := _NOTHING_IN.search(said):
        return FollowUpRequest("ask_nearer", place=_topic(nothing_in.group("place")))
    if _NEARER_CUE.search(said) or _NEARER_ALONE.match(said):
        match = _NEARER.search(said)
        place = _topic(match.group("place") or "") if match else None
        return FollowUpRequest("ask_nearer", place=place)
    return None


def asks_about_results(text: str) -> bool:
    """A question that points at the courses on screen ("is the first one at night?",
    "will i come out with portfolio projects?"): answered about them, never read as a new
    goal or a change of answer."""
    said = tidy(text)
    return bool(
        said
        and _QUESTION.search(said)
        and points_at_results(said)
        and not _about_something_else(said)
    )


def _about_something_else(said: str) -> bool:
    """A question that is not about the courses on screen, though it may point at them:
    other courses ("anything cheaper?"), the learner's paperwork ("do my homework for the
    sql class"), or a new goal ("forget IT, thinking about dental assisting instead, what
    would that look like?")."""
    return (
        asks_for_others(said)
        or asks_for_paperwork(said)
        or bool(_NEW_ROLE.search(said) and is_goal_statement(said))
        or bool(_UNRELATED.search(said))
    )


# "lol unrelated but how long do i boil eggs for": the learner says it is off the subject.
_UNRELATED = re.compile(
    r"\b(?:unrelated|off[- ]topic|random (?:question|q))\b[^?.!]{0,12}\bbut\b|"
    r"^\W*(?:(?:lol|haha|ok|so|also)\W+)?(?:totally |completely )?(?:unrelated|off[- ]topic)\b",
    re.IGNORECASE,
)


_THIS_TIME = re.compile(
    r"\b(?:this|that|next) (?:weekend|week|month|year|morning|afternoon|evening|night|summer|"
    r"winter|spring|fall|time)\b",
    re.IGNORECASE,
)


def points_at_results(text: str) -> bool:
    """Whether the words refer to the courses on screen ("#2", "these", "the school");
    "this weekend" names a time, not a course."""
    return bool(_RESULTS.search(_THIS_TIME.sub(" ", tidy(text) or "")))


def course_question(text: str) -> CourseAspect | None:
    """What a question about the courses on screen asks: when classes are, their
    language, a phone, the level needed, the fee, a licence, hands-on work, how long.
    None when the message is not a question, asks for other courses ("anything
    cheaper?", "what about weekends?": refinements, read elsewhere), or asks something
    else ("listing" is the caller's call: it knows whether the classifier recognised it).
    """
    said = tidy(text)
    if not said or not _QUESTION.search(said) or _about_something_else(said):
        return None
    aspect = next((aspect for aspect, pattern in _ASPECTS if pattern.search(said)), None)
    if aspect != "fit" and not _RESULTS.search(said) and is_goal_statement(said):
        # "how do I get a Texas locksmith licence?" names a new goal; "do I need to log
        # in at set times?" asks whether the courses fit the learner's life.
        return None
    return aspect
